package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	s = strings.ToLower(norm.NFKC.String(s))
	if !hasLatinMark(s) {
		return s
	}
	return stripLatinMarks(s)
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
		case 0x3041 <= r && r <= 0x3096, // hiragana
			0x30A1 <= r && r <= 0x30FA, // katakana
			r == 0x30FC,                // prolonged sound mark
			0x4E00 <= r && r <= 0x9FFF, // CJK unified ideographs
			0xAC00 <= r && r <= 0xD7A3: // Hangul syllables
		default:
			return false
		}
	}
	return true
}

// hasLatinMark reports whether s has a non-ASCII Latin letter or a combining
// mark, the only runes stripLatinMarks can change.
func hasLatinMark(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r)) {
			return true
		}
	}
	return false
}

// stripLatinMarks decomposes s and drops the combining marks that follow a
// Latin base letter, keeping those on other scripts (the dakuten of が).
func stripLatinMarks(s string) string {
	var b strings.Builder
	prevLatin := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			if prevLatin {
				continue
			}
		} else {
			prevLatin = r < utf8.RuneSelf || unicode.Is(unicode.Latin, r)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
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
