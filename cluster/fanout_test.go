package cluster

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/natstest"
	"github.com/sagasu-search/sagasu/searcher"
)

// searchNode is a node with the searcher over the whole cluster that
// serve --cluster builds: its own shards in process, the others through
// their holders.
type searchNode struct {
	*Node
	s *searcher.Searcher
}

// startSearchNode starts node id with an entity annotator, a short
// QueryTimeout and its searcher, answering the other nodes' searches.
func startSearchNode(t testing.TB, urls []string, id int, dir string) *searchNode {
	t.Helper()
	annotator := entity.NewExtractor(entity.Default())
	n := startNodeWith(t, urls, id, dir, func(c *Config) {
		c.QueryTimeout = 500 * time.Millisecond
		c.Open = func(path string) (*indexer.Index, error) {
			ix, _, err := indexer.Open(path, indexer.Options{Annotator: annotator})
			return ix, err
		}
	})
	local := map[int]*indexer.Index{}
	for _, ls := range n.Local() {
		local[ls.Shard] = ls.Index
	}
	s := searcher.New(n.Local()[0].Index, entity.Default(), searcher.WithShards(testShards, local, n.RemoteShard))
	if err := n.Serve(s); err != nil {
		t.Fatal(err)
	}
	return &searchNode{Node: n, s: s}
}

// newsArticles returns n articles of news-like English text, with names
// the gazetteer knows, dates (some missing), three sources, and every
// 40th a copy of the one before (equal scores, ordered by ID). No
// Japanese: loading its dictionary took 15 s of this test's 30 on the
// shared machine, and the searcher's shard test covers Japanese queries

// startSearchCluster starts three NATS servers and testNodes search nodes
// on them; the test's cleanup closes the nodes.
func startSearchCluster(t testing.TB) (*natstest.Cluster, []*searchNode) {
	nc := natstest.Start(t, 3)
	dir := t.TempDir()
	var nodes []*searchNode
	for id := 1; id <= testNodes; id++ {
		n := startSearchNode(t, nc.URLs, id, dir)
		t.Cleanup(func() { n.Close() })
		nodes = append(nodes, n)
	}
	return nc, nodes
}

// putsOf is a put of each of docs.
func putsOf(docs []corpus.Article) []Op {
	ops := make([]Op, len(docs))
	for i := range docs {
		ops[i] = Op{Put: &docs[i]}
	}
	return ops
}

// (remote shards plan them alike).
func newsArticles(n int) []corpus.Article {
	words := strings.Fields(`minister government said year percent bank yen growth export trade market rate
		inflation policy budget tax energy nuclear plant chip factory company shares stock rose fell record deal
		talks summit election party vote prices wages workers port ship rail storm quake rice fish`)
	names := []string{"Fumio Kishida", "Shinzo Abe", "Bank of Japan", "Toyota", "Tokyo", "Osaka", "prime minister"}
	rng := rand.New(rand.NewPCG(23, 7))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	pick := func(k int) string {
		var b []string
		for range k {
			if rng.IntN(8) == 0 {
				b = append(b, names[rng.IntN(len(names))])
			} else {
				b = append(b, words[rng.IntN(len(words))])
			}
		}
		return strings.Join(b, " ")
	}
	out := make([]corpus.Article, n)
	for i := range out {
		pub := base.Add(time.Duration(rng.IntN(24*365)) * time.Hour)
		a := corpus.Article{ID: fmt.Sprintf("n-%03d", i), Lang: corpus.LangEnglish, Published: &pub,
			Source: []string{"wire", "daily", "herald"}[i%3], Title: pick(3 + rng.IntN(4)), Body: pick(20+rng.IntN(40)) + "."}
		switch {
		case i%50 == 9:
			a.Published = nil
		case i%40 == 1:
			prev := out[i-1]
			a.Title, a.Body, a.Published, a.Lang = prev.Title, prev.Body, prev.Published, prev.Lang
		}
		out[i] = a
	}
	return out
}

