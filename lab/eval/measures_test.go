package eval

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// log2 is shorthand for the discounts written out below.
func log2(x float64) float64 { return math.Log2(x) }

// nonrel returns n ids that no qrels below judge.
func nonrel(prefix string, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return ids
}

// graded judges every id in ids with grade g.
func graded(ids []string, g int) map[string]int {
	m := make(map[string]int, len(ids))
	for _, d := range ids {
		m[d] = g
	}
	return m
}

// evaluateCase is one run, its qrels and the measures Evaluate must give.
type evaluateCase struct {
	name  string
	run   Run
	qrels Qrels
	want  Measures
}

// evaluateCases is TestEvaluate's table, worked out by hand; read only.
var evaluateCases = []evaluateCase{
	{
		name: "empty",
		want: Measures{},
	},
	{
		// Both relevant documents first, best first: every measure is
		// 1 but P@10, which divides by 10 however few were retrieved:
		// 2/10.
		name:  "perfect",
		run:   Run{"q": {"a", "b"}},
		qrels: Qrels{"q": {"a": 2, "b": 1}},
		want:  Measures{Queries: 1, NDCG10: 1, MAP: 1, P10: 0.2, Recall100: 1, MRR10: 1, Success10: 1},
	},
	{
		// Grade 1 before grade 2:
		//   DCG  = 1/log2(2) + 2/log2(3) = 1 + 1.26186 = 2.26186
		//   IDCG = 2/log2(2) + 1/log2(3) = 2 + 0.63093 = 2.63093
		//   nDCG = 0.85972
		// AP is blind to grades: (1/1 + 2/2) / 2 = 1.
		name:  "grades swapped",
		run:   Run{"q": {"b", "a"}},
		qrels: Qrels{"q": {"a": 2, "b": 1}},
		want: Measures{Queries: 1, NDCG10: (1 + 2/log2(3)) / (2 + 1/log2(3)),
			MAP: 1, P10: 0.2, Recall100: 1, MRR10: 1, Success10: 1},
	},
	{
		// Ranks: 1 b (grade 1), 2 x (unjudged), 3 a (grade 3),
		// 4 n (judged 0); c (grade 2) is not retrieved.
		//   DCG  = 1/log2(2) + 3/log2(4) = 1 + 1.5 = 2.5
		//   IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.26186 + 0.5 = 4.76186
		//   nDCG = 2.5 / 4.76186 = 0.52500
		//   AP   = (1/1 + 2/3) / 3 relevant (c counts, with 0) = 5/9
		//   P@10 = 2/10, R@100 = 2/3, MRR@10 = 1/1
		name:  "unretrieved relevant",
		run:   Run{"q": {"b", "x", "a", "n"}},
		qrels: Qrels{"q": {"a": 3, "b": 1, "c": 2, "n": 0}},
		want: Measures{Queries: 1, NDCG10: 2.5 / (3 + 2/log2(3) + 0.5),
			MAP: 5.0 / 9, P10: 0.2, Recall100: 2.0 / 3, MRR10: 1, Success10: 1},
	},
	{
		// The only relevant document at rank 4: nDCG = (1/log2(5)) / 1
		// = 0.43068, AP = 1/4, P@10 = 1/10, MRR@10 = 1/4.
		name:  "rank 4",
		run:   Run{"q": {"x", "y", "z", "a"}},
		qrels: Qrels{"q": {"a": 1}},
		want: Measures{Queries: 1, NDCG10: 1 / log2(5),
			MAP: 0.25, P10: 0.1, Recall100: 1, MRR10: 0.25, Success10: 1},
	},
	{
		// At rank 11: outside every @10 measure, inside recall@100;
		// AP = 1/11.
		name:  "rank 11",
		run:   Run{"q": append(nonrel("x", 10), "a")},
		qrels: Qrels{"q": {"a": 1}},
		want:  Measures{Queries: 1, MAP: 1.0 / 11, Recall100: 1},
	},
	{
		// At rank 101: only AP sees it, 1/101.
		name:  "rank 101",
		run:   Run{"q": append(nonrel("x", 100), "a")},
		qrels: Qrels{"q": {"a": 1}},
		want:  Measures{Queries: 1, MAP: 1.0 / 101},
	},
	{
		// Twelve relevant documents of grade 1, all retrieved: the
		// ideal ordering is cut at 10 as the run is, so nDCG@10 = 1;
		// P@10 = 10/10; AP = (1/1 + 2/2 + … + 12/12) / 12 = 1.
		name:  "ideal cut at 10",
		run:   Run{"q": nonrel("r", 12)},
		qrels: Qrels{"q": graded(nonrel("r", 12), 1)},
		want:  Measures{Queries: 1, NDCG10: 1, MAP: 1, P10: 1, Recall100: 1, MRR10: 1, Success10: 1},
	},
	{
		// q2 is judged but absent from the run: it scores 0 and
		// halves every mean (trec_eval -c).
		name:  "query missing from the run",
		run:   Run{"q1": {"a"}},
		qrels: Qrels{"q1": {"a": 1}, "q2": {"b": 1}},
		want:  Measures{Queries: 2, NDCG10: 0.5, MAP: 0.5, P10: 0.05, Recall100: 0.5, MRR10: 0.5, Success10: 0.5},
	},
	{
		// q2 has judgments but none relevant, and q3 has none at all:
		// neither is counted, whatever the run says of them.
		name:  "queries without relevant documents",
		run:   Run{"q1": {"a"}, "q2": {"b"}, "q3": {"c"}},
		qrels: Qrels{"q1": {"a": 1}, "q2": {"b": 0}, "q4": {}},
		want:  Measures{Queries: 1, NDCG10: 1, MAP: 1, P10: 0.1, Recall100: 1, MRR10: 1, Success10: 1},
	},
	{
		// The means of "unretrieved relevant" (q1), "rank 4" (q2) and
		// a missing q3:
		//   nDCG@10   = (0.52500 + 0.43068 + 0) / 3 = 0.31856
		//   MAP       = (5/9 + 1/4 + 0) / 3         = 0.26852
		//   P@10      = (0.2 + 0.1 + 0) / 3         = 0.1
		//   recall@100= (2/3 + 1 + 0) / 3           = 0.55556
		//   MRR@10    = (1 + 1/4 + 0) / 3           = 0.41667
		//   success@10= (1 + 1 + 0) / 3             = 0.66667
		name: "mean over queries",
		run:  Run{"q1": {"b", "x", "a", "n"}, "q2": {"x", "y", "z", "a"}},
		qrels: Qrels{
			"q1": {"a": 3, "b": 1, "c": 2, "n": 0},
			"q2": {"a": 1},
			"q3": {"a": 1, "b": 2},
		},
		want: Measures{Queries: 3,
			NDCG10:    (2.5/(3+2/log2(3)+0.5) + 1/log2(5)) / 3,
			MAP:       (5.0/9 + 0.25) / 3,
			P10:       0.3 / 3,
			Recall100: (2.0/3 + 1) / 3,
			MRR10:     1.25 / 3,
			Success10: 2.0 / 3},
	},
}

