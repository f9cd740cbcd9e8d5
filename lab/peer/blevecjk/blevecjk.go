// Package blevecjk evaluates plain Bleve with its built-in "cjk" analyzer
// (character bigrams of CJK text, as Elasticsearch's cjk analyzer): the
// baseline Sagasu's Japanese analysis must beat. Documents have one text
// field; a query is a match query whose terms are alternatives, ranked by
// BM25.
package blevecjk

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/sagasu-search/sagasu/lab/eval"
)

// Engine is Bleve with the cjk analyzer as an eval.Engine.
type Engine struct {
	index bleve.Index
}

// New returns an empty in-memory index scored with BM25.
func New() (*Engine, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = cjk.AnalyzerName
	m.ScoringModel = "bm25"
	doc := bleve.NewDocumentMapping()
	text := mapping.NewTextFieldMapping()
	text.Analyzer = cjk.AnalyzerName
	text.Store = false
	doc.AddFieldMappingsAt("text", text)
	m.DefaultMapping = doc
	ix, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create cjk index: %w", err)
	}
	return &Engine{index: ix}, nil
}

// Name implements eval.Engine.
func (e *Engine) Name() string { return "bleve-cjk" }

// Index implements eval.Engine: the title and text, as one field.
func (e *Engine) Index(ctx context.Context, docs []eval.Doc) error {
	b := e.index.NewBatch()
	for i, d := range docs {
		text := d.Text
		if d.Title != "" {
			text = d.Title + "\n" + text
		}
		if err := b.Index(d.ID, map[string]string{"text": text}); err != nil {
			return fmt.Errorf("index %s: %w", d.ID, err)
		}
		if b.Size() >= 500 || i == len(docs)-1 {
			if err := e.index.Batch(b); err != nil {
				return fmt.Errorf("index batch: %w", err)
			}
			b.Reset()
		}
	}
	return nil
}

// Search implements eval.Engine.
func (e *Engine) Search(ctx context.Context, q string, k int) ([]string, error) {
	mq := bleve.NewMatchQuery(q)
	mq.SetField("text")
	req := bleve.NewSearchRequestOptions(mq, k, 0, false)
	res, err := e.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// Close implements eval.Engine.
func (e *Engine) Close() error { return e.index.Close() }
