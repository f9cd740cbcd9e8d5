package analysis

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// RomajiFoldName is the registered name of RomajiFoldFilter.
const RomajiFoldName = "sagasu_romaji"

// RomajiFoldFilter gives romanized Japanese words one spelling, so that the
// ways English text writes a Japanese name meet: long vowels (Shinzou,
// Shinzoh, Shinzoo → shinzo; Ōno, Ohno, Oono → ono), Kunrei and
// Nihon-shiki spellings (Tiba → chiba, Husimi → fushimi, Tanaka Kakuei
// stays, syo → sho, tya → cha, zi → ji), and m before b, m, p (Shimbun →
// shinbun). Only a token that parses entirely as romaji syllables is
// changed, and never an English word: words of an English dictionary that
// would change ("time" would read as chime, "house" as hose) are listed in
// english_romaji.txt and left alone. So shoot ≠ shot, book ≠ bok, hot ≠
// hoto. Run it on lower-cased, accent-folded tokens.
type RomajiFoldFilter struct{}

// Filter implements analysis.TokenFilter.
func (RomajiFoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if len(tok.Term) < 3 || !mayBeRomaji(tok.Term) {
			continue
		}
		word := string(tok.Term)
		if key, ok := RomajiKey(word); ok && key != word && !englishWord(word) {
			tok.Term = []byte(key)
		}
	}
	return input
}

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

// RomajiKey parses word (lower case ASCII) as romaji and returns its key:
// Hepburn, syllabic n written n, long vowels written once. ok is false when
// word is not made of romaji syllables.
func RomajiKey(word string) (key string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(word); {
		n, syl := romajiUnit(word, i)
		if n == 0 {
			return "", false
		}
		b.WriteString(syl)
		i += n
	}
	return collapseRomajiVowels(b.String()), true
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
	case c == 'h' && i > 0 && word[i-1] == 'o' && !isVowel(next) && next != 'y':
		return 1, "" // Ohno, Shinzoh
	case c == 'n' && !isVowel(next) && next != 'y':
		return 1, "n"
	case c == 'm' && (next == 'b' || next == 'm' || next == 'p'):
		return 1, "n" // Shimbun
	case c == next && c != 'n' && !isVowel(c):
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

func isVowel(c byte) bool { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o' }

// collapseRomajiVowels writes the long vowels oo, ou and uu once.
func collapseRomajiVowels(s string) string {
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

// englishRomaji lists English words that parse as romaji to another key;
// generated from Debian's wamerican by gen/englishromaji (see the NOTICE
// beside it).
//
//go:embed english_romaji.txt
var englishRomaji string

var englishWords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	for _, line := range strings.Split(englishRomaji, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			words[line] = true
		}
	}
	return words
})

func englishWord(w string) bool { return englishWords()[w] }

// mayBeRomaji rejects, in one pass and without allocating, most words that
// cannot be romaji: anything but ASCII letters and apostrophes, the letters
// l, q, v and x, a c not followed by h, or an ending other than a vowel, n
// or h. Most English words fail here before RomajiKey parses them.
func mayBeRomaji(term []byte) bool {
	for i, c := range term {
		switch {
		case c == 'l' || c == 'q' || c == 'v' || c == 'x':
			return false
		case c == 'c' && (i+1 >= len(term) || term[i+1] != 'h'):
			return false
		case (c < 'a' || c > 'z') && c != '\'':
			return false
		}
	}
	last := term[len(term)-1]
	return isVowel(last) || last == 'n' || last == 'h'
}