// TestEvaluate checks every measure of Evaluate against evaluateCases.
func TestEvaluate(t *testing.T) {
	for _, tt := range evaluateCases {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(tt.run, tt.qrels)
			if !measuresEqual(got, tt.want) {
				t.Errorf("Evaluate =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

// measuresEqual compares to within rounding: Evaluate sums queries in map
// order.
func measuresEqual(a, b Measures) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 }
	return a.Queries == b.Queries && near(a.NDCG10, b.NDCG10) && near(a.MAP, b.MAP) && near(a.P10, b.P10) &&
		near(a.Recall100, b.Recall100) && near(a.MRR10, b.MRR10) && near(a.Success10, b.Success10)
}

func TestWriteTREC(t *testing.T) {
	tests := []struct {
		name string
		run  Run
		tag  string
		want string
	}{
		{"empty", Run{}, "sagasu", ""},
		{
			// Queries in numeric order (shorter ids first), ranks in the
			// run's order, scores falling with the rank; a query that
			// found nothing writes no line.
			name: "ordered",
			run:  Run{"10": {"d3", "d1"}, "2": {"d5"}, "1": {}, "9": {"7", "42", "3"}},
			tag:  "sqlite-fts5_porter_unicode61",
			want: "2 Q0 d5 1 1 sqlite-fts5_porter_unicode61\n" +
				"9 Q0 7 1 3 sqlite-fts5_porter_unicode61\n" +
				"9 Q0 42 2 2 sqlite-fts5_porter_unicode61\n" +
				"9 Q0 3 3 1 sqlite-fts5_porter_unicode61\n" +
				"10 Q0 d3 1 2 sqlite-fts5_porter_unicode61\n" +
				"10 Q0 d1 2 1 sqlite-fts5_porter_unicode61\n",
		},
		{
			name: "livedoor ids",
			run:  Run{"smax/smax-2": {"smax/smax-2", "peachy/peachy-1"}, "peachy/peachy-1": {"peachy/peachy-1"}},
			tag:  "sagasu",
			want: "smax/smax-2 Q0 smax/smax-2 1 2 sagasu\n" +
				"smax/smax-2 Q0 peachy/peachy-1 2 1 sagasu\n" +
				"peachy/peachy-1 Q0 peachy/peachy-1 1 1 sagasu\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteTREC(&b, tt.run, tt.tag); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("WriteTREC wrote\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
}

func TestWriteQrels(t *testing.T) {
	tests := []struct {
		name  string
		qrels Qrels
		want  string
	}{
		{"empty", Qrels{}, ""},
		{
			name:  "ordered",
			qrels: Qrels{"10": {"d2": 1, "d10": 2, "d1": 0}, "2": {"x": 3}, "3": {}},
			want:  "2 0 x 3\n10 0 d1 0\n10 0 d2 1\n10 0 d10 2\n",
		},
		{
			name:  "cran ids",
			qrels: Qrels{"001": {"184": 3, "29": 3, "12": 2}, "002": {"12": 4}},
			want:  "001 0 12 2\n001 0 29 3\n001 0 184 3\n002 0 12 4\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteQrels(&b, tt.qrels); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("WriteQrels wrote\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
}

// failWriter refuses every write.
type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteTRECAndQrelsErrors(t *testing.T) {
	if err := WriteTREC(failWriter{}, Run{"1": {"a"}}, "t"); !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "write run") {
		t.Errorf("WriteTREC error = %v, want one wrapping the writer's, naming the run", err)
	}
	if err := WriteQrels(failWriter{}, Qrels{"1": {"a": 1}}); !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "write qrels") {
		t.Errorf("WriteQrels error = %v, want one wrapping the writer's, naming the qrels", err)
	}
}
