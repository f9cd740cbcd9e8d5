package analysis

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/sagasu-search/sagasu/namedict"
	"github.com/sagasu-search/sagasu/romaji"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// TokenizerName is the registered name of Tokenizer.
const TokenizerName = "sagasu_text"

func init() {
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return NewTokenizer(), nil
	}))
}

// Tokenizer splits mixed English and Japanese text. Runs of Japanese
// script are analyzed morphologically with kagome and the UniDic
// dictionary (岸田文雄 → 岸田 | 文雄, so 岸田 matches and 東京 does not
// match 京都); everything else goes through Unicode word segmentation
// (Bleve's, with a fast path for plain ASCII words: see wordSplitter).
// For a Japanese proper noun or katakana word, a second token at the
// same position carries its reading in romaji (岸田 → kishida), so that English queries find Japanese text and Japanese
// queries find English text. Offsets are bytes of the text as written.
// Sentence and clause boundaries leave a gap in positions (see
// markBoundaries), hyphenated pairs are also indexed joined, and a
// romanized Japanese name written given name first also reads surname
// first (see linkRomajiNames).
//
// The dictionary loads (125 MiB, without the feature columns: see
// japaneseDict) the first time Japanese text is seen, once per process;
// English-only use never loads it.
type Tokenizer struct {
	latin analysis.Tokenizer
}

// NewTokenizer returns a Tokenizer.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{latin: wordSplitter{bleve: bleveunicode.NewUnicodeTokenizer()}}
}

// Tokenize implements analysis.Tokenizer.
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	pos := 0
	for _, run := range scriptRuns(input) {
		if run.japanese {
			out, pos = appendJapanese(out, input[run.start:run.end], run.start, pos)
			continue
		}
		latin := t.latin.Tokenize(input[run.start:run.end])
		for _, tok := range latin {
			pos++
			tok.Start += run.start
			tok.End += run.start
			tok.Position = pos
		}
		if out == nil { // the first run: its stream is the start of ours, not copied
			out = latin
		} else {
			out = append(out, latin...)
		}
	}
	return linkRomajiNames(input, markBoundaries(input, out))
}

// run is a stretch of input in Japanese script or not.
type run struct {
	start, end int
	japanese   bool
}

// scriptRuns cuts input where it changes between Japanese script and the rest.
func scriptRuns(input []byte) []run {
	var runs []run
	for i := 0; i < len(input); {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		ja := r >= utf8.RuneSelf && sagasutext.IsJapanese(r)
		if len(runs) == 0 || runs[len(runs)-1].japanese != ja {
			runs = append(runs, run{start: i, japanese: ja})
		}
		i += size
		runs[len(runs)-1].end = i
	}
	return runs
}

// japaneseAnalyzer is kagome over UniDic (see japaneseDict); the
// dictionary is loaded once, so creating it after the first time is cheap.
func japaneseAnalyzer() *tokenizer.Tokenizer {
	d, _ := japaneseDict()
	t, err := tokenizer.New(d, tokenizer.OmitBosEos())
	if err != nil {
		panic("kagome with UniDic: " + err.Error()) // the dictionary is embedded
	}
	return t
}

// appendJapanese tokenizes one run of Japanese text starting at byte
// offset base, continuing the position count from pos. The full names of
// people that the name lexicon knows are cut and read by it (安倍晋三 →
// 安倍 abe | 晋三 shinzo, where UniDic alone reads 安倍|晋|三), and so are
// names it recognizes by structure, with all their plausible readings
// (岸信夫氏 → 岸 kishi | 信夫 nobuo shinobu | 氏); the rest goes to kagome.
func appendJapanese(out analysis.TokenStream, text []byte, base, pos int) (analysis.TokenStream, int) {
	lex := namedict.Default()
	s := string(text)
	start := 0
	for i := 0; i < len(text); {
		p, listed := lex.Prefix(s[i:])
		listed = listed && utf8.RuneCountInString(p.Writing) >= minNameRunes
		name, surname, unlisted := lex.NameAt(s, i)
		if listed && (!unlisted || len(p.Writing) >= len(name)) {
			out, pos = appendMorphemes(out, text[start:i], base+start, pos)
			out, pos = appendPerson(out, p, base+i, pos)
			i += len(p.Writing)
			start = i
			continue
		}
		if unlisted { // a longer name than a listed one it starts with: 佐藤真樹氏, not 佐藤真
			out, pos = appendMorphemes(out, text[start:i], base+start, pos)
			out, pos = appendUnlisted(out, lex, name, surname, base+i, pos)
			i += len(name)
			start = i
			continue
		}
		_, size := utf8.DecodeRune(text[i:])
		i += size
	}
	return appendMorphemes(out, text[start:], base+start, pos)
}

