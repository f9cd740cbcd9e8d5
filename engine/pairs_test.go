package engine

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/searcher"
)

// readArticles reads a JSON-lines file of articles under testdata/.
func readArticles(t *testing.T, name string) []corpus.Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpus.Article
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a corpus.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// pairState is what the test checks of an engine after each step: the
// articles a search for 佐藤恒治 finds (sorted), Koji Sato's corpus
// writings, and each article's recorded pairs.
type pairState struct {
	found    []string
	writings []string
	pairs    map[string][]string
}

// statePairs reads the state of eng.
func statePairs(t *testing.T, eng *Engine) pairState {
	t.Helper()
	res, err := eng.Searcher.Search(context.Background(), searcher.Request{Query: "佐藤恒治", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	st := pairState{writings: eng.Pairs.Writings("Koji Sato"), pairs: map[string][]string{}}
	for _, h := range res.Hits {
		st.found = append(st.found, h.ID)
	}
	slices.Sort(st.found)
	for _, id := range []string{"p1", "p2", "p3"} {
		if ps := eng.Pairs.Encoded(id); ps != nil {
			st.pairs[id] = ps
		}
	}
	return st
}

// Two articles pairing Koji Sato with 佐藤恒治 make a search for 佐藤恒治
// find the English-only article too; deleting one of them takes the alias
// away; reopening the engine finds the pairs as they were, on one shard
// and on two (whose batches go through the batch log).
func TestCorpusAliasesEndToEnd(t *testing.T) {
	pair := []string{"Koji Sato\t佐藤恒治"}
	paired := pairState{found: []string{"p1", "p2", "p3"}, writings: []string{"佐藤恒治"},
		pairs: map[string][]string{"p1": pair, "p2": pair}}
	oneLeft := pairState{found: []string{"p2"}, pairs: map[string][]string{"p2": pair}}
	for _, shards := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d shards", shards), func(t *testing.T) {
			cfg := Config{Data: filepath.Join(t.TempDir(), "index"), Shards: shards}
			steps := []struct {
				name string
				do   func(ctx context.Context, eng *Engine) error
				want pairState
			}{
				{"ingest", func(ctx context.Context, eng *Engine) error {
					return eng.Index.Put(ctx, readArticles(t, "corpuspairs.jsonl"))
				}, paired},
				{"reopen", nil, paired},
				{"delete p1", func(ctx context.Context, eng *Engine) error { return eng.Index.Delete(ctx, "p1") }, oneLeft},
				{"reopen after the delete", nil, oneLeft},
			}
			eng, err := Open(cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { eng.Close() }()
			for _, st := range steps {
				if st.do == nil {
					if err := eng.Close(); err != nil {
						t.Fatal(err)
					}
					if eng, err = Open(cfg); err != nil {
						t.Fatal(err)
					}
				} else if err := st.do(context.Background(), eng); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				if got := statePairs(t, eng); fmt.Sprint(got) != fmt.Sprint(st.want) {
					t.Errorf("%s: got %+v, want %+v", st.name, got, st.want)
				}
			}
		})
	}
}
