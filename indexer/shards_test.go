package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// shardArticles returns n small articles with IDs a0, a1, ….
func shardArticles(n int) []corpus.Article {
	out := make([]corpus.Article, n)
	for i := range out {
		out[i] = corpus.Article{ID: fmt.Sprintf("a%d", i), Title: fmt.Sprintf("Harbour %d", i), Body: "Boats in the harbour."}
	}
	return out
}

// TestShardOfIsStable pins the routing: an index written by one version
// must route an ID to the same shard in the next (RoutingVersion).
func TestShardOfIsStable(t *testing.T) {
	for _, c := range []struct {
		id   string
		n    int
		want int
	}{{"a0", 1, 0}, {"a0", 3, 2}, {"a1", 3, 1}, {"a2", 3, 0}, {"bbc-2024-001", 4, 3}, {"", 3, 1}} {
		if got := ShardOf(c.id, c.n); got != c.want {
			t.Errorf("ShardOf(%q, %d) = %d, want %d", c.id, c.n, got, c.want)
		}
	}
}

// TestShardedIndexOnDisk checks that an index of three shards keeps its
// count across reopening, spreads the articles, and gets, counts,
// deletes, records digests and backs up across its shards.
func TestShardedIndexOnDisk(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	ix, created, err := Open(dir, Options{Shards: 3})
	if err != nil || !created {
		t.Fatalf("create: %v, created %v", err, created)
	}
	c := Change{Put: shardArticles(30), Digests: map[string]string{"/corpus/x.jsonl": "d1"}}
	if err := ix.Apply(ctx, c); err != nil {
		t.Fatal(err)
	}
	for i, s := range ix.Shards() {
		if n, _ := s.Count(ctx); n == 0 || n == 30 {
			t.Errorf("shard %d holds %d of 30 articles; want some, not all", i, n)
		}
	}
	if err := ix.DeleteMany(ctx, []string{"a1", "a2", "nope"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteMany with a missing id: %v, want ErrNotFound", err)
	}
	if err := ix.DeleteMany(ctx, []string{"a1", "a2"}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(ctx, "a3"); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(ctx, "a3"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete of a3: %v, want ErrNotFound", err)
	}
	backup := filepath.Join(t.TempDir(), "backup")
	if err := ix.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	for _, path := range []string{dir, backup} {
		re, created, err := Open(path, Options{}) // no Shards: the manifest decides
		if err != nil || created {
			t.Fatalf("reopen %s: %v, created %v", path, err, created)
		}
		if len(re.Shards()) != 3 {
			t.Errorf("%s reopened with %d shards, want 3", path, len(re.Shards()))
		}
		if n, _ := re.Count(ctx); n != 27 {
			t.Errorf("%s holds %d articles, want 27", path, n)
		}
		if a, err := re.Get(ctx, "a7"); err != nil || a.Title != "Harbour 7" {
			t.Errorf("%s: get a7 = %q, %v", path, a.Title, err)
		}
		if d, _ := re.FileDigest("/corpus/x.jsonl"); d != "d1" {
			t.Errorf("%s: digest %q, want d1", path, d)
		}
		re.Close()
	}
}

// TestShardedBatchIsAtomic checks the batch log: a batch that one shard
// fails after the others applied theirs is, after a crash (the index
// closed without the batch completed), visible whole when the index is
// opened again; an entry whose writing was cut off is not applied.
func TestShardedBatchIsAtomic(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	ix, _, err := Open(dir, Options{Shards: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(ctx, shardArticles(3)); err != nil {
		t.Fatal(err)
	}
	fault := errors.New("disk full")
	ix.Shards()[1].beforeBatch = func() error { return fault }
	batch := shardArticles(40)[3:]
	if err := ix.Put(ctx, batch); !errors.Is(err, fault) {
		t.Fatalf("put with shard 1 failing: %v, want the fault", err)
	}
	if n, _ := ix.Shards()[1].Count(ctx); n != 1 {
		t.Fatalf("shard 1 holds %d articles after its batch failed, want its 1 of before", n)
	}
	ix.Close() // the crash: the batch is in the log, shard 1 lacks its part
	// A second entry cut off while it was written: a temporary file.
	cut := filepath.Join(dir, batchLogDir, ".tmp-"+entryName(99))
	if err := os.WriteFile(cut, []byte(`{"change":{"Put":[{"id":"ghost"`), 0o644); err != nil {
		t.Fatal(err)
	}
	re, _, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	if n, _ := re.Count(ctx); n != 40 {
		t.Errorf("after reopening, %d articles, want all 40", n)
	}
	for _, a := range batch {
		if _, err := re.Get(ctx, a.ID); err != nil {
			t.Errorf("after reopening, %s: %v", a.ID, err)
		}
	}
	if _, err := re.Get(ctx, "ghost"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the cut-off entry's article: %v, want ErrNotFound", err)
	}
	if seqs, _ := re.log.pending(); len(seqs) != 0 {
		t.Errorf("log entries left after replay: %v", seqs)
	}
}

// TestShardedIndexChecksAnalyzer checks that every shard of a new index
// is built with the analyzer asked for, and that reopening it with
// another is refused, as for one index.
func TestShardedIndexChecksAnalyzer(t *testing.T) {
	dir := t.TempDir()
	ix, created, err := Open(dir, Options{Shards: 3, Analyzer: "sagasu_none"})
	if err != nil || !created {
		t.Fatalf("create: created %v, err %v", created, err)
	}
	for i, s := range ix.Shards() {
		if s.Analyzer() != "sagasu_none" {
			t.Errorf("shard %d: Analyzer() = %q, want sagasu_none", i, s.Analyzer())
		}
	}
	ix.Close()
	if ix, _, err := Open(dir, Options{}); err == nil {
		ix.Close()
		t.Fatal("reopened with the default analyzer: want an error")
	} else if !strings.Contains(err.Error(), `built with analyzer "sagasu_none", asked for "sagasu"`) {
		t.Errorf("error %q does not name both analyzers", err)
	}
	ix, _, err = Open(dir, Options{Analyzer: "sagasu_none"})
	if err != nil {
		t.Fatalf("reopen with its analyzer: %v", err)
	}
	ix.Close()
}

// TestShardedIndexKeepsInternalKeys checks that a change's internal keys
// (the applied sequence a cluster node records) are written with the
// batch on an index of several shards, and removed by a nil value.
func TestShardedIndexKeepsInternalKeys(t *testing.T) {
	ctx := context.Background()
	ix, _, err := Open(t.TempDir(), Options{Shards: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	put := []corpus.Article{{ID: "k1", Title: "Internal keys", Body: "A batch with a sequence.", Lang: "en"}}
	if err := ix.Apply(ctx, Change{Put: put, Internal: map[string][]byte{"seq": []byte("42")}}); err != nil {
		t.Fatalf("apply: %v", err)
	}
	if v, err := ix.Internal("seq"); err != nil || string(v) != "42" {
		t.Fatalf("Internal(seq) = %q, %v; want 42", v, err)
	}
	if err := ix.Apply(ctx, Change{Internal: map[string][]byte{"seq": nil}}); err != nil {
		t.Fatalf("apply removal: %v", err)
	}
	if v, err := ix.Internal("seq"); err != nil || v != nil {
		t.Fatalf("Internal(seq) after removal = %q, %v; want nil", v, err)
	}
}
