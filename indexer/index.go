// Package indexer stores articles in a Bleve index: the index mapping,
// opening and creating indexes, accepting articles, and ingest (batches,
// replacement, deletion, loading files).
//
// It is the one owner of accepting an article: Index.Accept normalizes an
// article and checks it against the index's limits, and every path in (the
// API, Put, and the Loader behind sagasu index, serve --corpus and the lab
// tools) goes through it. Each Put is one Bleve batch: it is applied whole
// or not at all, and it has been persisted and synced to disk when Put
// returns.
package indexer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/corpus"
)

// ErrNotFound is returned for an article ID the index does not hold.
var ErrNotFound = errors.New("article not found")

// internal keys under which the mapping version and the analyzer the
// index was built with are stored in the index.
var (
	mappingVersionKey = []byte("sagasu.mapping_version")
	analyzerKey       = []byte("sagasu.analyzer")
)

// Annotator finds the entities an article names, given its text and the
// entities it arrived with; *entity.Extractor is one.
type Annotator interface {
	Annotate(a corpus.Article) corpus.Entities
}

// Options configure an Index.
type Options struct {
	// Annotator fills each article's entities at ingest; nil keeps them as given.
	Annotator Annotator
	// Limits bound the size of an article's fields; zero fields mean corpus defaults.
	Limits corpus.Limits
	// Shards is how many shards a new index is created with (see
	// ShardOf); 0 or 1 makes one Bleve index, the layout of indexes
	// before issue 23. An existing index keeps the count it was created
	// with.
	Shards int
	// Analyzer names the variant of English analysis (analysis.Variant's
	// Name) the title and body are analyzed with; empty is the default,
	// analysis.Name. A new index records it; an existing one built with
	// another analyzer is refused.
	Analyzer string
	// NamePairs keeps the name pairs of the articles the index holds
	// (see NamePairs); nil keeps none.
	NamePairs NamePairs
}

// analyzer returns the analyzer o names, the default when empty, or an
// error for a name that is no variant.
func (o Options) analyzer() (string, error) {
	v, err := analysis.VariantNamed(o.Analyzer)
	if err != nil {
		return "", err
	}
	return v.Name(), nil
}

// Index is a Sagasu article index. It is safe for concurrent use.
type Index struct {
	bleve bleve.Index
	path  string
	opts  Options
	// writes orders the applying of batches and deletes, so that a
	// delete's check and its removal are one step: a batch landing between
	// them is not deleted, and two deletes of one article do not both
	// succeed. Analysis happens outside it.
	writes sync.Mutex
	// beforeBatch, when set (by tests), runs before each batch Apply
	// writes; its error fails the batch unwritten.
	beforeBatch func() error
	// shards are the shards of an index of several, each an Index of one
	// Bleve index; nil for an index of one, whose bleve is the index.
	// With shards, bleve is an alias over them.
	shards []*Index
	// log is the batch log of an index of several shards on disk.
	log *batchLog
}

// Open opens the index at path, creating it when path does not exist or is
// an empty folder. created reports whether it was created. Another process
// holding the index open makes Open fail after a short wait rather than block.
// The name pairs the index stores are set in opts.NamePairs (see NamePairs).
func Open(path string, opts Options) (*Index, bool, error) {
	ix, created, err := open(path, opts)
	if err != nil || created {
		return ix, created, err
	}
	if err := ix.loadNamePairs(context.Background()); err != nil {
		ix.Close()
		return nil, false, fmt.Errorf("open index %s: %w", path, err)
	}
	return ix, false, nil
}

// open is Open without loading the name pairs.
func open(path string, opts Options) (ix *Index, created bool, err error) {
	if opts.Shards < 0 || opts.Shards > MaxShards {
		return nil, false, fmt.Errorf("create index %s: %d shards: must be between 1 and %d", path, opts.Shards, MaxShards)
	}
	exists, err := indexExists(path)
	if err != nil {
		return nil, false, err
	}
	analyzer, err := opts.analyzer()
	if err != nil {
		return nil, false, fmt.Errorf("open index %s: %w", path, err)
	}
	m, sharded, err := readManifest(path)
	switch {
	case err != nil:
		return nil, false, err
	case sharded:
		ix, err = openSharded(path, m.Shards, analyzer, opts)
		return ix, false, err
	case exists:
		ix, err = openExisting(path, analyzer, opts)
		return ix, false, err
	case opts.Shards > 1:
		ix, err = createSharded(path, opts.Shards, opts)
		return ix, err == nil, err
	}
	b, err := bleve.NewUsing(path, newMappingWith(analyzer), scorch.Name, scorch.Name, scorchConfig())
	if err != nil {
		return nil, false, fmt.Errorf("create index %s: %w", path, err)
	}
	ix = &Index{bleve: b, path: path, opts: opts}
	if err := b.SetInternal(mappingVersionKey, []byte(MappingVersion)); err != nil {
		b.Close()
		return nil, false, fmt.Errorf("create index %s: store mapping version: %w", path, err)
	}
	if err := b.SetInternal(analyzerKey, []byte(analyzer)); err != nil {
		b.Close()
		return nil, false, fmt.Errorf("create index %s: store analyzer: %w", path, err)
	}
	return ix, true, nil
}

