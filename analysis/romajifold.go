package analysis

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/sagasu-search/sagasu/romaji"
)

// RomajiFoldName is the registered name of RomajiFoldFilter.
const RomajiFoldName = "sagasu_romaji"

func init() {
	must(registry.RegisterTokenFilter(RomajiFoldName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return RomajiFoldFilter{}, nil
	}))
}

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
		if key, ok := romaji.Key(word); ok && key != word && !englishWord(word) {
			tok.Term = []byte(key)
		}
	}
	return input
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
	return romaji.IsVowel(last) || last == 'n' || last == 'h'
}
