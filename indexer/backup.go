package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/internal/fsync"
)

// Backup copies the index, while it keeps serving reads and writes, to the
// folder dest, which must not exist yet. The copy is a consistent snapshot
// (every batch acknowledged before Backup started is in it, none is in it
// half) that Open opens like the original. It is written to a temporary
// folder beside dest and renamed into place when complete, so dest either
// holds a whole index or does not exist.
func (ix *Index) Backup(ctx context.Context, dest string) error {
	if ix.path == "" {
		return errors.New("back up index: an in-memory index has no files to copy")
	}
	if err := ctxErr(ctx, "back up index"); err != nil {
		return err
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("back up index to %s: it already exists; choose a new folder", dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("back up index to %s: %w", dest, err)
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("back up index to %s: %w", dest, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".partial-")
	if err != nil {
		return fmt.Errorf("back up index to %s: %w", dest, err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if err := ix.copyTo(tmp); err != nil {
		return fmt.Errorf("back up index to %s: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("back up index to %s: %w", dest, err)
	}
	return fsync.Path(parent)
}

// copyTo writes a snapshot of the index into the empty folder dir and
// syncs its files.
func (ix *Index) copyTo(dir string) error {
	if ix.shards != nil {
		return ix.copyShardsTo(dir)
	}
	c, ok := ix.bleve.(bleve.IndexCopyable)
	if !ok {
		return errors.New("this index cannot be copied online")
	}
	if err := c.CopyTo(bleve.FileSystemDirectory(dir)); err != nil {
		return err
	}
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return fsync.Path(path)
	})
}

// copyShardsTo writes a snapshot of every shard, and the manifest, into
// the empty folder dir. Writes wait meanwhile, so that the shards' copies
// hold the same batches (a batch still in the log is replayed first).
func (ix *Index) copyShardsTo(dir string) error {
	ix.writes.Lock()
	defer ix.writes.Unlock()
	if err := ix.replay(context.Background()); err != nil {
		return err
	}
	for i, s := range ix.shards {
		d := shardDir(dir, i)
		if err := os.Mkdir(d, 0o755); err != nil {
			return err
		}
		if err := s.copyTo(d); err != nil {
			return fmt.Errorf("shard %d: %w", i, err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, batchLogDir), 0o755); err != nil {
		return err
	}
	b, err := json.Marshal(manifest{Shards: len(ix.shards), Routing: RoutingVersion})
	if err != nil {
		return err
	}
	return writeSynced(filepath.Join(dir, ManifestFile), b)
}

// ReadInternal opens the index at path read-only, checks that this
// sagasu can open it (its mapping version), and returns the values of the
// internal keys asked for, nil for a key it lacks. It loads nothing else,
// so that a copy (a restored snapshot, say) is inspected before it is
// installed and opened.
func ReadInternal(path string, keys ...string) (map[string][]byte, error) {
	exists, err := indexExists(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, fmt.Errorf("read index %s: no index there", path)
	}
	b, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true, "bolt_timeout": "2s"})
	if err != nil {
		return nil, fmt.Errorf("read index %s: %w", path, err)
	}
	defer b.Close()
	v, err := b.GetInternal(mappingVersionKey)
	if err != nil {
		return nil, fmt.Errorf("read index %s: read mapping version: %w", path, err)
	}
	if string(v) != MappingVersion {
		return nil, fmt.Errorf("read index %s: built with mapping version %q, this sagasu needs %q", path, v, MappingVersion)
	}
	out := make(map[string][]byte, len(keys))
	for _, k := range keys {
		if out[k], err = b.GetInternal([]byte(k)); err != nil {
			return nil, fmt.Errorf("read index %s: internal key %s: %w", path, k, err)
		}
	}
	return out, nil
}
