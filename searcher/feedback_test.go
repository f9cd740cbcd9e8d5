package searcher

import (
	"context"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// TestRM3 checks that feedback reorders a relaxed query's matches by the
// words of its best articles: "fatigue", frequent in the two articles
// about turbine blades, lifts the hull article above the wall article,
// which without feedback ranks first as the shorter of two articles that
// match "crack" alone. Nothing the query did not match is added.
func TestRM3(t *testing.T) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	docs := []corpus.Article{
		{ID: "a1", Title: "Turbine blades", Body: "Turbine blades crack from metal fatigue. Fatigue cracks grow in blades."},
		{ID: "a2", Title: "Blade fatigue", Body: "Turbine blade fatigue and crack growth under fatigue loading."},
		{ID: "wall", Title: "Harbour", Body: "A crack in the harbour wall."},
		{ID: "hull", Title: "Ship", Body: "A crack of fatigue in the steel hull of a ship."},
		{ID: "none", Title: "Fatigue", Body: "Fatigue after a long trip."},
	}
	if err := ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		rm3  score.RM3
		want []string
	}{
		{"without feedback", score.RM3{}, []string{"wall", "hull"}},
		{"with RM3", score.AnseriniRM3(), []string{"hull", "wall"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := score.DefaultRanking()
			r.RM3 = tt.rm3
			res, err := New(ix, nil, WithRanking(r)).Search(context.Background(), Request{Query: "turbine blade crack stress"})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
			}
			if len(ids) != 4 || !res.Relaxed || slices.Contains(ids, "none") {
				t.Fatalf("hits %v (relaxed %v), want the four articles with a query word, relaxed", ids, res.Relaxed)
			}
			if !slices.Equal(ids[2:], tt.want) {
				t.Errorf("hits %v, want %v last", ids, tt.want)
			}
		})
	}
}

// TestTopWords checks the expansion words: the likeliest first, ties by
// the word, cut to k and normalized to sum to one.
func TestTopWords(t *testing.T) {
	model := map[string]float64{"fatigu": 0.3, "crack": 0.2, "blade": 0.2, "grow": 0.05}
	got := topWords(model, 3)
	want := []weighted{{"fatigu", 0.3 / 0.7}, {"blade", 0.2 / 0.7}, {"crack", 0.2 / 0.7}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].term != want[i].term || got[i].p-want[i].p > 1e-12 || want[i].p-got[i].p > 1e-12 {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}