// NewInMemory returns an index that lives in memory only, for tests and
// throwaway evaluations. It uses the same scorch engine (and so BM25) as an
// index on disk.
func NewInMemory(opts Options) (*Index, error) {
	if opts.Shards > 1 {
		return newInMemorySharded(opts.Shards, opts)
	}
	analyzer, err := opts.analyzer()
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	b, err := bleve.NewUsing("", newMappingWith(analyzer), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create in-memory index: %w", err)
	}
	return &Index{bleve: b, opts: opts}, nil
}

func openExisting(path, analyzer string, opts Options) (*Index, error) {
	b, err := bleve.OpenUsing(path, scorchConfig())
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("open index %s: it is in use by another process (is sagasu serve running?)", path)
		}
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	v, err := b.GetInternal(mappingVersionKey)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: read mapping version: %w", path, err)
	}
	if string(v) != MappingVersion {
		b.Close()
		return nil, fmt.Errorf("open index %s: built with mapping version %q, this sagasu needs %q: "+
			"move the folder away and index the articles again", path, v, MappingVersion)
	}
	if err := checkAnalyzer(b, analyzer); err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return &Index{bleve: b, path: path, opts: opts}, nil
}

// checkAnalyzer fails unless b was built with analyzer. An index that
// records none was built before analyzers had variants, with the default.
func checkAnalyzer(b bleve.Index, analyzer string) error {
	v, err := b.GetInternal(analyzerKey)
	if err != nil {
		return fmt.Errorf("read analyzer: %w", err)
	}
	built := string(v)
	if built == "" {
		built = analysis.Name
	}
	if built != analyzer {
		return fmt.Errorf("built with analyzer %q, asked for %q: open it with analyzer %q, "+
			"or move the folder away and index the articles again", built, analyzer, built)
	}
	return nil
}

// scorchConfig makes a second process fail fast instead of waiting forever
// for the index's lock.
func scorchConfig() map[string]interface{} {
	return map[string]interface{}{"bolt_timeout": "2s"}
}

// Exists reports whether path holds an index, without creating anything:
// an absent path or an empty folder does not, and a non-empty folder
// without one is an error.
func Exists(path string) (bool, error) { return indexExists(path) }

// indexExists reports whether path holds an index; an absent path or an
// empty folder does not, and a non-empty folder without one is an error.
func indexExists(path string) (bool, error) {
	entries, err := os.ReadDir(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("open index %s: %w", path, err)
	}
	if len(entries) == 0 {
		return false, nil
	}
	if _, err := os.Stat(filepath.Join(path, ManifestFile)); err == nil {
		return true, nil
	}
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		return false, fmt.Errorf("open index %s: the folder is not empty and holds no index", path)
	}
	return true, nil
}

// Analyzer returns the name of the analyzer the index's title and body
// are analyzed with (an analysis.Variant's Name).
func (ix *Index) Analyzer() string {
	return ix.bleve.Mapping().AnalyzerNameForPath(FieldBody)
}

// Bleve returns the underlying Bleve index, for searching: for an index of
// several shards, a bleve.IndexAlias over them, whose searches merge the
// shards' hits and facets but score each shard by its own statistics and
// trim each shard's facets to the size asked before summing (Bleve's
// #172). Package searcher ranks across shards exactly with Shards.
func (ix *Index) Bleve() bleve.Index { return ix.bleve }

// Path returns the index folder, empty for an in-memory index.
func (ix *Index) Path() string { return ix.path }

// Close closes the index, waiting for background merges to stop.
func (ix *Index) Close() error {
	if ix.shards != nil {
		var first error
		for _, s := range ix.shards {
			if err := s.Close(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	if err := ix.bleve.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.path, err)
	}
	return nil
}

// Count returns the number of articles in the index.
func (ix *Index) Count(ctx context.Context) (uint64, error) {
	if err := ctxErr(ctx, "count articles"); err != nil {
		return 0, err
	}
	n, err := ix.bleve.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// DiskSize returns the bytes the index folder takes on disk, 0 in memory.
func (ix *Index) DiskSize(ctx context.Context) (int64, error) {
	if ix.path == "" {
		return 0, nil
	}
	return FolderSize(ctx, ix.path)
}

// FolderSize returns the bytes of the files under path, such as an index
// or a backup of one. A cancelled ctx stops the walk.
func FolderSize(ctx context.Context, path string) (int64, error) {
	var size int64
	err := filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			size += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", path, err)
	}
	return size, nil
}

// ctxErr wraps a cancelled context's error with what was being done.
func ctxErr(ctx context.Context, what string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
