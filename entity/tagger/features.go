package tagger

import (
	"unicode"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/text"
)

// Lang is the language a model tags.
type Lang uint8

// The languages: English tags words, Japanese tags characters.
const (
	English Lang = iota
	Japanese
)

// String names the language as in file names: "en", "ja".
func (l Lang) String() string {
	if l == Japanese {
		return "ja"
	}
	return "en"
}

// Padding values of the windows beyond a sentence's ends.
const (
	padBefore = 0x9e3779b97f4a7c15
	padAfter  = 0xbf58476d1ce4e5b9
)

// sentence holds a sentence's words and what features need of them, with
// buffers reused from one sentence to the next.
type sentence struct {
	words []string
	low   []uint64 // English: hash of the lower-cased word; Japanese: of the character
	shape []uint64 // English: hash of the word's shape; Japanese: the character class
	keys  []uint32
	out   []Label
	sc    [][nLabels]int32 // each word's score of each label
	back  [][nLabels]Label // viterbi's choices
	alpha [][nLabels]int32 // max-marginals, for the entities' margins (see maxMarginals)
	beta  [][nLabels]int32

	sig  []uint64 // the lexicon lists each word is in (see Lexicon.mark)
	free []bool   // the words the labelling may put in an entity (see free.go); nil: all
	caps bool     // English: the sentence has capitals and no lower-case letter

	// Japanese: the UniDic morpheme each character is in (see morph.go),
	// and buffers of each morpheme's part of speech and whether it is a
	// particle or auxiliary.
	mpos, mprev, mnext, msurf, mplace []uint64
	tpos                              []uint64
	tfunc                             []bool
}

// reset fills s's hashes for words and marks them with lex's lists. With
// every (training), every word is free and marked; otherwise only the
// words the tagger may label are (see free.go), and the lists of their
// neighbours, which their features read.
func (s *sentence) reset(lang Lang, lex *Lexicon, words []string, every bool) {
	s.words = words
	s.caps = lang == English && allCaps(words)
	s.low, s.shape = s.low[:0], s.shape[:0]
	for _, w := range words {
		if lang == Japanese {
			r, _ := utf8.DecodeRuneInString(w)
			r = foldWidth(r)
			s.low = append(s.low, uint64(newHash(0).u64(uint64(r))))
			s.shape = append(s.shape, uint64(charClass(r)))
			continue
		}
		s.low = append(s.low, uint64(newHash(0).lower(w)))
		s.shape = append(s.shape, uint64(wordShape(w)))
	}
	if lang == Japanese {
		s.analyze(words)
	} else {
		s.free = freeEnglish(words, s.free)
	}
	if every {
		s.free = nil
	}
	s.sig = lex.mark(lang, words, s.free, s.sig)
}

// allCaps reports whether words hold upper-case letters and no
// lower-case one (a headline such as "SOCCER - JAPAN GET LUCKY WIN").
func allCaps(words []string) bool {
	upper := false
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			upper = upper || unicode.IsUpper(r)
		}
	}
	return upper
}

// at returns v[i], or a padding value beyond the ends.
func at(v []uint64, i int) uint64 {
	switch {
	case i < 0:
		return padBefore
	case i >= len(v):
		return padAfter
	}
	return v[i]
}

// wordShape hashes the shape of w: upper-case letters as X, lower-case as
// x, digits as d, other letters as o, ASCII punctuation as itself, runs of
// one class written once ("McDonald's" → Xx X x ' x).
func wordShape(w string) hash {
	h := newHash(1)
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = 'o'
		}
		if c != last {
			h = h.byte(c)
			last = c
		}
	}
	return h
}

// Character classes of Japanese text.
const (
	classOther = iota + 1
	classKanji
	classHiragana
	classKatakana
	classLatin
	classUpper
	classDigit
	classPunct
)

// charClass is the class of r, already width-folded.
func charClass(r rune) uint64 {
	switch {
	case text.IsHan(r) || r == '々' || r == '〆':
		return classKanji
	case text.IsHiragana(r):
		return classHiragana
	case text.IsKatakana(r) || text.IsLongVowelMark(r):
		return classKatakana
	case unicode.IsUpper(r):
		return classUpper
	case unicode.IsLetter(r):
		return classLatin
	case unicode.IsDigit(r):
		return classDigit
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return classPunct
	}
	return classOther
}

// foldWidth maps full-width ASCII (Ａ, １) to ASCII and the ideographic
// space to a space.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}
