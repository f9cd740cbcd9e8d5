package queryplan

import (
	"strings"
	"unicode"
)

// The script tests and the title list below are the query planner's only
// copies: they are to give way to the shared package text in one place.

// Titles and honorifics that may stand before or after a name. A quoted
// phrase is also matched without them: "PM Kishida" finds "Prime Minister
// Kishida" and "Kishida". Compared folded (lower case, no accents).
var (
	titleWords = map[string]bool{"pm": true, "mr": true, "mrs": true, "ms": true, "miss": true, "dr": true,
		"prof": true, "president": true, "premier": true, "chancellor": true, "minister": true, "prime": true,
		"secretary": true, "ambassador": true, "governor": true, "gov": true, "senator": true, "sen": true,
		"rep": true, "mayor": true, "ceo": true, "chairman": true, "chairwoman": true, "former": true,
		"san": true, "shi": true, "sama": true, "kun": true, "chan": true, "sensei": true,
		"首相": true, "総理": true, "氏": true, "さん": true, "様": true, "君": true, "社長": true, "会長": true,
		"大統領": true, "知事": true, "議員": true, "大臣": true, "長官": true, "元": true, "前": true}
)

// hasJapanese reports whether s has kana or ideographs.
func hasJapanese(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
	}) >= 0
}

// isLowerLatin reports whether s has a letter and no capital, kana or
// ideograph: a word typed in lower case.
func isLowerLatin(s string) bool {
	letter := false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r), unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			return false
		case unicode.IsLetter(r):
			letter = true
		}
	}
	return letter
}

// allLatin reports whether every word is written in letters of the Latin
// script (and digits).
func allLatin(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				return false
			}
		}
	}
	return true
}
