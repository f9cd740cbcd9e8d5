package score

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// WeightQuery matches what Query matches and multiplies its scores by
// Weight: a word typed k times in a query weighs k times (see
// Ranking.QueryTF) while it stays one clause, so Bleve's coordination
// counts it once.
type WeightQuery struct {
	Query  query.Query
	Weight float64
}

// Searcher implements query.Query.
func (q *WeightQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, fmt.Errorf("weighted query: %w", err)
	}
	return &weightSearcher{Searcher: s, weight: q.Weight}, nil
}

// weightSearcher multiplies its child's scores by weight and otherwise
// is the child.
type weightSearcher struct {
	search.Searcher
	weight float64
}

// Next implements search.Searcher.
func (s *weightSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return s.weigh(s.Searcher.Next(ctx))
}

// Advance implements search.Searcher.
func (s *weightSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	return s.weigh(s.Searcher.Advance(ctx, id))
}

func (s *weightSearcher) weigh(dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if dm != nil {
		dm.Score *= s.weight
		if dm.Expl != nil {
			dm.Expl = &search.Explanation{Value: dm.Score, Message: fmt.Sprintf("weight %v of:", s.weight),
				Children: []*search.Explanation{dm.Expl}}
		}
	}
	return dm, err
}
