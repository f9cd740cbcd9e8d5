// Package romaji spells Japanese kana in Hepburn romanization and gives
// romanized words one key, so that the ways English text writes a Japanese
// name (Shinzō, Shinzou, Shinzoh; Tiba, Chiba) compare equal.
package romaji

import (
	"strings"

	"github.com/sagasu-search/sagasu/text"
)

// kanaRomaji spells each katakana (two-character digraphs first) in
// Hepburn, the romanization English-language news uses.
var kanaRomaji = map[string]string{
	"キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho", "シェ": "she",
	"チャ": "cha", "チュ": "chu", "チョ": "cho", "チェ": "che", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
	"ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
	"リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
	"ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ジェ": "je", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
	"ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo", "ヂャ": "ja", "ヂュ": "ju", "ヂョ": "jo",
	"ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du",
	"ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
	"ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
	"サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so", "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
	"ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no", "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
	"マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
	"ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro", "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n",
	"ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go", "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
	"ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do", "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
	"パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po", "ヴ": "vu",
	"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu", "ョ": "yo", "ヮ": "wa",
}

// FromKana spells kana (katakana or hiragana) in Hepburn without macrons,
// as English news prints Japanese names: long vowels written once
// (トウキョウ → tokyo, シンゾウ → shinzo, ジョー → jo), ッ doubling the next
// consonant. It returns "" when s holds anything but kana.
func FromKana(s string) string {
	rs := []rune(toKatakana(s))
	var b strings.Builder
	double := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case 'ッ':
			double = true
			continue
		case text.LongVowelMark:
			continue // the vowel is written once
		}
		syl, n := syllable(rs[i:])
		if syl == "" {
			return ""
		}
		i += n - 1
		if double {
			b.WriteString(geminate(syl))
			double = false
		}
		b.WriteString(syl)
	}
	return collapseVowels(b.String())
}

// syllable spells the longest kana unit at the start of rs and says how
// many runes it took.
func syllable(rs []rune) (string, int) {
	if len(rs) >= 2 {
		if s, ok := kanaRomaji[string(rs[:2])]; ok {
			return s, 2
		}
	}
	return kanaRomaji[string(rs[:1])], 1
}

// geminate is the consonant ッ adds before syl: "t" before "ch", else syl's
// first letter (nothing before a vowel).
func geminate(syl string) string {
	if strings.HasPrefix(syl, "ch") {
		return "t"
	}
	if strings.ContainsRune("aeiou", rune(syl[0])) {
		return ""
	}
	return syl[:1]
}

// toKatakana maps the hiragana syllables to katakana and leaves the rest.
func toKatakana(s string) string {
	return strings.Map(func(r rune) rune {
		if text.IsHiraganaLetter(r) {
			return r + ('ァ' - 'ぁ')
		}
		return r
	}, s)
}
