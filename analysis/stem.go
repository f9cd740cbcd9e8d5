package analysis

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// StemName is the registered name of the Porter stemming filter.
const StemName = "sagasu_stem"

func init() {
	must(registry.RegisterTokenFilter(StemName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return newStemFilter(), nil
	}))
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