// minNameRunes is the shortest full name the tokenizer takes from the
// lexicon: two-character names (林修) hide inside ordinary words (森林修復).
const minNameRunes = 3

// appendPerson adds a known person's surname and given name, each with
// its reading at the same position.
func appendPerson(out analysis.TokenStream, p namedict.Person, start, pos int) (analysis.TokenStream, int) {
	parts := [2][2]string{{p.Surname, p.Family()}, {p.GivenName(), p.Given()}}
	for _, part := range parts {
		pos++
		end := start + len(part[0])
		out = append(out,
			&analysis.Token{Term: []byte(part[0]), Start: start, End: end, Position: pos, Type: analysis.Ideographic},
			&analysis.Token{Term: []byte(strings.ToLower(part[1])), Start: start, End: end, Position: pos, Type: analysis.AlphaNumeric})
		start = end
	}
	return out, pos
}

// maxKanaRun is the longest run of katakana handed to kagome whole. Its
// search mode costs time growing with the square of an unknown katakana
// run (1,024 katakana took 0.27 ms a character, 16 took 0.01; ordinary
// text stays near 0.002), so a hostile article of 300,000 katakana would
// hold a core for minutes; cut, 30,000 katakana take about 1 s rather than
// 26 (BenchmarkLongKatakana). No katakana word is this long.
const maxKanaRun = 32

// appendMorphemes tokenizes Japanese text with kagome, cutting runs of
// katakana longer than maxKanaRun.
func appendMorphemes(out analysis.TokenStream, text []byte, base, pos int) (analysis.TokenStream, int) {
	start, run := 0, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if !isKatakanaRune(r) {
			run = 0
		} else if run++; run > maxKanaRun {
			out, pos = appendKagome(out, text[start:i], base+start, pos)
			start, run = i, 1
		}
		i += size
	}
	return appendKagome(out, text[start:], base+start, pos)
}

// isKatakanaRune reports whether r continues a run of katakana: a
// katakana letter, a long vowel mark, or any half-width katakana (with the
// voicing marks ﾞ ﾟ, which belong to the letter before them).
func isKatakanaRune(r rune) bool {
	return sagasutext.IsKatakanaWordRune(r) || sagasutext.IsHalfwidthKatakana(r)
}

// appendKagome adds the morphemes kagome finds in text.
func appendKagome(out analysis.TokenStream, text []byte, base, pos int) (analysis.TokenStream, int) {
	if len(text) == 0 {
		return out, pos
	}
	ms := japaneseAnalyzer().Analyze(string(text), tokenizer.Search)
	extra := personReadings(ms)
	for k, m := range ms {
		if isPunctuation(m.POS()) || strings.TrimSpace(m.Surface) == "" {
			continue
		}
		pos++
		start := base + m.Position
		tok := &analysis.Token{Term: []byte(m.Surface), Start: start, End: start + len(m.Surface),
			Position: pos, Type: analysis.Ideographic}
		out = append(out, tok)
		reading := readingOf(m)
		if reading != "" {
			out = append(out, &analysis.Token{Term: []byte(reading), Start: tok.Start, End: tok.End,
				Position: pos, Type: analysis.AlphaNumeric})
		}
		for _, r := range extra[k] {
			if r != reading {
				out = append(out, &analysis.Token{Term: []byte(r), Start: tok.Start, End: tok.End,
					Position: pos, Type: analysis.AlphaNumeric})
			}
		}
	}
	return out, pos
}

func isPunctuation(pos []string) bool {
	return len(pos) > 0 && (pos[0] == "補助記号" || pos[0] == "記号" || pos[0] == "空白")
}

// readingOf is the romaji reading of a proper noun or of a word written in
// katakana, "" for other words.
func readingOf(m tokenizer.Token) string {
	pos := m.POS()
	proper := len(pos) > 1 && pos[1] == "固有名詞"
	if sagasutext.AllKatakana(m.Surface) {
		return romaji.FromKana(m.Surface)
	}
	if !proper {
		return ""
	}
	if _, table := japaneseDict(); table != nil && m.Class == tokenizer.KNOWN {
		if r, ok := table.reading(m.ID); ok {
			return romaji.FromKana(r)
		}
		return ""
	}
	f := m.Features()
	if len(f) > 6 && f[6] != "*" {
		return romaji.FromKana(f[6]) // UniDic's lForm: the lexeme's reading, e.g. シンゾウ
	}
	return ""
}

// Preload loads the Japanese dictionary now rather than on the first
// Japanese text, so that a server's first Japanese query is not the one
// that waits for it. It is safe to call from several goroutines.
func Preload() {
	japaneseAnalyzer()
	namedict.Default()
}
