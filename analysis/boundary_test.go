package analysis

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"
)

// positioned analyzes text and renders each token as term@position.
func positioned(t *testing.T, text string) string {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(Name)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, tok := range a.Analyze([]byte(text)) {
		parts = append(parts, fmt.Sprintf("%s@%d", tok.Term, tok.Position))
	}
	return strings.Join(parts, " ")
}

func TestBoundaries(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Fumio Kishida met", "fumio@1 kishida@2 met@3"},
		{"met Fumio. Kishida said", "met@1 fumio@2 kishida@4 said@5"},
		{"Fumio, Kishida", "fumio@1 kishida@3"},
		{"the U.S. and Japan", "the@1 us@2 and@3 japan@4"},
		{"Mr. Kishida", "mr@1 kishida@2"},
		{"Yoon Suk-yeol spoke", "yon@1 yoonsuk@1 suk@2 sukyeol@2 yeol@3 spoke@4"}, // Yoon reads as romaji yoon = yon,
		{"para one\n\npara two", "para@1 on@2 para@4 two@5"},
		{"Yoon Suk Yeol spoke", "yon@1 yoonsuk@1 suk@2 sukyeol@2 yeol@3 spoke@4"},
		{"Fumio Kishida", "fumio@1 kishida@2"},
		{"岸田首相。石破氏", "岸田@1 kishida@1 首相@2 石破@4 ishiba@4 氏@5"},
	}
	for _, tt := range tests {
		if got := positioned(t, tt.text); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

func TestHyphenJoinKeepsSpan(t *testing.T) {
	text := "Suk-yeol"
	a, _ := registry.NewCache().AnalyzerNamed(Name)
	var spans []string
	for _, tok := range a.Analyze([]byte(text)) {
		spans = append(spans, text[tok.Start:tok.End])
	}
	if want := []string{"Suk", "Suk-yeol", "yeol"}; !reflect.DeepEqual(spans, want) {
		t.Errorf("spans %q, want %q", spans, want)
	}
}

func TestScriptRuns(t *testing.T) {
	text := []byte("PM 岸田は US visit")
	runs := scriptRuns(text)
	var got []string
	for _, r := range runs {
		got = append(got, string(text[r.start:r.end]))
	}
	want := []string{"PM ", "岸田は", " US visit"}
	if len(got) != len(want) {
		t.Fatalf("runs %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d = %q, want %q", i, got[i], want[i])
		}
	}
}
