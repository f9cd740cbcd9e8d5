package corpus

import "unicode"

// DetectLang returns LangJapanese when most letters of text are kana or
// kanji, else LangEnglish. Digits, punctuation and spaces do not count.
func DetectLang(text string) string {
	var japanese, other int
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) || r == 'ー':
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
