package cluster

import (
	"fmt"
	"reflect"
	"testing"
)

// TestShardOf pins the routing rule: FNV-1a 32 of the id modulo shards.
// A change here moves the articles of every existing cluster.
func TestShardOf(t *testing.T) {
	tests := []struct {
		id     string
		shards int
		want   int
	}{
		{"", 6, int(2166136261 % 6)}, // the FNV-1a 32 offset basis
		{"a", 6, int(0xe40c292c % 6)},
		{"a", 1, 0},
		{"foobar", 7, int(0xbf9cf968 % 7)},
	}
	for _, tt := range tests {
		if got := ShardOf(tt.id, tt.shards); got != tt.want {
			t.Errorf("ShardOf(%q, %d) = %d, want %d", tt.id, tt.shards, got, tt.want)
		}
	}
	counts := make([]int, 6)
	for i := range 6000 {
		counts[ShardOf(fmt.Sprintf("article-%d", i), 6)]++
	}
	for s, c := range counts {
		if c < 800 || c > 1200 {
			t.Errorf("shard %d got %d of 6000 ids: want about 1000 each (%v)", s, c, counts)
		}
	}
}

// TestNewShardMap checks the assignment of the Compose cluster (6 shards,
// 2 replicas, 3 nodes) and that every node holds no shard twice.
func TestNewShardMap(t *testing.T) {
	m := NewShardMap(6, 2, 3)
	want := [][]int{{1, 2}, {2, 3}, {3, 1}, {1, 2}, {2, 3}, {3, 1}}
	if !reflect.DeepEqual(m.Holders, want) {
		t.Errorf("holders = %v, want %v", m.Holders, want)
	}
	byNode := map[int][]int{1: {0, 2, 3, 5}, 2: {0, 1, 3, 4}, 3: {1, 2, 4, 5}}
	for node, shards := range byNode {
		if got := m.Of(node); !reflect.DeepEqual(got, shards) {
			t.Errorf("Of(%d) = %v, want %v", node, got, shards)
		}
	}
	for _, tt := range []struct{ shards, replicas, nodes int }{{1, 1, 1}, {4, 3, 3}, {12, 2, 5}} {
		m := NewShardMap(tt.shards, tt.replicas, tt.nodes)
		for s, holders := range m.Holders {
			seen := map[int]bool{}
			for _, n := range holders {
				if seen[n] || n < 1 || n > tt.nodes {
					t.Errorf("%+v: shard %d holders %v", tt, s, holders)
				}
				seen[n] = true
			}
		}
	}
}
