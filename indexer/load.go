package indexer

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
)

// LoadBatch is how many articles a Loader puts in one batch: large enough
// to amortize a batch's sync to disk, small enough to bound memory.
const LoadBatch = 500

// LoadStats counts what a load did.
type LoadStats struct {
	// Articles is how many articles were indexed.
	Articles int
	// Errors is how many records were refused (reported to the log).
	Errors int
	// Elapsed is the time the load took.
	Elapsed time.Duration
}

// Rate returns articles indexed per second.
func (s LoadStats) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Articles) / s.Elapsed.Seconds()
}

// String says how many articles, how fast, and how many errors.
func (s LoadStats) String() string {
	return fmt.Sprintf("%d articles, %.0f articles/s, %d errors", s.Articles, s.Rate(), s.Errors)
}

// Loader feeds records read from files into an index in batches of
// LoadBatch: each record is accepted on its own (Index.Accept), so a bad
// one is reported to the log as file:line and counted while the rest are
// indexed. A record whose ID is already in the pending batch flushes the
// batch first, so the later article replaces the earlier one. Progress is
// written to the log every two seconds. A Loader is not safe for
// concurrent use.
type Loader struct {
	ix       *Index
	log      io.Writer
	interval time.Duration
	batch    []corpus.Article
	ids      map[string]bool
	stats    LoadStats
	start    time.Time
	last     time.Time
}

// NewLoader returns a Loader into ix that reports to log.
func NewLoader(ix *Index, log io.Writer) *Loader {
	now := time.Now()
	return &Loader{ix: ix, log: log, interval: 2 * time.Second, ids: map[string]bool{}, start: now, last: now}
}

// LoadPaths indexes every article under paths (see corpus.Walk).
func LoadPaths(ctx context.Context, ix *Index, paths []string, log io.Writer) (LoadStats, error) {
	l := NewLoader(ix, log)
	err := corpus.Walk(paths, func(rec corpus.Record) error { return l.Add(ctx, rec) })
	return l.Finish(ctx, err)
}

// LoadFS indexes every article under root in fsys, such as the embedded
// seeds (corpus.SeedFS).
func LoadFS(ctx context.Context, ix *Index, fsys fs.FS, root string, log io.Writer) (LoadStats, error) {
	l := NewLoader(ix, log)
	err := corpus.WalkFS(fsys, root, func(rec corpus.Record) error { return l.Add(ctx, rec) })
	return l.Finish(ctx, err)
}

// LoadArticles indexes articles in batches as a Loader does, but fails at
// the first one the index refuses: for callers whose articles are known
// good (tests, benchmarks, evaluations), which must not lose one silently.
func LoadArticles(ctx context.Context, ix *Index, articles []corpus.Article) (LoadStats, error) {
	l := NewLoader(ix, io.Discard)
	for i := range articles {
		a := articles[i]
		if err := ix.Accept(&a); err != nil {
			return l.stats, fmt.Errorf("article %d (id %q): %w", i, a.ID, err)
		}
		if err := l.Add(ctx, corpus.Record{Article: a}); err != nil {
			return l.Finish(ctx, err)
		}
	}
	return l.Finish(ctx, nil)
}

// Add takes one record: a record with an error, or an article the index
// does not accept, is reported and counted; a good one joins the batch.
// It returns an error only when indexing fails or ctx is cancelled.
func (l *Loader) Add(ctx context.Context, rec corpus.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if rec.Err != nil {
		l.report(rec, rec.Err)
		return nil
	}
	a := rec.Article
	if err := l.ix.Accept(&a); err != nil {
		l.report(rec, err)
		return nil
	}
	if l.ids[a.ID] || len(l.batch) >= LoadBatch {
		if err := l.flush(ctx); err != nil {
			return err
		}
	}
	l.batch = append(l.batch, a)
	l.ids[a.ID] = true
	return nil
}

// report writes a refused record to the log as file:line: error.
func (l *Loader) report(rec corpus.Record, err error) {
	l.stats.Errors++
	if rec.Line > 0 {
		fmt.Fprintf(l.log, "%s:%d: %v\n", rec.File, rec.Line, err)
		return
	}
	fmt.Fprintf(l.log, "%s: %v\n", rec.File, err)
}

// flush indexes the batch and writes progress when it is due.
func (l *Loader) flush(ctx context.Context) error {
	if len(l.batch) == 0 {
		return nil
	}
	if err := l.ix.Put(ctx, l.batch); err != nil {
		return err
	}
	l.stats.Articles += len(l.batch)
	l.batch = l.batch[:0]
	clear(l.ids)
	if now := time.Now(); now.Sub(l.last) >= l.interval {
		l.last = now
		l.stats.Elapsed = now.Sub(l.start)
		fmt.Fprintf(l.log, "%s\n", l.stats)
	}
	return nil
}

// Finish indexes what is pending unless walkErr (the error that ended the
// reading, if any) is set, and returns the counts and the first error.
func (l *Loader) Finish(ctx context.Context, walkErr error) (LoadStats, error) {
	if walkErr == nil {
		walkErr = l.flush(ctx)
	}
	l.stats.Elapsed = time.Since(l.start)
	return l.stats, walkErr
}