// fanoutRequests are the requests a cluster must answer as one process.
func fanoutRequests() []searcher.Request {
	since := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	return []searcher.Request{
		{Query: "said"},
		{Query: "minister", FacetSize: 3},
		{Query: "said", From: 20, Size: 15},
		{Query: "bank", Sort: searcher.SortDate, From: 10, Size: 30},
		{Query: `"prime minister"`, FacetSize: 100},
		{Query: "Kishida", FacetSize: 100},
		{Query: "rate", Entities: []searcher.EntityFilter{{Type: corpus.TypeOrganization, Name: "Bank of Japan"}}},
		{Query: "year -percent", Since: &since, Size: 50},
		{Query: "stock", Lang: corpus.LangEnglish, Source: "wire", Size: 40},
		{Query: "ministr"},                         // a typo: near spellings
		{Query: "pri", Prefix: true, Size: 30},     // a prefix
		{Query: "rice quake wages storm chip yen"}, // relaxed
		{Query: "", Size: 20},
		{Query: "bank", FacetsOnly: true, FacetSize: 100},
		{Query: "zzzznothing"},
	}
}

// sameAnswer fails t unless got is want's answer: the same hits in the
// same order with the same scores (to 1e-9) and snippets, the same
// total, facets, relaxing, entities and suggestion.
func sameAnswer(t *testing.T, who string, got, want *searcher.Response) {
	t.Helper()
	if got.Total != want.Total || got.Relaxed != want.Relaxed || len(got.Hits) != len(want.Hits) || got.Suggestion != want.Suggestion {
		t.Fatalf("%s: total %d, relaxed %v, %d hits, suggestion %q; one process: %d, %v, %d, %q", who,
			got.Total, got.Relaxed, len(got.Hits), got.Suggestion, want.Total, want.Relaxed, len(want.Hits), want.Suggestion)
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9 || !slices.Equal(g.Snippets.Body, w.Snippets.Body) || g.Title != w.Title {
			t.Fatalf("%s: hit %d: %s %.12f %q\none process: %s %.12f %q", who, i, g.ID, g.Score, g.Snippets.Body, w.ID, w.Score, w.Snippets.Body)
		}
	}
	if fmt.Sprint(got.Facets) != fmt.Sprint(want.Facets) || fmt.Sprint(got.QueryEntities) != fmt.Sprint(want.QueryEntities) {
		t.Errorf("%s: facets %v entities %v\none process: %v %v", who, got.Facets, got.QueryEntities, want.Facets, want.QueryEntities)
	}
	if got.Partial == nil || *got.Partial || got.MissingShards != nil {
		t.Errorf("%s: partial %v, missing %v; want false and none", who, got.Partial, got.MissingShards)
	}
}

