package cluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/natstest"
)

// oneNode makes the test cluster one node holding all testShards shards.
func oneNode(c *Config) { c.Nodes, c.Replicas = 1, 1 }

// TestFirstLive checks which holder of a shard writes its snapshots.
func TestFirstLive(t *testing.T) {
	tests := []struct {
		name    string
		holders []int
		me      int
		applied uint64
		seq     map[int]uint64 // the others' reported applied sequences
		want    bool
	}{
		{"first holder", []int{1, 2}, 1, 5000, map[int]uint64{2: 5000}, true},
		{"second, first live", []int{1, 2}, 2, 5000, map[int]uint64{1: 4990}, false},
		{"second, first exactly every behind", []int{1, 2}, 2, 5000, map[int]uint64{1: 4000}, false},
		{"second, first stopped", []int{1, 2}, 2, 5000, map[int]uint64{1: 3999}, true},
		{"second, first never reported", []int{3, 1}, 1, 1500, nil, true},
		{"third, second live", []int{3, 1, 2}, 2, 5000, map[int]uint64{3: 10, 1: 4500}, false},
		{"not a holder", []int{3, 1}, 2, 5000, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstLive(tt.holders, tt.me, tt.applied, 1000, func(n int) uint64 { return tt.seq[n] })
			if got != tt.want {
				t.Errorf("firstLive(%v, me %d, applied %d) = %v, want %v", tt.holders, tt.me, tt.applied, got, tt.want)
			}
		})
	}
}

// lastSeqs returns the highest sequence acknowledged in each shard.
func lastSeqs(acks []Ack) map[int]uint64 {
	out := map[int]uint64{}
	for _, a := range acks {
		out[a.Shard] = max(out[a.Shard], a.Seq)
	}
	return out
}

