package eval

import (
	"math"
	"testing"
)

// TestRandomization checks the test against p-values known exactly: with
// n pairs there are 2^n sign assignments, and p is the share whose sum is
// at least as far from zero as the observed one.
func TestRandomization(t *testing.T) {
	tests := []struct {
		name string
		a, b []float64
		want float64 // exact p over all 2^n assignments
	}{
		// Identical runs: every assignment's sum is 0, as far as the observed.
		{"identical", []float64{0.2, 0.5, 0.9, 0.1}, []float64{0.2, 0.5, 0.9, 0.1}, 1},
		// Three equal gains: only all + or all − reach |3|: 2 of 8.
		{"three equal gains", []float64{1, 1, 1}, []float64{0, 0, 0}, 0.25},
		// Gains 3, 1, 1 (sum 5): |±3±1±1| ≥ 5 only for all + or all −: 2 of 8.
		{"one large gain", []float64{4, 2, 2}, []float64{1, 1, 1}, 0.25},
		// Gain 2 and loss 1 (sum 1): |±2±1| ≥ 1 always: 4 of 4.
		{"gain and loss", []float64{2, 0}, []float64{0, 1}, 1},
		// Ten equal gains: 2 of 1024.
		{"ten equal gains", []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, make([]float64, 10), 2.0 / 1024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Randomization(tt.a, tt.b, 100000, 1)
			if math.Abs(got-tt.want) > 0.005 {
				t.Errorf("p = %.4f, want %.4f", got, tt.want)
			}
			if again := Randomization(tt.a, tt.b, 100000, 1); again != got {
				t.Errorf("same seed gave p = %.6f, then %.6f", got, again)
			}
		})
	}
}

// TestPerQuery checks the per-query samples: queries without a relevant
// document are left out, the rest come in query order.
func TestPerQuery(t *testing.T) {
	qrels := Qrels{"2": {"a": 1}, "1": {"b": 1, "c": 1}, "3": {"x": 0}}
	run := Run{"1": {"z", "b"}, "2": {"a"}}
	ndcg, rr := PerQuery(run, qrels)
	// Query 1: b at rank 2 of ideal b, c: (1/log2 3) / (1 + 1/log2 3).
	want1 := (1 / math.Log2(3)) / (1 + 1/math.Log2(3))
	if len(ndcg) != 2 || math.Abs(ndcg[0]-want1) > 1e-9 || ndcg[1] != 1 {
		t.Errorf("nDCG@10 = %v, want [%.4f 1]", ndcg, want1)
	}
	if len(rr) != 2 || rr[0] != 0.5 || rr[1] != 1 {
		t.Errorf("RR@10 = %v, want [0.5 1]", rr)
	}
}
