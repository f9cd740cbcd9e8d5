package main

import (
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/cluster"
	"github.com/sagasu-search/sagasu/internal/natstest"
)

// clusterAnswer mirrors a write's answer in cluster mode.
type clusterAnswer struct {
	Stored []struct {
		ID    string `json:"id"`
		Shard int    `json:"shard"`
		Seq   uint64 `json:"seq"`
	} `json:"stored"`
	Applied bool `json:"applied"`
	Error   struct {
		Code string `json:"code"`
	} `json:"error"`
	Behind []cluster.Lag `json:"behind"`
}

// partialAnswer mirrors what a search in cluster mode adds.
type partialAnswer struct {
	Total         int   `json:"total"`
	Partial       bool  `json:"partial"`
	Shards        []int `json:"shards"`
	MissingShards []int `json:"missing_shards"`
	Hits          []struct {
		ID string `json:"id"`
	} `json:"hits"`
}

// startClusterNodes starts three "sagasu serve --cluster" nodes (6
// shards, 2 replicas) on a three-server NATS cluster.
func startClusterNodes(t *testing.T) ([]*testServer, *natstest.Cluster) {
	nc := natstest.Start(t, 3)
	dir := t.TempDir()
	var nodes []*testServer
	for id := 1; id <= 3; id++ {
		nodes = append(nodes, startServer(t, filepath.Join(dir, fmt.Sprint("node", id)), map[string]string{"SAGASU_API_KEY": testKey},
			"--cluster", strings.Join(nc.URLs, ","), "--node-id", fmt.Sprint(id), "--nodes", "3", "--shards", "6",
			"--replicas", "2", "--entities", "off", "--wait-timeout", "2s"))
	}
	return nodes, nc
}

// TestServeCluster posts through one node of three, waits for the writes
// to be applied, and checks what each node answers from its own shards.
func TestServeCluster(t *testing.T) {
	nodes, _ := startClusterNodes(t)
	var body strings.Builder
	for i := range 30 {
		fmt.Fprintf(&body, `{"id":"c-%d","title":"Quolls of shard land %d","body":"A quoll.","lang":"en"}`+"\n", i, i)
	}
	var put clusterAnswer
	if code := nodes[0].do(t, "POST", "/api/v1/articles?wait=applied", testKey, body.String(), &put); code != 200 || !put.Applied || len(put.Stored) != 30 {
		t.Fatalf("POST ?wait=applied: %d %+v", code, put)
	}
	seen := map[string]int{}
	for i, n := range nodes {
		var ans partialAnswer
		if code := n.do(t, "GET", "/api/v1/search?q=quoll&size=100", "", "", &ans); code != 200 {
			t.Fatalf("node %d search: %d", i+1, code)
		}
		want := map[int][]int{0: {1, 4}, 1: {2, 5}, 2: {0, 3}}[i]
		if !ans.Partial || !slices.Equal(ans.MissingShards, want) || ans.Total != len(ans.Hits) {
			t.Errorf("node %d: partial %v missing %v total %d hits %d; want partial, missing %v", i+1, ans.Partial, ans.MissingShards, ans.Total, len(ans.Hits), want)
		}
		for _, h := range ans.Hits {
			if !slices.Contains(ans.Shards, cluster.ShardOf(h.ID, 6)) {
				t.Errorf("node %d found %s of shard %d, which it does not hold", i+1, h.ID, cluster.ShardOf(h.ID, 6))
			}
			seen[h.ID]++
		}
	}
	for i := range 30 {
		if id := fmt.Sprintf("c-%d", i); seen[id] != 2 {
			t.Errorf("%s found on %d nodes, want 2 (its shard's replicas)", id, seen[id])
		}
	}
	checkClusterReadsAndDeletes(t, nodes)
}

// checkClusterReadsAndDeletes checks GET on a holder and a non-holder, a
// DELETE with ?wait=applied, and a bad ?wait=.
func checkClusterReadsAndDeletes(t *testing.T, nodes []*testServer) {
	t.Helper()
	id := "c-0"
	holders := cluster.NewShardMap(6, 2, 3).Holders[cluster.ShardOf(id, 6)]
	for i, n := range nodes {
		want := http.StatusServiceUnavailable
		if slices.Contains(holders, i+1) {
			want = http.StatusOK
		}
		if code := n.do(t, "GET", "/api/v1/articles/"+id, "", "", nil); code != want {
			t.Errorf("node %d GET %s: %d, want %d", i+1, id, code, want)
		}
	}
	var del clusterAnswer
	if code := nodes[2].do(t, "DELETE", "/api/v1/articles/"+id+"?wait=applied", testKey, "", &del); code != 200 || !del.Applied {
		t.Fatalf("DELETE ?wait=applied: %d %+v", code, del)
	}
	if code := nodes[holders[0]-1].do(t, "GET", "/api/v1/articles/"+id, "", "", nil); code != 404 {
		t.Errorf("GET after DELETE: %d, want 404", code)
	}
	if code := nodes[0].do(t, "POST", "/api/v1/articles?wait=soon", testKey, `{"id":"x","title":"x"}`, nil); code != 400 {
		t.Errorf("?wait=soon: %d, want 400", code)
	}
}

// TestServeClusterWaitTimesOut stops a node and checks that a write to a
// shard it holds is stored, but ?wait=applied answers 504 naming it.
func TestServeClusterWaitTimesOut(t *testing.T) {
	nodes, _ := startClusterNodes(t)
	nodes[2].stop()
	id := ""
	for i := 0; id == ""; i++ { // an article of shard 1, held by nodes 2 and 3
		if c := fmt.Sprint("late-", i); cluster.ShardOf(c, 6) == 1 {
			id = c
		}
	}
	var ans clusterAnswer
	code := nodes[0].do(t, "POST", "/api/v1/articles?wait=applied", testKey, `{"id":"`+id+`","title":"Late"}`, &ans)
	if code != http.StatusGatewayTimeout || ans.Error.Code != "not_applied" || len(ans.Stored) != 1 ||
		len(ans.Behind) != 1 || ans.Behind[0].Node != 3 || ans.Behind[0].Shard != 1 {
		t.Fatalf("POST ?wait=applied with node 3 down: %d %+v; want 504 naming shard 1 on node 3", code, ans)
	}
}
