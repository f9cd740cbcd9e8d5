package analysis

import (
	"reflect"
	"testing"

	blevanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// analyze runs text through the registered analyzer and returns its terms.
func analyze(t *testing.T, text string) []string {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(Name)
	if err != nil {
		t.Fatalf("analyzer %s: %v", Name, err)
	}
	var terms []string
	for _, tok := range a.Analyze([]byte(text)) {
		terms = append(terms, string(tok.Term))
	}
	return terms
}

func TestAnalyzerTerms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"possessive curly", "Japan’s PM Kishida", []string{"japan", "pm", "kishida"}},
		{"possessive straight", "Fumio Kishida's visit", []string{"fumio", "kishida", "visit"}},
		{"dotted acronym", "the U.S. and the US", []string{"the", "us", "and", "the", "us"}},
		{"acronym with trailing dot", "Washington D.C.", []string{"washington", "dc"}},
		{"decimal stays", "$2.9 billion", []string{"2.9", "billion"}},
		{"macron folds", "Shinzō Ōno", []string{"shinzo", "ono"}},
		{"circumflex folds", "Shinzô", []string{"shinzo"}},
		{"ligature spelled out", "ﬁnance", []string{"financ"}},
		{"stemming", "investments invested", []string{"invest", "invest"}},
		{"hyphen splits and joins", "high-tech", []string{"high", "hightech", "tech"}},
		{"full width latin", "ＡＩ", []string{"ai"}},
		// Readings are stemmed like English words: "abe" becomes "ab" on both sides.
		{"Japanese morphemes with readings", "安倍晋三首相", []string{"安倍", "ab", "晋三", "shinzo", "首相"}},
		{"surname and title", "岸田首相は", []string{"岸田", "kishida", "首相", "は"}},
		{"places", "東京と京都", []string{"東京", "tokyo", "と", "京都", "kyoto"}},
		{"katakana words are read", "ワシントンでガスを", []string{"ワシントン", "washinton", "で", "ガス", "gasu", "を"}},
		{"mixed scripts", "AIとGPUの話", []string{"ai", "と", "gpu", "の", "話"}},
		{"over-long token dropped", repeat("x", MaxTokenRunes+1) + " ok", []string{"ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := analyze(t, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("analyze(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestAnalyzerKeepsOffsets checks that every token's offsets still cut the
// original text where the word stands, which highlighting relies on.
func TestAnalyzerKeepsOffsets(t *testing.T) {
	text := "Japan’s PM Shinzō met U.S. envoys in 東京."
	a, err := registry.NewCache().AnalyzerNamed(Name)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range a.Analyze([]byte(text)) {
		got = append(got, text[tok.Start:tok.End])
	}
	want := []string{"Japan", "PM", "Shinzō", "met", "U.S", "envoys", "in", "東京", "東京"} // 東京 and its reading
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spans = %q, want %q", got, want)
	}
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

// TestAnalyzerIsItsDeclaration checks that each variant's registered
// analyzer is the tokenizer and token filters that filters names, each one
// the registry's, in order.
func TestAnalyzerIsItsDeclaration(t *testing.T) {
	for _, v := range Variants() {
		t.Run(v.Name(), func(t *testing.T) { checkDeclaration(t, v) })
	}
}

func checkDeclaration(t *testing.T, v Variant) {
	cache := registry.NewCache()
	a, err := cache.AnalyzerNamed(v.Name())
	if err != nil {
		t.Fatal(err)
	}
	da, ok := a.(*blevanalysis.DefaultAnalyzer)
	if !ok {
		t.Fatalf("analyzer %s is a %T", v.Name(), a)
	}
	if tok, err := cache.TokenizerNamed(TokenizerName); err != nil || da.Tokenizer != tok {
		t.Errorf("tokenizer is not %s (%v)", TokenizerName, err)
	}
	want := filters(v)
	if len(da.TokenFilters) != len(want) || len(da.CharFilters) != 0 {
		t.Fatalf("%d token and %d char filters, want %d and 0", len(da.TokenFilters), len(da.CharFilters), len(want))
	}
	for i, name := range want {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(f, da.TokenFilters[i]) {
			t.Errorf("token filter %d is %T, not %s", i, da.TokenFilters[i], name)
		}
	}
}
