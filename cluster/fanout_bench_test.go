package cluster

import (
	"context"
	"testing"

	"github.com/sagasu-search/sagasu/internal/natstest"
	"github.com/sagasu-search/sagasu/searcher"
)

// BenchmarkFanOut searches 3,000 articles on a cluster of three nodes (6
// shards, 2 replicas; four shards in process, two over NATS on
// 127.0.0.1) and in one process holding them in 6 shards, to measure what
// the fan-out's requests add to a search:
//
//	go test -run XXX -bench FanOut -benchtime 200x ./cluster
func BenchmarkFanOut(b *testing.B) {
	nc := natstest.Start(b, 3)
	dir := b.TempDir()
	var nodes []*searchNode
	for id := 1; id <= testNodes; id++ {
		n := startSearchNode(b, nc.URLs, id, dir)
		defer n.Close()
		nodes = append(nodes, n)
	}
	docs := newsArticles(3000)
	ops := make([]Op, len(docs))
	for i := range docs {
		ops[i] = Op{Put: &docs[i]}
	}
	waitApplied(b, nodes[0].Node, publish(b, nodes[0].Node, ops))
	one := oneProcess(b, docs, nil)
	for _, q := range []string{"said", `"prime minister"`, "ministr", "rice quake wages storm chip yen"} {
		for _, c := range []struct {
			name string
			s    *searcher.Searcher
		}{{"cluster", nodes[0].s}, {"one process", one}} {
			b.Run(q+"/"+c.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := c.s.Search(context.Background(), searcher.Request{Query: q}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
