package score

import (
	"context"
	"fmt"
	"math"
	"reflect"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// ProximityWindow is the largest distance, in words, at which two query
// words count as close: BM25TP's 5 (Rasolofo and Savoy 2003).
const ProximityWindow = 5

// PairQuery scores documents where two words of a query stand close
// together in a field, as BM25TP's term-proximity part does (Rasolofo and
// Savoy 2003, "Term proximity scoring for keyword-based retrieval
// systems"): each occurrence of one within Window words of the other adds
// 1/d² to an accumulator, which saturates as a term frequency does in
// BM25 and is weighted by the lower of the two words' idfs. Documents
// where the words are never close do not match.
type PairQuery struct {
	A, B   string  // the two index terms
	Field  string  // the field they are matched in
	Window int     // largest distance that counts
	Boost  float64 // multiplies the score
	BM25   BM25    // K1 and B of the saturation
}

// Searcher implements query.Query.
func (q *PairQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	a, err := r.TermFieldReader(ctx, []byte(q.A), q.Field, true, true, true)
	if err != nil {
		return nil, fmt.Errorf("read term %q in %s: %w", q.A, q.Field, err)
	}
	b, err := r.TermFieldReader(ctx, []byte(q.B), q.Field, true, true, true)
	if err != nil {
		_ = a.Close()
		return nil, fmt.Errorf("read term %q in %s: %w", q.B, q.Field, err)
	}
	total, avg, err := docStats(ctx, r, q.Field, q.BM25.Lengths)
	if err != nil {
		_, _ = a.Close(), b.Close()
		return nil, fmt.Errorf("statistics of %s: %w", q.Field, err)
	}
	idf := func(df uint64) float64 {
		return math.Log(1 + (float64(total)-float64(df)+0.5)/(float64(df)+0.5))
	}
	return &pairSearcher{a: a, b: b, window: uint64(max(q.Window, 1)), bm25: q.BM25, avgDocLen: avg,
		weight: min(idf(termDF(ctx, q.A, q.Field, a.Count())), idf(termDF(ctx, q.B, q.Field, b.Count()))), boost: q.Boost, queryWeight: q.Boost}, nil
}

// pairSearcher walks two terms' postings in step and scores the documents
// holding both close together.
type pairSearcher struct {
	a, b           index.TermFieldReader
	da, db         index.TermFieldDoc
	window         uint64
	bm25           BM25
	avgDocLen      float64
	weight, boost  float64
	queryWeight    float64
	posA, posB     []uint64
	started, ended bool
}

// closeness is the accumulator of a document where the terms stand at
// posA and posB: the sum of 1/d² over pairs at most window apart.
func closeness(posA, posB []uint64, window uint64) float64 {
	acc := 0.0
	for _, p := range posA {
		for _, q := range posB {
			d := max(p, q) - min(p, q)
			if d > 0 && d <= window {
				acc += 1 / float64(d*d)
			}
		}
	}
	return acc
}

// positions appends the positions of a posting's term vectors to dst.
func positions(dst []uint64, tfd *index.TermFieldDoc) []uint64 {
	for _, v := range tfd.Vectors {
		dst = append(dst, v.Pos)
	}
	return dst
}

// score is the document's saturated, weighted closeness, or 0.
func (s *pairSearcher) score(da, db *index.TermFieldDoc) float64 {
	s.posA, s.posB = positions(s.posA[:0], da), positions(s.posB[:0], db)
	acc := closeness(s.posA, s.posB, s.window)
	if acc == 0 {
		return 0
	}
	k := s.bm25.K1
	if s.avgDocLen > 0 {
		k *= 1 - s.bm25.B + s.bm25.B/(da.Norm*da.Norm)/s.avgDocLen
	}
	return s.queryWeight * s.weight * s.bm25.K1 * acc / (acc + k)
}

// seek moves both postings to the first document at or after id (from
// the start when id is nil) that holds both terms close together.
func (s *pairSearcher) seek(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if s.ended {
		return nil, nil
	}
	for {
		var da *index.TermFieldDoc
		var err error
		if id == nil {
			da, err = s.a.Next(s.da.Reset())
		} else {
			da, err = s.a.Advance(id, s.da.Reset())
		}
		if err != nil || da == nil {
			s.ended = true
			return nil, err
		}
		db, err := s.b.Advance(da.ID, s.db.Reset())
		if err != nil || db == nil {
			s.ended = true
			return nil, err
		}
		if !db.ID.Equals(da.ID) {
			id = append(id[:0], db.ID...)
			continue
		}
		if sc := s.score(da, db); sc > 0 {
			dm := ctx.DocumentMatchPool.Get()
			dm.IndexInternalID = index.NewIndexInternalIDFrom(dm.IndexInternalID, da.ID)
			dm.Score = sc
			return dm, nil
		}
		id = nil
	}
}

// Next implements search.Searcher.
func (s *pairSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return s.seek(ctx, nil)
}

// Advance implements search.Searcher.
func (s *pairSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	return s.seek(ctx, append(index.IndexInternalID(nil), id...))
}

// Weight implements search.Searcher: the squared boost, as a TermQuery's.
func (s *pairSearcher) Weight() float64 { return s.boost * s.boost }

// SetQueryNorm implements search.Searcher.
func (s *pairSearcher) SetQueryNorm(norm float64) { s.queryWeight = s.boost * norm }

// Count implements search.Searcher: at most the rarer term's count.
func (s *pairSearcher) Count() uint64 { return min(s.a.Count(), s.b.Count()) }

// Min implements search.Searcher.
func (s *pairSearcher) Min() int { return 0 }

// Close implements search.Searcher.
func (s *pairSearcher) Close() error {
	errA, errB := s.a.Close(), s.b.Close()
	if errA != nil {
		return errA
	}
	return errB
}

var sizeOfPairSearcher = int(reflect.TypeOf(pairSearcher{}).Size())

// Size implements search.Searcher.
func (s *pairSearcher) Size() int {
	return sizeOfPairSearcher + s.a.Size() + s.b.Size() + 8*(cap(s.posA)+cap(s.posB))
}

// DocumentMatchPoolSize implements search.Searcher.
func (s *pairSearcher) DocumentMatchPoolSize() int { return 1 }
