package indexer

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
)

// LoadBatch is how many articles a Loader puts in one batch for each shard
// of the index: large enough to amortize a batch's sync to disk, small
// enough to bound memory. Each shard's part of a batch becomes a segment;
// an index of two shards fed batches of 500 built segments of 250 and
// spent 2.3 times the CPU merging them (BENCHMARKS.md, "Shards").
const LoadBatch = 500

// LoadStats counts what a load did.
type LoadStats struct {
	// Articles is how many articles were indexed.
	Articles int
	// Errors is how many records were refused (reported to the log).
	Errors int
	// Warnings is how many warnings files gave whose articles were read
	// all the same (reported to the log; see corpus.Record.Warnings).
	Warnings int
	// Skipped is how many files and folders a walk passed over (hidden,
	// or not article files), each named in the log.
	Skipped int
	// Unchanged is how many files were skipped because their digest
	// matched the one recorded when they were last indexed.
	Unchanged int
	// Removed is how many articles of files that are gone were deleted
	// (LoadOptions.Sync).
	Removed int
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

// String says how many articles, how fast, how many errors, and how many
// files were unchanged and articles removed when there were any.
func (s LoadStats) String() string {
	out := fmt.Sprintf("%d articles, %.0f articles/s, %d errors", s.Articles, s.Rate(), s.Errors)
	if s.Warnings > 0 {
		out += fmt.Sprintf(", %d warnings (listed above)", s.Warnings)
	}
	if s.Unchanged > 0 {
		out += fmt.Sprintf(", %d unchanged files skipped", s.Unchanged)
	}
	if s.Skipped > 0 {
		out += fmt.Sprintf(", %d files not article files or hidden (listed above)", s.Skipped)
	}
	if s.Removed > 0 {
		out += fmt.Sprintf(", %d articles of removed files deleted", s.Removed)
	}
	return out
}

// LoadOptions adjust LoadPathsWith.
type LoadOptions struct {
	// Sync also deletes the articles read from files under the paths that
	// are gone (see Loader.Sync).
	Sync bool
}

// Loader feeds records read from files into an index in batches of
// LoadBatch articles per shard: each record is accepted on its own (Index.Accept), so a bad
// one is reported to the log as file:line and counted while the rest are
// indexed. A record whose ID is already in the pending batch flushes the
// batch first, so the later article replaces the earlier one. Progress is
// written to the log every two seconds. A Loader is not safe for
// concurrent use.
//
// Files on disk are tracked (see Open): a file whose digest matches the
// one the index recorded is skipped; an edited one replaces its articles,
// and its articles no longer in it are deleted. A file's digest is
// recorded in the batch that holds its last article, so a crash never
// leaves a digest for articles that are not indexed.
type Loader struct {
	ix       *Index
	log      io.Writer
	interval time.Duration
	batch    []corpus.Article
	from     []string
	ids      map[string]bool
	pending  pendingChange
	files    fileTracker
	stats    LoadStats
	start    time.Time
	last     time.Time
	writing  chan error // the result of the batch being written, nil for none
	writingN int        // the articles of that batch
}

// pendingChange is what the next batch does besides indexing articles.
type pendingChange struct {
	deletes map[string]bool   // IDs of articles gone from their files
	digests map[string]string // digests to record, by path
}

// NewLoader returns a Loader into ix that reports to log.
func NewLoader(ix *Index, log io.Writer) *Loader {
	now := time.Now()
	return &Loader{ix: ix, log: log, interval: 2 * time.Second, ids: map[string]bool{}, start: now, last: now,
		pending: pendingChange{deletes: map[string]bool{}, digests: map[string]string{}}, files: newFileTracker()}
}

// LoadPaths indexes every article under paths (see corpus.Walk), skipping
// unchanged files (see Loader).
func LoadPaths(ctx context.Context, ix *Index, paths []string, log io.Writer) (LoadStats, error) {
	return LoadPathsWith(ctx, ix, paths, LoadOptions{}, log)
}

// LoadPathsWith is LoadPaths with options.
func LoadPathsWith(ctx context.Context, ix *Index, paths []string, opts LoadOptions, log io.Writer) (LoadStats, error) {
	l := NewLoader(ix, log)
	open := func(f corpus.File) (bool, error) { return l.Open(ctx, f) }
	err := corpus.WalkWith(paths, corpus.WalkOptions{Open: open},
		func(rec corpus.Record) error { return l.Add(ctx, rec) })
	if err == nil {
		err = l.endFile(ctx)
	}
	if err == nil && opts.Sync {
		err = l.Sync(ctx, paths)
	}
	return l.Finish(ctx, err)
}

// LoadFS indexes every article under root in fsys, such as the embedded
// seeds (corpus.SeedFS). Files in an fs.FS are not tracked.
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
		if err := ctx.Err(); err != nil {
			return l.Finish(ctx, err)
		}
		if err := l.addAccepted(ctx, a, ""); err != nil {
			return l.Finish(ctx, err)
		}
	}
	return l.Finish(ctx, nil)
}

