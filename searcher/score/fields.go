package score

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// Field is one field of a FieldsQuery: how much a match there weighs and
// how far its length normalizes.
type Field struct {
	Name   string
	Weight float64 // multiplies the field's term frequency
	B      float64 // length normalization of the field
}

// FieldsQuery matches one index term in any of several fields and scores
// it by BM25F (Robertson, Zaragoza and Taylor 2004, "Simple BM25
// extension to multiple weighted fields"): each field's frequency is
// normalized by its length and weighted, and the weighted sum saturates
// once, so that a word in the title and the body scores less than two
// separate BM25s would. Its idf is BM25's (Lucene's unless BM25.IDF says otherwise) of
// the largest document frequency among the fields, as Lucene's
// CombinedFieldQuery takes it: a lower bound of the union's, which would
// need a pass over every posting.
type FieldsQuery struct {
	Term   string
	Fields []Field
	BM25   BM25    // K1, SqrtTF and Lengths; each field has its own B
	Boost  float64 // multiplies the score
}

// Searcher implements query.Query.
func (q *FieldsQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	children := make([]search.Searcher, 0, len(q.Fields))
	var df, docs uint64
	for _, f := range q.Fields {
		p := q.BM25
		p.B = f.B
		ts, err := NewTermSearcher(ctx, r, q.Term, f.Name, f.Weight, p, opts)
		if err != nil {
			for _, c := range children {
				_ = c.Close()
			}
			return nil, fmt.Errorf("fields of %q: %w", q.Term, err)
		}
		ts.partial = true
		df, docs = max(df, ts.df), ts.docs
		children = append(children, ts)
	}
	idf := q.BM25.idf(docs, df)
	return &fieldsSearcher{
		sumSearcher: sumSearcher{children: children, currs: make([]*search.DocumentMatch, len(children)), min: 1, explain: opts.Explain},
		idf:         idf, k1: q.BM25.K1, delta: q.BM25.deltaScore(idf), boost: q.Boost, queryWeight: q.Boost,
	}, nil
}

// fieldsSearcher merges the matches of a term's fields, whose scores are
// their weighted, length-normalized frequencies, and saturates their sum:
// idf · k1 · tf / (tf + k1), on the scale of TermSearcher's BM25 (which
// multiplies by k1 where Robertson multiplies by k1 + 1), plus BM25+'s
// delta.
type fieldsSearcher struct {
	sumSearcher
	idf, k1, delta, boost, queryWeight float64
}

// saturate turns a merged match's weighted frequency into its score.
func (s *fieldsSearcher) saturate(dm *search.DocumentMatch) *search.DocumentMatch {
	if dm == nil {
		return nil
	}
	tf := dm.Score
	dm.Score = s.queryWeight * (s.idf*s.k1*tf/(tf+s.k1) + s.delta)
	if s.explain {
		dm.Expl = &search.Explanation{Value: dm.Score, Children: []*search.Explanation{dm.Expl},
			Message: fmt.Sprintf("BM25F idf=%f k1=%f weighted tf=%f", s.idf, s.k1, tf)}
	}
	return dm
}

// Next implements search.Searcher.
func (s *fieldsSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.sumSearcher.Next(ctx)
	return s.saturate(dm), err
}

// Advance implements search.Searcher.
func (s *fieldsSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.sumSearcher.Advance(ctx, id)
	return s.saturate(dm), err
}

// Weight implements search.Searcher: the squared boost, as a TermQuery's
// (whose idf is cancelled).
func (s *fieldsSearcher) Weight() float64 { return s.boost * s.boost }

// SetQueryNorm implements search.Searcher. The fields' searchers keep a
// query weight of 1: the norm applies once, to the saturated score.
func (s *fieldsSearcher) SetQueryNorm(norm float64) { s.queryWeight = s.boost * norm }
