package cluster

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/fsync"
)

// errNoSnapshot is the error of a restore when the shard has no snapshot.
var errNoSnapshot = errors.New("no snapshot stored")

// maxSnapshotFile bounds one file of a snapshot as it is unpacked.
const maxSnapshotFile = 1 << 40

// restore installs shard's newest snapshot at path, which must not exist,
// and returns the stream sequence it holds applied. The snapshot is
// checked before it is installed: the object store's SHA-256 digest of
// the whole object, the metadata's shard and mapping version, the
// unpacked copy's recorded shard and applied sequence against the
// metadata's, and the copy opened as the node opens its shards (its
// mapping version and analyzer). It is unpacked
// in a temporary folder beside path and renamed into place when whole.
func (n *Node) restore(ctx context.Context, shard int, path string) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, snapshotTimeout)
	defer cancel()
	info, err := n.snaps.GetInfo(ctx, SnapshotName(shard))
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return 0, errNoSnapshot
	}
	if err != nil {
		return 0, fmt.Errorf("read %s of %s: %w", SnapshotName(shard), SnapshotBucket, err)
	}
	seq, err := checkMeta(info, shard)
	if err != nil {
		return 0, err
	}
	parent := filepath.Dir(path)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(path)+".restore-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if err := n.download(ctx, SnapshotName(shard), tmp); err != nil {
		return 0, err
	}
	got, err := copiedSeq(tmp, shard)
	if err != nil {
		return 0, fmt.Errorf("the unpacked snapshot: %w", err)
	}
	if got != seq {
		return 0, fmt.Errorf("the unpacked snapshot holds sequence %d, its metadata says %d", got, seq)
	}
	// Open it as this node opens its shards: the analyzer and the
	// mapping version must be the node's.
	ix, err := n.cfg.Open(tmp)
	if err != nil {
		return 0, fmt.Errorf("the unpacked snapshot: %w", err)
	}
	if err := ix.Close(); err != nil {
		return 0, fmt.Errorf("the unpacked snapshot: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, fmt.Errorf("install the snapshot: %w", err)
	}
	return seq, fsync.Path(parent)
}

// checkMeta checks a snapshot's metadata against shard and this
// sagasu's mapping version and returns the applied sequence it names.
func checkMeta(info *jetstream.ObjectInfo, shard int) (uint64, error) {
	m := info.Metadata
	switch {
	case m[metaShard] != strconv.Itoa(shard):
		return 0, fmt.Errorf("the snapshot is of shard %q, want %d", m[metaShard], shard)
	case m[metaMapping] != indexer.MappingVersion:
		return 0, fmt.Errorf("the snapshot has mapping version %q, this sagasu needs %q", m[metaMapping], indexer.MappingVersion)
	case m[metaFormat] != snapshotFormat:
		return 0, fmt.Errorf("the snapshot's format is %q, want %q", m[metaFormat], snapshotFormat)
	}
	seq, err := strconv.ParseUint(m[metaApplied], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("the snapshot's applied sequence %q: %w", m[metaApplied], err)
	}
	return seq, nil
}

// download unpacks the object name into the folder dir, reading it to
// its end so that the object store checks its SHA-256 digest.
func (n *Node) download(ctx context.Context, name, dir string) error {
	obj, err := n.snaps.Get(ctx, name)
	if err != nil {
		return fmt.Errorf("get %s of %s: %w", name, SnapshotBucket, err)
	}
	defer obj.Close()
	err = unpack(obj, dir)
	// Read to the end: the digest is checked there, and a digest that
	// does not match says more than the unpacking error it causes.
	if _, rerr := io.Copy(io.Discard, obj); rerr != nil {
		return fmt.Errorf("read %s: %w", name, rerr)
	}
	if err != nil {
		return fmt.Errorf("unpack %s: %w", name, err)
	}
	return nil
}

// unpack writes the gzipped tar r into the folder dir, checking the
// gzip stream's CRC-32. Only folders and regular files with paths inside
// dir are taken.
func unpack(r io.Reader, dir string) error {
	z, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	tr := tar.NewReader(z)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			// Read the gzip stream to its end, where its CRC-32 is
			// checked: the tar ends before it.
			if _, err := io.Copy(io.Discard, z); err != nil {
				return err
			}
			return syncTree(dir)
		}
		if err != nil {
			return err
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("%q: a path outside the snapshot", h.Name)
		}
		if err := unpackOne(tr, h, filepath.Join(dir, name)); err != nil {
			return err
		}
	}
}

// unpackOne writes the folder or file h of tr at path.
func unpackOne(tr *tar.Reader, h *tar.Header, path string) error {
	switch h.Typeflag {
	case tar.TypeDir:
		return os.MkdirAll(path, 0o755)
	case tar.TypeReg:
	default:
		return fmt.Errorf("%q: neither a folder nor a regular file", h.Name)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, io.LimitReader(tr, maxSnapshotFile)); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncTree syncs the folders under dir, dir included, so that the
// unpacked files' names are on disk before the rename.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return fsync.Path(path)
	})
}

// reachRetrying is reach, tried again while NATS does not answer, until
// startTimeout passes or ctx ends.
func (n *Node) reachRetrying(ctx context.Context, shard int, applied uint64) (string, error) {
	deadline := time.Now().Add(startTimeout)
	for {
		why, err := n.reach(ctx, shard, applied)
		if err == nil || ctx.Err() != nil || time.Now().After(deadline) {
			return why, err
		}
		n.cfg.Logger.Warn().Err(err).Int("shard", shard).Msg("cannot read the shard's stream: trying again")
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// reach returns why this node cannot bring a replica of shard that has
// applied up to applied in line with its stream, "" when it can: the
// stream's first message must be at most the one after applied. A stream
// trimmed past it (--stream-max-age, or purged) would leave a hole.
func (n *Node) reach(ctx context.Context, shard int, applied uint64) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, consumerTimeout)
	defer cancel()
	s, err := n.js.Stream(ctx, StreamName(shard))
	if err != nil {
		return "", fmt.Errorf("stream %s: %w", StreamName(shard), err)
	}
	st := s.CachedInfo().State
	if st.FirstSeq <= applied+1 {
		return "", nil
	}
	return fmt.Sprintf("stream %s starts at sequence %d but this replica has applied only up to %d "+
		"and no snapshot reaches further: messages %d to %d are gone; not serving the shard "+
		"(write a newer snapshot on a live holder, POST /api/v1/admin/snapshot, then restart this node "+
		"with the folder shard-%d moved away)", StreamName(shard), st.FirstSeq, applied, applied+1, st.FirstSeq-1, shard), nil
}
