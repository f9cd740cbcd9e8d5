package sagasu

import (
	"context"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/lab/eval"
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
