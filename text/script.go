package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Marks of Japanese text that Unicode puts in the Common script.
const (
	// LongVowelMark ー (U+30FC) lengthens the vowel of the kana before it.
	LongVowelMark = 'ー'
	// HalfwidthLongVowelMark ｰ (U+FF70) is the half-width form of ー.
	HalfwidthLongVowelMark = 'ｰ'
	// MiddleDot ・ (U+30FB) separates the words of a name in katakana.
	MiddleDot = '・'
	// HalfwidthMiddleDot ･ (U+FF65) is the half-width form of ・.
	HalfwidthMiddleDot = '･'
	// ClosingMark 〆 (U+3006) is used as a kanji (〆切, deadline).
	ClosingMark = '〆'
)

// IsHan reports whether r is in the Han script: the kanji, 々 (U+3005)
// and 〇 (U+3007), but not 〆 (U+3006).
func IsHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// IsHiragana reports whether r is in the Hiragana script, including the
// iteration marks ゝ ゞ and the historic kana of the supplement blocks.
func IsHiragana(r rune) bool { return r >= 0x3041 && unicode.Is(unicode.Hiragana, r) }

// IsKatakana reports whether r is in the Katakana script: full- and
// half-width katakana (ヶ and ｱ included), the iteration marks ヽ ヾ and the
// katakana of the extension blocks, but not ー, ｰ, ・, ･ nor the voicing
// marks, which are in the Common script.
func IsKatakana(r rune) bool { return r >= 0x30A1 && unicode.Is(unicode.Katakana, r) }

// IsLongVowelMark reports whether r is ー (U+30FC) or its half-width form
// ｰ (U+FF70).
func IsLongVowelMark(r rune) bool { return r == LongVowelMark || r == HalfwidthLongVowelMark }

// IsMiddleDot reports whether r is ・ (U+30FB) or its half-width form ･
// (U+FF65).
func IsMiddleDot(r rune) bool { return r == MiddleDot || r == HalfwidthMiddleDot }

// IsVoicingMark reports whether r is a combining (U+3099, U+309A) or
// half-width (ﾞ U+FF9E, ﾟ U+FF9F) voicing mark, which belongs to the kana
// before it. The spacing marks ゛ ゜ (U+309B, U+309C) stand alone and are
// not included.
func IsVoicingMark(r rune) bool {
	return r == 0x3099 || r == 0x309A || r == 0xFF9E || r == 0xFF9F
}

// IsHalfwidthKatakana reports whether r is in the half-width katakana
// range U+FF66–U+FF9F: ｦ–ﾝ, ｰ and the voicing marks ﾞ ﾟ (not ･ U+FF65).
func IsHalfwidthKatakana(r rune) bool { return r >= 0xFF66 && r <= 0xFF9F }

// IsHiraganaLetter reports whether r is a hiragana syllable, ぁ–ゖ
// (U+3041–U+3096): the kana that have a katakana twin 0x60 above them.
func IsHiraganaLetter(r rune) bool { return r >= 'ぁ' && r <= 'ゖ' }

// IsKatakanaLetter reports whether r is a full-width katakana syllable,
// ァ–ヺ (U+30A1–U+30FA): no ・, ー nor iteration marks.
func IsKatakanaLetter(r rune) bool { return r >= 'ァ' && r <= 'ヺ' }

// IsKanaLetter reports whether r spells a sound in kana: a hiragana or
// katakana syllable, or ー, which lengthens the one before it. These are
// the characters romaji.FromKana spells.
func IsKanaLetter(r rune) bool {
	return IsHiraganaLetter(r) || IsKatakanaLetter(r) || r == LongVowelMark
}

// IsKatakanaWordRune reports whether r may be part of a katakana word
// (ロボット, ｿﾆｰ): a Katakana-script rune or a long vowel mark. The
// half-width voicing marks ﾞ ﾟ are not included; a caller that keeps
// half-width words whole adds IsHalfwidthKatakana.
func IsKatakanaWordRune(r rune) bool { return IsKatakana(r) || IsLongVowelMark(r) }

// IsJapaneseScript reports whether r is in the Han, Hiragana or Katakana
// script: a kanji (々 included) or a kana. Marks of the Common script
// (ー ・ 〆 ﾞ) are not: a text made of them alone has no Japanese word.
func IsJapaneseScript(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r))
}

// IsJapaneseLetter reports whether r is counted as a Japanese letter when
// telling Japanese text from English (corpus.DetectLang): IsJapaneseScript
// or ー. Its half-width form ｰ and 〆 are letters of no Japanese script and
// count as other letters there; counting them as Japanese would change
// which language some texts are given.
func IsJapaneseLetter(r rune) bool { return r == LongVowelMark || IsJapaneseScript(r) }

// IsJapanese reports whether r belongs in a run of Japanese text, the runs
// that the analyzer hands to the morphological analyzer: the whole
// Hiragana and Katakana blocks U+3040–U+30FF (with ・, ー, the voicing and
// iteration marks), the Han script (with 々), 〆, and half-width katakana
// U+FF66–U+FF9F (with ｰ ﾞ ﾟ). The half-width middle dot ･ and the katakana
// of the extension blocks (ㇰ, ㋐, ㌀) are not included.
func IsJapanese(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r == ClosingMark || IsHalfwidthKatakana(r) || IsHan(r)
}

// IsCJKScript reports whether r is in a script written without spaces
// between words or with particles attached: Han, Hiragana, Katakana or
// Hangul.
func IsCJKScript(r rune) bool {
	return r >= 0x1100 && (IsJapaneseScript(r) || unicode.Is(unicode.Hangul, r))
}

// HasJapanese reports whether s has a kanji or kana (IsJapaneseScript).
func HasJapanese(s string) bool { return strings.IndexFunc(s, IsJapaneseScript) >= 0 }

// AllKana reports whether s is non-empty and every rune is IsKanaLetter.
func AllKana(s string) bool { return s != "" && all(s, IsKanaLetter) }

// AllKatakana reports whether s is non-empty and every rune is a katakana
// syllable (IsKatakanaLetter) or ー.
func AllKatakana(s string) bool {
	return s != "" && all(s, func(r rune) bool { return IsKatakanaLetter(r) || r == LongVowelMark })
}

// AllLatin reports whether every letter of s is in the Latin script;
// digits, spaces and punctuation may stand anywhere. It is true for "".
func AllLatin(s string) bool {
	return all(s, func(r rune) bool {
		return r < utf8.RuneSelf || !unicode.IsLetter(r) || unicode.Is(unicode.Latin, r)
	})
}

// all reports whether f holds for every rune of s.
func all(s string, f func(rune) bool) bool {
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}
