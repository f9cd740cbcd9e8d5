package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// FoldName is the registered name of FoldFilter.
const FoldName = "sagasu_fold"

// FoldFilter removes diacritics from Latin letters, so that "Shinzō",
// "Shinzô" and "Shinzo" index one term, and "café" matches "cafe". It
// decomposes a token (NFKD) and drops the combining marks that follow a
// Latin base letter. Tokens in other scripts are left alone: kana keep their
// voicing marks (が stays が), because there the mark changes the sound.
// Being a token filter, it keeps the offsets of the text as written.
type FoldFilter struct{}

// Filter implements analysis.TokenFilter.
func (FoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if needsFold(tok.Term) {
			tok.Term = foldLatin(tok.Term)
		}
	}
	return input
}

// needsFold reports whether term has a non-ASCII rune from the Latin script
// or a combining mark, the only runes folding can change.
func needsFold(term []byte) bool {
	for i := 0; i < len(term); {
		if term[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		i += size
		if unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r) || isLigature(r) {
			return true
		}
	}
	return false
}

// isLigature reports whether r is one of the Latin presentation forms
// (ﬁ, ﬂ, …) that NFKD spells out.
func isLigature(r rune) bool { return r >= 0xFB00 && r <= 0xFB06 }

// foldLatin decomposes term and drops combining marks attached to a Latin
// base letter.
func foldLatin(term []byte) []byte {
	decomposed := norm.NFKD.Bytes(term)
	out := make([]byte, 0, len(decomposed))
	prevLatin := false
	for i := 0; i < len(decomposed); {
		r, size := utf8.DecodeRune(decomposed[i:])
		i += size
		if unicode.Is(unicode.Mn, r) {
			if prevLatin {
				continue
			}
		} else {
			prevLatin = r < utf8.RuneSelf || unicode.Is(unicode.Latin, r)
		}
		out = utf8.AppendRune(out, r)
	}
	return norm.NFC.Bytes(out)
}

// FoldString returns s lower-cased with the diacritics of Latin letters
// removed, the way FoldFilter and the lower-case filter treat a token:
// FoldString("Shinzō") == "shinzo". It suits comparing names and prefixes
// outside the index.
func FoldString(s string) string {
	b := []byte(strings.ToLower(s))
	if needsFold(b) {
		b = foldLatin(b)
	}
	return string(b)
}
