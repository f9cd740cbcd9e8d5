package tagger

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// LexClass is a list of names or words a word may be in, which the tagger
// reads as a feature.
type LexClass uint8

// The lists of the lexicon.
const (
	LexPlace   LexClass = iota // a place: a city, region or country of GeoNames, a place of the gazetteer
	LexPerson                  // a person of the gazetteer
	LexOrg                     // an organization of the gazetteer
	LexSurname                 // a Japanese surname of ENAMDICT (romanized for English)
	LexGiven                   // a Japanese given name of ENAMDICT (romanized for English)
	LexWord                    // English: a lower-case word of the dictionary
	LexProper                  // English: a word the dictionary only capitalizes
	nLex

	// lexPrefix marks a phrase key that begins a longer phrase, so that
	// looking for phrases at a word stops where none goes on.
	lexPrefix = 1 << 7
)

// Maximum phrase lengths: English words, Japanese characters.
const (
	maxLexWords = 4
	maxLexChars = 6
)

// Lexicon maps phrases (English words, Japanese characters; compared
// folded as the tagger reads them) to the lists they are in. A model
// carries its lexicon; the zero Lexicon is empty and ready to use.
type Lexicon struct {
	m map[uint32]uint8 // phrase key → bit set of LexClass
}

// Add puts phrase in the list c. English phrases are cut into words as
// the tagger cuts text; phrases longer than the tagger looks
// (maxLexWords, maxLexChars) or empty are left out.
func (x *Lexicon) Add(lang Lang, c LexClass, phrase string) {
	if x.m == nil {
		x.m = map[uint32]uint8{}
	}
	var words []string
	sentences(phrase, lang == Japanese, nil, func(toks []tok) {
		for _, t := range toks {
			words = append(words, phrase[t.start:t.end])
		}
	})
	if n := len(words); n == 0 || lang == English && n > maxLexWords || lang == Japanese && n > maxLexChars {
		return
	}
	h := newHash(5)
	for i, w := range words {
		h = lexAdd(lang, h, w)
		if i < len(words)-1 {
			x.m[h.key()] |= lexPrefix
		}
	}
	x.m[h.key()] |= 1 << c
}

// Len is the number of phrases in x, and of beginnings of longer ones.
func (x *Lexicon) Len() int { return len(x.m) }

// lexAdd adds a word to the hash of a phrase.
func lexAdd(lang Lang, h hash, w string) hash {
	if lang == Japanese {
		r, _ := utf8.DecodeRuneInString(w)
		return h.u64(uint64(foldWidth(r)))
	}
	return h.lower(w).byte(' ')
}

// mark sets in sig, for each word of words, two bits per list: bit 2c when
// a phrase of list c starts at the word, bit 2c+1 when one goes on
// through it. Given free (see sentence.free), it marks only the free
// words and their neighbours, the words whose lists features read.
func (x *Lexicon) mark(lang Lang, words []string, free []bool, sig []uint64) []uint64 {
	sig = sig[:0]
	for range words {
		sig = append(sig, 0)
	}
	if len(x.m) == 0 {
		return sig
	}
	longest := maxLexWords
	if lang == Japanese {
		longest = maxLexChars
	}
	need := -1 // the next word at or after i whose lists are read
	for i := range words {
		if need < i {
			need = nextNeeded(free, i)
		}
		if need < 0 {
			break
		}
		if need >= i+longest {
			continue // no phrase from i reaches a word whose lists are read
		}
		h := newHash(5)
		for n := 1; n <= longest && i+n <= len(words); n++ {
			h = lexAdd(lang, h, words[i+n-1])
			set, ok := x.m[h.key()]
			if !ok {
				break
			}
			set &^= lexPrefix
			for c := range bits.Len8(set) {
				if set&(1<<c) == 0 {
					continue
				}
				sig[i] |= 1 << (2 * c)
				for j := i + 1; j < i+n; j++ {
					sig[j] |= 1 << (2*c + 1)
				}
			}
		}
	}
	return sig
}

// nextNeeded returns the first word at or after i that is free or next to
// a free word, or -1; every word when free is nil.
func nextNeeded(free []bool, i int) int {
	if free == nil {
		return i
	}
	for j := max(i-1, 0); j < len(free); j++ {
		if free[j] {
			return max(j-1, i)
		}
	}
	return -1
}

// appendTo appends x as a model file holds it: the number of phrases,
// their keys sorted as varint deltas, then each one's lists.
func (x *Lexicon) appendTo(buf []byte) []byte {
	keys := slices.Sorted(maps.Keys(x.m))
	buf = binary.AppendUvarint(buf, uint64(len(keys)))
	var last uint32
	for _, k := range keys {
		buf = binary.AppendUvarint(buf, uint64(k-last))
		last = k
	}
	for _, k := range keys {
		buf = append(buf, x.m[k])
	}
	return buf
}

// readLexicon reads a lexicon that appendTo wrote.
func readLexicon(br *bufio.Reader) (Lexicon, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return Lexicon{}, fmt.Errorf("bad lexicon size: %v", err)
	}
	keys := make([]uint32, n)
	var last uint64
	for j := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return Lexicon{}, fmt.Errorf("lexicon: %w", err)
		}
		if j > 0 && d == 0 {
			return Lexicon{}, errors.New("lexicon: phrases out of order")
		}
		last += d
		if last > math.MaxUint32 {
			return Lexicon{}, errors.New("lexicon: bad phrase key")
		}
		keys[j] = uint32(last)
	}
	x := Lexicon{m: make(map[uint32]uint8, n)}
	for _, k := range keys {
		c, err := br.ReadByte()
		if err != nil || c == 0 || c&^lexPrefix >= 1<<nLex {
			return Lexicon{}, fmt.Errorf("lexicon: bad lists %d: %v", c, err)
		}
		x.m[k] = c
	}
	return x, nil
}

// has reports whether x lists the one-word phrase w in list c.
func (x *Lexicon) has(lang Lang, c LexClass, w string) bool {
	return x.m[lexAdd(lang, newHash(5), w).key()]&(1<<c) != 0 // c < 7: never lexPrefix
}
