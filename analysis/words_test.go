package analysis

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// checkSameTokens fails unless wordSplitter and Bleve's Unicode tokenizer
// give text the same tokens (terms, offsets, positions, types).
func checkSameTokens(t *testing.T, text string) {
	t.Helper()
	want := bleveunicode.NewUnicodeTokenizer().Tokenize([]byte(text))
	got := wordSplitter{bleve: bleveunicode.NewUnicodeTokenizer()}.Tokenize([]byte(text))
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(tokenValues(got), tokenValues(want)) {
		t.Fatalf("%q:\n got  %v\n want %v", text, tokenValues(got), tokenValues(want))
	}
}

func tokenValues(ts analysis.TokenStream) []analysis.Token {
	out := make([]analysis.Token, len(ts))
	for i, tok := range ts {
		out[i] = *tok
		out[i].Term = append([]byte{}, tok.Term...)
	}
	return out
}

func TestWordSplitterMatchesBleve(t *testing.T) {
	for _, text := range []string{
		"", " ", "said", "Kishida said, \"the U.S. and Japan\" (Reuters) 3.5% of 1,000 don't snake_case",
		"e-mail high-tech 5G a1 1a 3.14.15 ...abc... 'tis ''q'' a:b a;b 1;2 1:2 _ __a a__ 12_ab",
		"café naïve Ōno — “quoted” x\u0301y -\u0301abc שׁ\"ב א\"ב 1\u00a02 ＡＩ 2026年 한국어",
		"line\r\nbreak\ttab\vvt\fff end.",
	} {
		checkSameTokens(t, text)
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "b", "Z", "0", "9", " ", ".", ",", ";", ":", "'", "\"", "_", "-", "(", "\n", "é",
		"\u0301", "א", "ー", "カ", "\u200d", "!", "$", "%", "&", "@", "\u00b7", "’"}
	for i := 0; i < 100_000; i++ {
		var b strings.Builder
		for j := rng.Intn(12); j >= 0; j-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		checkSameTokens(t, b.String())
	}
}

// TestWordSplitterMatchesBleveOnFixtures compares them on the text of
// every fixture file of the repository's testdata folders.
func TestWordSplitterMatchesBleveOnFixtures(t *testing.T) {
	files, err := filepath.Glob("../*/testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || len(b) > 1<<20 {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			checkSameTokens(t, line)
			n++
		}
	}
	if n < 1000 {
		t.Errorf("only %d lines of fixtures compared", n)
	}
}
