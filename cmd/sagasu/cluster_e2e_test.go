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

// partialAnswer mirrors a search's answer in cluster mode: partial is
// always there.
type partialAnswer struct {
	Total         int   `json:"total"`
	Partial       *bool `json:"partial"`
	MissingShards []int `json:"missing_shards"`
	Hits          []struct {
		ID string `json:"id"`
	} `json:"hits"`
}

// search runs GET /api/v1/search?q=q&size=100 on n and checks that it
// answers 200, partial as want says, missing the shards missing.
func (ans *partialAnswer) search(t *testing.T, n *testServer, q string, partial bool, missing []int) {
	t.Helper()
	if code := n.do(t, "GET", "/api/v1/search?size=100&q="+q, "", "", ans); code != 200 {
		t.Fatalf("search %q: %d", q, code)
	}
	if ans.Partial == nil || *ans.Partial != partial || !slices.Equal(ans.MissingShards, missing) || ans.Total != len(ans.Hits) {
		t.Errorf("search %q: partial %v missing %v total %d hits %d; want partial %v, missing %v",
			q, ans.Partial, ans.MissingShards, ans.Total, len(ans.Hits), partial, missing)
	}
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
// to be applied, and checks that each node finds every article, from
// every shard (the query fan-out).
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
	for _, n := range nodes {
		var ans partialAnswer
		ans.search(t, n, "quoll", false, nil)
		if ans.Total != 30 {
			t.Errorf("found %d articles, want all 30", ans.Total)
		}
		var st struct {
			Articles int `json:"articles"`
		}
		if code := n.do(t, "GET", "/api/v1/stats", "", "", &st); code != 200 || st.Articles != 30 {
			t.Errorf("stats: %d, %d articles; want 200 and the cluster's 30", code, st.Articles)
		}
	}
	checkClusterSnapshot(t, nodes[0])
	checkClusterReadsAndDeletes(t, nodes)
}

// checkClusterSnapshot asks node 1 for snapshots of its shards: one for
// each shard it holds, with the sequence it has applied; and without a
// key, none.
func checkClusterSnapshot(t *testing.T, n *testServer) {
	t.Helper()
	var ans struct {
		Snapshots []cluster.SnapshotResult `json:"snapshots"`
	}
	if code := n.do(t, "POST", "/api/v1/admin/snapshot", "", "", nil); code != http.StatusUnauthorized {
		t.Errorf("snapshot without a key: %d, want 401", code)
	}
	if code := n.do(t, "POST", "/api/v1/admin/snapshot", testKey, "", &ans); code != http.StatusOK {
		t.Fatalf("snapshot: %d", code)
	}
	var ready struct {
		Status string                `json:"status"`
		Shards []cluster.ShardStatus `json:"shards"`
	}
	if code := n.do(t, "GET", "/readyz", "", "", &ready); code != http.StatusOK || ready.Status != "ready" {
		t.Errorf("readyz: %d %q, want 200 ready", code, ready.Status)
	}
	held := cluster.NewShardMap(6, 2, 3).Of(1)
	if len(ans.Snapshots) != len(held) {
		t.Fatalf("snapshots %+v, want one of each of shards %v", ans.Snapshots, held)
	}
	for i, s := range ans.Snapshots {
		want := ready.Shards[i].Applied
		if s.Shard != held[i] || s.Seq != want || (want > 0) != (s.Bytes > 0 && s.Skipped == "") {
			t.Errorf("snapshot %+v: want shard %d at sequence %d, written unless nothing was applied", s, held[i], want)
		}
	}
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
// shard it holds is stored, but ?wait=applied answers 504 naming it; that
// a search still finds it, from the other replica; and that with a second
// node stopped a search answers 200, partial, naming the two shards no
// running node holds, and the entity listing, which needs every shard, 503.
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
	var found partialAnswer
	found.search(t, nodes[0], "late", false, nil)
	if len(found.Hits) != 1 || found.Hits[0].ID != id {
		t.Errorf("search with node 3 down: %+v, want %s from node 2's replica", found.Hits, id)
	}
	nodes[1].stop()
	var partial partialAnswer
	partial.search(t, nodes[0], "late", true, []int{1, 4})
	var listing clusterAnswer
	if code := nodes[0].do(t, "GET", "/api/v1/entities", "", "", &listing); code != 503 || listing.Error.Code != "unavailable" {
		t.Errorf("entities with shards 1 and 4 down: %d %+v; want 503 unavailable", code, listing)
	}
}
