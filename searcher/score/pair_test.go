package score

import (
	"math"
	"testing"

	"github.com/sagasu-search/sagasu/indexer"
)

// TestCloseness checks BM25TP's accumulator: 1/d² for each pair of
// occurrences at most window apart.
func TestCloseness(t *testing.T) {
	for _, tt := range []struct {
		name       string
		posA, posB []uint64
		want       float64
	}{
		{"adjacent", []uint64{1}, []uint64{2}, 1},
		{"either order", []uint64{5}, []uint64{3}, 0.25},
		{"at the window", []uint64{1}, []uint64{6}, 1.0 / 25},
		{"beyond the window", []uint64{1}, []uint64{7}, 0},
		{"every pair", []uint64{1, 4}, []uint64{2}, 1 + 0.25},
		{"same position (another reading)", []uint64{3}, []uint64{3}, 0},
	} {
		if got := closeness(tt.posA, tt.posB, 5); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: closeness = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPairQuery checks which articles of rankingIndex a pair matches and
// how it scores them: "turbine blades" stand adjacent in two bodies; in
// the third "turbine" is three words from "harbour".
func TestPairQuery(t *testing.T) {
	ix := rankingIndex(t)
	p := DefaultBM25()
	p.Lengths = NewLengths()
	pair := func(a, b string) map[string]float64 {
		return scores(t, ix, &PairQuery{A: a, B: b, Field: indexer.FieldBody, Window: ProximityWindow, Boost: 1, BM25: p})
	}
	adjacent := pair("blade", "turbin")
	if len(adjacent) != 2 || adjacent["both"] == 0 || adjacent["body"] == 0 {
		t.Errorf("blade, turbine: %v; want both and body", adjacent)
	}
	if adjacent["both"] != adjacent["body"] {
		t.Errorf("the same body scores %v and %v", adjacent["both"], adjacent["body"])
	}
	near := pair("turbin", "harbour")
	if len(near) != 1 || near["more"] == 0 {
		t.Fatalf("turbine, harbour: %v; want more alone", near)
	}
	// One body of 10 words (average 6.75): accumulator 1/9, weighed by the
	// lower idf (turbine: 3 of 4 bodies) and saturated by k1 and b.
	idf := math.Log(1 + (4-3+0.5)/(3+0.5))
	k := p.K1 * (1 - p.B + p.B*10/6.75)
	want := idf * p.K1 * (1.0 / 9) / (1.0/9 + k)
	if math.Abs(near["more"]-want) > 1e-9 {
		t.Errorf("turbine, harbour scores %.6f, want %.6f", near["more"], want)
	}
	if far := pair("crack", "harbour"); len(far) != 0 {
		t.Errorf("crack, harbour (never in one body) match %v", far)
	}
}
