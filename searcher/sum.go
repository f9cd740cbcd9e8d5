package searcher

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// sumQuery matches what any of its clauses match (at least min of them)
// and scores a match by the plain sum of its clauses' scores, without the
// coord factor (matched / total clauses) that Bleve's disjunction
// multiplies in. It joins a word's title and body matches: with coord, a
// word found only in the body scored half. Between the words of a relaxed
// query coord stays: there it rewards articles with more of the words,
// and removing it lowered nDCG@10 on all four English collections.
type sumQuery struct {
	clauses []query.Query
	min     int
}

// newSumQuery returns the query of clauses, at least min of which must
// match.
func newSumQuery(min int, clauses ...query.Query) *sumQuery {
	return &sumQuery{clauses: clauses, min: min}
}

// Searcher implements query.Query: Bleve's disjunction searcher, asked for
// each clause's score instead of the coordinated total, and summed.
func (q *sumQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	d := query.NewDisjunctionQuery(q.clauses)
	d.SetMin(float64(q.min))
	d.RetrieveScoreBreakdown(true)
	s, err := d.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &sumSearcher{Searcher: s}, nil
}

// sumSearcher replaces each match's score by the sum of its breakdown.
type sumSearcher struct {
	search.Searcher
}

// Next implements search.Searcher.
func (s *sumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return sum(s.Searcher.Next(ctx))
}

// Advance implements search.Searcher.
func (s *sumSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	return sum(s.Searcher.Advance(ctx, id))
}

// sum sets dm's score to the sum of its clauses' scores. A disjunction of
// one clause returns that clause's match, already scored.
func sum(dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if dm == nil || err != nil || dm.ScoreBreakdown == nil {
		return dm, err
	}
	total := 0.0
	for _, v := range dm.ScoreBreakdown {
		total += v
	}
	dm.Score = total
	dm.ScoreBreakdown = nil
	return dm, nil
}
