package indexer

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/sagasu-search/sagasu/corpus"
)

// Accept normalizes a in place and checks it against the index's limits.
// It is the one rule an article passes to be indexed, on every path in:
// Put applies it to each article of a batch, the HTTP API to each article
// it decodes (to name the article's line), and a Loader to each record it
// reads (to name the file and line). The parsers in corpus leave an
// article's size to it.
func (ix *Index) Accept(a *corpus.Article) error {
	a.Normalize()
	return a.Validate(ix.opts.Limits)
}

// Limits returns the limits on an article's fields that Accept applies.
func (ix *Index) Limits() corpus.Limits { return ix.opts.Limits }

// BatchError reports which article of a batch was refused and why; the
// batch it belongs to was not indexed at all.
type BatchError struct {
	// Index is the article's 0-based position in the batch.
	Index int
	// ID is the article's ID, when it has one.
	ID  string
	Err error
}

func (e *BatchError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("article %d (id %q): %v", e.Index, e.ID, e.Err)
	}
	return fmt.Sprintf("article %d: %v", e.Index, e.Err)
}

func (e *BatchError) Unwrap() error { return e.Err }

// Prepare accepts (see Accept) and annotates articles for indexing, in
// place. It checks every article before any is indexed and returns a
// *BatchError for the first one that is refused or repeats an earlier ID.
// Entities are extracted on every core: extraction is the costliest part
// of preparing an article, and articles are independent. A cancelled ctx
// stops the extraction and is returned.
func (ix *Index) Prepare(ctx context.Context, articles []corpus.Article) error {
	return ix.prepare(ctx, articles, true)
}

// prepare is Prepare; accept false skips Accept for articles a Loader has
// accepted one by one already (normalizing and validating an article
// again costs allocations and a pass over its text, and changes nothing).
func (ix *Index) prepare(ctx context.Context, articles []corpus.Article, accept bool) error {
	seen := make(map[string]int, len(articles))
	for i := range articles {
		a := &articles[i]
		if accept {
			if err := ix.Accept(a); err != nil {
				return &BatchError{Index: i, ID: a.ID, Err: err}
			}
		}
		if j, dup := seen[a.ID]; dup {
			return &BatchError{Index: i, ID: a.ID, Err: fmt.Errorf("the same id as article %d", j)}
		}
		seen[a.ID] = i
	}
	if ix.opts.Annotator == nil {
		return nil
	}
	err := annotate(ctx, ix.opts.Annotator, articles)
	if err != nil {
		ix.afterWrite(ctx, Change{Put: articles}, err) // the annotator recorded pairs of a batch not written
	}
	return err
}

// annotate sets the entities of every article, spreading the articles over
// GOMAXPROCS goroutines. Each goroutine checks ctx before each article, so
// a cancelled ingest stops within one article's extraction per core.
func annotate(ctx context.Context, an Annotator, articles []corpus.Article) error {
	workers := min(runtime.GOMAXPROCS(0), len(articles))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(articles) && ctx.Err() == nil; i = int(next.Add(1)) - 1 {
				articles[i].Entities = an.Annotate(articles[i])
			}
		}()
	}
	wg.Wait()
	return ctxErr(ctx, "extract entities")
}
