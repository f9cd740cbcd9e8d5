package corpus

import (
	"unicode"

	"github.com/sagasu-search/sagasu/text"
)

// DetectLang returns LangJapanese when most letters of s are kana or
// kanji, else LangEnglish. Digits, punctuation and spaces do not count;
// ー counts as Japanese (text.IsJapaneseLetter).
func DetectLang(s string) string {
	var japanese, other int
	for _, r := range s {
		switch {
		case text.IsJapaneseLetter(r):
			japanese++
		case unicode.IsLetter(r):
			other++
		}
	}
	if japanese > other {
		return LangJapanese
	}
	return LangEnglish
}
