package entity

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/namedict"
)

// goldArticle is the entities a reader finds in one seed article.
type goldArticle struct {
	corpus.Entities
	Notes string `json:"notes"`
}

// loadGold reads testdata/gold.json: the gold entities by seed file name.
func loadGold(t testing.TB) map[string]goldArticle {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Articles map[string]goldArticle `json:"articles"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	return gold.Articles
}

// seedArticles returns the seed articles as corpus.Seeds cleans them, by
// file name: Seeds gives them in file-name order, WalkFS over SeedFS the
// names in that order.
func seedArticles(t testing.TB) map[string]corpus.Article {
	t.Helper()
	articles, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	err = corpus.WalkFS(corpus.SeedFS(), ".", func(r corpus.Record) error {
		names = append(names, path.Base(r.File))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(articles) || len(articles) == 0 {
		t.Fatalf("%d seed articles but %d seed files", len(articles), len(names))
	}
	out := make(map[string]corpus.Article, len(articles))
	for i, a := range articles {
		out[names[i]] = a
	}
	return out
}

// tally counts true and false positives and false negatives.
type tally struct{ tp, fp, fn int }

func (c tally) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c tally) recall() float64    { return ratio(c.tp, c.tp+c.fn) }

// ratio returns n/d, or 1 when d is 0 (nothing to get wrong).
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// compare adds to c the agreement of got with want and returns the false
// positives and negatives.
func (c *tally) compare(got, want []string) (fps, fns []string) {
	for _, g := range got {
		if slices.Contains(want, g) {
			c.tp++
		} else {
			c.fp++
			fps = append(fps, g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			c.fn++
			fns = append(fns, w)
		}
	}
	return fps, fns
}

func TestSeedPrecisionRecall(t *testing.T) {
	gold := loadGold(t)
	articles := seedArticles(t)
	for name := range gold {
		if _, ok := articles[name]; !ok {
			t.Errorf("gold.json has %s, which is no seed", name)
		}
	}
	x := NewExtractor(Default(), Discover(namedict.Default()))
	byType := map[string]*tally{}
	for _, typ := range corpus.EntityTypes {
		byType[typ] = &tally{}
	}
	names := make([]string, 0, len(articles))
	for name := range articles {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want, ok := gold[name]
		if !ok {
			t.Errorf("%s: not in gold.json", name)
			continue
		}
		a := articles[name]
		got := x.Annotate(corpus.Article{Title: a.Title, Body: a.Body})
		for _, typ := range corpus.EntityTypes {
			fps, fns := byType[typ].compare(got.ByType(typ), want.ByType(typ))
			if len(fps)+len(fns) > 0 {
				t.Logf("%s %s: false positives %q, false negatives %q", name, typ, fps, fns)
			}
		}
	}
	var all tally
	for _, typ := range corpus.EntityTypes {
		c := *byType[typ]
		all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
		t.Logf("%-12s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", typ, c.precision(), c.recall(), c.tp, c.fp, c.fn)
		if c.precision() < 0.8 || c.recall() < 0.8 {
			t.Errorf("%s: precision %.3f, recall %.3f; want both ≥ 0.8", typ, c.precision(), c.recall())
		}
	}
	t.Logf("%-12s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", "overall", all.precision(), all.recall(), all.tp, all.fp, all.fn)
	if all.precision() < 0.9 || all.recall() < 0.9 {
		t.Errorf("overall precision %.3f, recall %.3f; want both ≥ 0.9", all.precision(), all.recall())
	}
}

// BenchmarkExtract extracts the seeds' entities with the gazetteer only
// and with discovery too.
func BenchmarkExtract(b *testing.B) {
	articles := seedArticles(b)
	var size int64
	for _, a := range articles {
		size += int64(len(a.Title) + len(a.Body))
	}
	for _, tc := range []struct {
		name string
		x    *Extractor
	}{
		{"gazetteer", NewExtractor(Default())},
		{"all", NewExtractor(Default(), Discover(namedict.Default()))},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range articles {
					tc.x.Annotate(a)
				}
			}
		})
	}
}
