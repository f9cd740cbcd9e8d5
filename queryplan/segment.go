package queryplan

import (
	"strings"

	sagasutext "github.com/sagasu-search/sagasu/text"
)

// segmentJapanese splits each unquoted query word written in Japanese
// into the words the analyzer finds in it, so that a Japanese query typed
// without spaces (a headline, a sentence) is several words, as an English
// one is, rather than one phrase that only an article repeating it word
// for word would match. A run of them that names a known entity stays one
// word (岸田文雄 is matched as the name), and a word of at most
// compoundPositions positions stays whole, as a compound (半導体工場).
func (pl *Plan) segmentJapanese(cs []Clause) []Clause {
	var out []Clause
	for _, c := range cs {
		if !isPlainClause(c) || c.Alternatives[0].Phrase || !sagasutext.HasJapanese(c.Alternatives[0].Text) {
			out = append(out, c)
			continue
		}
		for _, p := range pl.japaneseWords(c.Alternatives[0].Text) {
			out = append(out, Clause{Alternatives: []Term{{Text: p}}})
		}
	}
	return out
}

// compoundPositions is the most analyzer positions a Japanese word may
// have and still be kept whole.
const compoundPositions = 2

// japaneseWords returns text's words: text itself when it is short or an
// entity's name, otherwise its analyzed words with the runs that name an
// entity joined.
func (pl *Plan) japaneseWords(text string) []string {
	ws := pl.words(text)
	if len(ws) <= compoundPositions || pl.isEntityName(text) {
		return []string{text}
	}
	var out []string
	for i := 0; i < len(ws); {
		n := pl.entityRun(ws[i:])
		out = append(out, strings.Join(surfacesOf(ws[i:i+n]), ""))
		i += n
	}
	return out
}

// entityRun returns how many of ws, from the first, name an entity
// together (the longest such run), or 1.
func (pl *Plan) entityRun(ws []word) int {
	for n := min(len(ws), 2*maxEntityWords); n > 1; n-- {
		if pl.isEntityName(strings.Join(surfacesOf(ws[:n]), "")) {
			return n
		}
	}
	return 1
}

// isEntityName reports whether text is the name or an alias of an entity.
func (pl *Plan) isEntityName(text string) bool {
	_, ok := pl.lookup("", text)
	return ok
}
