package cluster

import (
	"context"
	"testing"

	"github.com/sagasu-search/sagasu/searcher"
)

// BenchmarkFanOut searches 3,000 articles on a cluster of three nodes (6
// shards, 2 replicas; four shards in process, two over NATS on
// 127.0.0.1) and in one process holding them in 6 shards, to measure what
// the fan-out's requests add to a search:
//
//	go test -run XXX -bench FanOut -benchtime 200x ./cluster
func BenchmarkFanOut(b *testing.B) {
	_, nodes := startSearchCluster(b)
	docs := newsArticles(3000)
	waitApplied(b, nodes[0].Node, publish(b, nodes[0].Node, putsOf(docs)))
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
