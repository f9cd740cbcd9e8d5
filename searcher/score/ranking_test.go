package score

import (
	"context"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// rankingIndex is a small index whose scores can be computed by hand.
func rankingIndex(t *testing.T) *indexer.Index {
	t.Helper()
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	docs := []corpus.Article{
		{ID: "both", Title: "Turbine blades", Body: "Turbine blades crack under heat."},
		{ID: "body", Title: "Engine report", Body: "Turbine blades crack under heat."},
		{ID: "none", Title: "Harbour news", Body: "Boats sail in the harbour at dawn."},
		{ID: "more", Title: "Harbour turbine", Body: "A turbine near the harbour, a boat and a crane."},
	}
	if err := ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

// scores runs q on ix and returns each hit's score by id.
func scores(t *testing.T, ix *indexer.Index, q query.Query) map[string]float64 {
	t.Helper()
	res, err := ix.Bleve().Search(bleve.NewSearchRequestOptions(q, 10, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, h := range res.Hits {
		out[h.ID] = h.Score
	}
	return out
}

// TestBM25TermQueryCountsIDFOnce checks that a word's score is BM25 as
// written, idf × tf·(k1+1)/(tf + k1·(1 − b + b·len/avglen)) up to one
// factor for the whole query, so that the ratio between two words' scores
// is the ratio of their idfs (same tf and length): Bleve's own term query
// would square it.
func TestBM25TermQueryCountsIDFOnce(t *testing.T) {
	ix := rankingIndex(t)
	// Three words once each in the same body: "crack" and "blade" in 2 of
	// the 4 bodies, "turbine" in 3.
	crack := scores(t, ix, &TermQuery{Term: "crack", Field: indexer.FieldBody, Boost: 1, BM25: DefaultBM25()})["both"]
	blade := scores(t, ix, &TermQuery{Term: "blade", Field: indexer.FieldBody, Boost: 1, BM25: DefaultBM25()})["both"]
	turbine := scores(t, ix, &TermQuery{Term: "turbin", Field: indexer.FieldBody, Boost: 1, BM25: DefaultBM25()})["both"]
	if crack == 0 || turbine == 0 || blade == 0 {
		t.Fatalf("scores crack %v blade %v turbine %v; the stemmed terms are not in the index", crack, blade, turbine)
	}
	idf := func(df float64) float64 { return math.Log(1 + (4-df+0.5)/(df+0.5)) }
	if got, want := crack/turbine, idf(2)/idf(3); math.Abs(got-want) > 1e-9 {
		t.Errorf("crack/turbine score ratio %.6f, want idf ratio %.6f", got, want)
	}
	if math.Abs(crack-blade) > 1e-12 {
		t.Errorf("crack %v and blade %v have the same df and tf but different scores", crack, blade)
	}
}

// TestSumQueryAddsFields checks that a word in the title and the body
// scores the sum of both matches, and in the body alone the body match
// undiminished (Bleve's disjunction would halve it). Bleve scales every
// score of a query by one query norm, so the test compares ratios.
func TestSumQueryAddsFields(t *testing.T) {
	ix := rankingIndex(t)
	title := &TermQuery{Term: "blade", Field: indexer.FieldTitle, Boost: 1, BM25: DefaultBM25()}
	body := &TermQuery{Term: "blade", Field: indexer.FieldBody, Boost: 1, BM25: DefaultBM25()}
	alone := scores(t, ix, body)
	titleOnly := scores(t, ix, title)
	sum := scores(t, ix, NewSumQuery(1, title, body))
	got := sum["both"] / sum["body"]
	if want := (alone["both"] + titleOnly["both"]) / alone["body"]; math.Abs(got-want) > 1e-9 {
		t.Errorf("title-and-body / body-only scores %.6f, want (%v + %v) / %v = %.6f",
			got, alone["both"], titleOnly["both"], alone["body"], want)
	}
	min2 := scores(t, ix, NewSumQuery(2, title, body))
	if _, ok := min2["body"]; ok || len(min2) != 1 {
		t.Errorf("with min 2, got %v; want only the article with the word in both fields", min2)
	}
}
