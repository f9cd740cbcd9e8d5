package text

import (
	"fmt"
	"strings"
	"testing"
)

// runeClasses are the predicates of script.go by name, in the column order
// of TestRuneClasses.
var runeClasses = []struct {
	name string
	f    func(rune) bool
}{
	{"IsHan", IsHan}, {"IsHiragana", IsHiragana}, {"IsKatakana", IsKatakana},
	{"IsLongVowelMark", IsLongVowelMark}, {"IsMiddleDot", IsMiddleDot}, {"IsVoicingMark", IsVoicingMark},
	{"IsHalfwidthKatakana", IsHalfwidthKatakana}, {"IsHiraganaLetter", IsHiraganaLetter},
	{"IsKatakanaLetter", IsKatakanaLetter}, {"IsKanaLetter", IsKanaLetter},
	{"IsKatakanaWordRune", IsKatakanaWordRune}, {"IsJapaneseScript", IsJapaneseScript},
	{"IsJapaneseLetter", IsJapaneseLetter}, {"IsJapanese", IsJapanese}, {"IsCJKScript", IsCJKScript},
}

// TestRuneClasses lists, for each rune, the predicates that hold for it;
// the disputed marks come first.
func TestRuneClasses(t *testing.T) {
	tests := []struct {
		r    rune
		want string // the names of the predicates that hold, in runeClasses order
	}{
		{'ー', "IsLongVowelMark IsKanaLetter IsKatakanaWordRune IsJapaneseLetter IsJapanese"},
		{'ｰ', "IsLongVowelMark IsHalfwidthKatakana IsKatakanaWordRune IsJapanese"},
		{'・', "IsMiddleDot IsJapanese"},
		{'･', "IsMiddleDot"},
		{'々', "IsHan IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'〆', "IsJapanese"},
		{'ヶ', "IsKatakana IsKatakanaLetter IsKanaLetter IsKatakanaWordRune IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'ﾞ', "IsVoicingMark IsHalfwidthKatakana IsJapanese"},
		{'ﾟ', "IsVoicingMark IsHalfwidthKatakana IsJapanese"},
		{0x3099, "IsVoicingMark IsJapanese"},
		{'゛', "IsJapanese"},
		{'ゝ', "IsHiragana IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'ヽ', "IsKatakana IsKatakanaWordRune IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'ア', "IsKatakana IsKatakanaLetter IsKanaLetter IsKatakanaWordRune IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'ヺ', "IsKatakana IsKatakanaLetter IsKanaLetter IsKatakanaWordRune IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'あ', "IsHiragana IsHiraganaLetter IsKanaLetter IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'ゖ', "IsHiragana IsHiraganaLetter IsKanaLetter IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'ｱ', "IsKatakana IsHalfwidthKatakana IsKatakanaWordRune IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'ㇰ', "IsKatakana IsKatakanaWordRune IsJapaneseScript IsJapaneseLetter IsCJKScript"},
		{'㋐', "IsKatakana IsKatakanaWordRune IsJapaneseScript IsJapaneseLetter IsCJKScript"},
		{'漢', "IsHan IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'〇', "IsHan IsJapaneseScript IsJapaneseLetter IsJapanese IsCJKScript"},
		{'한', "IsCJKScript"},
		{'A', ""},
		{'é', ""},
		{'。', ""},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range runeClasses {
			if c.f(tt.r) {
				got = append(got, c.name)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q (%U):\ngot  %s\nwant %s", tt.r, tt.r, g, tt.want)
		}
	}
}

func TestStringClasses(t *testing.T) {
	tests := []struct {
		s                                       string
		hasJapanese, allKana, allKata, allLatin bool
	}{
		{"", false, false, false, true},
		{"Kishida", false, false, false, true},
		{"Shinzō Abe 2024!", false, false, false, true},
		{"Привет", false, false, false, false},
		{"岸田", true, false, false, false},
		{"佐々木", true, false, false, false},
		{"きしだ", true, true, false, false},
		{"キシダ", true, true, true, false},
		{"ジョー", true, true, true, false},
		{"ジョー・バイデン", true, false, false, false},
		{"ｿﾆｰ", true, false, false, false},
		{"ー", false, true, true, false},
		{"・〆", false, false, false, false},
		{"AIとGPU", true, false, false, false},
	}
	for _, tt := range tests {
		got := fmt.Sprint(HasJapanese(tt.s), AllKana(tt.s), AllKatakana(tt.s), AllLatin(tt.s))
		want := fmt.Sprint(tt.hasJapanese, tt.allKana, tt.allKata, tt.allLatin)
		if got != want {
			t.Errorf("%q: HasJapanese, AllKana, AllKatakana, AllLatin = %s, want %s", tt.s, got, want)
		}
	}
}
