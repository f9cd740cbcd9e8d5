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
	"github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/lab/eval"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// Engine is Sagasu as an eval.Engine.
type Engine struct {
	eng      *engine.Engine
	searcher *searcher.Searcher // the engine's, or another ranking's (SetRanking)
	failures int                // queries the searcher refused (as a user would see a 400)
}

// New returns an empty Sagasu engine in memory with the production
// gazetteer, entity discovery and analysis.
func New() (*Engine, error) { return NewWith("") }

// NewWith is New with the English analysis variant called analyzer (an
// analysis.Variant's Name; "" for the default).
func NewWith(analyzer string) (*Engine, error) {
	// Test-collection queries can be long paragraphs: allow them, as a
	// deployment indexing such text would.
	eng, err := engine.Open(engine.Config{Limits: searcher.Limits{MaxQueryRunes: 1 << 16}, Analyzer: analyzer})
	if err != nil {
		return nil, err
	}
	return &Engine{eng: eng, searcher: eng.Searcher}, nil
}

// SetRanking makes the next searches score with r, over the same index.
func (e *Engine) SetRanking(r score.Ranking) {
	e.searcher = e.eng.Searcher.Ranked(r)
	e.failures = 0
}

// Name implements eval.Engine.
func (e *Engine) Name() string { return "sagasu" }

// Index implements eval.Engine. A document with neither title nor text
// (Cranfield has two) is skipped, as the API would refuse it; no query can
// find it in any engine.
func (e *Engine) Index(ctx context.Context, docs []eval.Doc) error {
	articles := make([]corpus.Article, 0, len(docs))
	for _, d := range docs {
		if strings.TrimSpace(d.Title+d.Text) != "" {
			articles = append(articles, corpus.Article{ID: d.ID, Title: d.Title, Body: d.Text, Lang: d.Lang})
		}
	}
	if _, err := indexer.LoadArticles(ctx, e.eng.Index, articles); err != nil {
		return fmt.Errorf("index documents: %w", err)
	}
	return nil
}

// Search implements eval.Engine. A query the searcher refuses as malformed
// answers nothing, as the API would answer a 400, and is counted in
// Failures.
func (e *Engine) Search(ctx context.Context, q string, k int) ([]string, error) {
	res, err := e.searcher.Search(ctx, searcher.Request{Query: q, Size: k})
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
func (e *Engine) Close() error { return e.eng.Close() }
