package searcher

import (
	"reflect"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// WithRanking sets how the searcher scores matches (score.DefaultRanking
// when not given). Over an index of several shards the true average
// lengths are always used: Bleve's estimate sums each segment's
// vocabulary, so it changes with how articles are cut into segments and
// shards, while a field's tokens are a function of the articles and add
// up over shards, so that the shards rank exactly as one index searched
// with TrueLengths (EVALUATION.md, "Shards"). The same holds for the
// shards of a cluster (WithShards).
func WithRanking(r score.Ranking) Option {
	return func(s *Searcher) {
		r.TrueLengths = r.TrueLengths || s.fansOut()
		if r.TrueLengths {
			if s.lengths == nil {
				s.lengths = score.NewLengths()
			}
			r.BM25.Lengths = s.lengths
		}
		s.ranking, s.bm25 = r, r.BM25
	}
}

// Ranked returns a searcher over the same index, entities and limits that
// scores with r: for comparing rankings on one index.
func (s *Searcher) Ranked(r score.Ranking) *Searcher {
	c := *s
	WithRanking(r)(&c)
	return &c
}

// rankedWordQuery matches one word by any of its terms in fields: scored
// by BM25F over the title and the body when the ranking says so, else
// (and for a word restricted to one field) by wordQuery's sum of a BM25
// per field.
func (s *Searcher) rankedWordQuery(terms []string, fields []fieldBoost) query.Query {
	if !s.ranking.BM25F || len(fields) != 2 {
		return wordQuery(terms, fields, s.bm25)
	}
	alts := make([]query.Query, 0, len(terms))
	for _, term := range terms {
		alts = append(alts, s.termQuery(term, 1))
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// termQuery matches one index term in the title or the body, its score
// times boost: by BM25F or by a BM25 per field, summed.
func (s *Searcher) termQuery(term string, boost float64) query.Query {
	if s.ranking.BM25F {
		fields := []score.Field{
			{Name: indexer.FieldTitle, Weight: TitleBoost, B: s.bm25.B},
			{Name: indexer.FieldBody, Weight: 1, B: s.bm25.B},
		}
		return &score.FieldsQuery{Term: term, Fields: fields, BM25: s.bm25, Boost: boost}
	}
	return score.NewSumQuery(1,
		&score.TermQuery{Term: term, Field: indexer.FieldTitle, Boost: TitleBoost * boost, BM25: s.bm25},
		&score.TermQuery{Term: term, Field: indexer.FieldBody, Boost: boost, BM25: s.bm25})
}

// someOf matches what at least min of qs match, the relaxed form of a
// query: scored by the sum of the matching queries, times the share that
// match when the ranking coordinates (Bleve's disjunction).
func (s *Searcher) someOf(min int, qs []query.Query) query.Query {
	if s.ranking.Coord {
		d := bleve.NewDisjunctionQuery(qs...)
		d.SetMin(float64(min))
		return d
	}
	return score.NewSumQuery(min, qs...)
}

// withProximity adds to bq, when the ranking says so, an optional clause
// that scores articles where two words next to each other in the query
// stand close together in the title or the body (score.PairQuery). The
// words are the required groups of f that are single words, in the order
// typed, by the term as written.
func (s *Searcher) withProximity(f *queryplan.Form, bq *query.BooleanQuery) query.Query {
	if !s.ranking.Proximity {
		return bq
	}
	var words []string
	for _, g := range f.Groups {
		if g.Kind == queryplan.Required && len(g.Alternatives) == 1 && len(g.Alternatives[0].Terms) > 0 {
			words = append(words, g.Alternatives[0].Terms[0])
		}
	}
	var pairs []query.Query
	for i := 1; i < len(words); i++ {
		if words[i] == words[i-1] {
			continue
		}
		for _, field := range []string{indexer.FieldTitle, indexer.FieldBody} {
			pairs = append(pairs, &score.PairQuery{A: words[i-1], B: words[i], Field: field,
				Window: score.ProximityWindow, Boost: 1, BM25: s.bm25})
		}
	}
	if len(pairs) > 0 {
		bq.AddShould(score.NewSumQuery(1, pairs...))
	}
	return bq
}

// requiredQueries returns the queries of a form's required groups, a
// group planned the same way more than once counted as the ranking's
// QueryTF says: each repetition a clause (as typed), once, or once
// weighing as many times as it repeats.
func (s *Searcher) requiredQueries(groups []queryplan.Group) []query.Query {
	qs := make([]query.Query, 0, len(groups))
	if s.ranking.QueryTF == score.QTFRepeat {
		for _, g := range groups {
			qs = append(qs, s.groupQuery(g))
		}
		return qs
	}
	distinct, counts := distinctGroups(groups)
	for i, g := range distinct {
		q := s.groupQuery(g)
		if s.ranking.QueryTF == score.QTFCount && counts[i] > 1 {
			q = &score.WeightQuery{Query: q, Weight: float64(counts[i])}
		}
		qs = append(qs, q)
	}
	return qs
}

// distinctGroups returns groups without repetitions, in the order first
// typed, and how many times each occurs.
func distinctGroups(groups []queryplan.Group) ([]queryplan.Group, []int) {
	var distinct []queryplan.Group
	var counts []int
next:
	for _, g := range groups {
		for i, d := range distinct {
			if reflect.DeepEqual(g, d) {
				counts[i]++
				continue next
			}
		}
		distinct = append(distinct, g)
		counts = append(counts, 1)
	}
	return distinct, counts
}
