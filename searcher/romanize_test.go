package searcher

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/romaji"
)

// spelling is one way English text romanizes a Japanese name.
type spelling struct {
	label        string
	long         func(vowel byte, raw string) string // how a long o or u is written
	kunrei       bool                                // Kunrei syllables (si, ti, tu, hu, zi, sya…)
	familyFirst  bool                                // surname first
	familyCapped bool                                // surname in capitals (ABE Shinzo)
}

// spellings are the ways the evaluation writes a name: Hepburn without
// marks, with macrons or circumflexes, as typed in kana (ou, oo, uu), in
// passport Hepburn (oh), with oo, in Kunrei, in capitals, in both orders.
var spellings = []spelling{
	{label: "plain", long: func(v byte, _ string) string { return string(v) }},
	{label: "plain, family first", long: func(v byte, _ string) string { return string(v) }, familyFirst: true},
	{label: "macron", long: func(v byte, _ string) string { return map[byte]string{'o': "ō", 'u': "ū"}[v] }},
	{label: "circumflex, family first", long: func(v byte, _ string) string { return map[byte]string{'o': "ô", 'u': "û"}[v] }, familyFirst: true},
	{label: "kana (ou)", long: func(_ byte, raw string) string { return raw }},
	{label: "passport (oh)", long: func(v byte, _ string) string { return map[byte]string{'o': "oh", 'u': "u"}[v] }},
	{label: "oo, family first", long: func(v byte, _ string) string { return string(v) + string(v) }, familyFirst: true},
	{label: "Kunrei", long: func(v byte, _ string) string { return map[byte]string{'o': "ô", 'u': "û"}[v] }, kunrei: true},
	{label: "FAMILY first", long: func(v byte, _ string) string { return string(v) }, familyFirst: true, familyCapped: true},
}

// name writes a person's name, readings in kana, in this spelling.
func (s spelling) name(familyKana, givenKana string) string {
	family, given := capitalize(s.word(familyKana)), capitalize(s.word(givenKana))
	if s.familyCapped {
		family = strings.ToUpper(family)
	}
	if s.familyFirst {
		return family + " " + given
	}
	return given + " " + family
}

// word romanizes a kana reading, syllable by syllable.
func (s spelling) word(kana string) string {
	units := kanaUnits(kana)
	var b strings.Builder
	for i := 0; i < len(units); i++ {
		syl := romaji.FromKana(units[i])
		if s.kunrei {
			syl = kunreiSyllable(syl)
		}
		last := byte(0)
		if syl != "" {
			last = syl[len(syl)-1]
		}
		if i+1 < len(units) && (last == 'o' || last == 'u') {
			next := units[i+1]
			if next == "ー" || next == "う" || last == 'o' && next == "お" {
				raw := string(last) + romaji.FromKana(next)
				if next == "ー" {
					raw = string(last) + string(last)
				}
				b.WriteString(syl[:len(syl)-1] + s.long(last, raw))
				i++
				continue
			}
		}
		b.WriteString(syl)
	}
	return b.String()
}

// kanaUnits cuts kana into syllables: small kana join the one before, っ
// the one after.
func kanaUnits(kana string) []string {
	var out []string
	pending := ""
	for _, r := range kana {
		switch {
		case r == 'っ' || r == 'ッ':
			pending += string(r)
		case strings.ContainsRune("ゃゅょぁぃぅぇぉャュョァィゥェォ", r) && len(out) > 0:
			out[len(out)-1] += string(r)
		default:
			out = append(out, pending+string(r))
			pending = ""
		}
	}
	return out
}

// kunreiSyllable spells a Hepburn syllable in Kunrei.
func kunreiSyllable(syl string) string {
	for _, p := range [][2]string{{"sh", "sy"}, {"ch", "ty"}, {"tsu", "tu"}, {"fu", "hu"}, {"j", "zy"}} {
		syl = strings.Replace(syl, p[0], p[1], 1)
	}
	return strings.NewReplacer("syi", "si", "tyi", "ti", "zyi", "zi", "tty", "tty").Replace(syl)
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
