package fts5

import (
	"context"
	"fmt"

	"github.com/sagasu-search/sagasu/lab/eval"
)

// Engine is a DB in a temporary directory as an eval.Engine. It is not
// safe for concurrent use.
type Engine struct {
	db *DB
}

// New creates an empty database tokenized by tokenizer, Porter or
// Trigram, in a new temporary directory that Close removes.
func New(tokenizer string) (*Engine, error) {
	if tokenizer == "" {
		return nil, fmt.Errorf("fts5: no tokenizer (want %q or %q)", Porter, Trigram)
	}
	db, err := Open(context.Background(), Options{Tokenizer: tokenizer})
	if err != nil {
		return nil, err
	}
	return &Engine{db: db}, nil
}

// Name implements eval.Engine: "sqlite-fts5 (" + the tokenizer + ")".
func (e *Engine) Name() string { return "sqlite-fts5 (" + e.db.Tokenizer() + ")" }

// Index implements eval.Engine: it inserts every document (title, and
// text as the body) in one transaction, then finishes the load.
func (e *Engine) Index(ctx context.Context, docs []eval.Doc) error {
	articles := make([]Article, len(docs))
	for i, d := range docs {
		articles[i] = Article{ID: d.ID, Title: d.Title, Body: d.Text, Lang: d.Lang}
	}
	if err := e.db.Insert(ctx, articles); err != nil {
		return err
	}
	return e.db.Finish(ctx)
}

// Search implements eval.Engine: the documents that match Query(q), best
// bm25 first (see DB.Ranked). A query without a usable word finds nothing.
func (e *Engine) Search(ctx context.Context, q string, k int) ([]string, error) {
	ids, err := e.db.Ranked(ctx, Query(q, e.db.Tokenizer() == Trigram), k)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	return ids, nil
}

// Close implements eval.Engine: it closes the database and removes its
// directory. Closing twice is harmless.
func (e *Engine) Close() error { return e.db.Close() }
