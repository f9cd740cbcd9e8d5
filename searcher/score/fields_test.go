package score

import (
	"context"
	"math"
	"testing"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/sagasu-search/sagasu/indexer"
)

// TestFieldsQueryBM25F checks BM25F's arithmetic on rankingIndex, whose
// titles are two words each (average 2) and bodies 5, 5, 7 and 10 words
// (average 27/4, counted by Lengths): "blade" is in both fields of "both"
// and in the body of "body", each once, so with b = 0.4 the weighted
// frequency is 1/1 + 1/(0.6 + 0.4·5/6.75) for "both" and the second part
// alone for "body",
// and each scores idf·k1·tf/(tf + k1) up to the query norm. The idf is
// that of the larger document frequency (body: 2 of 4).
func TestFieldsQueryBM25F(t *testing.T) {
	ix := rankingIndex(t)
	p := DefaultBM25()
	p.Lengths = NewLengths()
	fields := []Field{{Name: indexer.FieldTitle, Weight: 1, B: p.B}, {Name: indexer.FieldBody, Weight: 1, B: p.B}}
	got := scores(t, ix, &FieldsQuery{Term: "blade", Fields: fields, BM25: p, Boost: 1})
	if len(got) != 2 || got["both"] == 0 || got["body"] == 0 {
		t.Fatalf("hits %v, want both and body", got)
	}
	sat := func(tf float64) float64 { return tf / (tf + p.K1) }
	body := 1 / (1 - p.B + p.B*5/6.75)
	if ratio, want := got["both"]/got["body"], sat(1+body)/sat(body); math.Abs(ratio-want) > 1e-6 {
		t.Errorf("both/body = %.6f, want %.6f", ratio, want)
	}
	// Against a word in the body alone, as a TermQuery scores it: the same
	// idf and saturation, so the same score up to the query norm, which
	// is 1 for a single query of boost 1.
	term := scores(t, ix, &TermQuery{Term: "blade", Field: indexer.FieldBody, Boost: 1, BM25: p})
	if math.Abs(got["body"]-term["body"]) > 1e-9 {
		t.Errorf("body-only match %.6f, TermQuery's %.6f: want the same", got["body"], term["body"])
	}
	// A title weighed twice counts twice in the weighted frequency.
	fields[0].Weight = 2
	heavy := scores(t, ix, &FieldsQuery{Term: "blade", Fields: fields, BM25: p, Boost: 1})
	if ratio, want := heavy["both"]/heavy["body"], sat(2+body)/sat(body); math.Abs(ratio-want) > 1e-6 {
		t.Errorf("title ×2: both/body = %.6f, want %.6f", ratio, want)
	}
}

// TestTermFreq checks the frequency BM25 saturates: as is, or Bleve's
// square root.
func TestTermFreq(t *testing.T) {
	for _, tt := range []struct {
		freq uint64
		sqrt bool
		want float64
	}{{4, false, 4}, {4, true, 2}, {1, true, 1}, {10000, true, 100}, {10000, false, 10000}} {
		if got := termFreq(tt.freq, tt.sqrt); got != tt.want {
			t.Errorf("termFreq(%d, %v) = %v, want %v", tt.freq, tt.sqrt, got, tt.want)
		}
	}
}

// TestDirichlet checks query likelihood's arithmetic and its floor.
func TestDirichlet(t *testing.T) {
	for _, tt := range []struct {
		name                  string
		tf, len, collProb, mu float64
		want                  float64
	}{
		{"common word in a short document", 1, 10, 0.01, 100, math.Log(1+1.0/1) + math.Log(100.0/110)},
		{"floored at zero", 1, 1000, 0.5, 100, 0},
		{"word not in the collection", 1, 10, 0, 100, 0},
	} {
		if got := dirichlet(tt.tf, tt.len, tt.collProb, tt.mu); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: dirichlet = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestLengths checks the average field lengths of rankingIndex against
// its articles, and that Bleve's own figure (distinct terms over
// documents) is not that: 16 distinct body terms, so 4 where the bodies
// average 6.75 tokens.
func TestLengths(t *testing.T) {
	ix := rankingIndex(t)
	r, err := ix.Bleve().Advanced()
	if err != nil {
		t.Fatal(err)
	}
	rd, err := r.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	l := NewLengths()
	for _, tt := range []struct {
		field string
		want  float64
	}{{indexer.FieldTitle, 2}, {indexer.FieldBody, 6.75}} {
		got, err := l.Average(context.Background(), rd, tt.field, 4)
		if err != nil || got != tt.want {
			t.Errorf("average length of %s = %v (%v), want %v", tt.field, got, err, tt.want)
		}
	}
	bleveAvg, err := rd.(index.BM25Reader).FieldCardinality(indexer.FieldBody)
	if err != nil || bleveAvg != 16 {
		t.Errorf("Bleve's body cardinality %d (%v), want 16 distinct terms", bleveAvg, err)
	}
}

// TestBM25PlusDelta checks BM25+ on rankingIndex: with Delta 1 every match
// of "turbin" (in the bodies of both, body and more, of lengths 5, 5 and
// 10) gains the same idf · k1 / (k1 + 1) over plain BM25, as a TermQuery
// and as a BM25F FieldsQuery.
func TestBM25PlusDelta(t *testing.T) {
	ix := rankingIndex(t)
	p := DefaultBM25()
	p.Lengths = NewLengths()
	plus := p
	plus.Delta = 1
	idf := math.Log(1 + (4-3+0.5)/(3+0.5))
	want := idf * p.K1 / (p.K1 + 1)
	fields := []Field{{Name: indexer.FieldBody, Weight: 1, B: p.B}}
	for _, tt := range []struct {
		name        string
		plain, with map[string]float64
	}{
		{"term", scores(t, ix, &TermQuery{Term: "turbin", Field: indexer.FieldBody, Boost: 1, BM25: p}),
			scores(t, ix, &TermQuery{Term: "turbin", Field: indexer.FieldBody, Boost: 1, BM25: plus})},
		{"bm25f", scores(t, ix, &FieldsQuery{Term: "turbin", Fields: fields, BM25: p, Boost: 1}),
			scores(t, ix, &FieldsQuery{Term: "turbin", Fields: fields, BM25: plus, Boost: 1})},
	} {
		if len(tt.plain) != 3 || len(tt.with) != 3 {
			t.Fatalf("%s: hits %v and %v, want 3 each", tt.name, tt.plain, tt.with)
		}
		for id, s := range tt.plain {
			if got := tt.with[id] - s; math.Abs(got-want) > 1e-9 {
				t.Errorf("%s: %s gains %.6f, want %.6f", tt.name, id, got, want)
			}
		}
	}
	if (BM25{K1: 0.9}).deltaScore(2) != 0 {
		t.Error("no Delta, yet a lower bound")
	}
}
