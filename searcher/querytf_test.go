package searcher

import (
	"context"
	"math"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// TestQueryTF checks how a word typed twice counts in a relaxed query of
// three distinct words. "crack" holds one article, "turbine" and
// "harbour" the other, so with c and t their scores, as typed (four
// clauses) the crack article scores 2c · 2/4 and the other (t + h) · 2/4;
// counted once (three clauses) c · 1/3 against (t + h) · 2/3; weighing
// twice as one clause 2c · 1/3 against (t + h) · 2/3. The ratio of the
// two articles' scores is therefore 4, 2 and 1 times that of the word
// counted once, whether the word is typed twice or stemmed to the same
// term ("cracks crack").
func TestQueryTF(t *testing.T) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	docs := []corpus.Article{
		{ID: "crack", Title: "Wall", Body: "A crack in the wall of the dock."},
		{ID: "turbine", Title: "Port", Body: "A turbine near the harbour."},
		{ID: "none", Title: "Boats", Body: "Boats sail at dawn."},
	}
	if err := ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	ratio := func(t *testing.T, qtf score.QueryTF, query string) float64 {
		t.Helper()
		r := score.DefaultRanking()
		r.QueryTF = qtf
		res, err := New(ix, nil, WithRanking(r)).Search(context.Background(), Request{Query: query, NoTypos: true})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for _, h := range res.Hits {
			got[h.ID] = h.Score
		}
		if len(got) != 2 || got["crack"] == 0 || got["turbine"] == 0 || !res.Relaxed {
			t.Fatalf("%q: hits %v (relaxed %v), want the crack and turbine articles, relaxed", query, got, res.Relaxed)
		}
		return got["crack"] / got["turbine"]
	}
	for _, query := range []string{"crack crack turbine harbour", "cracks crack turbine harbour"} {
		once := ratio(t, score.QTFOnce, query)
		for _, tt := range []struct {
			qtf  score.QueryTF
			want float64
		}{{score.QTFRepeat, 4}, {score.QTFCount, 2}, {score.QTFOnce, 1}} {
			if got := ratio(t, tt.qtf, query) / once; math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("%q, QueryTF %d: crack/turbine score ratio %.6f times that of counting once, want %v", query, tt.qtf, got, tt.want)
			}
		}
	}
}