// TestFanOutRanksAsOneProcess posts articles to a cluster of three
// nodes (6 shards, 2 replicas), and checks that every node answers every
// request as one process holding the same articles in 6 shards does,
// whole listings walked with search_after included; then that with one holder of each shard stopped, and another cut off
// (subscribed but silent), the other replica answers in full; and that
// with both holders of shards stopped the answer is partial and names
// exactly those shards.
func TestFanOutRanksAsOneProcess(t *testing.T) {
	nc, nodes := startSearchCluster(t)
	docs := newsArticles(360)
	acks := publish(t, nodes[0].Node, putsOf(docs))
	dels := []Op{{Delete: "n-005"}, {Delete: "n-100"}, {Delete: "n-201"}}
	waitApplied(t, nodes[1].Node, append(acks, publish(t, nodes[2].Node, dels)...))
	one := oneProcess(t, docs, ids(dels))
	ctx := context.Background()
	for _, r := range fanoutRequests() {
		want, err := one.Search(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if r.Query != "zzzznothing" && want.Total == 0 {
			t.Errorf("%+v finds nothing: it checks nothing", r)
		}
		for _, n := range nodes {
			got, err := n.s.Search(ctx, r)
			if err != nil {
				t.Fatalf("node %d: %+v: %v", n.ID(), r, err)
			}
			sameAnswer(t, fmt.Sprintf("node %d, %q from %d by %s", n.ID(), r.Query, r.From, r.Sort), got, want)
		}
	}
	checkListings(t, nodes, one)
	checkWalks(t, nodes, one)
	checkFailover(t, nc, nodes, one)
}

// checkWalks checks that every node walks whole listings page by page
// with search_after, the cursor travelling in the ShardQuery to the other
// nodes, and gets the hits, order and scores of one process's listing.
func checkWalks(t *testing.T, nodes []*searchNode, one *searcher.Searcher) {
	t.Helper()
	ctx := context.Background()
	for _, r := range []searcher.Request{{Query: "said"}, {Query: "bank", Sort: searcher.SortDate}} {
		var want []searcher.Hit
		for from := 0; from == len(want); from += searcher.MaxSize {
			r.From, r.Size = from, searcher.MaxSize
			res, err := one.Search(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, res.Hits...)
		}
		r.From, r.Size = 0, 9
		for _, n := range nodes {
			got, err := walkAll(ctx, n.s, r, len(want))
			if err != nil {
				t.Fatalf("node %d: %q: %v", n.ID(), r.Query, err)
			}
			for i := range min(len(got), len(want)) {
				if g, w := got[i], want[i]; g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9 {
					t.Fatalf("node %d, %q: hit %d: walked %s %.12f, listed %s %.12f", n.ID(), r.Query, i, g.ID, g.Score, w.ID, w.Score)
				}
			}
			if len(got) != len(want) || len(want) <= r.Size {
				t.Errorf("node %d, %q: %d hits walked, %d listed", n.ID(), r.Query, len(got), len(want))
			}
		}
	}
}

// walkAll reads r's listing page by page with search_after, at most
// limit hits and a page more.
func walkAll(ctx context.Context, s *searcher.Searcher, r searcher.Request, limit int) ([]searcher.Hit, error) {
	var all []searcher.Hit
	for len(all) <= limit {
		res, err := s.Search(ctx, r)
		if err != nil || len(res.Hits) == 0 {
			return all, err
		}
		all = append(all, res.Hits...)
		if r.SearchAfter, err = searcher.ParseCursor(res.Hits[len(res.Hits)-1].Cursor); err != nil {
			return all, err
		}
	}
	return all, nil
}

// checkListings checks that every node lists entities, shows entity pages
// and counts the statistics as one process does.
func checkListings(t *testing.T, nodes []*searchNode, one *searcher.Searcher) {
	t.Helper()
	ctx := context.Background()
	for _, n := range nodes {
		for _, r := range []searcher.EntitiesRequest{{Size: 50}, {Type: corpus.TypePerson, Size: 5}, {Prefix: "to"}} {
			want, err := one.Entities(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			got, err := n.s.Entities(ctx, r)
			if err != nil || fmt.Sprint(got) != fmt.Sprint(want) || len(want) == 0 {
				t.Errorf("node %d: entities %+v: %v (%v)\none process %v", n.ID(), r, got, err, want)
			}
		}
		for _, r := range []searcher.EntityPageRequest{{Type: corpus.TypeOrganization, Name: "Bank of Japan", Size: 3},
			{Type: corpus.TypePerson, Name: "Kishida", Size: 10}} {
			want, err := one.Entity(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			got, err := n.s.Entity(ctx, r)
			if err != nil || fmt.Sprint(*got) != fmt.Sprint(*want) {
				t.Errorf("node %d: entity page %+v: %v (%v)\none process %v", n.ID(), r, got, err, *want)
			}
		}
		want, err := one.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got, err := n.s.Stats(ctx)
		if err != nil || got.Articles != want.Articles || fmt.Sprint(got.Languages, got.Entities) != fmt.Sprint(want.Languages, want.Entities) {
			t.Errorf("node %d: stats %+v (%v), one process %+v", n.ID(), got, err, want)
		}
	}
}

// oneProcess indexes docs, less the deleted, in one process in as many
// shards as the cluster has.
func oneProcess(t testing.TB, docs []corpus.Article, deleted []string) *searcher.Searcher {
	t.Helper()
	ix, err := indexer.NewInMemory(indexer.Options{Annotator: entity.NewExtractor(entity.Default()), Shards: testShards})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.DeleteMany(context.Background(), deleted); err != nil {
		t.Fatal(err)
	}
	return searcher.New(ix, entity.Default())
}

// checkFailover stops node 3 and leaves a silent subscriber on its
// subject, as a node cut off the network would: nodes 1 and 2 still
// answer in full from the other replicas. Then it stops node 2: node 1
// answers partially, without shards 1 and 4, which only nodes 2 and 3
// hold.
func checkFailover(t *testing.T, nc *natstest.Cluster, nodes []*searchNode, one *searcher.Searcher) {
	t.Helper()
	ctx := context.Background()
	if err := nodes[2].Close(); err != nil {
		t.Fatal(err)
	}
	silent, err := nats.Connect(strings.Join(nc.URLs, ","))
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	if _, err := silent.Subscribe(QuerySubject(3), func(*nats.Msg) {}); err != nil {
		t.Fatal(err)
	}
	if err := silent.Flush(); err != nil {
		t.Fatal(err)
	}
	r := searcher.Request{Query: "storm", Source: "wire", Size: 100, FacetSize: 100}
	want, err := one.Search(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes[:2] {
		got, err := n.s.Search(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		sameAnswer(t, fmt.Sprintf("node %d with node 3 silent", n.ID()), got, want)
	}
	if err := nodes[1].Close(); err != nil {
		t.Fatal(err)
	}
	got, err := nodes[0].s.Search(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	var found, held []string
	for _, h := range got.Hits {
		found = append(found, h.ID)
	}
	for _, h := range want.Hits {
		if s := ShardOf(h.ID, testShards); s != 1 && s != 4 {
			held = append(held, h.ID)
		}
	}
	slices.Sort(found)
	slices.Sort(held)
	if _, err := nodes[0].s.Entities(ctx, searcher.EntitiesRequest{}); !errors.Is(err, searcher.ErrShardUnavailable) ||
		!strings.Contains(err.Error(), "[1 4]") {
		t.Errorf("entities with nodes 2 and 3 stopped: %v, want shards [1 4] unavailable", err)
	}
	if got.Partial == nil || !*got.Partial || !slices.Equal(got.MissingShards, []int{1, 4}) ||
		!slices.Equal(found, held) || got.Total != uint64(len(held)) || want.Total > uint64(r.Size) || len(held) == 0 {
		t.Errorf("nodes 2 and 3 stopped: partial %v, missing %v, total %d, hits %v;\nwant partial, missing [1 4], the %d hits of the other shards %v",
			got.Partial, got.MissingShards, got.Total, found, len(held), held)
	}
}

// TestMessageEncoding checks the fan-out's message bodies: a small one
// sent as JSON, a large one compressed, both decoded to what was sent
// (a search_after cursor bit for bit),
// and one NATS would refuse an error.
func TestMessageEncoding(t *testing.T) {
	many := make([]string, 20000)
	for i := range many {
		many[i] = fmt.Sprintf("article-%05d", i)
	}
	for _, tt := range []struct {
		name       string
		ids        []string
		max        int64
		compressed bool
		fails      bool
	}{
		{"small", []string{"a", "b"}, 1 << 20, false, false},
		{"large", many, 1 << 20, true, false},
		{"beyond max_payload", many, 4096, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			after := &searcher.Cursor{Sort: searcher.SortDate, Score: 0.1 + 0.2, Date: -1 << 63, ID: "n-007"}
			sent := shardCall{Shard: 3, Round: roundFetch, Query: searcher.ShardQuery{Request: searcher.Request{Query: "bank", SearchAfter: after}}, IDs: tt.ids}
			m, err := encodeMsg(sent, tt.max)
			if tt.fails {
				if err == nil {
					t.Fatalf("a body beyond %d bytes encoded: %d bytes", tt.max, len(m.Data))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Header.Get(encodingHeader) == "gzip"; got != tt.compressed {
				t.Errorf("compressed %v, want %v (%d bytes)", got, tt.compressed, len(m.Data))
			}
			var back shardCall
			if err := decodeMsg(m, &back); err != nil {
				t.Fatal(err)
			}
			if back.Shard != 3 || back.Round != roundFetch || back.Query.Request.Query != "bank" || !slices.Equal(back.IDs, tt.ids) ||
				back.Query.Request.SearchAfter == nil || *back.Query.Request.SearchAfter != *after {
				t.Errorf("decoded %+v", back)
			}
		})
	}
}
