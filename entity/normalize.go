package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	sagasutext "github.com/sagasu-search/sagasu/text"
)

// fold returns the matching key of one word or character: width-folded and
// compatibility-normalized (NFKC: "ＩＢＭ" → "ibm", "ｿﾆｰ" → "ソニー"),
// lower-cased, and with the diacritics of Latin letters removed ("Shinzō" →
// "shinzo"). Kana keep their voicing marks. When nothing changes, s itself
// is returned, without allocating.
func fold(s string) string {
	if isPlain(s) {
		return s
	}
	return sagasutext.FoldLatin(strings.ToLower(norm.NFKC.String(s)))
}

// isPlain reports whether fold would return s unchanged: lower-case ASCII,
// digits, and the common kana and ideographs, which NFKC leaves alone.
func isPlain(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				return false
			}
		case sagasutext.IsKanaLetter(r), // ぁ–ゖ, ァ–ヺ, ー
			0x4E00 <= r && r <= 0x9FFF, // CJK unified ideographs
			0xAC00 <= r && r <= 0xD7A3: // Hangul syllables
		default:
			return false
		}
	}
	return true
}

// shape is how a word is capitalized.
type shape uint8

const (
	shapeUncased shape = iota // no cased letter: digits, kana, ideographs
	shapeLower                // first cased letter lower-case: "of", "iPhone"
	shapeCapital              // first cased letter upper-case: "Kishida", "SoftBank", "G7"
	shapeUpper                // two or more cased letters, all upper-case: "US", "NVIDIA"
)

// shapeOf returns the capitalization of word.
func shapeOf(word string) shape {
	if len(word) > 0 && 'a' <= word[0] && word[0] <= 'z' {
		return shapeLower
	}
	cased, upper := 0, 0
	first := shapeUncased
	for _, r := range word {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			upper++
		case unicode.IsLower(r):
		default:
			continue
		}
		if cased == 0 {
			first = shapeLower
			if upper == 1 {
				first = shapeCapital
			}
		}
		cased++
	}
	if cased >= 2 && upper == cased {
		return shapeUpper
	}
	return first
}

// satisfies reports whether a text word of shape s may stand for an alias
// word of shape alias. Lower-case and uncased alias words match any text;
// a capitalized alias word needs a capitalized or all-caps text word
// ("Arm", "ARM", not "arm"); an all-caps alias word (an acronym) needs an
// all-caps text word ("US", "U.S.", not "Us" or "us").
func (s shape) satisfies(alias shape) bool {
	switch alias {
	case shapeCapital:
		return s == shapeCapital || s == shapeUpper || s == shapeUncased
	case shapeUpper:
		return s == shapeUpper || s == shapeUncased
	}
	return true
}
