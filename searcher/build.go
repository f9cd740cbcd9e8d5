package searcher

import (
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// TitleBoost weighs a match in the title against one in the body. A word
// in both already scores twice; a further boost lowered nDCG@10 on CRAN
// and CISI, the collections with titles (EVALUATION.md).
const TitleBoost = 1.0

// builtQuery is a Bleve query built from a request.
type builtQuery struct {
	q        query.Query
	named    []QueryEntity // the entities the query names
	required int           // required clauses (words, phrases, OR groups, names)
}

// buildQuery turns a parsed query and the request's filters into one Bleve
// query, and says which entities the query names. Filters restrict the
// matches without changing their scores. Strictly, every required clause
// must match; relaxed, at least minShould(n) of the n required clauses.
func (s *Searcher) buildQuery(pq ParsedQuery, r Request, relaxed bool) (builtQuery, error) {
	spans := s.entitySpans(pq)
	must, quoted, mustNot, positive, err := s.clauseQueries(pq, &spans)
	if err != nil {
		return builtQuery{}, err
	}
	required := len(must) + len(quoted)
	bq := bleve.NewBooleanQuery()
	if len(quoted) > 0 {
		bq.AddMust(quoted...) // a quoted phrase is required even when relaxed
	}
	switch {
	case relaxed && len(quoted) > 0:
		bq.AddShould(must...) // the phrase decides; the other words rank
	case relaxed && len(must) > 1:
		some := bleve.NewDisjunctionQuery(must...) // coord: more words rank higher
		some.SetMin(float64(minShould(len(must))))
		bq.AddMust(some)
	case len(quoted) > 0:
		bq.AddMust(must...)
	case len(must) > 0:
		bq.AddMust(must...)
	case positive:
		// Every required word analyzed to nothing (punctuation only): as in
		// Elasticsearch, such a query matches nothing rather than everything.
		bq.AddMust(bleve.NewMatchNoneQuery())
	default:
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	bq.AddMustNot(mustNot...)
	filters, err := s.filters(r)
	if err != nil {
		return builtQuery{}, err
	}
	if len(filters) > 0 {
		bq.AddFilter(bleve.NewConjunctionQuery(filters...))
	}
	return builtQuery{q: bq, named: queryEntities(spans), required: required}, nil
}

// clauseQueries builds a query per clause, one for each run of clauses in
// spans that names an entity: quoted holds those of clauses that are one
// quoted phrase, must the other required ones. positive reports whether
// the query had any required clause at all. The entities of OR
// alternatives are added to spans.
func (s *Searcher) clauseQueries(pq ParsedQuery, spans *[]entitySpan) (must, quoted, mustNot []query.Query, positive bool, err error) {
	next, named := 0, len(*spans)
	for i := 0; i < len(pq.Clauses); i++ {
		c := pq.Clauses[i]
		positive = positive || !c.Excluded
		var q query.Query
		if next < named && (*spans)[next].from == i {
			sp := (*spans)[next]
			next++
			q, err = s.spanQuery(pq.Clauses[sp.from:sp.to], sp.ent)
			i = sp.to - 1
		} else {
			q, err = s.clauseQuery(c, spans)
		}
		switch {
		case err != nil:
			return nil, nil, nil, false, err
		case q == nil:
		case c.Excluded:
			mustNot = append(mustNot, q)
		case len(c.Alternatives) == 1 && c.Alternatives[0].Phrase:
			quoted = append(quoted, q)
		default:
			must = append(must, q)
		}
	}
	return must, quoted, mustNot, positive, nil
}

// clauseQuery builds the query of one clause: its alternatives, each of
// which may name an entity (ai nvidia OR ソフトバンク).
func (s *Searcher) clauseQuery(c Clause, spans *[]entitySpan) (query.Query, error) {
	var alts []query.Query
	for _, t := range c.Alternatives {
		q, err := s.termQuery(t)
		if err != nil {
			return nil, err
		}
		if len(c.Alternatives) > 1 {
			if sp, ok := s.longestEntity([]Clause{{Alternatives: []Term{t}}}, 0); ok {
				q = withEntity(q, sp.ent, s.bm25)
				*spans = append(*spans, sp)
			}
		}
		if q != nil {
			alts = append(alts, q)
		}
	}
	switch len(alts) {
	case 0:
		return nil, nil
	case 1:
		return alts[0], nil
	}
	return bleve.NewDisjunctionQuery(alts...), nil
}

// spanQuery matches the words of clauses cs, which together name entity e,
// or an article that names e by any alias. Several words are matched as
// the name they make, a phrase with its variants ("Abe Shinzo" / "Shinzo
// Abe"), not as words anywhere: Abe Lincoln near Shinzo Street is not
// Shinzo Abe.
func (s *Searcher) spanQuery(cs []Clause, e entity.Entity) (query.Query, error) {
	t := cs[0].Alternatives[0]
	if len(cs) > 1 {
		words := make([]string, len(cs))
		for i, c := range cs {
			words[i] = c.Alternatives[0].Text
		}
		t = Term{Text: strings.Join(words, " "), Phrase: true}
	}
	q, err := s.termQuery(t)
	if err != nil {
		return nil, err
	}
	return withEntity(q, e, s.bm25), nil
}

// termQuery matches a word or phrase in the title or the body, or returns
// nil when the text analyzes to no token. A word that analyzes to several
// positions ("high-tech", "岸田文雄") is matched as a phrase, and a phrase
// also in its variants (see phraseVariants).
func (s *Searcher) termQuery(t Term) (query.Query, error) {
	words, err := s.words(t.Text)
	if err != nil {
		return nil, err
	}
	if len(words) == 0 {
		return nil, nil
	}
	if !t.Phrase && len(words) == 1 {
		terms := words[0].terms
		if t.writtenOnly {
			terms = terms[:1]
		}
		return wordQuery(terms, s.bm25), nil
	}
	qs, err := s.phraseQueries(s.phraseVariants(t.Text, words))
	if err != nil {
		return nil, err
	}
	switch len(qs) {
	case 0:
		return nil, nil
	case 1:
		return qs[0], nil
	}
	return bleve.NewDisjunctionQuery(qs...), nil
}

// phraseQueries matches each phrase variant in the title (boosted) or the
// body. Variants made of the same words in another order ("Kishida Fumio",
// "Fumio Kishida") share one query, whose searcher reads the words'
// positions once and accepts every order. A variant in Japanese script
// whose readings another variant spells out (岸田文雄 beside "Kishida
// Fumio") is matched by its written words only: the other variant finds
// the readings. Reading a name's positions once instead of three times per
// field made the name query about twice as fast.
func (s *Searcher) phraseQueries(variants []string) ([]query.Query, error) {
	a, err := s.analyzer()
	if err != nil {
		return nil, err
	}
	var layouts [][][]string
	for _, v := range variants {
		if l := score.PhraseTerms(a.Analyze([]byte(v))); len(l) > 0 {
			layouts = append(layouts, l)
		}
	}
	writtenOnlyWhereRead(layouts)
	var qs []query.Query
	for _, group := range groupByWords(layouts) {
		qs = append(qs, score.NewSumQuery(1,
			&score.PhraseQuery{Layouts: group, Field: indexer.FieldTitle, Boost: TitleBoost, BM25: s.bm25},
			&score.PhraseQuery{Layouts: group, Field: indexer.FieldBody, Boost: 1, BM25: s.bm25}))
	}
	return qs, nil
}

// writtenOnlyWhereRead cuts each layout whose every position holds a
// written word and its readings down to the written words, when another
// layout is exactly those readings.
func writtenOnlyWhereRead(layouts [][][]string) {
	for i, l := range layouts {
		readings := make([][]string, len(l))
		for p, terms := range l {
			if len(terms) < 2 {
				readings = nil
				break
			}
			readings[p] = terms[1:]
		}
		if readings == nil {
			continue
		}
		for j, other := range layouts {
			if j != i && layoutKey(other, false) == layoutKey(readings, false) {
				written := make([][]string, len(l))
				for p, terms := range l {
					written[p] = terms[:1]
				}
				layouts[i] = written
				break
			}
		}
	}
}

// groupByWords groups layouts that hold the same positions in another
// order, keeping the order in which each group first appears.
func groupByWords(layouts [][][]string) [][][][]string {
	var groups [][][][]string
	index := map[string]int{}
	for _, l := range layouts {
		key := layoutKey(l, true)
		if i, ok := index[key]; ok {
			if !slices.ContainsFunc(groups[i], func(have [][]string) bool { return layoutKey(have, false) == layoutKey(l, false) }) {
				groups[i] = append(groups[i], l)
			}
			continue
		}
		index[key] = len(groups)
		groups = append(groups, [][][]string{l})
	}
	return groups
}

// layoutKey spells out a layout, each position's terms sorted; unordered
// also sorts the positions, so that the same words in another order give
// the same key.
func layoutKey(l [][]string, unordered bool) string {
	parts := make([]string, len(l))
	for p, terms := range l {
		t := slices.Clone(terms)
		slices.Sort(t)
		parts[p] = strings.Join(t, "|")
	}
	if unordered {
		slices.Sort(parts)
	}
	return strings.Join(parts, " ")
}

// wordQuery matches one word, given as its index terms (a Japanese word
// and its reading), in the title or the body. A word found in both scores
// both (see score.SumQuery); one term of several is enough.
func wordQuery(terms []string, bm25 score.BM25) query.Query {
	alts := make([]query.Query, 0, len(terms))
	for _, term := range terms {
		alts = append(alts, score.NewSumQuery(1,
			&score.TermQuery{Term: term, Field: indexer.FieldTitle, Boost: TitleBoost, BM25: bm25},
			&score.TermQuery{Term: term, Field: indexer.FieldBody, Boost: 1, BM25: bm25}))
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return bleve.NewDisjunctionQuery(alts...)
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
