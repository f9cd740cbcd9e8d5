package score

import (
	"context"
	"fmt"
	"reflect"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bsearcher "github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// SumQuery matches what any of its clauses match (at least min of them)
// and scores a match by the plain sum of its clauses' scores, without the
// coord factor (matched / total clauses) that Bleve's disjunction
// multiplies in. It joins a word's title and body matches when they are
// scored apart (with coord, a word found only in the body scored half),
// and the words of a relaxed query when the ranking does not coordinate
// them (Ranking.Coord): Sagasu's default does, as removing coord lowered
// nDCG@10 on all four English collections.
type SumQuery struct {
	Clauses []query.Query // scored by the sum of those that match
	Min     int           // clauses that must match, at least one
}

// NewSumQuery returns the query of clauses, at least min of which must
// match.
func NewSumQuery(min int, clauses ...query.Query) *SumQuery {
	return &SumQuery{Clauses: clauses, Min: min}
}

// Searcher implements query.Query with a sumSearcher over the clauses'
// searchers.
func (q *SumQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	children := make([]search.Searcher, 0, len(q.Clauses))
	for _, c := range q.Clauses {
		s, err := c.Searcher(ctx, r, m, opts)
		if err != nil {
			for _, open := range children {
				_ = open.Close()
			}
			return nil, err
		}
		children = append(children, s)
	}
	if len(children) < max(q.Min, 1) {
		for _, open := range children {
			_ = open.Close()
		}
		return bsearcher.NewMatchNoneSearcher(r)
	}
	return &sumSearcher{children: children, currs: make([]*search.DocumentMatch, len(children)),
		min: max(q.Min, 1), explain: opts.Explain}, nil
}

// sumSearcher merges its children's matches in document order and scores
// each document by the sum of the scores of the children that match it.
// It does the work of Bleve's disjunction searcher asked for a score
// breakdown, which allocates a map per match, in a single pass.
type sumSearcher struct {
	children []search.Searcher
	currs    []*search.DocumentMatch // each child's current match; nil once it is done
	matching []int                   // children on the lowest current document
	min      int
	explain  bool
	started  bool
}

// start positions every child on its first match.
func (s *sumSearcher) start(ctx *search.SearchContext) error {
	s.started = true
	for i, c := range s.children {
		dm, err := c.Next(ctx)
		if err != nil {
			return fmt.Errorf("sum: %w", err)
		}
		s.currs[i] = dm
	}
	return nil
}

// lowest sets s.matching to the children whose current match is on the
// lowest document.
func (s *sumSearcher) lowest() {
	m := s.matching[:0]
	for i, dm := range s.currs {
		if dm == nil {
			continue
		}
		if len(m) > 0 {
			cmp := dm.IndexInternalID.Compare(s.currs[m[0]].IndexInternalID)
			if cmp > 0 {
				continue
			}
			if cmp < 0 {
				m = m[:0]
			}
		}
		m = append(m, i)
	}
	s.matching = m
}

// Next implements search.Searcher.
func (s *sumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for {
		s.lowest()
		if len(s.matching) == 0 {
			return nil, nil
		}
		var rv *search.DocumentMatch
		if len(s.matching) >= s.min {
			rv = s.combine()
		}
		for _, i := range s.matching {
			if s.currs[i] != rv {
				ctx.DocumentMatchPool.Put(s.currs[i])
			}
			dm, err := s.children[i].Next(ctx)
			if err != nil {
				return nil, fmt.Errorf("sum: %w", err)
			}
			s.currs[i] = dm
		}
		if rv != nil {
			return rv, nil
		}
	}
}

// combine folds the matching children's matches into the first one: the
// sum of their scores, all their term locations, and an explanation when
// asked.
func (s *sumSearcher) combine() *search.DocumentMatch {
	rv := s.currs[s.matching[0]]
	var expl []*search.Explanation
	if s.explain {
		expl = append(expl, rv.Expl)
	}
	for _, i := range s.matching[1:] {
		dm := s.currs[i]
		rv.Score += dm.Score
		rv.FieldTermLocations = search.MergeFieldTermLocationsFromMatch(rv.FieldTermLocations, dm)
		if s.explain {
			expl = append(expl, dm.Expl)
		}
	}
	if s.explain {
		rv.Expl = &search.Explanation{Value: rv.Score, Message: "sum of:", Children: expl}
	}
	return rv
}

// Advance implements search.Searcher.
func (s *sumSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for i, dm := range s.currs {
		if dm == nil || dm.IndexInternalID.Compare(id) >= 0 {
			continue
		}
		ctx.DocumentMatchPool.Put(dm)
		next, err := s.children[i].Advance(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("sum: %w", err)
		}
		s.currs[i] = next
	}
	return s.Next(ctx)
}

// Weight implements search.Searcher.
func (s *sumSearcher) Weight() float64 {
	w := 0.0
	for _, c := range s.children {
		w += c.Weight()
	}
	return w
}

// SetQueryNorm implements search.Searcher.
func (s *sumSearcher) SetQueryNorm(norm float64) {
	for _, c := range s.children {
		c.SetQueryNorm(norm)
	}
}

// Count implements search.Searcher: at most the children's counts added.
func (s *sumSearcher) Count() uint64 {
	var n uint64
	for _, c := range s.children {
		n += c.Count()
	}
	return n
}

// Min implements search.Searcher.
func (s *sumSearcher) Min() int { return s.min }

// Close implements search.Searcher.
func (s *sumSearcher) Close() error {
	var first error
	for _, c := range s.children {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

var sizeOfSumSearcher = int(reflect.TypeOf(sumSearcher{}).Size())

// Size implements search.Searcher.
func (s *sumSearcher) Size() int {
	n := sizeOfSumSearcher + 8*(cap(s.currs)+cap(s.matching))
	for _, c := range s.children {
		n += c.Size()
	}
	return n
}

// DocumentMatchPoolSize implements search.Searcher: one current match per
// child, and what the children hold.
func (s *sumSearcher) DocumentMatchPoolSize() int {
	n := len(s.currs)
	for _, c := range s.children {
		n += c.DocumentMatchPoolSize()
	}
	return n
}
