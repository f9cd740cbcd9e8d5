package searcher

import (
	"strings"
	"unicode"
)

// segmentJapanese splits each unquoted query word written in Japanese
// into the words the analyzer finds in it, so that a Japanese query typed
// without spaces (a headline, a sentence) is several words, as an English
// one is, rather than one phrase that only an article repeating it word
// for word would match. A run of them that names a known entity stays one
// word (岸田文雄 is matched as the name), and a word of at most
// compoundPositions positions stays whole, as a compound (半導体工場).
func (s *Searcher) segmentJapanese(pq ParsedQuery) (ParsedQuery, error) {
	var out ParsedQuery
	for _, c := range pq.Clauses {
		if !isPlainClause(c) || c.Alternatives[0].Phrase || !hasJapanese(c.Alternatives[0].Text) {
			out.Clauses = append(out.Clauses, c)
			continue
		}
		parts, err := s.japaneseWords(c.Alternatives[0].Text)
		if err != nil {
			return ParsedQuery{}, err
		}
		for _, p := range parts {
			out.Clauses = append(out.Clauses, Clause{Alternatives: []Term{{Text: p}}})
		}
	}
	return out, nil
}

// compoundPositions is the most analyzer positions a Japanese word may
// have and still be kept whole.
const compoundPositions = 2

// japaneseWords returns text's words: text itself when it is short or an
// entity's name, otherwise its analyzed words with the runs that name an
// entity joined.
func (s *Searcher) japaneseWords(text string) ([]string, error) {
	ws, err := s.words(text)
	if err != nil {
		return nil, err
	}
	if len(ws) <= compoundPositions || s.isEntityName(text) {
		return []string{text}, nil
	}
	var out []string
	for i := 0; i < len(ws); {
		n := s.entityRun(ws[i:])
		out = append(out, strings.Join(surfacesOf(ws[i:i+n]), ""))
		i += n
	}
	return out, nil
}

// entityRun returns how many of ws, from the first, name an entity
// together (the longest such run), or 1.
func (s *Searcher) entityRun(ws []word) int {
	for n := min(len(ws), 2*maxEntityWords); n > 1; n-- {
		if s.isEntityName(strings.Join(surfacesOf(ws[:n]), "")) {
			return n
		}
	}
	return 1
}

func (s *Searcher) isEntityName(text string) bool {
	if s.entities == nil {
		return false
	}
	_, ok := s.entities.Lookup("", text)
	return ok
}

// hasJapanese reports whether s has kana or ideographs.
func hasJapanese(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
	}) >= 0
}
