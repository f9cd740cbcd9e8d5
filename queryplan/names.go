package queryplan

import (
	"strings"
	"unicode"

	"github.com/sagasu-search/sagasu/analysis"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// phraseVariants returns the phrases a quoted phrase (or a word that
// analyzes to several positions) is matched as: as typed; without titles
// and honorifics at its edges; a two-word Latin name in the other order
// ("Fumio Kishida" / "Kishida Fumio", when both words are capitalized or
// the gazetteer knows the person); with each pair of adjacent Latin words
// joined ("Yoon Suk Yeol" / "Yoon Sukyeol"); and a Japanese name by its
// reading, in either order (安倍晋三 / Abe Shinzo / Shinzo Abe), the reading
// taken from the whole phrase so that 孫 in 孫社長 reads as the name Son; and
// a person the gazetteer knows by the full-name aliases it gives in
// Japanese script ("Fumio Kishida" / 岸田文雄), where a dictionary reading
// may be wrong for a person the name lexicon lacks.
// Matching stays a phrase match, so a name never matches across a sentence
// boundary nor a different person who shares one part of it.
func (pl *Plan) phraseVariants(text string, words []word) []string {
	variants := []string{text}
	add := func(ws []string) {
		v := strings.Join(ws, " ")
		for _, have := range variants {
			if have == v {
				return
			}
		}
		variants = append(variants, v)
	}
	core := stripTitles(words)
	if len(core) == 0 {
		return variants
	}
	surfaces := surfacesOf(core)
	if len(core) < len(words) {
		add(surfaces)
	}
	if !allLatin(surfaces) {
		if r := readingsOf(core); r != nil && len(r) <= 2 {
			add(r)
			if len(r) == 2 {
				add([]string{r[1], r[0]})
			}
		}
		return variants
	}
	if len(surfaces) == 2 && pl.looksLikeName(surfaces) {
		add([]string{surfaces[1], surfaces[0]})
	}
	for _, alias := range pl.fullNameAliases(strings.Join(surfaces, " ")) {
		add([]string{alias})
	}
	for i := 0; len(surfaces) <= 4 && i+1 < len(surfaces); i++ {
		joined := append(append(append([]string{}, surfaces[:i]...), surfaces[i]+surfaces[i+1]), surfaces[i+2:]...)
		add(joined)
	}
	return variants
}

// word is one position of an analyzed phrase: the text as written and its
// romaji reading, if it has one.
type word struct {
	surface string
	reading string
	terms   []string // the index terms at the position: the word, its reading
}

// words analyzes text as the index does and returns its positions in
// order: a Japanese word and its romaji reading share one position.
func (pl *Plan) words(text string) []word {
	var out []word
	last := -1
	for _, tok := range pl.analyze(text) {
		if tok.Position != last {
			last = tok.Position
			out = append(out, word{surface: text[tok.Start:tok.End], terms: []string{string(tok.Term)}})
			continue
		}
		w := &out[len(out)-1]
		w.terms = append(w.terms, string(tok.Term))
		if w.reading == "" && allLatin([]string{string(tok.Term)}) && !allLatin([]string{w.surface}) {
			w.reading = string(tok.Term)
		}
	}
	return out
}

func surfacesOf(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.surface
	}
	return out
}

// readingsOf returns the reading of every word, or nil if one has none.
func readingsOf(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		if w.reading == "" {
			return nil
		}
		out[i] = w.reading
	}
	return out
}

// stripTitles drops title and honorific words from both ends of words.
func stripTitles(words []word) []word {
	isTitle := func(w word) bool {
		return sagasutext.IsNameAffix(analysis.FoldString(strings.TrimSuffix(w.surface, ".")))
	}
	for len(words) > 0 && isTitle(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && isTitle(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return words
}

// looksLikeName reports whether two words are a person's name: both
// capitalized as typed, or known to the entity resolver in either order.
func (pl *Plan) looksLikeName(words []string) bool {
	capitalized := true
	for _, w := range words {
		r := []rune(w)
		capitalized = capitalized && len(r) > 0 && unicode.IsUpper(r[0])
	}
	if capitalized {
		return true
	}
	_, known := pl.lookup("person", words[0]+" "+words[1])
	_, reversed := pl.lookup("person", words[1]+" "+words[0])
	return known || reversed
}

// fullNameAliases returns the Japanese-script aliases of the person name
// names, if the entity resolver knows one, that are full names (two words
// or more): 岸田文雄 for "Fumio Kishida", but not the bare surname 岸田.
func (pl *Plan) fullNameAliases(name string) []string {
	e, ok := pl.lookup("person", name)
	if !ok {
		return nil
	}
	var out []string
	for _, alias := range e.Aliases {
		if allLatin([]string{alias}) {
			continue
		}
		if len(pl.words(alias)) >= 2 {
			out = append(out, alias)
		}
	}
	return out
}
