package searcher

import (
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// TitleBoost weighs a match in the title against one in the body. A word
// in both already scores twice; a further boost lowered nDCG@10 on CRAN
// and CISI, the collections with titles (EVALUATION.md).
const TitleBoost = 1.0

// EntityBoost weighs a match on an entity the query names, in articles that
// name it by another alias, against a match of the query's text.
const EntityBoost = 1.0

// buildQuery translates a planned form of the query and the request's
// filters (see filters) into one Bleve query. Filters restrict the
// matches without changing their scores. Strictly, every required group
// must match; relaxed, at least minShould(n) of the n required groups.
func (s *Searcher) buildQuery(f *queryplan.Form, filters []query.Query) query.Query {
	var quoted, mustNot []query.Query
	var required []queryplan.Group
	for _, g := range f.Groups {
		switch g.Kind {
		case queryplan.Excluded:
			mustNot = append(mustNot, s.groupQuery(g))
		case queryplan.Quoted:
			quoted = append(quoted, s.groupQuery(g))
		default:
			required = append(required, g)
		}
	}
	must := s.requiredQueries(required)
	bq := bleve.NewBooleanQuery()
	if len(quoted) > 0 {
		bq.AddMust(quoted...) // a quoted phrase is required even when relaxed
	}
	switch {
	case f.Relaxed && len(quoted) > 0:
		bq.AddShould(must...) // the phrase decides; the other words rank
	case f.Relaxed && len(must) > 1:
		bq.AddMust(s.someOf(minShould(len(must)), must))
	case len(must) > 0:
		bq.AddMust(must...)
	case len(quoted) > 0:
	case f.Positive:
		// Every required word analyzed to nothing (punctuation only): as in
		// Elasticsearch, such a query matches nothing rather than everything.
		bq.AddMust(bleve.NewMatchNoneQuery())
	default:
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	bq.AddMustNot(mustNot...)
	if len(filters) > 0 {
		bq.AddFilter(bleve.NewConjunctionQuery(filters...))
	}
	return s.withProximity(f, bq)
}

// groupQuery matches any of a group's alternatives.
func (s *Searcher) groupQuery(g queryplan.Group) query.Query {
	if len(g.Alternatives) == 1 {
		return s.matchQuery(g.Alternatives[0])
	}
	alts := make([]query.Query, len(g.Alternatives))
	for i, m := range g.Alternatives {
		alts[i] = s.matchQuery(m)
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// matchQuery matches a word by any of its terms, or a phrase by any of
// its layout groups, in the title or the body (or the one field the match
// names), with the words its expansions find; a keyword field's value;
// and, when the match names an entity, an article that names it by any
// alias.
func (s *Searcher) matchQuery(m queryplan.Match) query.Query {
	fields := textFields(m.Field)
	var q query.Query
	switch {
	case m.Keyword != nil:
		q = &score.TermQuery{Term: m.Keyword.Value, Field: m.Keyword.Field, Boost: EntityBoost, BM25: s.bm25}
	case m.Terms != nil:
		q = s.rankedWordQuery(m.Terms, fields)
	case len(m.Phrases) > 0:
		q = phraseQuery(m.Phrases, fields, m.Slop, s.bm25)
	case len(m.All) > 0:
		all := make([]query.Query, len(m.All))
		for i, g := range m.All {
			all[i] = s.groupQuery(g)
		}
		q = bleve.NewConjunctionQuery(all...)
	}
	if len(m.Expansions) > 0 {
		q = s.withExpansions(q, m, fields)
	}
	if m.Entity != nil {
		q = withEntity(q, *m.Entity, s.bm25)
	}
	return q
}

// textFields returns the fields a text match searches: field, or the
// title and the body.
func textFields(field string) []fieldBoost {
	switch field {
	case indexer.FieldTitle:
		return []fieldBoost{{indexer.FieldTitle, TitleBoost}}
	case indexer.FieldBody:
		return []fieldBoost{{indexer.FieldBody, 1}}
	}
	return []fieldBoost{{indexer.FieldTitle, TitleBoost}, {indexer.FieldBody, 1}}
}

// fieldBoost is a text field and the weight of a match in it.
type fieldBoost struct {
	field string
	boost float64
}

// wordQuery matches one word, given as its index terms (a Japanese word
// and its reading), in the fields. A word found in both title and body
// scores both (see score.SumQuery); one term of several is enough.
func wordQuery(terms []string, fields []fieldBoost, bm25 score.BM25) query.Query {
	alts := make([]query.Query, 0, len(terms))
	for _, term := range terms {
		qs := make([]query.Query, len(fields))
		for i, f := range fields {
			qs[i] = &score.TermQuery{Term: term, Field: f.field, Boost: f.boost, BM25: bm25}
		}
		alts = append(alts, score.NewSumQuery(1, qs...))
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// phraseQuery matches each group of phrase layouts in the fields. Layouts
// of the same words in another order ("Kishida Fumio", "Fumio Kishida")
// share one query, whose searcher reads the words' positions once and
// accepts every order: reading a name's positions once instead of three
// times per field made the name query about twice as fast.
func phraseQuery(groups [][][][]string, fields []fieldBoost, slop int, bm25 score.BM25) query.Query {
	qs := make([]query.Query, len(groups))
	for i, group := range groups {
		fq := make([]query.Query, len(fields))
		for j, f := range fields {
			fq[j] = &score.PhraseQuery{Layouts: group, Field: f.field, Boost: f.boost, BM25: bm25, Slop: slop}
		}
		qs[i] = score.NewSumQuery(1, fq...)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// MaxExpansions is the most dictionary words a prefix or a near spelling
// expands to, per field: those in the most articles.
const MaxExpansions = 50

// TypoUnlessFound is how many articles a word must find as typed (its
// title and body matches counted apart) for typo tolerance to leave it as
// typed; 0 would always add near spellings. Measured on the bench mix
// (BENCHMARKS.md, "Queries as people type them"): always adding them made
// the rare-word query find 156 articles instead of 10 at twice the
// allocations, and grew the date-sorted query's hits by 80% (three:
// threw, tree), near spellings interleaved with exact matches by date; a
// word that finds a page or more as typed is what the reader meant.
const TypoUnlessFound = 10

// TypoPopular is how many times as many articles a near spelling must be
// in as the word typed (and in one at least) to be added: Lucene's
// spell checker suggests only words more popular than the one typed, and
// a misspelling is far rarer than the word meant. It keeps a real word
// with articles of its own (Chiba, electric) from matching a neighbour
// (China, elected), so near spellings reach only words that find
// nothing, or next to nothing, as typed.
const TypoPopular = 10

// withExpansions lets the words m's expansions find match where q, the
// exact word's query (nil for a prefix alone), would: an article with
// both scores both.
func (s *Searcher) withExpansions(q query.Query, m queryplan.Match, fields []fieldBoost) query.Query {
	var alts []query.Query
	if q != nil {
		alts = append(alts, q)
	}
	for _, x := range m.Expansions {
		for _, f := range fields {
			eq := &score.ExpandQuery{Term: x.Term, Prefix: x.Prefix, Edits: x.Edits, Skip: m.Terms, Max: MaxExpansions,
				Field: f.field, Boost: f.boost * x.Weight, BM25: s.bm25}
			if x.Typo {
				eq.UnlessFound, eq.Popular, eq.CountIn = TypoUnlessFound, TypoPopular, []string{indexer.FieldTitle, indexer.FieldBody}
			}
			alts = append(alts, eq)
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return score.NewSumQuery(1, alts...)
}

// withEntity lets articles that name e match where q, the query of the
// words that name it, would: either matches, and an article matching both
// scores higher than one matching either.
func withEntity(q query.Query, e entity.Entity, bm25 score.BM25) query.Query {
	tq := &score.TermQuery{Term: e.Name, Field: e.Type, Boost: EntityBoost, BM25: bm25}
	if q == nil {
		return tq
	}
	return bleve.NewDisjunctionQuery(q, tq)
}

// filters returns the request's restrictions: entities, dates, language and
// source.
func (s *Searcher) filters(r Request) ([]query.Query, error) {
	var fs []query.Query
	for _, f := range r.Entities {
		name, err := s.resolveEntity(f)
		if err != nil {
			return nil, err
		}
		fs = append(fs, termIn(f.Type, name))
	}
	if r.Since != nil || r.Until != nil {
		var since, until time.Time // zero: open-ended
		if r.Since != nil {
			since = *r.Since
		}
		if r.Until != nil {
			until = *r.Until
		}
		incl, excl := true, false
		q := bleve.NewDateRangeInclusiveQuery(since, until, &incl, &excl)
		q.SetField(indexer.FieldPublished)
		fs = append(fs, q)
	}
	if r.Lang != "" {
		fs = append(fs, termIn(indexer.FieldLang, r.Lang))
	}
	if r.Source != "" {
		fs = append(fs, termIn(indexer.FieldSource, r.Source))
	}
	return fs, nil
}

func termIn(field, term string) query.Query {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}
