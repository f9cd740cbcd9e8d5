package analysis

import (
	"sync"
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
// suffixes, so skipping the rest changes no term. News repeats its words,
// so stems are cached (up to maxCachedStems words, for the life of the
// analyzer); a miss stems through a reused rune buffer and allocates only
// for a word the stem changes, where Bleve's filter allocates twice per
// token.
type stemFilter struct {
	cache *stemCache
}

// maxCachedStems bounds the stem cache: about 10 MiB of words and stems.
const maxCachedStems = 200_000

// stemCache maps words to their stems. Cached stems are shared between
// tokens and never written to.
type stemCache struct {
	mu    sync.RWMutex
	stems map[string][]byte
}

func newStemFilter() stemFilter {
	return stemFilter{cache: &stemCache{stems: map[string][]byte{}}}
}

// Filter implements analysis.TokenFilter.
func (s stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	var buf []rune
	for _, tok := range input {
		if len(tok.Term) <= 2 || tok.KeyWord || !isASCII(tok.Term) {
			continue
		}
		s.cache.mu.RLock()
		stem, ok := s.cache.stems[string(tok.Term)]
		s.cache.mu.RUnlock()
		if !ok {
			stem, buf = porterStem(tok.Term, buf)
			s.cache.mu.Lock()
			if len(s.cache.stems) < maxCachedStems {
				s.cache.stems[string(tok.Term)] = stem
			}
			s.cache.mu.Unlock()
		}
		if stem != nil {
			tok.Term = stem
		}
	}
	return input
}

// porterStem returns the stem of an ASCII word, or nil when it is the word
// itself, using buf as scratch space.
func porterStem(term []byte, buf []rune) ([]byte, []rune) {
	buf = buf[:0]
	for _, c := range term {
		buf = append(buf, rune(c))
	}
	stem := porterstemmer.StemWithoutLowerCasing(buf)
	if sameASCII(stem, term) {
		return nil, buf
	}
	out := make([]byte, len(stem))
	for i, r := range stem {
		out[i] = byte(r)
	}
	return out, buf
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
