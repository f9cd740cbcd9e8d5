package analysis

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// fuzzSeeds are inputs for FuzzAnalyzers that reach the analyzer's special
// cases: invalid UTF-8, NUL and control characters, huge words, Japanese
// (morphemes, readings, names from the lexicon), mixed scripts, dotted
// acronyms, possessives, hyphen and short-name joins, boundaries, width and
// diacritic folding, and romaji spellings.
var fuzzSeeds = []string{
	"",
	" ",
	"Fumio Kishida met U.S. envoys in 東京.",
	"Japan’s PM Shinzō Abe; Kishida's visit",
	"bad\xffutf8 \xc3\x28 \xe6\x9d",
	"\xe5\xb2\xb8\xe7\x94", // 岸 and a truncated 田
	"nul\x00inside\x00",
	"tab\tcr\rlf\nff\fvt\vbell\a esc\x1b del\x7f",
	strings.Repeat("x", MaxTokenRunes+1) + " ok",
	strings.Repeat("あ", 300),
	strings.Repeat("ō", MaxTokenRunes+1),
	"安倍晋三首相は岸田文雄氏と会談した。",
	"岸田首相。石破氏",
	"ワシントンでガスを",
	"AIとGPUの話をした",
	"ＡＩ ｶﾀｶﾅ ﾊﾞｲﾃﾞﾝ",
	"Yoon Suk-yeol spoke; Yoon Suk Yeol",
	"high-tech -- - -x x- a--b",
	"U.S.A. D.C. e.g. U..S .U.S 3.5 node.js",
	"'s ’s ＇s Kishida’s X's",
	"Shinzou Shinzoh Tiba Husimi Shimbun Ōno Ohno",
	"ﬁnance ﬂow café naïve łódź",
	"Mr. Kishida. Dr. Who? St. Louis!",
	"\u200b\u200d\ufeff zero\u200bwidth",
	"e\u0301 o\u0304 \u0301lone combining",
	"😀 emoji 👍🏽 family 👨‍👩‍👧",
	"Привет мир Ελληνικά 한국어 中文 عربي",
	"「引用」『二重』（括弧）！？",
	"々〆ヶ 〆切 佐々木",
	`"quoted" (paren) [bracket] {brace}`,
	"123 4.5 6,789 $2.9 10%",
}

// maxFuzzText bounds the text FuzzAnalyzers analyzes. Kagome's search mode
// takes time growing faster than linearly with the length of a run of
// katakana (1,000 ア take 0.15 s, 10,000 about 8 s), which would stall the
// fuzzer; the properties checked here show on short texts.
const maxFuzzText = 2 << 10

// fuzzAnalyzer is an analyzer the index uses. keepsInput says whether it
// leaves the analyzed bytes alone: Bleve's lower-case filter lowers a term
// in place, in the text it was cut from, so a full analyzer may change its
// input (Bleve copies a stored field's value before analyzing it).
type fuzzAnalyzer struct {
	name       string
	analyzer   analysis.Analyzer
	keepsInput bool
}

// fuzzAnalyzers returns Sagasu's text analyzer as registered (title and
// body, at index and query time) and its tokenizer alone, so that a token
// the filters would drop or rewrite is still checked.
func fuzzAnalyzers(t testing.TB) []fuzzAnalyzer {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(Name)
	if err != nil {
		t.Fatalf("analyzer %s: %v", Name, err)
	}
	return []fuzzAnalyzer{
		{name: Name, analyzer: a},
		{name: TokenizerName, analyzer: &analysis.DefaultAnalyzer{Tokenizer: NewTokenizer()}, keepsInput: true},
	}
}

// FuzzAnalyzers feeds arbitrary text to each analyzer the index uses and
// checks that it never panics; that analyzing the same text twice, and with
// a freshly built analyzer (empty stem cache), gives the same tokens; that
// the tokenizer leaves the text unchanged; that every term is non-empty
// and, for valid UTF-8 text, valid UTF-8; that positions start at 1 and
// never decrease; and that each token's offsets lie within the text with
// Start <= End and, for valid UTF-8 text, on character boundaries (the
// highlighter cuts the text there).
func FuzzAnalyzers(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	shared := fuzzAnalyzers(f) // stem caches live as long as the analyzer, as in a server
	// Load the dictionaries in each fuzzing process before fuzzing: loading
	// them inside the first Japanese input can take longer than the 10 s a
	// fuzzing process gives one input before it counts as hung.
	Preload()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzText {
			t.Skip("longer than maxFuzzText")
		}
		fresh := fuzzAnalyzers(t)
		for i, fa := range shared {
			input := []byte(text)
			toks := fa.analyzer.Analyze(input)
			if fa.keepsInput && string(input) != text {
				t.Fatalf("%s: analyzing %q changed the text to %q", fa.name, text, input)
			}
			first := renderTokens(toks)
			if again := renderTokens(fa.analyzer.Analyze([]byte(text))); again != first {
				t.Fatalf("%s: analyzing %q twice differs:\nfirst  %s\nsecond %s", fa.name, text, first, again)
			}
			if other := renderTokens(fresh[i].analyzer.Analyze([]byte(text))); other != first {
				t.Fatalf("%s: a fresh analyzer differs on %q:\nshared %s\nfresh  %s", fa.name, text, first, other)
			}
			checkTokens(t, fa.name, text, toks)
		}
	})
}

// checkTokens reports the first token of toks, the analysis of text, that
// breaks an invariant of FuzzAnalyzers.
func checkTokens(t *testing.T, name, text string, toks analysis.TokenStream) {
	t.Helper()
	valid := utf8.ValidString(text)
	last := 1
	for i, tok := range toks {
		switch {
		case len(tok.Term) == 0:
			t.Fatalf("%s(%q): token %d has an empty term: %s", name, text, i, renderTokens(toks))
		case valid && !utf8.Valid(tok.Term):
			t.Fatalf("%s(%q): token %d term %q is not valid UTF-8", name, text, i, tok.Term)
		case tok.Position < last:
			t.Fatalf("%s(%q): token %d at position %d after position %d: %s", name, text, i, tok.Position, last, renderTokens(toks))
		case tok.Start < 0 || tok.Start > tok.End || tok.End > len(text):
			t.Fatalf("%s(%q): token %d %q has offsets [%d,%d) outside the %d-byte text", name, text, i, tok.Term, tok.Start, tok.End, len(text))
		case valid && !utf8.ValidString(text[tok.Start:tok.End]):
			t.Fatalf("%s(%q): token %d %q has offsets [%d,%d) that cut a character", name, text, i, tok.Term, tok.Start, tok.End)
		}
		last = tok.Position
	}
}

// renderTokens writes toks as one comparable line of
// term@position[start,end)type entries.
func renderTokens(toks analysis.TokenStream) string {
	var b bytes.Buffer
	for _, tok := range toks {
		fmt.Fprintf(&b, "%q@%d[%d,%d)%d", tok.Term, tok.Position, tok.Start, tok.End, tok.Type)
		if tok.KeyWord {
			b.WriteString("kw")
		}
		b.WriteByte(' ')
	}
	return b.String()
}
