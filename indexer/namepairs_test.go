package indexer

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// fakePairs is a NamePairs in a map.
type fakePairs struct {
	mu sync.Mutex
	m  map[string][]string
}

func (f *fakePairs) Encoded(id string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.m[id]
}

func (f *fakePairs) SetEncoded(id string, ps []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(ps) == 0 {
		delete(f.m, id)
		return
	}
	f.m[id] = ps
}

func (f *fakePairs) Forget(id string) { f.SetEncoded(id, nil) }

// String lists the IDs with pairs, sorted.
func (f *fakePairs) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return fmt.Sprint(slices.Sorted(maps.Keys(f.m)))
}

// pairingAnnotator records, as entity.Extractor does, a pair for each
// article whose body says "pair", none for the others; then it calls
// after, when set.
type pairingAnnotator struct {
	pairs *fakePairs
	after func()
}

func (p *pairingAnnotator) Annotate(a corpus.Article) corpus.Entities {
	var ps []string
	if strings.Contains(a.Body, "pair") {
		ps = []string{"Koji Sato\t佐藤恒治"}
	}
	p.pairs.SetEncoded(a.ID, ps)
	if p.after != nil {
		p.after()
	}
	return corpus.Entities{}
}

// The name pairs follow the articles the index holds: set by a committed
// batch, set back when a batch fails, dropped by a re-ingest without them
// and by Delete and DeleteMany.
func TestNamePairsFollowArticles(t *testing.T) {
	ctx := context.Background()
	art := func(id, body string) corpus.Article { return corpus.Article{ID: id, Title: "t", Body: body} }
	for _, shards := range []int{1, 2} {
		pairs := &fakePairs{m: map[string][]string{}}
		an := &pairingAnnotator{pairs: pairs}
		ix, err := NewInMemory(Options{Annotator: an, NamePairs: pairs, Shards: shards})
		if err != nil {
			t.Fatal(err)
		}
		failing := ix
		if shards > 1 {
			failing = ix.Shards()[ShardOf("a1", shards)]
		}
		steps := []struct {
			name string
			do   func() error
			fail bool
			want string
		}{
			{"ingest", func() error {
				return ix.Put(ctx, []corpus.Article{art("a1", "a pair"), art("a2", "a pair"), art("a3", "none")})
			}, false, "[a1 a2]"},
			{"failed re-ingest", func() error {
				failing.beforeBatch = func() error { return errors.New("disk full") }
				defer func() { failing.beforeBatch = nil }()
				return ix.Put(ctx, []corpus.Article{art("a1", "none"), art("a3", "a pair")})
			}, true, "[a1 a2]"},
			{"cancelled while annotating", func() error {
				cctx, cancel := context.WithCancel(ctx)
				an.after = cancel
				defer func() { an.after = nil }()
				return ix.Put(cctx, []corpus.Article{art("a3", "a pair")})
			}, true, "[a1 a2]"},
			{"re-ingest without", func() error { return ix.Put(ctx, []corpus.Article{art("a1", "none")}) }, false, "[a2]"},
			{"delete", func() error { return ix.Delete(ctx, "a2") }, false, "[]"},
			{"ingest again", func() error {
				return ix.Put(ctx, []corpus.Article{art("a1", "a pair"), art("a2", "a pair")})
			}, false, "[a1 a2]"},
			{"delete many", func() error { return ix.DeleteMany(ctx, []string{"a1", "a3"}) }, false, "[a2]"},
			{"deleted and put", func() error {
				return ix.Apply(ctx, Change{Put: []corpus.Article{art("a3", "a pair")}, Delete: []string{"a2", "a3"}})
			}, false, "[a3]"},
		}
		for _, st := range steps {
			if err := st.do(); (err != nil) != st.fail {
				t.Fatalf("%d shards, %s: err %v, want failure %v", shards, st.name, err, st.fail)
			}
			if got := pairs.String(); got != st.want {
				t.Errorf("%d shards, %s: articles with pairs %s, want %s", shards, st.name, got, st.want)
			}
		}
		ix.Close()
	}
}

// A batch that fails on one shard after the batch log holds it sets back
// the pairs the index holds; when the next batch replays it, its pairs
// count.
func TestNamePairsOfReplayedBatch(t *testing.T) {
	ctx := context.Background()
	pairs := &fakePairs{m: map[string][]string{}}
	ix, _, err := Open(filepath.Join(t.TempDir(), "ix"), Options{Annotator: &pairingAnnotator{pairs: pairs},
		NamePairs: pairs, Shards: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	a1 := corpus.Article{ID: "a1", Title: "t", Body: "a pair"}
	fault := errors.New("disk full")
	ix.Shards()[ShardOf("a1", 2)].beforeBatch = func() error { return fault }
	if err := ix.Put(ctx, []corpus.Article{a1}); !errors.Is(err, fault) {
		t.Fatalf("put with a1's shard failing: %v, want the fault", err)
	}
	if got := pairs.String(); got != "[]" {
		t.Errorf("after the failed batch, articles with pairs %s, want []", got)
	}
	ix.Shards()[ShardOf("a1", 2)].beforeBatch = nil
	if err := ix.Put(ctx, []corpus.Article{{ID: "a2", Title: "t", Body: "none"}}); err != nil {
		t.Fatal(err)
	}
	if got := pairs.String(); got != "[a1]" {
		t.Errorf("after the replay, articles with pairs %s, want [a1]", got)
	}
}
