package eval

import (
	"fmt"
	"io"
	"math"
	"sort"
)

// Measures are a run's figures averaged over the judged queries, as
// trec_eval computes them (a query the run did not answer scores 0).
type Measures struct {
	Queries   int     `json:"queries"`
	NDCG10    float64 `json:"ndcg@10"`
	MAP       float64 `json:"map"`
	P10       float64 `json:"p@10"`
	Recall100 float64 `json:"recall@100"`
	MRR10     float64 `json:"mrr@10"`
	Success10 float64 `json:"success@10"`
}

// Evaluate scores run against qrels over every query of qrels with at
// least one relevant document (grade > 0).
func Evaluate(run Run, qrels Qrels) Measures {
	var m Measures
	for q, judged := range qrels {
		rel := relevantCount(judged)
		if rel == 0 {
			continue
		}
		m.Queries++
		ranked := unique(run[q])
		m.NDCG10 += ndcg(ranked, judged, 10)
		m.MAP += averagePrecision(ranked, judged, rel)
		m.P10 += float64(hits(ranked, judged, 10)) / 10
		m.Recall100 += float64(hits(ranked, judged, 100)) / float64(rel)
		if r := firstRelevant(ranked, judged); r > 0 && r <= 10 {
			m.MRR10 += 1 / float64(r)
			m.Success10++
		}
	}
	if m.Queries > 0 {
		n := float64(m.Queries)
		m.NDCG10 /= n
		m.MAP /= n
		m.P10 /= n
		m.Recall100 /= n
		m.MRR10 /= n
		m.Success10 /= n
	}
	return m
}

// unique drops repeats of an id from ranked, keeping the first, as
// trec_eval refuses a run that retrieves a document twice.
func unique(ranked []string) []string {
	seen := make(map[string]bool, len(ranked))
	out := make([]string, 0, len(ranked))
	for _, d := range ranked {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

func relevantCount(judged map[string]int) int {
	n := 0
	for _, g := range judged {
		if g > 0 {
			n++
		}
	}
	return n
}

// hits counts the relevant documents among the first k of ranked.
func hits(ranked []string, judged map[string]int, k int) int {
	n := 0
	for i, d := range ranked {
		if i == k {
			break
		}
		if judged[d] > 0 {
			n++
		}
	}
	return n
}

// firstRelevant returns the 1-based rank of the first relevant document,
// or 0.
func firstRelevant(ranked []string, judged map[string]int) int {
	for i, d := range ranked {
		if judged[d] > 0 {
			return i + 1
		}
	}
	return 0
}

// averagePrecision is the mean, over all rel relevant documents, of the
// precision at each one's rank (0 for those not retrieved).
func averagePrecision(ranked []string, judged map[string]int, rel int) float64 {
	sum, found := 0.0, 0
	for i, d := range ranked {
		if judged[d] > 0 {
			found++
			sum += float64(found) / float64(i+1)
		}
	}
	return sum / float64(rel)
}

// ndcg is trec_eval's ndcg_cut.k: gains are the grades, discounted by
// log2(rank+1), normalized by the ideal ordering of the judged grades.
func ndcg(ranked []string, judged map[string]int, k int) float64 {
	dcg := 0.0
	for i, d := range ranked {
		if i == k {
			break
		}
		if g := judged[d]; g > 0 {
			dcg += float64(g) / math.Log2(float64(i+2))
		}
	}
	var grades []int
	for _, g := range judged {
		if g > 0 {
			grades = append(grades, g)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	ideal := 0.0
	for i, g := range grades {
		if i == k {
			break
		}
		ideal += float64(g) / math.Log2(float64(i+2))
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}

// WriteTREC writes run in the TREC run format ("qid Q0 doc rank score
// tag"), queries and ranks in order; the score falls with the rank so that
// trec_eval keeps the engine's order.
func WriteTREC(w io.Writer, run Run, tag string) error {
	for _, q := range sortedKeys(run) {
		for i, d := range run[q] {
			if _, err := fmt.Fprintf(w, "%s Q0 %s %d %d %s\n", q, d, i+1, len(run[q])-i, tag); err != nil {
				return fmt.Errorf("write run: %w", err)
			}
		}
	}
	return nil
}

// WriteQrels writes qrels in the TREC format ("qid 0 doc grade").
func WriteQrels(w io.Writer, qrels Qrels) error {
	for _, q := range sortedKeys(qrels) {
		for _, d := range sortedKeys(qrels[q]) {
			if _, err := fmt.Fprintf(w, "%s 0 %s %d\n", q, d, qrels[q][d]); err != nil {
				return fmt.Errorf("write qrels: %w", err)
			}
		}
	}
	return nil
}

// sortedKeys returns m's keys shorter first, then in string order: numeric
// order for the numbers that collections use as ids.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) < len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return keys
}
