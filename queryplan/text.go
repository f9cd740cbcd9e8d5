package queryplan

import (
	"unicode"

	sagasutext "github.com/sagasu-search/sagasu/text"
)

// isLowerLatin reports whether s has a letter and no capital, kana,
// ideograph or hangul: a word typed in lower case.
func isLowerLatin(s string) bool {
	letter := false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r), sagasutext.IsCJKScript(r):
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
		if !sagasutext.AllLatin(w) {
			return false
		}
	}
	return true
}
