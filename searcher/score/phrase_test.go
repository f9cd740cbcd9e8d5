package score

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/internal/testindex"
)

// TestPhraseMatchesBleve checks Sagasu's phrase searcher against Bleve's
// match-phrase query on synthetic articles: the same documents with the
// same scores, and the same term locations for highlighting.
func TestPhraseMatchesBleve(t *testing.T) {
	ix := testindex.Synthetic(t)
	withBleveBM25(t, bleveTF)
	for _, phrase := range []string{
		"prime minister", "Kishida Fumio", "Fumio Kishida", "岸田文雄", "said the", "the the",
		"bank of japan", "of the government", "首相", "zzzz nothing",
	} {
		for _, field := range []string{indexer.FieldTitle, indexer.FieldBody} {
			t.Run(phrase+" in "+field, func(t *testing.T) {
				bq := bleve.NewMatchPhraseQuery(phrase)
				bq.SetField(field)
				bq.Analyzer = analysis.Name
				bq.SetBoost(0.7)
				want := phraseHits(t, ix, bq)
				got := phraseHits(t, ix, &phraseQuery{text: phrase, field: field, boost: 0.7})
				if len(got) != len(want) {
					t.Fatalf("%d hits, Bleve's %d", len(got), len(want))
				}
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("hit %d:\n%s\nBleve's:\n%s", i, got[i], want[i])
					}
				}
				if phrase != "zzzz nothing" && field == indexer.FieldBody && len(got) == 0 {
					t.Error("the case finds nothing: it checks nothing")
				}
			})
		}
	}
}

// phraseQuery is NewPhraseSearcher as a query, for the test.
type phraseQuery struct {
	text, field string
	boost       float64
}

func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	tokens := m.AnalyzerNamed(analysis.Name).Analyze([]byte(q.text))
	return NewPhraseSearcher(ctx, r, [][][]string{queryplan.PhraseTerms(tokens)}, q.field, q.boost, bleveTF, opts)
}

// phraseHits returns every hit of q, in index order, as its ID, score and
// sorted, distinct term locations.
func phraseHits(t *testing.T, ix *indexer.Index, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	req.IncludeLocations = true
	req.SortBy([]string{"_id"})
	res, err := ix.Bleve().Search(req)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		var locs []string
		for field, tlm := range h.Locations {
			for term, ls := range tlm {
				for _, l := range ls {
					locs = append(locs, fmt.Sprintf("%s/%s@%d[%d:%d]", field, term, l.Pos, l.Start, l.End))
				}
			}
		}
		slices.Sort(locs)
		out = append(out, fmt.Sprintf("%s %.6f %v", h.ID, h.Score, slices.Compact(locs)))
	}
	return out
}

// TestPhraseEitherOrder checks a phrase searcher given the same words in
// two orders against Bleve's match-phrase queries of each order: it finds
// the documents either finds, with the same score, and the term locations
// of both.
func TestPhraseEitherOrder(t *testing.T) {
	ix := testindex.Synthetic(t)
	withBleveBM25(t, bleveTF)
	a := ix.Bleve().Mapping().AnalyzerNamed(analysis.Name)
	for _, pair := range [][2]string{{"Kishida Fumio", "Fumio Kishida"}, {"prime minister", "minister prime"}, {"said the", "the said"}} {
		t.Run(pair[0], func(t *testing.T) {
			want := map[string]string{}
			for _, phrase := range pair {
				bq := bleve.NewMatchPhraseQuery(phrase)
				bq.SetField(indexer.FieldBody)
				bq.Analyzer = analysis.Name
				for _, h := range phraseHits(t, ix, bq) {
					id, rest, _ := strings.Cut(h, " ")
					want[id] = mergeHit(want[id], rest)
				}
			}
			layouts := [][][]string{queryplan.PhraseTerms(a.Analyze([]byte(pair[0]))), queryplan.PhraseTerms(a.Analyze([]byte(pair[1])))}
			got := phraseHits(t, ix, &layoutsQuery{layouts: layouts, field: indexer.FieldBody})
			if len(got) != len(want) {
				t.Fatalf("%d hits, Bleve's two phrases %d", len(got), len(want))
			}
			for _, h := range got {
				id, rest, _ := strings.Cut(h, " ")
				if want[id] != rest {
					t.Fatalf("%s: %s\nBleve's: %s", id, rest, want[id])
				}
			}
			if len(got) == 0 {
				t.Error("the case finds nothing: it checks nothing")
			}
		})
	}
}

// mergeHit joins two "score [locations]" descriptions of one document's
// hit: the score is the same, the locations are the union.
func mergeHit(a, b string) string {
	if a == "" {
		return b
	}
	score, la, _ := strings.Cut(a, " ")
	_, lb, _ := strings.Cut(b, " ")
	inner := func(list string) []string { return strings.Fields(list[1 : len(list)-1]) } // "[a b]"
	locs := append(inner(la), inner(lb)...)
	slices.Sort(locs)
	return fmt.Sprintf("%s %v", score, slices.Compact(locs))
}

// layoutsQuery is NewPhraseSearcher over several layouts as a query.
type layoutsQuery struct {
	layouts [][][]string
	field   string
}

func (q *layoutsQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	return NewPhraseSearcher(ctx, r, q.layouts, q.field, 1, bleveTF, opts)
}
