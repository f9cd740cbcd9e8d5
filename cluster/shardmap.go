package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Names of the cluster's JetStream buckets and of the shard map's key.
const (
	// MapBucket is the key-value bucket of the shard map.
	MapBucket = "SAGASU_SHARDMAP"
	// AppliedBucket is the key-value bucket where each node records the
	// stream sequence it has applied of each of its shards.
	AppliedBucket = "SAGASU_APPLIED"
	mapKey        = "map"
)

// StreamName returns the name of shard n's stream.
func StreamName(n int) string { return fmt.Sprintf("SAGASU_SHARD_%d", n) }

// Subject returns the subject of shard n's stream.
func Subject(n int) string { return fmt.Sprintf("sagasu.shard.%d", n) }

// ShardMap says which nodes hold which shard. It is written once, by the
// first node to start, and read by every other.
type ShardMap struct {
	Shards   int `json:"shards"`
	Replicas int `json:"replicas"`
	Nodes    int `json:"nodes"`
	// Holders lists, for each shard, the ids of the nodes that hold it.
	Holders [][]int `json:"holders"`
}

// NewShardMap assigns each of shards shards to replicas of nodes nodes
// (numbered from 1), deterministically: replica r of shard s goes to node
// (s+r) mod nodes + 1, so every node holds shards×replicas/nodes shards
// (give or take one) and no node holds a shard twice.
func NewShardMap(shards, replicas, nodes int) ShardMap {
	m := ShardMap{Shards: shards, Replicas: replicas, Nodes: nodes, Holders: make([][]int, shards)}
	for s := range shards {
		for r := range replicas {
			m.Holders[s] = append(m.Holders[s], (s+r)%nodes+1)
		}
	}
	return m
}

// Of returns the shards node holds, in increasing order.
func (m ShardMap) Of(node int) []int {
	var out []int
	for s, nodes := range m.Holders {
		for _, n := range nodes {
			if n == node {
				out = append(out, s)
			}
		}
	}
	return out
}

// sameShape reports whether m has the shape of o: the same shards,
// replicas and nodes.
func (m ShardMap) sameShape(o ShardMap) bool {
	return m.Shards == o.Shards && m.Replicas == o.Replicas && m.Nodes == o.Nodes
}

// bootstrapMap stores want as the shard map unless one is stored, and
// returns the stored one. A stored map of another shape is an error: a
// cluster is not re-sharded by restarting a node with other flags.
func bootstrapMap(ctx context.Context, kv jetstream.KeyValue, want ShardMap) (ShardMap, error) {
	b, err := json.Marshal(want)
	if err != nil {
		return ShardMap{}, fmt.Errorf("encode shard map: %w", err)
	}
	if _, err := kv.Create(ctx, mapKey, b); err == nil {
		return want, nil
	} else if !errors.Is(err, jetstream.ErrKeyExists) {
		return ShardMap{}, fmt.Errorf("store shard map: %w", err)
	}
	e, err := kv.Get(ctx, mapKey)
	if err != nil {
		return ShardMap{}, fmt.Errorf("read shard map: %w", err)
	}
	var got ShardMap
	if err := json.Unmarshal(e.Value(), &got); err != nil {
		return ShardMap{}, fmt.Errorf("decode shard map: %w", err)
	}
	if !got.sameShape(want) {
		return ShardMap{}, fmt.Errorf("the cluster has %d shards × %d replicas on %d nodes; this node was started with %d × %d on %d",
			got.Shards, got.Replicas, got.Nodes, want.Shards, want.Replicas, want.Nodes)
	}
	return got, nil
}
