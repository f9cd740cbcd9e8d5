package score

import (
	"math"
	"testing"

	"github.com/sagasu-search/sagasu/indexer"
)

// TestDFRScore checks DPH and PL2 (c = 1) against values worked out by
// hand from Terrier's formulas, and the floor at 0: DPH of a word in a
// long document that the collection holds 5,000 times is negative in
// Terrier; a field that is the word alone (f = 1) scores 0.
func TestDFRScore(t *testing.T) {
	for _, tt := range []struct {
		name                        string
		m                           DFR
		tf, docLen, avg, docs, coll float64
		want                        float64
	}{
		{"DPH rare word, average length", DPH, 1, 10, 10, 1000, 20, 2.7919090966542854},
		{"DPH three times in a short document", DPH, 3, 50, 100, 1000, 200, 3.709853675921811},
		{"DPH common word floored", DPH, 2, 200, 100, 1000, 5000, 0},
		{"DPH the word alone", DPH, 1, 1, 10, 1000, 20, 0},
		{"PL2 rare word, average length", PL2, 1, 10, 10, 1000, 20, 2.7778815572198496},
		{"PL2 three times in a short document", PL2, 3, 50, 100, 1000, 200, 3.060936320875637},
		{"PL2 common word", PL2, 2, 200, 100, 1000, 5000, 2.0797927846345168},
		{"PL2 short field", PL2, 1, 2, 10, 100, 80, 1.0626622818467073},
		{"no collection frequency", DPH, 1, 10, 10, 1000, 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := dfrScore(tt.m, tt.tf, tt.docLen, tt.avg, tt.docs, tt.coll); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("dfrScore = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestIDF checks Lucene's idf and FTS5's RSJ idf, floored at 1e-6 for
// a word in half the documents or more.
func TestIDF(t *testing.T) {
	for _, tt := range []struct {
		idf      IDF
		docs, df uint64
		want     float64
	}{
		{IDFLucene, 1000, 10, math.Log(1 + 990.5/10.5)},
		{IDFRSJ, 1000, 10, math.Log(990.5 / 10.5)},
		{IDFLucene, 4, 3, math.Log(1 + 1.5/3.5)},
		{IDFRSJ, 4, 3, 1e-6},
		{IDFRSJ, 4, 2, 1e-6},
	} {
		if got := (BM25{IDF: tt.idf}).idf(tt.docs, tt.df); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("idf %d of %d in %d documents = %v, want %v", tt.idf, tt.df, tt.docs, got, tt.want)
		}
	}
}

// TestTermQueryIDFAndDFR checks that a TermQuery weighs a word by the
// idf its parameters name, and scores by DPH when asked: on
// rankingIndex's four bodies "crack" (in 2) scores ln(1 + 2.5/2.5) / ln(1
// + 1.5/3.5) times "turbine" (in 3) by Lucene's idf, and 1 (both floored)
// by RSJ's; by DPH a word is scored from its collection frequency, which
// needs the true lengths, so "crack" and "blade" (same df, tf and
// collection frequency) tie, and "turbine" scores by the lengths of the
// articles' bodies.
func TestTermQueryIDFAndDFR(t *testing.T) {
	ix := rankingIndex(t)
	rsj := DefaultBM25()
	rsj.IDF = IDFRSJ
	dph := DefaultBM25()
	dph.DFR, dph.Lengths = DPH, NewLengths()
	for _, tt := range []struct {
		name string
		p    BM25
		want float64 // crack / turbine in the article "both"
	}{
		{"lucene", DefaultBM25(), math.Log(2) / math.Log(1+1.5/3.5)},
		{"rsj", rsj, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			crack := scores(t, ix, &TermQuery{Term: "crack", Field: indexer.FieldBody, Boost: 1, BM25: tt.p})["both"]
			turbine := scores(t, ix, &TermQuery{Term: "turbin", Field: indexer.FieldBody, Boost: 1, BM25: tt.p})["both"]
			if got := crack / turbine; math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("crack/turbine %.9f, want %.9f", got, tt.want)
			}
		})
	}
	// "turbine" in bodies of 5 ("both") and 10 tokens ("more"), bodies
	// averaging (5 + 5 + 7 + 10) / 4 tokens, 3 occurrences in 4 bodies.
	turbine := scores(t, ix, &TermQuery{Term: "turbin", Field: indexer.FieldBody, Boost: 1, BM25: dph})
	want := dfrScore(DPH, 1, 5, 6.75, 4, 3) / dfrScore(DPH, 1, 10, 6.75, 4, 3)
	if got := turbine["both"] / turbine["more"]; len(turbine) != 3 || math.Abs(got-want) > 1e-6 {
		t.Errorf("DPH: turbine %v, both/more %.6f, want %.6f", turbine, got, want)
	}
	crack := scores(t, ix, &TermQuery{Term: "crack", Field: indexer.FieldBody, Boost: 1, BM25: dph})
	blade := scores(t, ix, &TermQuery{Term: "blade", Field: indexer.FieldBody, Boost: 1, BM25: dph})
	if len(crack) != 2 || crack["both"] <= 0 || math.Abs(crack["both"]-blade["both"]) > 1e-12 {
		t.Errorf("DPH: crack %v, blade %v; want two equal positive scores", crack, blade)
	}
}
