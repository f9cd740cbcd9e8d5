package analysis

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// widthFilter folds full- and half-width forms (ＡＩ → AI, ｶﾅ → カナ) like
// Bleve's cjk_width, skipping the ASCII tokens that make up most of
// English text: cjk_width decodes every token into runes.
type widthFilter struct {
	inner *cjk.CJKWidthFilter
}

// Filter implements analysis.TokenFilter.
func (w widthFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for i, tok := range input {
		if !isASCII(tok.Term) {
			input[i] = w.inner.Filter(analysis.TokenStream{tok})[0]
		}
	}
	return input
}

// lengthFilter drops tokens longer than max runes; a token of at most max
// bytes is kept without counting.
type lengthFilter struct {
	max int
}

// Filter implements analysis.TokenFilter.
func (l lengthFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		if len(tok.Term) > 0 && (len(tok.Term) <= l.max || utf8.RuneCount(tok.Term) <= l.max) {
			out = append(out, tok)
		}
	}
	return out
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stemFilter runs Porter stemming on ASCII tokens of three or more bytes:
// the algorithm leaves shorter words alone and only strips English (ASCII)
// suffixes, so skipping the rest changes no term. It stems through one
// reused rune buffer and writes the stem back in place (a stem is never
// longer than its word), where Bleve's filter allocates twice per token.
type stemFilter struct{}

// Filter implements analysis.TokenFilter.
func (stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	var buf []rune
	for _, tok := range input {
		if len(tok.Term) <= 2 || tok.KeyWord || !isASCII(tok.Term) {
			continue
		}
		buf = buf[:0]
		for _, c := range tok.Term {
			buf = append(buf, rune(c))
		}
		stem := porterstemmer.StemWithoutLowerCasing(buf)
		if sameASCII(stem, tok.Term) {
			continue
		}
		term := make([]byte, len(stem)) // tok.Term may share the input's bytes
		for i, r := range stem {
			term[i] = byte(r)
		}
		tok.Term = term
	}
	return input
}

// sameASCII reports whether runes spell the ASCII bytes b.
func sameASCII(runes []rune, b []byte) bool {
	if len(runes) != len(b) {
		return false
	}
	for i, r := range runes {
		if r != rune(b[i]) {
			return false
		}
	}
	return true
}
