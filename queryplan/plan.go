// Package queryplan reads a query: it parses the query syntax (see
// ParseQuery) and plans the query in one pass. Each clause is analyzed
// once, as the index analyzes text, and the plan holds what matching it
// takes: a word's index terms (a Japanese word and its reading), a
// phrase's layouts and name variants ("Fumio Kishida" / "Kishida Fumio" /
// 岸田文雄), the entities that runs of words name, and which words are
// stop words. Both forms of a query, strict (every clause required) and
// relaxed (without stop words), are derived from the plan; turning a
// form into a Bleve query is a plain translation, done by the searcher.
package queryplan

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	sagasuanalysis "github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/entity"
)

// EntityResolver maps an entity's name or any alias to the entity (typ ""
// for any type); *entity.Gazetteer is one.
type EntityResolver interface {
	Lookup(typ, name string) (entity.Entity, bool)
}

// Planner plans queries for one index. It is safe for concurrent use.
type Planner struct {
	analyzer analysis.Analyzer
	entities EntityResolver // nil: no entity understanding
}

// NewPlanner returns a planner that analyzes text with a, as the index
// does, and resolves entity names with r (which may be nil).
func NewPlanner(a analysis.Analyzer, r EntityResolver) *Planner {
	return &Planner{analyzer: a, entities: r}
}

// IndexAnalyzer returns the analyzer the index mapping m uses for titles
// and bodies, so that queries are analyzed as the index's text was: its
// default analyzer when that is one of sagasu's analysis variants (an
// index built with another than the default), else analysis.Name.
func IndexAnalyzer(m mapping.IndexMapping) (analysis.Analyzer, error) {
	name := sagasuanalysis.Name
	if im, ok := m.(*mapping.IndexMappingImpl); ok {
		if v, err := sagasuanalysis.VariantNamed(im.DefaultAnalyzer); err == nil {
			name = v.Name()
		}
	}
	a := m.AnalyzerNamed(name)
	if a == nil {
		return nil, fmt.Errorf("analyzer %q is not registered", name)
	}
	return a, nil
}

// RegistryAnalyzer returns sagasu's analyzer from Bleve's registry, for a
// planner without an index.
func RegistryAnalyzer() (analysis.Analyzer, error) {
	a, err := registry.NewCache().AnalyzerNamed(sagasuanalysis.Name)
	if err != nil {
		return nil, fmt.Errorf("analyzer %q: %w", sagasuanalysis.Name, err)
	}
	return a, nil
}

// Options change how a query is read.
type Options struct {
	// Typos lets a word of 5 letters or more also match its spellings one
	// edit away, of 9 or more two (TypoOneRunes, TypoTwoRunes), ranked
	// below the word as typed; never a Japanese word or one with a digit.
	Typos bool
	// Prefix makes the last word of the query also a prefix, ranked
	// below the whole word: a query typed so far (search as you type).
	Prefix bool
}

// Plan is one query, parsed and understood. Its forms are made on first
// use; a Plan is for one request and not safe for concurrent use.
type Plan struct {
	p       *Planner
	opts    Options
	query   string
	clauses []clause // the typed clauses, Japanese runs split into words
	strict  *Form
	relaxed *Form

	tokens  map[string]analysis.TokenStream // each text analyzed once
	lookups map[lookupKey]lookup            // each name looked up once
	matches map[matchKey]Match              // each term planned once
}

// clause is a query clause with what the plan knows of it.
type clause struct {
	Clause
	stop bool // one unquoted stop word, which a relaxed query drops
	last bool // the last clause typed
}

type lookupKey struct{ typ, name string }

type lookup struct {
	e  entity.Entity
	ok bool
}

type matchKey struct {
	term        Term
	writtenOnly bool
}

// Plan parses q (a malformed query is a *QueryError) and splits its
// unquoted Japanese runs into words.
func (p *Planner) Plan(q string) (*Plan, error) { return p.PlanWith(q, Options{}) }

// PlanWith is Plan with options.
func (p *Planner) PlanWith(q string, o Options) (*Plan, error) {
	pq, err := ParseQuery(q)
	if err != nil {
		return nil, err
	}
	pl := &Plan{p: p, opts: o, query: q, tokens: map[string]analysis.TokenStream{},
		lookups: map[lookupKey]lookup{}, matches: map[matchKey]Match{}}
	shouting := isShouting(q)
	for _, c := range pl.segmentJapanese(pq.Clauses) {
		pl.clauses = append(pl.clauses, clause{Clause: c, stop: isStopClause(c, shouting)})
	}
	if n := len(pl.clauses); n > 0 {
		pl.clauses[n-1].last = true
	}
	return pl, nil
}

// Strict returns the form of the query in which every clause is required.
func (pl *Plan) Strict() *Form {
	if pl.strict == nil {
		pl.strict = pl.form(pl.clauses, false)
	}
	return pl.strict
}

// Relaxed returns the form of the query run when the strict one finds too
// few articles: without its stop words (unless nothing else would remain)
// and with its Japanese words matched as written (see withoutStopWords).
func (pl *Plan) Relaxed() *Form {
	if pl.relaxed == nil {
		cs, writtenOnly := withoutStopWords(pl.clauses)
		pl.relaxed = pl.form(cs, writtenOnly)
		pl.relaxed.Relaxed = true
	}
	return pl.relaxed
}

// analyze returns the tokens of text, analyzing it once per plan.
func (pl *Plan) analyze(text string) analysis.TokenStream {
	if ts, ok := pl.tokens[text]; ok {
		return ts
	}
	ts := pl.p.analyzer.Analyze([]byte(text))
	pl.tokens[text] = ts
	return ts
}

// lookup resolves name as an entity of type typ ("" for any), once per
// plan.
func (pl *Plan) lookup(typ, name string) (entity.Entity, bool) {
	if pl.p.entities == nil {
		return entity.Entity{}, false
	}
	k := lookupKey{typ, name}
	if l, ok := pl.lookups[k]; ok {
		return l.e, l.ok
	}
	e, ok := pl.p.entities.Lookup(typ, name)
	pl.lookups[k] = lookup{e, ok}
	return e, ok
}
