package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sagasu-search/sagasu/internal/fsync"
)

// batchLogDir is the folder, in a sharded index's folder, of the batches
// being applied.
const batchLogDir = "batches"

// batchLog makes a batch atomic across shards. Each shard applies its part
// of a batch atomically and durably (Bleve's Batch), but a crash between
// two shards' parts would keep one and lose the other. So the whole batch,
// prepared (entities extracted), is written to a file of its own and
// synced before any shard applies it, and the file is removed once every
// shard's part is on disk. At open, and before the next batch after a
// failed one, the batches left in the log are applied again, in the order
// they were written: applying a batch twice does what applying it once
// does (a put replaces the article, a delete of a missing one is
// ignored, a digest is set again). A batch is therefore acknowledged only
// when every shard it touches holds it, and after a crash either all of it
// is visible (it was logged) or none (it was not).
type batchLog struct {
	dir  string
	next uint64 // sequence number of the next entry
}

// loggedChange is a Change as the log stores it.
type loggedChange struct {
	Change Change `json:"change"`
}

// entryName is the file name of entry seq: zero-padded, so that names
// sort in the order written.
func entryName(seq uint64) string { return fmt.Sprintf("batch-%016d.json", seq) }

// pending lists the sequence numbers of the entries in the log, oldest
// first, and moves next past them.
func (l *batchLog) pending() ([]uint64, error) {
	entries, err := os.ReadDir(l.dir)
	if err != nil {
		return nil, fmt.Errorf("read batch log %s: %w", l.dir, err)
	}
	var seqs []uint64
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "batch-") || !strings.HasSuffix(name, ".json") {
			continue // a temporary file of an entry never completed
		}
		seq, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimPrefix(name, "batch-"), ".json"), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("read batch log %s: entry %s: %w", l.dir, name, err)
		}
		seqs = append(seqs, seq)
		l.next = max(l.next, seq+1)
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	return seqs, nil
}

// write logs c, synced, and returns its sequence number. It writes a
// temporary file and renames it, so that an entry is whole or absent.
func (l *batchLog) write(c Change) (uint64, error) {
	b, err := json.Marshal(loggedChange{Change: c})
	if err != nil {
		return 0, fmt.Errorf("log batch: %w", err)
	}
	seq := l.next
	l.next++
	tmp := filepath.Join(l.dir, ".tmp-"+entryName(seq))
	if err := writeSynced(tmp, b); err != nil {
		return 0, fmt.Errorf("log batch: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(l.dir, entryName(seq))); err != nil {
		return 0, fmt.Errorf("log batch: %w", err)
	}
	if err := fsync.Path(l.dir); err != nil {
		return 0, fmt.Errorf("log batch: %w", err)
	}
	return seq, nil
}

// read returns the change of entry seq.
func (l *batchLog) read(seq uint64) (Change, error) {
	b, err := os.ReadFile(filepath.Join(l.dir, entryName(seq)))
	if err != nil {
		return Change{}, fmt.Errorf("read logged batch %d: %w", seq, err)
	}
	var lc loggedChange
	if err := json.Unmarshal(b, &lc); err != nil {
		return Change{}, fmt.Errorf("read logged batch %d: %w", seq, err)
	}
	return lc.Change, nil
}

// done removes entry seq, whose every part is on disk. The removal need
// not be synced: an entry that comes back is applied again, harmlessly.
func (l *batchLog) done(seq uint64) error {
	err := os.Remove(filepath.Join(l.dir, entryName(seq)))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("batch log: remove applied batch %d: %w", seq, err)
	}
	return nil
}

// replay applies the batches left in the log, oldest first (see
// batchLog). The caller holds ix.writes, or is opening ix.
func (ix *Index) replay(ctx context.Context) error {
	if ix.log == nil {
		return nil
	}
	seqs, err := ix.log.pending()
	if err != nil {
		return err
	}
	for _, seq := range seqs {
		c, err := ix.log.read(seq)
		if err != nil {
			return err
		}
		if err := ix.applyShards(ctx, c); err != nil {
			return fmt.Errorf("replay logged batch %d: %w", seq, err)
		}
		ix.afterWrite(ctx, c, nil) // the failed batch's name pairs, now that it is whole
		if err := ix.log.done(seq); err != nil {
			return err
		}
	}
	return nil
}

// applyLoggedLocked applies a prepared change across the shards: logged
// first, then each shard's part in parallel, then marked done. The caller
// holds ix.writes.
func (ix *Index) applyLoggedLocked(ctx context.Context, c Change) error {
	if err := ix.replay(ctx); err != nil {
		return err
	}
	if ix.log == nil {
		return ix.applyShards(ctx, c)
	}
	seq, err := ix.log.write(c)
	if err != nil {
		return err
	}
	if err := ix.applyShards(ctx, c); err != nil {
		return fmt.Errorf("%w (the batch is logged and will be applied again)", err)
	}
	return ix.log.done(seq)
}
