package entity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity/tagger"
	"github.com/sagasu-search/sagasu/namedict"
)

// goldSet is one article and the entities a careful reader finds in it.
type goldSet struct {
	name    string
	article corpus.Article
	want    goldArticle
}

// loadNewsGold reads testdata/news.jsonl, English and Japanese articles the
// tests own, and testdata/news_gold.json, their gold entities by id.
func loadNewsGold(t testing.TB) []goldSet {
	t.Helper()
	return loadGoldFiles(t, "news")
}

// loadGoldFiles reads testdata/<name>.jsonl and testdata/<name>_gold.json.
func loadGoldFiles(t testing.TB, name string) []goldSet {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	articles, err := corpus.Decode(f, corpus.DecodeOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("testdata", name+"_gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Articles map[string]goldArticle `json:"articles"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatalf("%s_gold.json: %v", name, err)
	}
	var out []goldSet
	for _, a := range articles {
		want, ok := gold.Articles[a.ID]
		if !ok {
			t.Fatalf("%s_gold.json has no entry for %s", name, a.ID)
		}
		out = append(out, goldSet{name: a.ID, article: a, want: want})
	}
	if len(out) != len(gold.Articles) {
		t.Fatalf("%d articles but %d gold entries", len(out), len(gold.Articles))
	}
	return out
}

// allGold returns the seeds and the news fixtures with their gold.
func allGold(t testing.TB) []goldSet {
	t.Helper()
	gold := loadGold(t)
	seeds := seedArticles(t)
	var out []goldSet
	for name, a := range seeds {
		out = append(out, goldSet{name: name, article: a, want: gold[name]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return append(out, loadNewsGold(t)...)
}

// TestGoldPrecisionRecall runs the production extractor (gazetteer,
// name lexicon and discovery) over every gold article, the seeds and the
// news fixtures, and requires per type precision ≥ 0.95 and recall ≥ 0.9.
// namedTypes are the types news_gold.json and heldout_gold.json annotate:
// they list no countries (gold.json, the seeds', does), and none is made up
// from the extractor's own output.
var namedTypes = []string{corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace}

// TestGoldPrecisionRecall holds the extractor, with the rules alone
// (--entities rules) and with the tagger (the default), to its bars on the
// seeds and news fixtures it was developed on.
func TestGoldPrecisionRecall(t *testing.T) {
	sets := allGold(t)
	if len(sets) < 25 {
		t.Fatalf("%d gold articles, want at least 25", len(sets))
	}
	for _, tc := range []struct {
		name string
		x    *Extractor
	}{
		{"rules", NewExtractor(Default(), Discover(namedict.Default()))},
		{"rules+tagger", NewExtractor(Default(), Discover(namedict.Default()), Tagger(tagger.Default()))},
	} {
		byType := scoreGold(t, sets, tc.x)
		for _, typ := range namedTypes {
			c := *byType[typ]
			t.Logf("%s %-12s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", tc.name, typ, c.precision(), c.recall(), c.tp, c.fp, c.fn)
			if c.precision() < 0.95 || c.recall() < 0.9 {
				t.Errorf("%s %s: precision %.3f, recall %.3f; want precision ≥ 0.95 and recall ≥ 0.9", tc.name, typ, c.precision(), c.recall())
			}
		}
	}
}

// scoreGold runs the extractor x over sets, logs every disagreement and
// returns the tallies by entity type.
func scoreGold(t *testing.T, sets []goldSet, x *Extractor) map[string]*tally {
	t.Helper()
	byType := map[string]*tally{}
	for _, typ := range namedTypes {
		byType[typ] = &tally{}
	}
	langs := map[string]int{}
	for _, g := range sets {
		langs[g.article.Lang]++
		got := x.Annotate(corpus.Article{Title: g.article.Title, Body: g.article.Body})
		for _, typ := range namedTypes {
			fps, fns := byType[typ].compare(got.ByType(typ), g.want.ByType(typ))
			if len(fps)+len(fns) > 0 {
				t.Logf("%s %s: false positives %q, false negatives %q", g.name, typ, fps, fns)
			}
		}
	}
	t.Logf("%d gold articles: %v", len(sets), langs)
	return byType
}

// TestHeldOut measures the extractor on testdata/heldout.jsonl: twelve
// articles annotated by someone who had not read the extractor, written
// after it was tuned and never used to tune it. The figures are for the
// README; the floors only catch a collapse, since tuning to this set would
// spoil it as a measure.
func TestHeldOut(t *testing.T) {
	sets := loadGoldFiles(t, "heldout")
	byType := scoreGold(t, sets, NewExtractor(Default(), Discover(namedict.Default())))
	for _, typ := range namedTypes {
		c := *byType[typ]
		t.Logf("held out %-12s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", typ, c.precision(), c.recall(), c.tp, c.fp, c.fn)
		if c.precision() < heldOutFloor || c.recall() < heldOutFloor {
			t.Errorf("%s: precision %.3f, recall %.3f on held-out text; below the floor %.2f", typ, c.precision(), c.recall(), heldOutFloor)
		}
	}
}

// heldOutFloor is a collapse guard below the measured held-out figures
// (person P 0.935 R 0.672, organization P 1.000 R 0.450, place P 0.959
// R 0.671 when the set was added).
const heldOutFloor = 0.4
