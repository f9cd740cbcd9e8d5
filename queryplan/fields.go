package queryplan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/corpus"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// keywordMatch plans a keyword field's value: lang:JA is the language ja;
// an entity type's value is the entity's canonical name when the resolver
// knows it by that alias (person:Kishida is Fumio Kishida), else as typed;
// a source is as typed.
func (pl *Plan) keywordMatch(t Term) Match {
	value := strings.TrimSpace(t.Text)
	switch t.Field {
	case "lang":
		value = strings.ToLower(value)
	case corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace, corpus.TypeCountry:
		if e, ok := pl.lookup(t.Field, value); ok {
			value = e.Name
		}
	}
	if value == "" {
		return Match{}
	}
	return Match{Keyword: &FieldTerm{Field: t.Field, Value: value}}
}

// indexTerm returns a prefix as the index would hold it: its one analyzed
// term (folded, lower case), or the text in lower case when it analyzes
// to more or less than one word (半導, a start of 半導体).
func (pl *Plan) indexTerm(text string) string {
	if ws := pl.words(text); len(ws) == 1 && !sagasutext.HasJapanese(text) {
		return ws[0].terms[0]
	}
	return strings.ToLower(strings.TrimFunc(text, isPunct))
}

// Typo tolerance, as Meilisearch's: a word of TypoOneRunes letters or more
// also matches its spellings one edit away, of TypoTwoRunes or more two.
const (
	TypoOneRunes = 5
	TypoTwoRunes = 9
	// TypoWeight multiplies the score of a near spelling, so that the
	// word as typed ranks first.
	TypoWeight = 0.3
	// PrefixWeight multiplies the score of the words the last word of a
	// query typed so far starts (Options.Prefix), below the whole word.
	PrefixWeight = 0.5
)

// typoEdits returns the edits typo tolerance allows a word's index term:
// none for Japanese script, a word with a digit, or a short word.
func typoEdits(term string) int {
	if strings.IndexFunc(term, func(r rune) bool { return unicode.IsDigit(r) || sagasutext.IsCJKScript(r) }) >= 0 {
		return 0
	}
	switch n := utf8.RuneCountInString(term); {
	case n >= TypoTwoRunes:
		return 2
	case n >= TypoOneRunes:
		return 1
	}
	return 0
}

// withTypos adds typo tolerance to the match of a single word (unless
// spelled says the word is spelled as a name the resolver knows), and,
// for the last word of a query typed so far, its prefix.
func (pl *Plan) withTypos(m Match, t Term, last, spelled bool) Match {
	if m.Terms == nil || !t.simple() || t.Phrase {
		return m
	}
	if pl.opts.Typos && !spelled {
		if n := typoEdits(m.Terms[0]); n > 0 {
			m.Expansions = append(m.Expansions[:len(m.Expansions):len(m.Expansions)],
				Expansion{Term: m.Terms[0], Edits: n, Weight: TypoWeight, Typo: true})
		}
	}
	if last && pl.opts.Prefix {
		m.Expansions = append(m.Expansions[:len(m.Expansions):len(m.Expansions)],
			Expansion{Term: m.Terms[0], Prefix: true, Weight: PrefixWeight})
	}
	return m
}
