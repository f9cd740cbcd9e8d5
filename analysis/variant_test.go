package analysis

import (
	"reflect"
	"testing"

	blevanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// analyzeWith runs text through variant v's registered analyzer and
// returns its terms with their positions.
func analyzeWith(t *testing.T, v Variant, text string) (terms []string, positions []int) {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(v.Name())
	if err != nil {
		t.Fatalf("analyzer %s: %v", v.Name(), err)
	}
	for _, tok := range a.Analyze([]byte(text)) {
		terms = append(terms, string(tok.Term))
		positions = append(positions, tok.Position)
	}
	return terms, positions
}

func TestVariantTerms(t *testing.T) {
	porterStop := Variant{Stemmer: StemPorter, StopWords: true}
	minimal := Variant{Stemmer: StemMinimal}
	none := Variant{Stemmer: StemNone}
	noneStop := Variant{Stemmer: StemNone, StopWords: true}
	tests := []struct {
		v          Variant
		text       string
		want       []string
		wantPos    []int
		comparison string
	}{
		{DefaultVariant(), "the investments of policies", []string{"the", "invest", "of", "polici"}, []int{1, 2, 3, 4}, "porter"},
		{minimal, "the investments of policies", []string{"the", "investment", "of", "policy"}, []int{1, 2, 3, 4}, "plurals only"},
		{none, "the investments of policies", []string{"the", "investments", "of", "policies"}, []int{1, 2, 3, 4}, "as written"},
		{porterStop, "the investments of policies", []string{"invest", "polici"}, []int{2, 4}, "stop words leave gaps"},
		{noneStop, "Bank of Japan's rates", []string{"bank", "japan", "rates"}, []int{1, 3, 4}, "phrase gap"},
		// Names stay exact under every stemmer ("abe" is Porter's "ab" only);
		// the surname also stands before the given name (linkRomajiNames).
		{minimal, "Shigeru Ishiba met Shinzō Abe", []string{"shigeru", "ishiba", "met", "abe", "shinzo", "abe"}, []int{1, 2, 3, 3, 4, 5}, "names"},
		{noneStop, "Ishiba and Shinzō Abe", []string{"ishiba", "abe", "shinzo", "abe"}, []int{1, 2, 3, 4}, "names"},
		// Japanese is analyzed alike: particles and readings are kept.
		{noneStop, "東京と京都", []string{"東京", "tokyo", "と", "京都", "kyoto"}, []int{1, 1, 2, 3, 3}, "japanese"},
		{porterStop, "AIとGPUの話", []string{"ai", "と", "gpu", "の", "話"}, []int{1, 2, 3, 4, 5}, "mixed"},
	}
	for _, tt := range tests {
		t.Run(tt.v.Name()+" "+tt.comparison, func(t *testing.T) {
			got, pos := analyzeWith(t, tt.v, tt.text)
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(pos, tt.wantPos) {
				t.Errorf("%s(%q) = %q at %v, want %q at %v", tt.v.Name(), tt.text, got, pos, tt.want, tt.wantPos)
			}
		})
	}
}

// TestStopFilterKeepsReadings checks that a romaji reading that spells an
// English stop word stays: it stands for a Japanese word.
func TestStopFilterKeepsReadings(t *testing.T) {
	ts := tokens("ノー", "no", "no", "the")
	ts[0].Type, ts[0].End = blevanalysis.Ideographic, 6
	ts[1].End = 6
	ts[2].Start, ts[2].End = 7, 9
	got := StopFilter{}.Filter(ts)
	var terms []string
	for _, tok := range got {
		terms = append(terms, string(tok.Term))
	}
	if want := []string{"ノー", "no"}; !reflect.DeepEqual(terms, want) {
		t.Errorf("terms = %q, want %q", terms, want)
	}
}

func TestVariantNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range Variants() {
		got, err := VariantNamed(v.Name())
		if err != nil || got != v {
			t.Errorf("VariantNamed(%q) = %v, %v; want %v", v.Name(), got, err, v)
		}
		if seen[v.Name()] {
			t.Errorf("two variants named %q", v.Name())
		}
		seen[v.Name()] = true
	}
	if len(seen) != 6 {
		t.Errorf("%d variants, want 6", len(seen))
	}
	if v, err := VariantNamed(""); err != nil || v != DefaultVariant() || v.Name() != Name {
		t.Errorf(`VariantNamed("") = %v, %v`, v, err)
	}
	if _, err := VariantNamed("sagasu_snowball"); err == nil {
		t.Error("VariantNamed(sagasu_snowball) did not fail")
	}
}
