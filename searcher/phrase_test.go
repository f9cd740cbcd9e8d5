package searcher

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/indexer"
)

// TestPhraseMatchesBleve checks Sagasu's phrase searcher against Bleve's
// match-phrase query on synthetic articles: the same documents with the
// same scores, and the same term locations for highlighting.
func TestPhraseMatchesBleve(t *testing.T) {
	ix := collectIndex(t)
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

// phraseQuery is newPhraseSearcher as a query, for the test.
type phraseQuery struct {
	text, field string
	boost       float64
}

func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	tokens := m.AnalyzerNamed(analysis.Name).Analyze([]byte(q.text))
	return newPhraseSearcher(ctx, r, phraseTerms(tokens), q.field, q.boost, opts)
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
