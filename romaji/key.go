package romaji

import "strings"

// romajiSyllables maps each syllable spelling (Hepburn, Kunrei,
// Nihon-shiki) to its Hepburn form. Longest spellings are tried first.
var romajiSyllables = map[string]string{
	"a": "a", "i": "i", "u": "u", "e": "e", "o": "o",
	"ka": "ka", "ki": "ki", "ku": "ku", "ke": "ke", "ko": "ko", "kya": "kya", "kyu": "kyu", "kyo": "kyo",
	"sa": "sa", "shi": "shi", "si": "shi", "su": "su", "se": "se", "so": "so",
	"sha": "sha", "sya": "sha", "shu": "shu", "syu": "shu", "sho": "sho", "syo": "sho",
	"ta": "ta", "chi": "chi", "ti": "chi", "tsu": "tsu", "tu": "tsu", "te": "te", "to": "to",
	"cha": "cha", "tya": "cha", "chu": "chu", "tyu": "chu", "cho": "cho", "tyo": "cho",
	"na": "na", "ni": "ni", "nu": "nu", "ne": "ne", "no": "no", "nya": "nya", "nyu": "nyu", "nyo": "nyo",
	"ha": "ha", "hi": "hi", "fu": "fu", "hu": "fu", "he": "he", "ho": "ho", "hya": "hya", "hyu": "hyu", "hyo": "hyo",
	"ma": "ma", "mi": "mi", "mu": "mu", "me": "me", "mo": "mo", "mya": "mya", "myu": "myu", "myo": "myo",
	"ya": "ya", "yu": "yu", "yo": "yo",
	"ra": "ra", "ri": "ri", "ru": "ru", "re": "re", "ro": "ro", "rya": "rya", "ryu": "ryu", "ryo": "ryo",
	"wa": "wa", "wo": "o",
	"ga": "ga", "gi": "gi", "gu": "gu", "ge": "ge", "go": "go", "gya": "gya", "gyu": "gyu", "gyo": "gyo",
	"za": "za", "ji": "ji", "zi": "ji", "zu": "zu", "ze": "ze", "zo": "zo",
	"ja": "ja", "zya": "ja", "ju": "ju", "zyu": "ju", "jo": "jo", "zyo": "jo",
	"da": "da", "di": "ji", "du": "zu", "de": "de", "do": "do",
	"ba": "ba", "bi": "bi", "bu": "bu", "be": "be", "bo": "bo", "bya": "bya", "byu": "byu", "byo": "byo",
	"pa": "pa", "pi": "pi", "pu": "pu", "pe": "pe", "po": "po", "pya": "pya", "pyu": "pyu", "pyo": "pyo",
}

// Key parses word (lower case ASCII) as romaji and returns its key:
// Hepburn, syllabic n written n, long vowels written once. ok is false when
// word is not made of romaji syllables.
func Key(word string) (key string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(word); {
		n, syl := romajiUnit(word, i)
		if n == 0 {
			return "", false
		}
		b.WriteString(syl)
		i += n
	}
	return collapseVowels(b.String()), true
}

// romajiUnit reads one unit at word[i:]: a syllable, a syllabic n (or m
// before b, m, p), a doubled consonant, or the h of a long "oh". It returns
// how many bytes it read and what to write, or 0 when nothing fits.
func romajiUnit(word string, i int) (int, string) {
	c := word[i]
	next := byte(0)
	if i+1 < len(word) {
		next = word[i+1]
	}
	switch {
	case c == '\'' || c == '-':
		return 1, ""
	case c == 'h' && i > 0 && word[i-1] == 'o' && !IsVowel(next) && next != 'y':
		return 1, "" // Ohno, Shinzoh
	case c == 'n' && !IsVowel(next) && next != 'y':
		return 1, "n"
	case c == 'm' && (next == 'b' || next == 'm' || next == 'p'):
		return 1, "n" // Shimbun
	case c == next && c != 'n' && !IsVowel(c):
		_, syl := romajiUnit(word, i+1)
		if syl == "" || !strings.ContainsRune("kstcpgzdbfhjmrwy", rune(c)) {
			return 0, ""
		}
		return 1, geminate(syl)
	case c == 't' && next == 'c':
		if n, syl := romajiUnit(word, i+1); n > 0 && strings.HasPrefix(syl, "ch") {
			return 1, "t" // matcha
		}
	}
	for n := 3; n >= 1; n-- {
		if i+n <= len(word) {
			if syl, ok := romajiSyllables[word[i:i+n]]; ok {
				return n, syl
			}
		}
	}
	return 0, ""
}

// IsVowel reports whether c is one of the ASCII vowels a, i, u, e, o.
func IsVowel(c byte) bool {
	return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'
}

// collapseVowels writes the long vowels oo, ou and uu once.
func collapseVowels(s string) string {
	if !strings.Contains(s, "oo") && !strings.Contains(s, "ou") && !strings.Contains(s, "uu") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i+1 < len(s) && (s[i] == 'o' && (s[i+1] == 'o' || s[i+1] == 'u') || s[i] == 'u' && s[i+1] == 'u') {
			b = append(b, s[i])
			i++
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// WordKey is Key for a word as text writes it: capitals and the macrons or
// circumflexes of long vowels are allowed ("Kōno", "Shinzô" → "kono",
// "shinzo").
func WordKey(word string) (string, bool) {
	if word == "" {
		return "", false
	}
	var b strings.Builder
	for _, r := range word {
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= 0x80:
			plain, ok := longVowels[r]
			if !ok {
				return "", false
			}
			r = plain
		}
		b.WriteRune(r)
	}
	return Key(b.String())
}

// longVowels maps the marked vowels of Hepburn and Kunrei to plain ones.
var longVowels = map[rune]rune{
	'ā': 'a', 'ī': 'i', 'ū': 'u', 'ē': 'e', 'ō': 'o', 'Ā': 'a', 'Ī': 'i', 'Ū': 'u', 'Ē': 'e', 'Ō': 'o',
	'â': 'a', 'î': 'i', 'û': 'u', 'ê': 'e', 'ô': 'o', 'Â': 'a', 'Î': 'i', 'Û': 'u', 'Ê': 'e', 'Ô': 'o',
}