// Add takes one record: a record with an error, or an article the index
// does not accept, is reported and counted; a good one joins the batch,
// its warnings reported and counted.
// It returns an error only when indexing fails or ctx is cancelled.
func (l *Loader) Add(ctx context.Context, rec corpus.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if rec.Err != nil {
		l.report(rec, rec.Err)
		return nil
	}
	if rec.Skipped != "" {
		l.stats.Skipped++
		fmt.Fprintf(l.log, "%s: skipped: %s\n", rec.File, rec.Skipped)
		return nil
	}
	for _, w := range rec.Warnings {
		l.stats.Warnings++
		fmt.Fprintf(l.log, "%s: warning: %s\n", rec.File, w)
	}
	a := rec.Article
	if err := l.ix.Accept(&a); err != nil {
		l.report(rec, err)
		return nil
	}
	return l.addAccepted(ctx, a, rec.Path)
}

// addAccepted adds article a, which Index.Accept has accepted, read from
// the file path ("" for none), to the batch.
func (l *Loader) addAccepted(ctx context.Context, a corpus.Article, path string) error {
	if l.ids[a.ID] || len(l.batch) >= LoadBatch*len(l.ix.Shards()) {
		if err := l.flush(ctx); err != nil {
			return err
		}
	}
	l.batch = append(l.batch, a)
	l.from = append(l.from, path)
	l.ids[a.ID] = true
	l.files.indexed(a.ID, path)
	delete(l.pending.deletes, a.ID)
	return nil
}

// report writes a refused record to the log as file:line: error.
func (l *Loader) report(rec corpus.Record, err error) {
	l.stats.Errors++
	l.files.failed(rec)
	if rec.Line > 0 {
		fmt.Fprintf(l.log, "%s:%d: %v\n", rec.File, rec.Line, err)
		return
	}
	fmt.Fprintf(l.log, "%s: %v\n", rec.File, err)
}

// flush hands the batch to the index: its articles are prepared
// (Index.Prepare: entities extracted, on every core) while the previous
// batch is still being written, and it is written in the background once
// that one is on disk. Writing a batch leaves cores idle (Bleve builds a
// segment on one, then syncs), which the next batch's extraction uses.
// Batches are written in order, and none after one that failed.
func (l *Loader) flush(ctx context.Context) error {
	c := Change{Put: l.batch, From: l.from, Digests: l.pending.digests}
	for id := range l.pending.deletes {
		c.Delete = append(c.Delete, id)
	}
	if c.empty() {
		return l.wait()
	}
	if err := l.ix.prepare(ctx, c.Put, false); err != nil { // Add accepted each article
		l.wait()
		return err
	}
	if err := l.wait(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- l.ix.applyPrepared(ctx, c) }()
	l.writing, l.writingN = done, len(c.Put)
	l.batch, l.from = nil, nil
	clear(l.ids)
	clear(l.pending.deletes)
	l.pending.digests = map[string]string{}
	if now := time.Now(); now.Sub(l.last) >= l.interval {
		l.last = now
		l.stats.Elapsed = now.Sub(l.start)
		fmt.Fprintf(l.log, "%s\n", l.stats)
	}
	return nil
}

// wait waits for the batch being written, if any, counts its articles
// when it is on disk, and returns its error.
func (l *Loader) wait() error {
	if l.writing == nil {
		return nil
	}
	err := <-l.writing
	l.writing = nil
	if err == nil {
		l.stats.Articles += l.writingN
	}
	return err
}

// Finish indexes what is pending unless walkErr (the error that ended the
// reading, if any) is set, waits for the batch being written, and returns
// the counts and the first error.
func (l *Loader) Finish(ctx context.Context, walkErr error) (LoadStats, error) {
	if walkErr == nil {
		walkErr = l.flush(ctx)
	}
	if err := l.wait(); walkErr == nil {
		walkErr = err
	}
	l.stats.Elapsed = time.Since(l.start)
	return l.stats, walkErr
}
