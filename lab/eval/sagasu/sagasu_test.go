package sagasu

import (
	"context"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/lab/eval"
	"github.com/sagasu-search/sagasu/searcher/score"
)

func TestEngine(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	docs := []eval.Doc{
		{ID: "1", Title: "Boundary layer flow", Text: "Experiments on the boundary layer of a flat plate.", Lang: "en"},
		{ID: "2", Title: "Shock waves", Text: "Shock waves in supersonic flow over wedges.", Lang: "en"},
		{ID: "3", Title: "", Text: "岸田文雄首相は東京で会見した。", Lang: "ja"},
	}
	if err := e.Index(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"boundary layer", []string{"1"}},
		{"what is known about shock waves in supersonic flow", []string{"2", "1"}},
		{"岸田", []string{"3"}},
		{`"unclosed`, nil},
	}
	for _, tt := range tests {
		got, err := e.Search(context.Background(), tt.q, 10)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, %v; want %v", tt.q, got, err, tt.want)
		}
	}
	if e.Failures() != 1 {
		t.Errorf("Failures() = %d, want 1 (the unclosed quote)", e.Failures())
	}
}

// TestConfigs checks that configurations have distinct names, each found
// by FindConfig, each naming a registered analysis variant, the default
// first with the production ranking and analysis.
func TestConfigs(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range Configs() {
		if seen[c.Name] {
			t.Errorf("two configurations named %q", c.Name)
		}
		seen[c.Name] = true
		if got, err := FindConfig(c.Name); err != nil || got.Name != c.Name {
			t.Errorf("FindConfig(%q) = %v, %v", c.Name, got.Name, err)
		}
		if _, err := analysis.VariantNamed(c.Analyzer); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
		if i == 0 && (c.Name != "default" || c.Analyzer != "" || c.Ranking != score.DefaultRanking()) {
			t.Errorf("first configuration %+v, want the production default", c)
		}
	}
	if c, _ := FindConfig("porter+stop+bm25+"); c.Analyzer != "sagasu_porter_stop" || c.Ranking.BM25.Delta != 1 {
		t.Errorf("porter+stop+bm25+ = %+v", c)
	}
	if c, _ := FindConfig("dph"); c.Ranking.BM25.DFR != score.DPH || !c.Ranking.TrueLengths || !c.Ranking.Coord {
		t.Errorf("dph = %+v, want DPH with true lengths and coord", c)
	}
	if c, _ := FindConfig("rsj+qtf"); c.Ranking.BM25.IDF != score.IDFRSJ || c.Ranking.QueryTF != score.QTFCount || c.Ranking.TrueLengths {
		t.Errorf("rsj+qtf = %+v, want the default with FTS5's idf and qtf", c)
	}
}
