package cluster

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/natstest"
	"github.com/sagasu-search/sagasu/lab/synth"
)

// BenchmarkSnapshotRestore measures the snapshot and the restore of one
// shard holding SAGASU_SNAPSHOT_ARTICLES (10,000 unless set) articles of
// the bench's synthetic corpus (sagasu-lab gen, seed 1), indexed as serve
// --cluster indexes them (every entity extracted), on three NATS servers
// on 127.0.0.1. One run is one snapshot and one restore:
//
//	go test -run XXX -bench SnapshotRestore -benchtime 1x ./cluster
func BenchmarkSnapshotRestore(b *testing.B) {
	count := 10000
	if v, err := strconv.Atoi(os.Getenv("SAGASU_SNAPSHOT_ARTICLES")); err == nil {
		count = v
	}
	nc := natstest.Start(b, 3)
	shape := benchShape(b)
	n := startNodeWith(b, nc.URLs, 1, b.TempDir(), shape)
	defer n.Close()
	g, err := synth.NewGenerator(synth.Options{Seed: 1, JapaneseShare: synth.DefaultJapaneseShare})
	if err != nil {
		b.Fatal(err)
	}
	var acks []Ack
	for done := 0; done < count; done += 500 {
		ops := make([]Op, 0, 500)
		for i := done; i < min(done+500, count); i++ {
			a := g.Next()
			ops = append(ops, Op{Put: &a})
		}
		acks = append(acks, publish(b, n, ops)...)
	}
	applying := time.Now()
	waitLocal(b, n, lastSeqs(acks), 15*time.Minute)
	b.Logf("%d articles applied %.1f s after the last publish", count, time.Since(applying).Seconds())
	indexBytes, _ := indexer.FolderSize(context.Background(), n.replicas[0].ix.Path())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchSnapshotRestore(b, n, indexBytes)
	}
}

// benchShape is one node holding one shard, opened as serve --cluster
// opens its shards.
func benchShape(b *testing.B) func(*Config) {
	shared, err := engine.LoadShared(engine.Config{})
	if err != nil {
		b.Fatal(err)
	}
	return func(c *Config) {
		c.Nodes, c.Replicas, c.Shards = 1, 1, 1
		c.Open = func(path string) (*indexer.Index, error) {
			ix, _, err := engine.OpenIndex(engine.Config{Data: path}, shared)
			return ix, err
		}
	}
}

// benchSnapshotRestore writes a snapshot of n's shard and restores it
// into a new folder, reporting sizes and times, and the time of the copy
// alone (indexer.Backup, which the snapshot starts with).
func benchSnapshotRestore(b *testing.B, n *Node, indexBytes int64) {
	ctx := context.Background()
	r := n.replicas[0]
	r.snapSeq.Store(0)
	if err := n.snaps.Delete(ctx, SnapshotName(0)); err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
		b.Fatal(err)
	}
	start := time.Now()
	if err := r.ix.Backup(ctx, filepath.Join(b.TempDir(), "copy")); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "copy-only-s")
	start = time.Now()
	res, err := n.Snapshot(ctx)
	if err != nil || len(res) != 1 || res[0].Skipped != "" {
		b.Fatalf("snapshot: %+v, %v", res, err)
	}
	took := time.Since(start)
	dest := filepath.Join(b.TempDir(), "shard-0")
	start = time.Now()
	seq, err := n.restore(ctx, 0, dest)
	if err != nil || seq != res[0].Seq {
		b.Fatalf("restore: sequence %d, %v; want %d", seq, err, res[0].Seq)
	}
	restored := time.Since(start)
	b.ReportMetric(float64(indexBytes)/1e6, "index-MB")
	b.ReportMetric(float64(res[0].Bytes)/1e6, "snapshot-MB")
	b.ReportMetric(took.Seconds(), "snapshot-s")
	b.ReportMetric(restored.Seconds(), "restore-s")
}
