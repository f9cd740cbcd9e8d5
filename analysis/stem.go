package analysis

import (
	"hash/maphash"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// StemName is the registered name of the Porter stemming filter.
const StemName = "sagasu_stem"

func init() {
	must(registry.RegisterTokenFilter(StemName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return newStemFilter(), nil
	}))
}

// stemFilter runs Porter stemming (porterStemBytes, byte-identical to
// go-porterstemmer, which Bleve's own filter uses) on ASCII tokens of
// three or more bytes: the algorithm leaves shorter words alone and only
// strips English (ASCII) suffixes, so skipping the rest changes no term.
//
// News repeats its words, so stems are kept in a direct-mapped cache of
// stemSlots entries, each slot holding the last word that hashed to it:
// a look-up is a hash, one atomic load and a compare, with no lock for the
// analysis workers to contend on and no map growing to hundreds of
// thousands of words (the cache this replaces, a map behind a
// read-write lock, cost 4–5% of ingest CPU). A word that misses, or
// collides, is stemmed again, which is cheap.
type stemFilter struct {
	slots *[stemSlots]atomic.Pointer[stemEntry]
	seed  maphash.Seed
}

// stemSlots is the number of cache slots, a power of two: 64 Ki words
// cover nearly every token of news, in 512 KiB of slots.
const stemSlots = 1 << 16

// stemEntry is a cached word and its stem, nil when the stem is the word.
// Entries and their stems are shared between tokens and never written to.
type stemEntry struct {
	word string
	stem []byte
}

func newStemFilter() stemFilter {
	return stemFilter{slots: new([stemSlots]atomic.Pointer[stemEntry]), seed: maphash.MakeSeed()}
}

// Filter implements analysis.TokenFilter.
func (s stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	var buf []byte
	for _, tok := range input {
		if len(tok.Term) <= 2 || tok.KeyWord || !isASCII(tok.Term) {
			continue
		}
		slot := &s.slots[maphash.Bytes(s.seed, tok.Term)&(stemSlots-1)]
		e := slot.Load()
		if e == nil || e.word != string(tok.Term) {
			e = &stemEntry{word: string(tok.Term)}
			e.stem, buf = porterStem(tok.Term, buf)
			slot.Store(e)
		}
		if e.stem != nil {
			tok.Term = e.stem
		}
	}
	return input
}

// porterStem returns the stem of an ASCII word, or nil when it is the word
// itself, using buf as scratch space.
func porterStem(term, buf []byte) ([]byte, []byte) {
	buf = append(buf[:0], term...)
	stem := porterStemBytes(buf)
	if string(stem) == string(term) {
		return nil, buf
	}
	return append([]byte(nil), stem...), buf
}
