package cluster

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/sagasu-search/sagasu/indexer"
)

// Snapshots: a holder of a shard copies its index (indexer.Backup, a
// consistent copy of a Bleve snapshot made while writes go on), packs the
// copy as a gzipped tar and puts it in JetStream's object store, bucket
// SnapshotBucket, one object per shard (SnapshotName), which replaces the
// previous one. The stream sequence the copy has applied is read from the
// copy's own internal key (appliedKey) and written in the object's
// metadata, so the two agree. A replica with no local index restores the
// newest snapshot (restore.go) and replays its stream from the sequence
// after it.

// SnapshotBucket is the object store bucket of the shards' snapshots.
const SnapshotBucket = "SAGASU_SNAPSHOTS"

// SnapshotName is the name of shard s's snapshot in SnapshotBucket.
func SnapshotName(s int) string { return fmt.Sprintf("shard-%02d", s) }

// shardKey is the internal key under which a shard index records its
// shard, so that a snapshot of another shard is not restored in its place.
const shardKey = "sagasu.cluster.shard"

// Metadata keys of a snapshot object.
const (
	metaShard   = "shard"
	metaApplied = "applied-seq"
	metaMapping = "mapping-version"
	metaFormat  = "format"
	metaNode    = "node"
	// snapshotFormat is the packing of a snapshot: a tar of the index
	// folder, gzipped.
	snapshotFormat = "tar+gzip"
)

// snapshotTimeout bounds the upload, or the download, of one snapshot.
// It must be set: without a deadline, the client gives a download the
// five seconds of any JetStream request.
const snapshotTimeout = time.Hour

// SnapshotResult is one shard's snapshot, written or not.
type SnapshotResult struct {
	Shard int `json:"shard"`
	// Seq is the stream sequence the snapshot holds applied.
	Seq uint64 `json:"applied_seq"`
	// Bytes is the size of the object (packed).
	Bytes uint64 `json:"bytes"`
	// TookMS is the time the copy, packing and upload took.
	TookMS float64 `json:"took_ms"`
	// Skipped says why no snapshot was written: the stored one is as new,
	// or another snapshot of the shard is being written.
	Skipped string `json:"skipped,omitempty"`
}

// Snapshot writes a snapshot of every shard this node serves, one after
// the other, whatever SnapshotEvery says (POST /api/v1/admin/snapshot). A
// shard whose stored snapshot is as new is skipped, not written again.
func (n *Node) Snapshot(ctx context.Context) ([]SnapshotResult, error) {
	var out []SnapshotResult
	for _, r := range n.replicas {
		if r.notReady() != "" {
			continue
		}
		if r.applied.Load() == 0 {
			out = append(out, SnapshotResult{Shard: r.shard, Skipped: "nothing applied yet"})
			continue
		}
		if !r.snapping.CompareAndSwap(false, true) {
			out = append(out, SnapshotResult{Shard: r.shard, Skipped: "a snapshot of this shard is being written"})
			continue
		}
		res, err := n.writeSnapshot(ctx, r)
		r.snapping.Store(false)
		if err != nil {
			return out, fmt.Errorf("cluster: %w", err)
		}
		out = append(out, res)
	}
	return out, nil
}

// maybeSnapshot starts writing a snapshot of r, in the background, when r
// has applied SnapshotEvery messages since its last one and this node is
// r's shard's snapshot writer. Applying goes on meanwhile.
func (n *Node) maybeSnapshot(ctx context.Context, r *replica) {
	every := n.cfg.SnapshotEvery
	a := r.applied.Load()
	if every == 0 || a < r.snapSeq.Load()+every || !n.snapshotWriter(r.shard, a) {
		return
	}
	if !r.snapping.CompareAndSwap(false, true) {
		return
	}
	n.loops.Add(1)
	go func() {
		defer n.loops.Done()
		defer r.snapping.Store(false)
		log := n.cfg.Logger.With().Int("shard", r.shard).Logger()
		res, err := n.writeSnapshot(ctx, r)
		if err != nil {
			r.snapSeq.Store(a) // try again after as many messages more
			log.Warn().Err(err).Msg("snapshot not written")
			return
		}
		log.Info().Uint64("applied_seq", res.Seq).Uint64("bytes", res.Bytes).Float64("took_ms", res.TookMS).
			Str("skipped", res.Skipped).Msg("snapshot")
	}()
}

// snapshotWriter reports whether this node writes the snapshots of shard,
// having applied it up to applied: the first holder, in the shard map's
// order, that is live, a holder counting as live when it has reported
// having applied at least applied - SnapshotEvery. So one holder writes
// them, and the next takes over when it stops or falls behind.
func (n *Node) snapshotWriter(shard int, applied uint64) bool {
	return firstLive(n.shardMap.Holders[shard], n.cfg.NodeID, applied, n.cfg.SnapshotEvery, func(node int) uint64 {
		return n.table.get(holder{shard: shard, node: node})
	})
}

// firstLive reports whether me is the first of holders that has applied
// at least applied - every (seqOf gives the others').
func firstLive(holders []int, me int, applied, every uint64, seqOf func(node int) uint64) bool {
	for _, h := range holders {
		if h == me {
			return true
		}
		if seqOf(h)+every >= applied {
			return false
		}
	}
	return false
}

