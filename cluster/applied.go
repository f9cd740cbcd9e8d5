package cluster

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/nats-io/nats.go/jetstream"
)

// appliedKey is the internal key of a shard index under which its replica
// records, in each batch it applies, the stream sequence it has applied.
const appliedKey = "sagasu.cluster.applied_seq"

// holder names one replica: a shard on a node.
type holder struct{ shard, node int }

// bucketKey is the key of h's applied sequence in AppliedBucket.
func (h holder) bucketKey() string { return fmt.Sprintf("shard-%d.node-%d", h.shard, h.node) }

// parseBucketKey reads a key of AppliedBucket.
func parseBucketKey(key string) (holder, bool) {
	var h holder
	_, err := fmt.Sscanf(key, "shard-%d.node-%d", &h.shard, &h.node)
	return h, err == nil
}

// appliedTable is what the node knows of the sequence every replica of the
// cluster has applied, from a watch of AppliedBucket; waiters for
// ?wait=applied are woken at each change.
type appliedTable struct {
	mu      sync.Mutex
	seq     map[holder]uint64
	changed chan struct{} // closed, and replaced, at each change
}

func newAppliedTable() *appliedTable {
	return &appliedTable{seq: map[holder]uint64{}, changed: make(chan struct{})}
}

// set records that h has applied up to seq.
func (t *appliedTable) set(h holder, seq uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seq[h] = seq
	close(t.changed)
	t.changed = make(chan struct{})
}

// get returns the sequence h has reported applied, 0 when none.
func (t *appliedTable) get(h holder) uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.seq[h]
}

// behind returns the replicas of need that have not applied their
// sequence yet, and a channel closed at the next change.
func (t *appliedTable) behind(need map[holder]uint64) ([]Lag, <-chan struct{}) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var lags []Lag
	for h, want := range need {
		if got := t.seq[h]; got < want {
			lags = append(lags, Lag{Shard: h.shard, Node: h.node, Applied: got, Want: want})
		}
	}
	sort.Slice(lags, func(i, j int) bool {
		return lags[i].Shard < lags[j].Shard || lags[i].Shard == lags[j].Shard && lags[i].Node < lags[j].Node
	})
	return lags, t.changed
}

// watch keeps t up to date with AppliedBucket until ctx ends.
func (t *appliedTable) watch(ctx context.Context, kv jetstream.KeyValue) error {
	w, err := kv.WatchAll(ctx)
	if err != nil {
		return fmt.Errorf("watch %s: %w", AppliedBucket, err)
	}
	go func() {
		defer w.Stop()
		for e := range w.Updates() {
			if e == nil { // the initial values are all in
				continue
			}
			h, ok := parseBucketKey(e.Key())
			seq, err := strconv.ParseUint(string(e.Value()), 10, 64)
			if ok && err == nil {
				t.set(h, seq)
			}
		}
	}()
	return nil
}

// Lag is a replica that has not applied a write yet.
type Lag struct {
	Shard   int    `json:"shard"`
	Node    int    `json:"node"`
	Applied uint64 `json:"applied"`
	Want    uint64 `json:"want"`
}

// LagError reports the replicas that had not applied the writes when a
// wait for them ended.
type LagError struct {
	Lags []Lag
	Err  error
}

func (e *LagError) Error() string {
	parts := make([]string, len(e.Lags))
	for i, l := range e.Lags {
		parts[i] = fmt.Sprintf("shard %d on node %d at %d of %d", l.Shard, l.Node, l.Applied, l.Want)
	}
	return fmt.Sprintf("writes stored but not yet applied everywhere (%v): %s", e.Err, strings.Join(parts, "; "))
}

func (e *LagError) Unwrap() error { return e.Err }

// WaitApplied returns when every node holding a shard the acks touched
// has applied that shard's stream past the acks' sequence, so that a
// search on any replica finds the writes. When ctx ends first it returns
// a *LagError naming the replicas behind. A replica on a node that is
// down holds the wait until ctx ends.
func (n *Node) WaitApplied(ctx context.Context, acks []Ack) error {
	need := map[holder]uint64{}
	for _, a := range acks {
		if a.Err != nil {
			continue
		}
		for _, node := range n.shardMap.Holders[a.Shard] {
			h := holder{a.Shard, node}
			need[h] = max(need[h], a.Seq)
		}
	}
	for {
		lags, changed := n.table.behind(need)
		if len(lags) == 0 {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return &LagError{Lags: lags, Err: ctx.Err()}
		}
	}
}
