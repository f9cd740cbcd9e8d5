package score

import (
	"math"
	"testing"

	"github.com/sagasu-search/sagasu/indexer"
)

// TestWeightQuery checks that a WeightQuery matches what its query
// matches and scores each match weight times as much.
func TestWeightQuery(t *testing.T) {
	ix := rankingIndex(t)
	q := NewSumQuery(1,
		&TermQuery{Term: "turbin", Field: indexer.FieldTitle, Boost: 1, BM25: DefaultBM25()},
		&TermQuery{Term: "turbin", Field: indexer.FieldBody, Boost: 1, BM25: DefaultBM25()})
	plain := scores(t, ix, q)
	for _, w := range []float64{1, 2, 3.5} {
		weighted := scores(t, ix, &WeightQuery{Query: q, Weight: w})
		if len(weighted) != 3 || len(plain) != 3 {
			t.Fatalf("weight %v: hits %v, unweighted %v; want the three turbine articles", w, weighted, plain)
		}
		for id, s := range plain {
			if math.Abs(weighted[id]-w*s) > 1e-12 {
				t.Errorf("weight %v: %s scores %v, want %v × %v", w, id, weighted[id], w, s)
			}
		}
	}
}
