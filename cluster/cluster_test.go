package cluster

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/natstest"
)

// testShape is the cluster the tests build: 3 nodes, 6 shards, 2
// replicas each, as in deploy/compose.cluster.yaml.
const testNodes, testShards, testReplicas = 3, 6, 2

// startNode starts node id with its data under dir.
func startNode(t testing.TB, urls []string, id int, dir string) *Node {
	return startNodeWith(t, urls, id, dir, func(*Config) {})
}

// startNodeWith starts node id with its data under dir and the Config
// that set changes.
func startNodeWith(t testing.TB, urls []string, id int, dir string, set func(*Config)) *Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cfg := Config{URLs: urls, NodeID: id, Nodes: testNodes, Shards: testShards, Replicas: testReplicas,
		Data: filepath.Join(dir, fmt.Sprintf("node-%d", id)), Logger: testLogger(t),
		Open: func(path string) (*indexer.Index, error) {
			ix, _, err := indexer.Open(path, indexer.Options{})
			return ix, err
		}}
	set(&cfg)
	n, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("start node %d: %v", id, err)
	}
	return n
}

// articles returns n articles with IDs prefix-0 … prefix-(n-1).
func articles(prefix string, n int) []Op {
	ops := make([]Op, n)
	for i := range ops {
		a := corpus.Article{ID: fmt.Sprintf("%s-%d", prefix, i), Title: fmt.Sprintf("Article %d of %s", i, prefix),
			Body: "Shards of a cluster.", Lang: "en"}
		ops[i] = Op{Put: &a}
	}
	return ops
}

// publish publishes ops and fails the test unless every one is stored.
func publish(t testing.TB, n *Node, ops []Op) []Ack {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	acks, err := n.Publish(ctx, ops)
	if err != nil {
		t.Fatalf("publish %d writes: %v", len(ops), err)
	}
	return acks
}

// waitApplied waits up to 30 s for acks to be applied on every holder.
func waitApplied(t testing.TB, n *Node, acks []Ack) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := n.WaitApplied(ctx, acks); err != nil {
		t.Fatalf("wait applied: %v", err)
	}
}

// holdings returns, for each local shard of the nodes, the IDs it holds
// of want (shard → node → found), checking each ID in the index of every
// replica of its shard.
func checkHeld(t *testing.T, nodes []*Node, want []string, gone []string) {
	t.Helper()
	ctx := context.Background()
	perShard := map[int]uint64{}
	for _, id := range want {
		perShard[ShardOf(id, testShards)]++
	}
	for _, n := range nodes {
		for _, ls := range n.Local() {
			if c, _ := ls.Index.Count(ctx); c != perShard[ls.Shard] {
				t.Errorf("node %d shard %d holds %d articles, want %d", n.ID(), ls.Shard, c, perShard[ls.Shard])
			}
			for _, id := range want {
				if ShardOf(id, testShards) != ls.Shard {
					continue
				}
				if _, err := ls.Index.Get(ctx, id); err != nil {
					t.Errorf("node %d shard %d: %v", n.ID(), ls.Shard, err)
				}
			}
			for _, id := range gone {
				if _, err := ls.Index.Get(ctx, id); !errors.Is(err, indexer.ErrNotFound) {
					t.Errorf("node %d shard %d: deleted %q: err %v, want not found", n.ID(), ls.Shard, id, err)
				}
			}
		}
	}
}

// ids returns the IDs of ops.
func ids(ops []Op) []string {
	out := make([]string, len(ops))
	for i, op := range ops {
		out[i] = op.ID()
	}
	return out
}

// TestWritesApplied publishes puts and deletes through one node and
// checks that every replica of every shard, on all three nodes, holds
// exactly what was acknowledged.
func TestWritesApplied(t *testing.T) {
	nc := natstest.Start(t, 3)
	dir := t.TempDir()
	var nodes []*Node
	for id := 1; id <= testNodes; id++ {
		n := startNode(t, nc.URLs, id, dir)
		defer n.Close()
		nodes = append(nodes, n)
	}
	ops := articles("w", 300)
	acks := publish(t, nodes[0], ops)
	for i, a := range acks {
		if a.Seq == 0 || a.Shard != ShardOf(ops[i].ID(), testShards) {
			t.Fatalf("ack %d = %+v: want a sequence, shard %d", i, a, ShardOf(ops[i].ID(), testShards))
		}
	}
	waitApplied(t, nodes[1], acks)
	// A replacement and deletes, published one after the other, are
	// likely to land in one applied batch: the last write of an article
	// wins.
	v2 := corpus.Article{ID: "w-3", Title: "Version two", Lang: "en"}
	publish(t, nodes[1], []Op{{Put: &v2}})
	dels := []Op{{Delete: "w-0"}, {Delete: "w-1"}, {Delete: "w-2"}}
	waitApplied(t, nodes[2], publish(t, nodes[2], dels))
	all := ids(ops)
	checkHeld(t, nodes, all[3:], all[:3])
	for _, n := range nodes {
		for _, ls := range n.Local() {
			if a, err := ls.Index.Get(context.Background(), "w-3"); err == nil && a.Title != v2.Title {
				t.Errorf("node %d shard %d: w-3 has title %q, want %q", n.ID(), ls.Shard, a.Title, v2.Title)
			}
		}
	}
}

