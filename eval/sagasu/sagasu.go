// Package sagasu evaluates Sagasu itself: documents go through the
// production mapping, analyzers and entity extraction into an in-memory
// index, and queries through the same searcher as GET /api/v1/search,
// text as typed, default parameters but the page size.
package sagasu

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/eval"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/namedict"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher"
)

// batchSize is the number of documents indexed per batch.
const batchSize = 500

// Engine is Sagasu as an eval.Engine.
type Engine struct {
	ix       *indexer.Index
	s        *searcher.Searcher
	x        *entity.Extractor
	failures int // queries the searcher refused (as a user would see a 400)
}

// New returns an empty Sagasu engine with the production gazetteer and
// entity discovery.
func New() (*Engine, error) {
	x := entity.NewExtractor(entity.Default(), entity.Discover(namedict.Default()))
	ix, err := indexer.NewInMemory(indexer.Options{Annotator: x})
	if err != nil {
		return nil, err
	}
	// Test-collection queries can be long paragraphs: allow them, as a
	// deployment indexing such text would.
	s := searcher.New(ix, x, searcher.WithLimits(searcher.Limits{MaxQueryRunes: 1 << 16}))
	return &Engine{ix: ix, s: s, x: x}, nil
}

// Name implements eval.Engine.
func (e *Engine) Name() string { return "sagasu" }

// Index implements eval.Engine. A document with neither title nor text
// (Cranfield has two) is skipped, as the API would refuse it; no query can
// find it in any engine.
func (e *Engine) Index(ctx context.Context, docs []eval.Doc) error {
	for start := 0; start < len(docs); start += batchSize {
		batch := make([]corpus.Article, 0, batchSize)
		for _, d := range docs[start:min(start+batchSize, len(docs))] {
			if strings.TrimSpace(d.Title+d.Text) == "" {
				continue
			}
			batch = append(batch, corpus.Article{ID: d.ID, Title: d.Title, Body: d.Text, Lang: d.Lang})
		}
		if err := e.ix.Put(ctx, batch); err != nil {
			return fmt.Errorf("index documents %d-%d: %w", start, start+len(batch)-1, err)
		}
	}
	return nil
}

// Search implements eval.Engine. A query the searcher refuses as malformed
// answers nothing, as the API would answer a 400, and is counted in
// Failures.
func (e *Engine) Search(ctx context.Context, q string, k int) ([]string, error) {
	res, err := e.s.Search(ctx, searcher.Request{Query: q, Size: k})
	var qe *queryplan.QueryError
	if errors.As(err, &qe) {
		e.failures++
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// Failures is the number of queries refused as malformed.
func (e *Engine) Failures() int { return e.failures }

// Close implements eval.Engine.
func (e *Engine) Close() error { return e.ix.Close() }
