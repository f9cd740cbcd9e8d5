package score

import (
	"context"
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bsearcher "github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/internal/testindex"
)

// bleveTF is Sagasu's k1 and b with Bleve's square root of the term
// frequency: what Bleve's scorers compute with Sagasu's parameters.
var bleveTF = BM25{K1: BM25K1, B: BM25B, SqrtTF: true}

// withBleveBM25 sets Bleve's process-wide BM25 parameters to p for the
// test, so that Bleve's own scorers can be compared with Sagasu's, and
// restores them after.
func withBleveBM25(t *testing.T, p BM25) {
	t.Helper()
	k1, b := search.BM25_k1, search.BM25_b
	search.BM25_k1, search.BM25_b = p.K1, p.B
	t.Cleanup(func() { search.BM25_k1, search.BM25_b = k1, b })
}

// searcherQuery turns a searcher constructor into a query, for the test.
type searcherQuery func(ctx context.Context, r index.IndexReader, opts search.SearcherOptions) (search.Searcher, error)

func (f searcherQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	return f(ctx, r, opts)
}

// termHits returns every hit of q as its ID and exact score, in ID order.
func termHits(t *testing.T, ix *indexer.Index, q searcherQuery) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	req.SortBy([]string{"_id"})
	res, err := ix.Bleve().Search(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = fmt.Sprintf("%s %b", h.ID, h.Score) // %b: every bit of the score
	}
	return out
}

// TestTermSearcherMatchesBleve checks that TermSearcher, given BM25
// parameters explicitly and the square root of the frequency, scores every document exactly as Bleve's term
// searcher does with its package variables set to the same parameters:
// Sagasu's (which the indexer once set for the whole process) and
// Bleve's defaults, with the boost TermQuery gives and others.
func TestTermSearcherMatchesBleve(t *testing.T) {
	ix := testindex.Synthetic(t)
	for _, p := range []BM25{bleveTF, {K1: 1.2, B: 0.75, SqrtTF: true}} {
		withBleveBM25(t, p)
		for _, tt := range []struct {
			term, field string
			boost       float64
		}{
			{"minist", indexer.FieldBody, 1}, {"minist", indexer.FieldTitle, 1}, {"kishida", indexer.FieldBody, 0.37},
			{"岸田", indexer.FieldBody, 2.5}, {"the", indexer.FieldBody, 1}, {"zzzz", indexer.FieldBody, 1},
		} {
			t.Run(fmt.Sprintf("%s in %s ^%v k1 %v", tt.term, tt.field, tt.boost, p.K1), func(t *testing.T) {
				want := termHits(t, ix, func(ctx context.Context, r index.IndexReader, opts search.SearcherOptions) (search.Searcher, error) {
					return bsearcher.NewTermSearcher(ctx, r, tt.term, tt.field, tt.boost, opts)
				})
				got := termHits(t, ix, func(ctx context.Context, r index.IndexReader, opts search.SearcherOptions) (search.Searcher, error) {
					return NewTermSearcher(ctx, r, tt.term, tt.field, tt.boost, p, opts)
				})
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("scores differ:\n%v\nBleve's:\n%v", got, want)
				}
				if tt.term != "zzzz" && len(got) == 0 {
					t.Error("the case finds nothing: it checks nothing")
				}
			})
		}
	}
}

// TestTermQueryIgnoresBleveGlobals checks that a TermQuery scores the same
// whatever Bleve's package variables hold: its parameters are its own.
func TestTermQueryIgnoresBleveGlobals(t *testing.T) {
	ix := testindex.Synthetic(t)
	q := &TermQuery{Term: "minist", Field: indexer.FieldBody, Boost: 1, BM25: DefaultBM25()}
	var runs [2]string
	for i, p := range []BM25{DefaultBM25(), {K1: 2, B: 1}} {
		withBleveBM25(t, p)
		res, err := ix.Bleve().Search(bleve.NewSearchRequestOptions(q, 50, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			runs[i] += fmt.Sprintf("%s %b\n", h.ID, h.Score)
		}
	}
	if runs[0] == "" || runs[0] != runs[1] {
		t.Errorf("scores move with Bleve's globals:\n%s\nvs\n%s", runs[0], runs[1])
	}
}
