package groonga

import (
	"context"
	"fmt"

	"github.com/sagasu-search/sagasu/lab/eval"
)

// Engine is a Server over a temporary folder as an eval.Engine. Once
// Index has returned, Search may be called from several goroutines.
type Engine struct {
	srv *Server
}

// New is NewWithOptions with the tokenizer and the default scorer, TFIDF.
func New(tokenizer string) (*Engine, error) {
	return NewWithOptions(Options{Tokenizer: tokenizer})
}

// NewWithOptions starts a server on an empty database in a new temporary
// folder (opts.Dir is ignored). Close stops it and removes the folder.
func NewWithOptions(opts Options) (*Engine, error) {
	opts.Dir = ""
	srv, err := Start(context.Background(), opts)
	if err != nil {
		return nil, err
	}
	return &Engine{srv: srv}, nil
}

// Name implements eval.Engine: the server's Name.
func (e *Engine) Name() string { return e.srv.Name() }

// Index implements eval.Engine: it loads the documents (title, and text
// as the body), then, the first time, builds the indexes over them.
func (e *Engine) Index(ctx context.Context, docs []eval.Doc) error {
	records := make([]Doc, len(docs))
	for i, d := range docs {
		records[i] = Doc{Key: d.ID, Title: d.Title, Body: d.Text}
	}
	if err := e.srv.Load(ctx, records); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return e.srv.BuildIndexes(ctx)
}

// Search implements eval.Engine: Ranked(q), best score first.
func (e *Engine) Search(ctx context.Context, q string, k int) ([]string, error) {
	return e.srv.Ranked(ctx, q, k)
}

// Close implements eval.Engine: it stops the server and removes its
// folder. Closing twice is harmless.
func (e *Engine) Close() error { return e.srv.Close() }
