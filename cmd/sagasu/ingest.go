package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// ingestBatch is how many articles go into one index batch: large enough to
// amortize a batch's sync to disk, small enough to bound memory.
const ingestBatch = 500

// ingestStats counts what an ingest did.
type ingestStats struct {
	Articles int
	Errors   int
	Elapsed  time.Duration
}

// rate returns articles per second.
func (s ingestStats) rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Articles) / s.Elapsed.Seconds()
}

// ingester feeds records into the index in batches, reporting bad input
// as file:line and progress every interval.
type ingester struct {
	ix       *indexer.Index
	log      io.Writer
	interval time.Duration
	batch    []corpus.Article
	ids      map[string]bool
	stats    ingestStats
	start    time.Time
	last     time.Time
}

func newIngester(ix *indexer.Index, log io.Writer) *ingester {
	now := time.Now()
	return &ingester{ix: ix, log: log, interval: 2 * time.Second, ids: map[string]bool{}, start: now, last: now}
}

// ingestPaths indexes every article under paths.
func ingestPaths(ctx context.Context, ix *indexer.Index, paths []string, log io.Writer) (ingestStats, error) {
	in := newIngester(ix, log)
	err := corpus.Walk(paths, func(rec corpus.Record) error { return in.add(ctx, rec) })
	return in.finish(ctx, err)
}

// ingestSeeds indexes the embedded seed articles.
func ingestSeeds(ctx context.Context, ix *indexer.Index, log io.Writer) (ingestStats, error) {
	in := newIngester(ix, log)
	err := corpus.WalkFS(corpus.SeedFS(), ".", func(rec corpus.Record) error { return in.add(ctx, rec) })
	return in.finish(ctx, err)
}

// add takes one record: a bad one is reported and counted, a good one
// joins the batch (which is flushed first if it holds the same ID).
func (in *ingester) add(ctx context.Context, rec corpus.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if rec.Err != nil {
		in.report(rec, rec.Err)
		return nil
	}
	a := rec.Article
	a.Normalize()
	if err := a.Validate(corpus.Limits{}); err != nil {
		in.report(rec, err)
		return nil
	}
	if in.ids[a.ID] || len(in.batch) >= ingestBatch {
		if err := in.flush(ctx); err != nil {
			return err
		}
	}
	in.batch = append(in.batch, a)
	in.ids[a.ID] = true
	return nil
}

func (in *ingester) report(rec corpus.Record, err error) {
	in.stats.Errors++
	if rec.Line > 0 {
		fmt.Fprintf(in.log, "%s:%d: %v\n", rec.File, rec.Line, err)
		return
	}
	fmt.Fprintf(in.log, "%s: %v\n", rec.File, err)
}

// flush indexes the batch and prints progress when it is due.
func (in *ingester) flush(ctx context.Context) error {
	if len(in.batch) == 0 {
		return nil
	}
	if err := in.ix.Put(ctx, in.batch); err != nil {
		return err
	}
	in.stats.Articles += len(in.batch)
	in.batch = in.batch[:0]
	clear(in.ids)
	if now := time.Now(); now.Sub(in.last) >= in.interval {
		in.last = now
		in.stats.Elapsed = now.Sub(in.start)
		fmt.Fprintf(in.log, "%s\n", in.stats.progress())
	}
	return nil
}

func (in *ingester) finish(ctx context.Context, walkErr error) (ingestStats, error) {
	if walkErr == nil {
		walkErr = in.flush(ctx)
	}
	in.stats.Elapsed = time.Since(in.start)
	return in.stats, walkErr
}

func (s ingestStats) progress() string {
	return fmt.Sprintf("%d articles, %.0f articles/s, %d errors", s.Articles, s.rate(), s.Errors)
}
