package searcher

import (
	"context"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// TestRelaxedQueries checks the rule for verbose queries: short queries
// need every word; long ones that find fewer articles than the page asks
// for are relaxed and ranked by BM25; phrases and exclusions hold.
func TestRelaxedQueries(t *testing.T) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	docs := []corpus.Article{
		{ID: "d1", Title: "Dielectric constant of liquids", Body: "We measured the dielectric constant of several liquids with microwave techniques."},
		{ID: "d2", Title: "Microwave ovens", Body: "Microwave ovens heat food quickly."},
		{ID: "d3", Title: "Constant pressure flow", Body: "A study of laminar flow at constant pressure in liquids."},
		{ID: "d4", Title: "Bird migration", Body: "Swallows fly south for the winter."},
	}
	if err := ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	s := New(ix, nil)
	tests := []struct {
		q           string
		size        int
		want        []string // in order
		wantRelaxed bool
	}{
		{"microwave liquids", 10, []string{"d1"}, false},         // two words: both required
		{"microwave ovens food", 10, []string{"d2", "d1"}, true}, // one article has every word: the page is not full
		{"measurement of dielectric constant of liquids by microwave techniques", 10, []string{"d1", "d3", "d2"}, true},
		{"dielectric constant liquids", 1, []string{"d1"}, false}, // the page (size 1) is full: strict
		{"dielectric constant liquids -microwave", 10, []string{"d3"}, true},
		{`"laminar flow" microwave techniques`, 10, []string{"d3"}, true}, // the quoted phrase stays required
		{"swallows penguins albatross", 10, []string{"d4"}, true},
		{"penguins albatross puffins", 10, nil, true},
	}
	for _, tt := range tests {
		res, err := s.Search(context.Background(), Request{Query: tt.q, Size: tt.size})
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		if got := ids(res); !slices.Equal(got, tt.want) || res.Relaxed != tt.wantRelaxed {
			t.Errorf("%q: %v relaxed %v, want %v relaxed %v", tt.q, got, res.Relaxed, tt.want, tt.wantRelaxed)
		}
	}
}