// writeSnapshot copies r's index, packs it and puts it in the object
// store, unless the stored snapshot is as new. r.snapping is the
// caller's.
func (n *Node) writeSnapshot(ctx context.Context, r *replica) (SnapshotResult, error) {
	start := time.Now()
	res := SnapshotResult{Shard: r.shard}
	// The stored snapshot may already hold all r has applied: then no
	// copy of the index is made just to find that out.
	if stored, ok := n.storedSeq(ctx, r.shard); ok && stored >= r.applied.Load() {
		return skipped(r, res, stored), nil
	}
	tmp, err := os.MkdirTemp(n.cfg.Data, fmt.Sprintf(".snapshot-shard-%d-", r.shard))
	if err != nil {
		return res, fmt.Errorf("snapshot shard %d: %w", r.shard, err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "index")
	if err := r.ix.Backup(ctx, dir); err != nil {
		return res, fmt.Errorf("snapshot shard %d: %w", r.shard, err)
	}
	if res.Seq, err = copiedSeq(dir, r.shard); err != nil {
		return res, fmt.Errorf("snapshot shard %d: %w", r.shard, err)
	}
	if stored, ok := n.storedSeq(ctx, r.shard); ok && stored >= res.Seq {
		return skipped(r, res, stored), nil
	}
	ctx, cancel := context.WithTimeout(ctx, snapshotTimeout)
	defer cancel()
	info, err := n.putSnapshot(ctx, r.shard, res.Seq, dir)
	if err != nil {
		return res, fmt.Errorf("snapshot shard %d: %w", r.shard, err)
	}
	r.snapSeq.Store(res.Seq)
	res.Bytes = info.Size
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

// skipped is res of a shard whose stored snapshot, holding up to
// stored, is as new as r: none is written.
func skipped(r *replica, res SnapshotResult, stored uint64) SnapshotResult {
	r.snapSeq.Store(stored)
	res.Skipped = fmt.Sprintf("the stored snapshot holds up to %d", stored)
	return res
}

// copiedSeq reads the applied sequence a copy of shard's index holds,
// and checks that it is a copy of shard.
func copiedSeq(dir string, shard int) (uint64, error) {
	vals, err := indexer.ReadInternal(dir, appliedKey, shardKey)
	if err != nil {
		return 0, err
	}
	if got := string(vals[shardKey]); got != strconv.Itoa(shard) {
		return 0, fmt.Errorf("the copy records shard %q, want %d", got, shard)
	}
	if vals[appliedKey] == nil {
		return 0, errors.New("the copy has applied nothing yet")
	}
	return strconv.ParseUint(string(vals[appliedKey]), 10, 64)
}

// storedSeq returns the applied sequence of shard's stored snapshot;
// false when there is none or it cannot be read.
func (n *Node) storedSeq(ctx context.Context, shard int) (uint64, bool) {
	info, err := n.snaps.GetInfo(ctx, SnapshotName(shard))
	if err != nil {
		return 0, false
	}
	seq, err := strconv.ParseUint(info.Metadata[metaApplied], 10, 64)
	return seq, err == nil
}

// putSnapshot packs dir and puts it as shard's snapshot, recording seq in
// its metadata. The object store computes the object's SHA-256 digest,
// which a restore checks.
func (n *Node) putSnapshot(ctx context.Context, shard int, seq uint64, dir string) (*jetstream.ObjectInfo, error) {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(pack(dir, pw)) }()
	defer pr.Close()
	meta := jetstream.ObjectMeta{Name: SnapshotName(shard),
		Description: fmt.Sprintf("Sagasu shard %d, applied up to stream sequence %d", shard, seq),
		Metadata: map[string]string{metaShard: strconv.Itoa(shard), metaApplied: strconv.FormatUint(seq, 10),
			metaMapping: indexer.MappingVersion, metaFormat: snapshotFormat, metaNode: strconv.Itoa(n.cfg.NodeID)}}
	info, err := n.snaps.Put(ctx, meta, fullReader{pr})
	if err != nil {
		return nil, fmt.Errorf("put %s in %s: %w", meta.Name, SnapshotBucket, err)
	}
	return info, nil
}

// fullReader fills each read's buffer whole, but at the end: the object
// store makes a chunk of each read, and a pipe's reads give each write's
// bytes (a tar header's 512, say), which would make many small chunks.
type fullReader struct{ r io.Reader }

func (f fullReader) Read(p []byte) (int, error) {
	n, err := io.ReadFull(f.r, p)
	if err == io.ErrUnexpectedEOF {
		err = nil // the next read says io.EOF
	}
	return n, err
}

// pack writes the files under dir to w as a gzipped tar, with paths
// relative to dir.
func pack(dir string, w io.Writer) error {
	z, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(z)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		return addFile(tw, path, filepath.ToSlash(rel), d)
	})
	if err != nil {
		return fmt.Errorf("pack %s: %w", dir, err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("pack %s: %w", dir, err)
	}
	return z.Close()
}

// addFile writes one folder or regular file to tw under name.
func addFile(tw *tar.Writer, path, name string, d fs.DirEntry) error {
	info, err := d.Info()
	if err != nil {
		return err
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	h, err := tar.FileInfoHeader(info, "")
	if err != nil {
		return err
	}
	h.Name = name
	if err := tw.WriteHeader(h); err != nil || info.IsDir() {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(tw, f)
	return err
}
