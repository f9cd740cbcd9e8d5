package analysis

import (
	"github.com/blevesearch/bleve/v2/analysis"
	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// wordSplitter gives the tokens Bleve's Unicode tokenizer gives (Unicode
// word segmentation, UAX #29), faster on the text news is mostly made of:
// a word of ASCII letters or digits between spaces and punctuation is cut
// by a byte scan, and only a cluster of text the scan cannot settle alone
// (a non-ASCII character, letters and digits mixed, or a mark between
// them: U.S, don't, 3.5, snake_case) goes to Bleve's segmenter. Bleve's
// segmenter was the largest single cost of analysis (a fifth of the
// instructions of indexing an English article).
//
// The cut is exact because UAX #29 always breaks around the ASCII
// characters that separate clusters here (spaces, line breaks and every
// punctuation mark but . , ; : ' " _, which can join the characters on
// either side): no rule looks across them. TestWordSplitterMatchesBleve
// compares the two on the fixtures and on random text.
type wordSplitter struct {
	bleve *bleveunicode.UnicodeTokenizer
}

// Tokenize implements analysis.Tokenizer: the tokens of input, numbered
// from position 1, with byte offsets into input.
func (w wordSplitter) Tokenize(input []byte) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input)/6+1)
	backing := make([]analysis.Token, 0, len(input)/6+1)
	for i := 0; i < len(input); {
		if isSeparator(input[i]) {
			i++
			continue
		}
		end := i + 1
		for end < len(input) && !isSeparator(input[end]) {
			end++
		}
		out, backing = w.appendCluster(out, backing, input, i, end)
		i = end
	}
	for k, tok := range out {
		tok.Position = k + 1
	}
	return out
}

// appendCluster adds the tokens of input[start:end], a run without
// separators.
func (w wordSplitter) appendCluster(out analysis.TokenStream, backing []analysis.Token, input []byte, start, end int) (analysis.TokenStream, []analysis.Token) {
	from, to := start, end
	for from < to && isTrailingMark(input[from]) {
		from++
	}
	for to > from && isTrailingMark(input[to-1]) {
		to--
	}
	typ, ok := plainWord(input[from:to])
	if !ok {
		for _, tok := range w.bleve.Tokenize(input[start:end]) {
			tok.Start += start
			tok.End += start
			out = append(out, tok)
		}
		return out, backing
	}
	if from == to {
		return out, backing // marks only: no word
	}
	if len(backing) == cap(backing) {
		backing = make([]analysis.Token, 0, cap(backing)+16)
	}
	backing = append(backing, analysis.Token{Term: input[from:to], Start: from, End: to, Type: typ})
	return append(out, &backing[len(backing)-1]), backing
}

// plainWord reports whether w is all ASCII letters or all ASCII digits,
// which UAX #29 keeps as one word, and its token type; an empty w is
// plain too.
func plainWord(w []byte) (analysis.TokenType, bool) {
	letters, digits := 0, 0
	for _, c := range w {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		default:
			return 0, false
		}
	}
	if letters > 0 && digits > 0 {
		return 0, false
	}
	if digits > 0 {
		return analysis.Numeric, true
	}
	return analysis.AlphaNumeric, true
}

// isSeparator reports whether UAX #29 always breaks before and after c:
// an ASCII character that is not a letter, a digit, or a mark that can
// join two words or numbers (. , ; : ' _) or two Hebrew letters (").
// Bytes of non-ASCII characters are not separators.
func isSeparator(c byte) bool {
	switch {
	case c >= 0x80:
		return false
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		return false
	}
	switch c {
	case '.', ',', ';', ':', '\'', '_', '"':
		return false
	}
	return true
}

// isTrailingMark reports whether c, at either end of a cluster, is a
// mark that joins nothing there and is no word itself: . , ; : ' and ".
func isTrailingMark(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '\'', '"':
		return true
	}
	return false
}
