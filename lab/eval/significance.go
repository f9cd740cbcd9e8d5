package eval

import (
	"math"
	"math/rand/v2"
)

// PerQuery returns, for every query of qrels with a relevant document
// and in sortedKeys order, the run's nDCG@10 and reciprocal rank (first
// relevant document in the top ten, else 0): the paired samples of
// Randomization.
func PerQuery(run Run, qrels Qrels) (ndcg10, rr10 []float64) {
	for _, q := range sortedKeys(qrels) {
		judged := qrels[q]
		if relevantCount(judged) == 0 {
			continue
		}
		ranked := unique(run[q])
		ndcg10 = append(ndcg10, ndcg(ranked, judged, 10))
		r := 0.0
		if k := firstRelevant(ranked, judged); k > 0 && k <= 10 {
			r = 1 / float64(k)
		}
		rr10 = append(rr10, r)
	}
	return ndcg10, rr10
}

// Randomization is the two-sided paired randomization test (Fisher's, as
// Smucker, Allan and Carterette 2007 recommend for IR): the share of
// permutations, each swapping a random subset of the pairs (a[i], b[i]),
// whose mean difference is at least as far from zero as the observed
// one, counting the observed assignment itself, so p is never 0 and is 1
// for identical runs. The generator is seeded, so the p-value is the same
// every run. a and b must be the same length.
func Randomization(a, b []float64, permutations int, seed uint64) float64 {
	if len(a) != len(b) {
		panic("eval.Randomization: samples of different lengths")
	}
	diffs := make([]float64, len(a))
	observed := 0.0
	for i := range a {
		diffs[i] = a[i] - b[i]
		observed += diffs[i]
	}
	// Compare sums, not means (same n), with a little slack so that
	// permutations equal to the observed sum up to rounding count.
	threshold := math.Abs(observed) - 1e-9
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	atLeast := 0
	for range permutations {
		sum := 0.0
		for _, d := range diffs {
			if rng.Uint64()&1 == 1 {
				sum -= d
			} else {
				sum += d
			}
		}
		if math.Abs(sum) >= threshold {
			atLeast++
		}
	}
	return float64(atLeast+1) / float64(permutations+1)
}