// TestRestartResumes stops a node, publishes while it is down, and
// starts it again: it applies exactly the writes it missed, from the
// sequence recorded in its indexes, none twice and none skipped.
func TestRestartResumes(t *testing.T) {
	nc := natstest.Start(t, 3)
	dir := t.TempDir()
	n1, n2, n3 := startNode(t, nc.URLs, 1, dir), startNode(t, nc.URLs, 2, dir), startNode(t, nc.URLs, 3, dir)
	defer n1.Close()
	defer n3.Close()
	first := articles("r", 120)
	acks := publish(t, n1, first)
	waitApplied(t, n1, acks)
	before := messagesApplied(n2)
	if err := n2.Close(); err != nil {
		t.Fatal(err)
	}
	later := articles("s", 90)
	missed := 0
	laterAcks := publish(t, n1, later)
	for _, a := range laterAcks {
		if holds(n1.Map(), a.Shard, 2) {
			missed++
		}
	}
	n2 = startNode(t, nc.URLs, 2, dir)
	defer n2.Close()
	waitApplied(t, n1, append(laterAcks, publish(t, n1, []Op{{Delete: "r-0"}})...))
	dels := 0
	if holds(n1.Map(), ShardOf("r-0", testShards), 2) {
		dels = 1
	}
	if got := messagesApplied(n2); got != uint64(missed+dels) {
		t.Errorf("after restart node 2 applied %d messages, want the %d it missed (it had applied %d before)", got, missed+dels, before)
	}
	all := append(ids(first)[1:], ids(later)...)
	checkHeld(t, []*Node{n1, n2, n3}, all, []string{"r-0"})
	for _, st := range n2.Status(context.Background()) {
		if st.Lag != 0 || st.Applied != st.Last || st.Error != "" {
			t.Errorf("status %+v: want applied = last, no lag", st)
		}
	}
}

// holds reports whether node holds shard in m.
func holds(m ShardMap, shard, node int) bool {
	for _, n := range m.Holders[shard] {
		if n == node {
			return true
		}
	}
	return false
}

// messagesApplied is the messages a node has applied since it started.
func messagesApplied(n *Node) uint64 {
	var sum uint64
	for _, r := range n.replicas {
		sum += r.messages.Load()
	}
	return sum
}

// TestNATSServerKilled kills one NATS server of three, without warning,
// while articles are published: every write is still acknowledged, and
// every acknowledged write is applied.
func TestNATSServerKilled(t *testing.T) {
	nc := natstest.Start(t, 3)
	dir := t.TempDir()
	var nodes []*Node
	for id := 1; id <= testNodes; id++ {
		n := startNode(t, nc.URLs, id, dir)
		defer n.Close()
		nodes = append(nodes, n)
	}
	ops := articles("k", 400)
	waitApplied(t, nodes[0], publish(t, nodes[0], ops[:100]))
	done := make(chan []Ack)
	go func() {
		acks, err := nodes[0].Publish(context.Background(), ops[100:])
		if err != nil {
			t.Errorf("publish while a NATS server dies: %v", err)
		}
		done <- acks
	}()
	nc.Kill(0)
	acks := <-done
	acks = append(acks, publish(t, nodes[1], articles("after", 50))...)
	waitApplied(t, nodes[2], acks)
	checkHeld(t, nodes, append(ids(ops), ids(articles("after", 50))...), nil)
}

// TestWaitAppliedTimesOut checks that a wait for a replica that is down
// ends with the context and names the replicas behind.
func TestWaitAppliedTimesOut(t *testing.T) {
	nc := natstest.Start(t, 3)
	n1 := startNode(t, nc.URLs, 1, t.TempDir())
	defer n1.Close()
	// Shard 1 is held by nodes 2 and 3, which are not running.
	var op Op
	for i := 0; ; i++ {
		if op = articles(fmt.Sprint("t", i), 1)[0]; ShardOf(op.ID(), testShards) == 1 {
			break
		}
	}
	acks := publish(t, n1, []Op{op})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err := n1.WaitApplied(ctx, acks)
	var le *LagError
	if !errors.As(err, &le) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitApplied = %v, want a *LagError after the deadline", err)
	}
	want := []Lag{{Shard: 1, Node: 2, Applied: 0, Want: acks[0].Seq}, {Shard: 1, Node: 3, Applied: 0, Want: acks[0].Seq}}
	if fmt.Sprint(le.Lags) != fmt.Sprint(want) {
		t.Errorf("lags = %+v, want %+v", le.Lags, want)
	}
}

// testLogger logs to the test's output at warn level and above.
func testLogger(t testing.TB) zerolog.Logger {
	return zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
}

// TestPublishNotStored kills every NATS server and checks that Publish
// gives up after PublishRetry with a *PublishError naming every write as
// not stored, and that writes stored before are named as stored.
func TestPublishNotStored(t *testing.T) {
	nc := natstest.Start(t, 3)
	n := startNodeWith(t, nc.URLs, 1, t.TempDir(), func(c *Config) { c.PublishRetry = 2 * time.Second })
	defer n.Close()
	publish(t, n, articles("before", 2))
	for i := range 3 {
		nc.Kill(i)
	}
	ops := articles("lost", 3)
	acks, err := n.Publish(context.Background(), ops)
	var pe *PublishError
	if !errors.As(err, &pe) {
		t.Fatalf("Publish with no NATS server = %v, want a *PublishError", err)
	}
	if fmt.Sprint(pe.NotStored) != fmt.Sprint(ids(ops)) || len(pe.Stored) != 0 {
		t.Errorf("not stored %v, stored %v; want %v and none", pe.NotStored, pe.Stored, ids(ops))
	}
	for _, a := range acks {
		if a.Err == nil || a.Seq != 0 {
			t.Errorf("ack %+v: want an error and no sequence", a)
		}
	}
	if _, err := n.Publish(context.Background(), []Op{{Delete: "x"}, {Delete: "x"}}); err == nil || errors.As(err, &pe) {
		t.Errorf("two writes of one article = %v, want a refusal", err)
	}
}