// TestSnapshotRestore writes articles, snapshots every shard, writes
// more, purges the streams up to the snapshots and starts the node on an
// empty folder: each shard is restored from its snapshot and replays only
// the rest of its stream. Then the snapshot of shard 0 is spoilt in
// several ways, and removed: the node refuses to serve shard 0 and says
// why, the other shards are restored.
func TestSnapshotRestore(t *testing.T) {
	nc := natstest.Start(t, 3)
	n := startNodeWith(t, nc.URLs, 1, t.TempDir(), oneNode)
	defer n.Close()
	first, later := articles("n", 240), articles("m", 120)
	firstAcks := publish(t, n, first)
	waitApplied(t, n, firstAcks)
	snaps := checkSnapshot(t, n, lastSeqs(firstAcks))
	laterAcks := publish(t, n, later)
	waitApplied(t, n, laterAcks)
	purge(t, n, snaps)
	if err := n.Close(); err != nil {
		t.Fatal(err)
	}
	want := append(ids(first), ids(later)...)
	freshDir := t.TempDir()
	leftovers := []string{filepath.Join(freshDir, "node-1", ".shard-0.restore-1"), filepath.Join(freshDir, "node-1", ".snapshot-shard-2-1")}
	for _, l := range leftovers {
		if err := os.MkdirAll(filepath.Join(l, "index"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	fresh := startNodeWith(t, nc.URLs, 1, freshDir, oneNode)
	defer fresh.Close()
	for _, l := range leftovers {
		if _, err := os.Stat(l); !os.IsNotExist(err) {
			t.Errorf("%s, left by a stopped restore or snapshot: %v, want removed", l, err)
		}
	}
	last := lastSeqs(append(firstAcks, laterAcks...))
	waitLocal(t, fresh, last, 20*time.Second) // the applied bucket still has the old node 1's sequences
	checkHeld(t, []*Node{fresh}, want, nil)
	replayed := map[int]uint64{}
	for _, a := range laterAcks {
		replayed[a.Shard]++
	}
	for _, r := range fresh.replicas {
		if a := r.applied.Load(); a != last[r.shard] {
			t.Errorf("shard %d: applied %d after the restore, want %d", r.shard, a, last[r.shard])
		}
		if m := r.messages.Load(); m != replayed[r.shard] {
			t.Errorf("shard %d: replayed %d messages, want the %d after the snapshot", r.shard, m, replayed[r.shard])
		}
	}
	checkRefused(t, nc.URLs, fresh)
}

// waitLocal waits up to timeout for n's replicas to apply their shards
// up to last.
func waitLocal(t testing.TB, n *Node, last map[int]uint64, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for _, r := range n.replicas {
		for r.applied.Load() < last[r.shard] {
			if time.Now().After(deadline) {
				t.Fatalf("shard %d: applied %d, want %d", r.shard, r.applied.Load(), last[r.shard])
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// checkSnapshot snapshots every shard of n and checks that each holds
// the sequence acknowledged last, then that a second snapshot is skipped.
func checkSnapshot(t *testing.T, n *Node, last map[int]uint64) map[int]uint64 {
	t.Helper()
	ctx := context.Background()
	res, err := n.Snapshot(ctx)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	seqs := map[int]uint64{}
	for _, r := range res {
		if r.Seq != last[r.Shard] || r.Bytes == 0 || r.Skipped != "" {
			t.Errorf("snapshot %+v: want sequence %d, bytes, not skipped", r, last[r.Shard])
		}
		info, err := n.snaps.GetInfo(ctx, SnapshotName(r.Shard))
		if err != nil || info.Metadata[metaApplied] != fmt.Sprint(r.Seq) {
			t.Errorf("shard %d: stored snapshot %v, %v: want applied-seq %d", r.Shard, info, err, r.Seq)
		}
		seqs[r.Shard] = r.Seq
	}
	if len(seqs) != testShards {
		t.Fatalf("snapshots of %d shards, want %d", len(seqs), testShards)
	}
	again, err := n.Snapshot(ctx)
	if err != nil || len(again) != testShards || again[0].Skipped == "" {
		t.Errorf("second snapshot = %+v, %v: want every shard skipped", again, err)
	}
	return seqs
}

// purge removes from each shard's stream the messages up to its snapshot.
func purge(t *testing.T, n *Node, snaps map[int]uint64) {
	t.Helper()
	ctx := context.Background()
	for shard, seq := range snaps {
		s, err := n.js.Stream(ctx, StreamName(shard))
		if err == nil {
			err = s.Purge(ctx, jetstream.WithPurgeSequence(seq+1))
		}
		if err != nil {
			t.Fatalf("purge shard %d: %v", shard, err)
		}
		if info, err := s.Info(ctx); err != nil || info.State.FirstSeq != seq+1 {
			t.Fatalf("shard %d after the purge: %v, %v; want first sequence %d", shard, info, err, seq+1)
		}
	}
}

// checkRefused spoils shard 0's snapshot in several ways (through n),
// then removes it, and checks each time that a node started on an empty folder does
// not serve shard 0 and says why, and serves the others.
func checkRefused(t *testing.T, urls []string, n *Node) {
	ctx := context.Background()
	good := getSnapshot(t, n, 0)
	other := getSnapshot(t, n, 1)
	flipped := bytes.Clone(good.data)
	flipped[len(flipped)/2] ^= 0xff
	tests := []struct {
		name string
		data []byte
		meta func(m map[string]string)
		why  string
	}{
		{"not a tar", []byte("not a snapshot"), func(map[string]string) {}, "gzip"},
		{"corrupt bytes", flipped, func(map[string]string) {}, "unpack"},
		{"another shard's", other.data, func(m map[string]string) { m[metaApplied] = other.meta[metaApplied] }, `records shard "1"`},
		{"another mapping version", good.data, func(m map[string]string) { m[metaMapping] = "1" }, "mapping version"},
		{"sequence disagrees", good.data, func(m map[string]string) { m[metaApplied] = "7" }, "metadata says 7"},
		{"another analyzer", otherAnalyzer(t, good.meta[metaApplied]), func(map[string]string) {}, "analyzer"},
		{"a chunk altered in the store", nil, func(map[string]string) {}, "digests do not match"},
		{"no snapshot", nil, nil, "starts at sequence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			switch {
			case tt.data == nil && tt.meta != nil:
				putSnapshotBytes(t, n, 0, good.data, good.meta, tt.meta)
				alterLastChunk(t, n, 0)
			case tt.meta == nil:
				if err := n.snaps.Delete(ctx, SnapshotName(0)); err != nil {
					t.Fatal(err)
				}
			default:
				putSnapshotBytes(t, n, 0, tt.data, good.meta, tt.meta)
			}
			dir := t.TempDir()
			m := startNodeWith(t, urls, 1, dir, oneNode)
			defer m.Close()
			checkShardRefused(t, m, tt.why)
			if _, err := os.Stat(filepath.Join(dir, "node-1", "shard-0")); !os.IsNotExist(err) {
				t.Errorf("shard-0's folder: %v, want none, so that a later start restores a snapshot", err)
			}
		})
	}
}

// checkShardRefused checks that m serves every shard but 0, and that its
// status says why it does not serve shard 0.
func checkShardRefused(t *testing.T, m *Node, why string) {
	t.Helper()
	for _, ls := range m.Local() {
		if ls.Shard == 0 {
			t.Errorf("shard 0 is served")
		}
	}
	if len(m.Local()) != testShards-1 {
		t.Errorf("%d shards served, want %d", len(m.Local()), testShards-1)
	}
	for _, st := range m.Status(context.Background()) {
		switch {
		case st.Shard == 0 && (!strings.Contains(st.NotReady, why) || !strings.Contains(st.NotReady, "not serving")):
			t.Errorf("shard 0: not_ready %q, want it to say %q", st.NotReady, why)
		case st.Shard != 0 && (st.NotReady != "" || st.Articles == 0):
			t.Errorf("shard %d: %+v, want it served, with articles", st.Shard, st)
		}
	}
}

// otherAnalyzer packs an index of shard 0 that has applied up to seq
// but is analyzed with another analyzer than the test nodes' default.
func otherAnalyzer(t *testing.T, seq string) []byte {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	ix, _, err := indexer.Open(dir, indexer.Options{Analyzer: analysis.Variants()[1].Name()})
	if err != nil {
		t.Fatal(err)
	}
	err = ix.Apply(context.Background(), indexer.Change{Internal: map[string][]byte{appliedKey: []byte(seq), shardKey: []byte("0")}})
	if err := errors.Join(err, ix.Close()); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := pack(dir, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// alterLastChunk replaces the last chunk of shard's snapshot, in the
// object store's stream, by one with a byte changed: the object's
// digest no longer matches its bytes.
func alterLastChunk(t *testing.T, n *Node, shard int) {
	t.Helper()
	ctx := context.Background()
	info, err := n.snaps.GetInfo(ctx, SnapshotName(shard))
	if err != nil {
		t.Fatal(err)
	}
	s, err := n.js.Stream(ctx, "OBJ_"+SnapshotBucket)
	if err != nil {
		t.Fatal(err)
	}
	subject := fmt.Sprintf("$O.%s.C.%s", SnapshotBucket, info.NUID)
	m, err := s.GetLastMsgForSubject(ctx, subject)
	for try := 0; err != nil && try < 50; try++ { // a direct get may reach a replica not yet up to date
		time.Sleep(100 * time.Millisecond)
		m, err = s.GetLastMsgForSubject(ctx, subject)
	}
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Clone(m.Data)
	data[len(data)/2] ^= 0xff
	if err := s.DeleteMsg(ctx, m.Sequence); err != nil {
		t.Fatal(err)
	}
	if _, err := n.js.Publish(ctx, subject, data); err != nil {
		t.Fatal(err)
	}
}

// storedObject is a snapshot's bytes and metadata.
type storedObject struct {
	data []byte
	meta map[string]string
}

// getSnapshot reads shard's stored snapshot.
func getSnapshot(t *testing.T, n *Node, shard int) storedObject {
	t.Helper()
	ctx := context.Background()
	info, err := n.snaps.GetInfo(ctx, SnapshotName(shard))
	if err != nil {
		t.Fatal(err)
	}
	data, err := n.snaps.GetBytes(ctx, SnapshotName(shard))
	if err != nil {
		t.Fatal(err)
	}
	return storedObject{data: data, meta: info.Metadata}
}

// putSnapshotBytes stores data as shard's snapshot with a copy of meta
// that change alters.
func putSnapshotBytes(t *testing.T, n *Node, shard int, data []byte, meta map[string]string, change func(map[string]string)) {
	t.Helper()
	m := map[string]string{}
	for k, v := range meta {
		m[k] = v
	}
	change(m)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := n.snaps.Put(ctx, jetstream.ObjectMeta{Name: SnapshotName(shard), Metadata: m}, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
}

// TestSnapshotEvery checks that a node writes each shard's snapshot by
// itself once it has applied SnapshotEvery messages of it, and that the
// streams keep messages StreamMaxAge.
func TestSnapshotEvery(t *testing.T) {
	nc := natstest.Start(t, 3)
	n := startNodeWith(t, nc.URLs, 1, t.TempDir(), func(c *Config) {
		oneNode(c)
		c.SnapshotEvery, c.StreamMaxAge = 20, time.Minute
	})
	defer n.Close()
	s, err := n.js.Stream(context.Background(), StreamName(0))
	if err != nil {
		t.Fatal(err)
	}
	if c := s.CachedInfo().Config; c.MaxAge != time.Minute || c.Duplicates != time.Minute {
		t.Errorf("stream max age %s, duplicate window %s; want 1m0s both (the window no longer than the age)", c.MaxAge, c.Duplicates)
	}
	acks := publish(t, n, articles("e", 300))
	waitApplied(t, n, acks)
	last := lastSeqs(acks)
	deadline := time.Now().Add(20 * time.Second)
	for shard := range testShards {
		for {
			seq, ok := n.storedSeq(context.Background(), shard)
			if ok && seq >= 20 && seq <= last[shard] {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("shard %d: stored snapshot at %d (%v), want one of 20 to %d", shard, seq, ok, last[shard])
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// TestValidateStreamMaxAge checks that a negative stream max age is
// refused and that 0 (keep every message) and an age are taken.
func TestValidateStreamMaxAge(t *testing.T) {
	for _, tt := range []struct {
		age time.Duration
		ok  bool
	}{{0, true}, {168 * time.Hour, true}, {-time.Second, false}} {
		c := Config{URLs: []string{"nats://x"}, NodeID: 1, Nodes: 1, Shards: 1, Replicas: 1, Data: "d",
			Open: func(string) (*indexer.Index, error) { return nil, nil }, StreamMaxAge: tt.age}
		if err := c.Validate(); (err == nil) != tt.ok {
			t.Errorf("StreamMaxAge %s: Validate = %v, want ok %v", tt.age, err, tt.ok)
		}
	}
}

// TestTrimmedPastLocalIndex stops a node, writes on, and purges a
// shard's stream past what the stopped node applied, with no snapshot:
// started again on its folder, the node serves its other shards but not
// that one, and says why.
func TestTrimmedPastLocalIndex(t *testing.T) {
	nc := natstest.Start(t, 3)
	dir := t.TempDir()
	two := func(c *Config) { c.Nodes, c.Replicas = 2, 1 } // node 1 holds shards 0, 2 and 4
	n1, n2 := startNodeWith(t, nc.URLs, 1, dir, two), startNodeWith(t, nc.URLs, 2, dir, two)
	defer n2.Close()
	waitApplied(t, n2, publish(t, n2, articles("a", 120)))
	before := map[int]uint64{}
	for _, st := range n1.Status(context.Background()) {
		before[st.Shard] = st.Articles
	}
	if err := n1.Close(); err != nil {
		t.Fatal(err)
	}
	last := lastSeqs(publish(t, n2, articles("b", 60)))
	purge(t, n2, map[int]uint64{0: last[0]})
	n1 = startNodeWith(t, nc.URLs, 1, dir, two)
	defer n1.Close()
	waitLocal(t, n1, map[int]uint64{2: last[2], 4: last[4]}, 20*time.Second)
	var served []int
	for _, ls := range n1.Local() {
		served = append(served, ls.Shard)
	}
	if fmt.Sprint(served) != "[2 4]" {
		t.Errorf("node 1 serves shards %v, want [2 4]", served)
	}
	for _, st := range n1.Status(context.Background()) {
		want := ""
		if st.Shard == 0 {
			want = fmt.Sprintf("starts at sequence %d but this replica has applied only up to", last[0]+1)
			if st.Articles != before[0] {
				t.Errorf("shard 0 holds %d articles, want the %d it had", st.Articles, before[0])
			}
		}
		if !strings.Contains(st.NotReady, want) || (want == "") != (st.NotReady == "") {
			t.Errorf("shard %d: not_ready %q, want %q", st.Shard, st.NotReady, want)
		}
	}
}
