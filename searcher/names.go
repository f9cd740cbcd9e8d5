package searcher

import (
	"strings"
	"unicode"

	"github.com/sagasu-search/sagasu/analysis"
)

// Titles and honorifics that may stand before or after a name. A quoted
// phrase is also matched without them: "PM Kishida" finds "Prime Minister
// Kishida" and "Kishida". Compared folded (lower case, no accents).
var (
	titleWords = map[string]bool{"pm": true, "mr": true, "mrs": true, "ms": true, "miss": true, "dr": true,
		"prof": true, "president": true, "premier": true, "chancellor": true, "minister": true, "prime": true,
		"secretary": true, "ambassador": true, "governor": true, "gov": true, "senator": true, "sen": true,
		"rep": true, "mayor": true, "ceo": true, "chairman": true, "chairwoman": true, "former": true,
		"san": true, "shi": true, "sama": true, "kun": true, "chan": true, "sensei": true,
		"首相": true, "総理": true, "氏": true, "さん": true, "様": true, "君": true, "社長": true, "会長": true,
		"大統領": true, "知事": true, "議員": true, "大臣": true, "長官": true, "元": true, "前": true}
)

// phraseVariants returns the phrases a quoted phrase (or a word that
// analyzes to several positions) is matched as: as typed; without titles
// and honorifics at its edges; a two-word Latin name in the other order
// ("Fumio Kishida" / "Kishida Fumio", when both words are capitalized or
// the gazetteer knows the person); and with each pair of adjacent
// Latin words joined ("Yoon Suk Yeol" / "Yoon Sukyeol"). Matching stays a
// phrase match, so a name never matches across a sentence boundary nor a
// different person who shares one part of it.
func (s *Searcher) phraseVariants(text string) []string {
	words := s.surfaces(text)
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
	if len(core) < len(words) {
		add(core)
	}
	if !allLatin(core) {
		// A Japanese name (安倍晋三) also matches its reading in either
		// order, as English text writes it: Abe Shinzo, Shinzo Abe.
		if r := s.readings(text); len(r) == 2 && len(words) == 2 {
			add(r)
			add([]string{r[1], r[0]})
		}
		return variants
	}
	if len(core) == 2 && s.looksLikeName(core) {
		add([]string{core[1], core[0]})
	}
	for i := 0; len(core) <= 4 && i+1 < len(core); i++ {
		joined := append(append(append([]string{}, core[:i]...), core[i]+core[i+1]), core[i+2:]...)
		add(joined)
	}
	return variants
}

// surfaces returns the words of text as written, one per position.
func (s *Searcher) surfaces(text string) []string {
	a := s.index.Bleve().Mapping().AnalyzerNamed(analysis.Name)
	if a == nil {
		return nil
	}
	var out []string
	last := -1
	for _, tok := range a.Analyze([]byte(text)) {
		if tok.Position == last {
			continue
		}
		last = tok.Position
		out = append(out, text[tok.Start:tok.End])
	}
	return out
}

// stripTitles drops title and honorific words from both ends of words.
func stripTitles(words []string) []string {
	isTitle := func(w string) bool { return titleWords[analysis.FoldString(strings.TrimSuffix(w, "."))] }
	for len(words) > 0 && isTitle(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && isTitle(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return words
}

// allLatin reports whether every word is written in letters of the Latin
// script (and digits).
func allLatin(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				return false
			}
		}
	}
	return true
}

// looksLikeName reports whether two words are a person's name: both
// capitalized as typed, or known to the entity resolver in either order.
func (s *Searcher) looksLikeName(words []string) bool {
	capitalized := true
	for _, w := range words {
		r := []rune(w)
		capitalized = capitalized && len(r) > 0 && unicode.IsUpper(r[0])
	}
	if capitalized {
		return true
	}
	if s.entities == nil {
		return false
	}
	_, known := s.entities.Lookup("person", words[0]+" "+words[1])
	_, reversed := s.entities.Lookup("person", words[1]+" "+words[0])
	return known || reversed
}

// readings returns the romaji reading at each position of text, or nil
// when a position has none (only Japanese proper nouns and katakana words
// have one).
func (s *Searcher) readings(text string) []string {
	a := s.index.Bleve().Mapping().AnalyzerNamed(analysis.Name)
	if a == nil {
		return nil
	}
	byPos := map[int]string{}
	var order []int
	for _, tok := range a.Analyze([]byte(text)) {
		if _, seen := byPos[tok.Position]; !seen {
			order = append(order, tok.Position)
			byPos[tok.Position] = ""
		}
		if allLatin([]string{string(tok.Term)}) && byPos[tok.Position] == "" {
			byPos[tok.Position] = string(tok.Term)
		}
	}
	out := make([]string, 0, len(order))
	for _, p := range order {
		if byPos[p] == "" {
			return nil
		}
		out = append(out, byPos[p])
	}
	return out
}
