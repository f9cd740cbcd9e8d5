package queryplan

import (
	"strings"

	"github.com/sagasu-search/sagasu/entity"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// Form is a query as it is run, strict or relaxed: its groups of clauses
// in the order typed, and the entities it names.
type Form struct {
	Groups   []Group       // in the order typed
	Entities []QueryEntity // what the query was understood to name, without duplicates
	// Required counts the required and quoted groups that match anything.
	Required int
	// Positive reports whether the query had any clause not excluded: one
	// whose every required word analyzed to nothing matches nothing, an
	// empty query everything.
	Positive bool
	// Relaxed: at least some of the required (not quoted) groups must
	// match rather than all.
	Relaxed bool
}

// Kind is how a group takes part in a query.
type Kind int

// Kinds of groups.
const (
	Required Kind = iota // must match (strict) or counts toward the minimum (relaxed)
	Quoted               // a quoted phrase: must match, relaxed or not
	Excluded             // must not match
)

// Group is one clause of the query, or a run of clauses that together
// name an entity, with the alternatives any of which matches it.
type Group struct {
	Kind         Kind    // how it takes part in the query
	Alternatives []Match // any of them matches; none of them empty
}

// Match is what one word, phrase or name matches: the index terms of a
// single word, or a phrase's layouts, and articles that name an entity.
type Match struct {
	// Terms are a single word's index terms, the word as written first
	// (a Japanese word's reading follows it); one of them is enough.
	Terms []string
	// Phrases are the layouts of a phrase and its variants, grouped: each
	// group holds the same positions in different orders (see
	// groupByWords), a position holding its alternative terms.
	Phrases [][][][]string
	// Entity, when not nil, is an entity the text names: an article that
	// names it by any alias also matches.
	Entity *entity.Entity
	// All, when not nil, are groups every one of which must match: the
	// words of a run that is also read as a name (see spanGroup).
	All []Group
	// Field, when set, is the one text field (title or body) that Terms,
	// Phrases and Expansions are matched in; otherwise both.
	Field string
	// Keyword, when not nil, is an exact value of a keyword field
	// (source:Reuters, lang:ja, person:Kishida).
	Keyword *FieldTerm
	// Expansions are further words taken from the index's dictionary: a
	// prefix's words, a word's near spellings.
	Expansions []Expansion
	// Slop is how many positions further than its place in a phrase each
	// word may stand ("chip plant"~2).
	Slop int
}

// FieldTerm is an exact value of a keyword field.
type FieldTerm struct {
	Field string // indexer.FieldSource, FieldLang or an entity type
	Value string // as stored: a source, a language, an entity's canonical name
}

// Expansion is a set of words read from the index's dictionary at search
// time: those that start with Term, or lie within Edits edits of it.
type Expansion struct {
	Term   string  // an index term (analyzed as the index does)
	Prefix bool    // words that start with Term
	Edits  int     // otherwise, words within this many edits of Term
	Weight float64 // multiplies their scores: below 1 ranks them under the exact word
	// Typo marks the near spellings added by typo tolerance (see
	// Options.Typos), which a searcher may skip for a word that finds
	// enough as typed.
	Typo bool
}

// empty reports whether m matches nothing.
func (m Match) empty() bool {
	return m.Terms == nil && len(m.Phrases) == 0 && m.Entity == nil && len(m.All) == 0 &&
		m.Keyword == nil && len(m.Expansions) == 0
}

// form plans cs: one group per clause, or per run of clauses that names
// an entity. writtenOnly matches single Japanese words as written, not by
// their readings.
func (pl *Plan) form(cs []clause, writtenOnly bool) *Form {
	f := &Form{}
	spans := pl.entitySpans(cs)
	next, named := 0, len(spans)
	for i := 0; i < len(cs); i++ {
		c := cs[i].Clause
		f.Positive = f.Positive || !c.Excluded
		var g Group
		if next < named && spans[next].from == i {
			sp := spans[next]
			next++
			g = pl.spanGroup(cs[sp.from:sp.to], sp.ent, writtenOnly)
			i = sp.to - 1
		} else {
			g = pl.clauseGroup(cs[i], writtenOnly, &spans)
		}
		switch {
		case len(g.Alternatives) == 0:
			continue
		case c.Excluded:
			g.Kind = Excluded
		case len(c.Alternatives) == 1 && c.Alternatives[0].Phrase:
			g.Kind, f.Required = Quoted, f.Required+1
		default:
			g.Kind, f.Required = Required, f.Required+1
		}
		f.Groups = append(f.Groups, g)
	}
	f.Entities = queryEntities(spans)
	return f
}

// clauseGroup plans one clause: its alternatives, each of which may name
// an entity (ai nvidia OR ソフトバンク). The entities of OR alternatives are
// added to spans.
func (pl *Plan) clauseGroup(c clause, writtenOnly bool, spans *[]entitySpan) Group {
	var g Group
	for _, t := range c.Alternatives {
		m := pl.match(t, writtenOnly && isJapaneseWord(c.Clause))
		if !c.Excluded {
			m = pl.withTypos(m, t, c.last, false)
		}
		if len(c.Alternatives) > 1 && t.simple() {
			if sp, ok := pl.longestEntity([]clause{{Clause: Clause{Alternatives: []Term{t}}}}, 0); ok {
				m.Entity = &sp.ent
				*spans = append(*spans, sp)
			}
		}
		if !m.empty() {
			g.Alternatives = append(g.Alternatives, m)
		}
	}
	return g
}

// spanGroup plans clauses cs, which together name entity e. One word
// matches by its terms or by an article that names e by any alias.
// Several words are read two ways, either of which matches: every word
// (each by its terms, or by the entity it names alone: `toyota honda` is
// Toyota and Honda), or the name they make, a phrase with its variants
// ("Abe Shinzo" / "Shinzo Abe") or an article that names e. A name reading
// adds matches and never removes any; an article that matches both
// readings scores both, so the name ranks first. The words are spelled as
// a name the resolver knows, so they take no near spellings.
func (pl *Plan) spanGroup(cs []clause, e entity.Entity, writtenOnly bool) Group {
	if len(cs) == 1 {
		t := cs[0].Alternatives[0]
		m := pl.withTypos(pl.match(t, writtenOnly && isJapaneseWord(cs[0].Clause)), t, cs[0].last, true)
		m.Entity = &e
		return Group{Alternatives: []Match{m}}
	}
	words := make([]string, len(cs))
	all := make([]Group, 0, len(cs))
	for i, c := range cs {
		t := c.Alternatives[0]
		words[i] = t.Text
		alone, named := pl.lookup("", t.Text)
		m := pl.withTypos(pl.match(t, writtenOnly && isJapaneseWord(c.Clause)), t, c.last, true)
		if named && alone.Name != e.Name { // e itself is matched below
			m.Entity = &alone
		}
		if !m.empty() {
			all = append(all, Group{Kind: Required, Alternatives: []Match{m}})
		}
	}
	name := pl.match(Term{Text: strings.Join(words, " "), Phrase: true}, false)
	name.Entity = &e
	g := Group{Alternatives: []Match{name}}
	if len(all) > 0 {
		g.Alternatives = append([]Match{{All: all}}, g.Alternatives...)
	}
	return g
}

// match plans a term, once per plan: a word or phrase (see textMatch), a
// keyword field's value (source:Reuters), a prefix (semicond*), a word
// with its near spellings (word~). Text that analyzes to no token gives
// an empty match.
func (pl *Plan) match(t Term, writtenOnly bool) Match {
	writtenOnly = writtenOnly && !t.Phrase // a phrase keeps its readings
	k := matchKey{t, writtenOnly}
	if m, ok := pl.matches[k]; ok {
		return m
	}
	var m Match
	switch {
	case t.Field != "" && t.Field != "title" && t.Field != "body":
		m = pl.keywordMatch(t)
	case t.Prefix:
		if term := pl.indexTerm(t.Text); term != "" {
			m.Expansions = []Expansion{{Term: term, Prefix: true, Weight: 1}}
		}
	default:
		m = pl.textMatch(t, writtenOnly)
		if t.Fuzzy > 0 && m.Terms != nil {
			m.Expansions = []Expansion{{Term: m.Terms[0], Edits: t.Fuzzy, Weight: 1}}
		}
		m.Slop = t.Slop
	}
	if !m.empty() && m.Keyword == nil {
		m.Field = t.Field
	}
	pl.matches[k] = m
	return m
}

// textMatch plans a word or phrase: a word is matched by its index terms
// (only the first, as written, if writtenOnly), or, when it analyzes to
// several positions ("high-tech", "岸田文雄"), as a phrase; a phrase also in
// its variants (see phraseVariants).
func (pl *Plan) textMatch(t Term, writtenOnly bool) Match {
	var m Match
	words := pl.words(t.Text)
	switch {
	case len(words) == 0:
	case !t.Phrase && len(words) == 1:
		m.Terms = words[0].terms
		if writtenOnly {
			m.Terms = m.Terms[:1]
		}
	default:
		var layouts [][][]string
		for _, v := range pl.phraseVariants(t.Text, words) {
			if l := PhraseTerms(pl.analyze(v)); len(l) > 0 {
				layouts = append(layouts, l)
			}
		}
		writtenOnlyWhereRead(layouts)
		m.Phrases = groupByWords(layouts)
	}
	return m
}

// isJapaneseWord reports whether c is one required term in Japanese
// script.
func isJapaneseWord(c Clause) bool {
	return isPlainClause(c) && sagasutext.HasJapanese(c.Alternatives[0].Text)
}
