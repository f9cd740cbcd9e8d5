package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/sagasu-search/sagasu/internal/fsync"
)

// ManifestFile is the file, at the top of a sharded index's folder, that
// records how many shards the index has and how articles are routed to
// them. A folder with index_meta.json instead is one Bleve index, the
// layout before issue 23, and still opens as one shard.
const ManifestFile = "sagasu-shards.json"

// RoutingVersion names the routing of articles to shards: ShardOf. A
// manifest with another routing is refused rather than misread.
const RoutingVersion = "fnv1a32-mod-1"

// MaxShards bounds the shards an index may be created with.
const MaxShards = 64

// manifest is the content of ManifestFile.
type manifest struct {
	Shards  int    `json:"shards"`
	Routing string `json:"routing"`
}

// ShardOf returns the shard, of n, that holds the article with the given
// ID: FNV-1a (32 bits) of the ID modulo n. It is a function of the ID
// alone, so that every writer (this process, or a cluster's nodes) routes
// an article to the same shard.
func ShardOf(id string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(n))
}

// shardDir is the folder of shard i under the index folder path.
func shardDir(path string, i int) string { return filepath.Join(path, fmt.Sprintf("shard-%02d", i)) }

// Shards returns the shards of ix, in routing order: ix itself for an
// index of one shard. Each shard is an Index of one Bleve index; a search
// runs on every shard (see package searcher) and a write goes through ix.
func (ix *Index) Shards() []*Index {
	if ix.shards == nil {
		return []*Index{ix}
	}
	return ix.shards
}

// Mapping returns the index mapping, the same for every shard.
func (ix *Index) Mapping() mapping.IndexMapping { return ix.Shards()[0].bleve.Mapping() }

// digests returns the shard that records file digests: the first.
func (ix *Index) digests() bleve.Index { return ix.Shards()[0].bleve }

// readManifest reads the manifest of the index folder path; ok is false
// when there is none.
func readManifest(path string) (m manifest, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(path, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("open index %s: %w", path, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, false, fmt.Errorf("open index %s: read %s: %w", path, ManifestFile, err)
	}
	if m.Routing != RoutingVersion || m.Shards < 1 || m.Shards > MaxShards {
		return m, false, fmt.Errorf("open index %s: %s names %d shards routed by %q; this sagasu routes by %q to at most %d",
			path, ManifestFile, m.Shards, m.Routing, RoutingVersion, MaxShards)
	}
	return m, true, nil
}

// createSharded creates an index of n shards in the absent or empty
// folder path: the shards first, the manifest last, so that a folder
// with a manifest has all its shards.
func createSharded(path string, n int, opts Options) (*Index, error) {
	shards := make([]*Index, 0, n)
	closeAll := func() {
		for _, s := range shards {
			s.Close()
		}
	}
	for i := 0; i < n; i++ {
		s, _, err := Open(shardDir(path, i), Options{Annotator: opts.Annotator, Limits: opts.Limits, Analyzer: opts.Analyzer})
		if err != nil {
			closeAll()
			return nil, err
		}
		shards = append(shards, s)
	}
	b, err := json.Marshal(manifest{Shards: n, Routing: RoutingVersion})
	if err == nil {
		err = writeSynced(filepath.Join(path, ManifestFile), b)
	}
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("create index %s: write %s: %w", path, ManifestFile, err)
	}
	return assemble(path, shards, opts)
}

// openSharded opens the n shards of the index at path and replays the
// batches its log holds (see batchLog).
func openSharded(path string, n int, analyzer string, opts Options) (*Index, error) {
	shards := make([]*Index, 0, n)
	for i := 0; i < n; i++ {
		s, err := openExisting(shardDir(path, i), analyzer, opts)
		if err != nil {
			for _, o := range shards {
				o.Close()
			}
			return nil, err
		}
		shards = append(shards, s)
	}
	ix, err := assemble(path, shards, opts)
	if err != nil {
		return nil, err
	}
	if err := ix.replay(context.Background()); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// assemble makes one Index of shards: the alias over them answers the
// Bleve() callers that need no exact global scoring (see Bleve).
func assemble(path string, shards []*Index, opts Options) (*Index, error) {
	alias := bleve.NewIndexAlias()
	for _, s := range shards {
		alias.Add(s.bleve)
	}
	alias.SetIndexMapping(shards[0].bleve.Mapping())
	ix := &Index{bleve: alias, path: path, opts: opts, shards: shards}
	if path != "" {
		ix.log = &batchLog{dir: filepath.Join(path, batchLogDir)}
		if err := os.MkdirAll(ix.log.dir, 0o755); err != nil {
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
	}
	return ix, nil
}

// newInMemorySharded returns an index of n shards in memory, for tests.
func newInMemorySharded(n int, opts Options) (*Index, error) {
	shards := make([]*Index, n)
	for i := range shards {
		s, err := NewInMemory(Options{Annotator: opts.Annotator, Limits: opts.Limits, Analyzer: opts.Analyzer})
		if err != nil {
			return nil, err
		}
		shards[i] = s
	}
	return assemble("", shards, opts)
}

// split returns the part of c each of n shards applies: articles and
// deletes by ShardOf, file digests and other internal keys in the first
// shard (see digests).
func split(c Change, n int) []Change {
	parts := make([]Change, n)
	for i, a := range c.Put {
		s := ShardOf(a.ID, n)
		parts[s].Put = append(parts[s].Put, a)
		from := ""
		if i < len(c.From) {
			from = c.From[i]
		}
		parts[s].From = append(parts[s].From, from)
	}
	for _, id := range c.Delete {
		s := ShardOf(id, n)
		parts[s].Delete = append(parts[s].Delete, id)
	}
	for i := range parts {
		parts[i].NamePairs = c.NamePairs
	}
	parts[0].Digests = c.Digests
	parts[0].Internal = c.Internal
	return parts
}

// applyShards applies each shard's part of c, prepared, in parallel, and
// returns the first error.
func (ix *Index) applyShards(ctx context.Context, c Change) error {
	parts := split(c, len(ix.shards))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		if p.empty() {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := ix.shards[i]
			s.writes.Lock()
			defer s.writes.Unlock()
			errs[i] = s.write(ctx, p)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("shard %d: %w", i, err)
		}
	}
	return nil
}

// writeSynced writes b to the file path and syncs it and its folder.
func writeSynced(path string, b []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return fsync.Path(filepath.Dir(path))
}
