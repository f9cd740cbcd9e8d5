package deploy_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The Compose cluster test (deploy/compose.cluster.yaml): it ingests
// synthetic articles through the three Sagasu nodes while it kills a
// Sagasu node, kills a NATS server and cuts a node off its network, then
// heals them, measures how long the nodes take to catch up, and checks
// that every acknowledged article is on both replicas of its shard. It
// needs the sagasu and sagasu-nats images (deploy/docker-bases.sh, then
// docker build -t sagasu .) and runs only with SAGASU_CLUSTER_TEST=1:
//
//	SAGASU_CLUSTER_TEST=1 go test -count=1 -v -run TestCluster ./deploy/
//
// SAGASU_CLUSTER_ARTICLES sets the number of articles (5,000 by default),
// or SAGASU_CLUSTER_CORPUS names a JSON Lines file of articles to use
// instead, such as sagasu-lab gen's (the manual run: 100,000).

const (
	clusterKey      = "cluster-test-write-key-0123456789"
	clusterBatch    = 100
	defaultArticles = 5000
	catchUpMax      = 5 * time.Minute
)

// clusterRun is one Compose project of compose.cluster.yaml.
type clusterRun struct {
	t       *testing.T
	compose []string
	project string
	ids     map[string]string // service → container id
	bases   map[string]string // Sagasu service → base URL
	// searches counts the searches sent to nodes that were up during
	// ingest, and those that did not answer 200.
	searches, searchFailures int
}

// TestCluster is the acceptance test of the cluster's write path.
func TestCluster(t *testing.T) {
	if os.Getenv("SAGASU_CLUSTER_TEST") != "1" {
		t.Skip("the Compose cluster test runs only with SAGASU_CLUSTER_TEST=1 (it needs the images and takes minutes)")
	}
	os.Setenv("SAGASU_DOCKER_TEST", "1")
	needDocker(t)
	arts := clusterArticles(t)
	n := len(arts)
	c := upCluster(t)
	start := time.Now()
	acked, healed := c.ingestWithFaults(arts)
	ingest := time.Since(start)
	catchUp := c.waitCaughtUp(healed)
	c.checkAcked(acked)
	t.Logf("%d articles acknowledged of %d sent in %.1f s (%.0f/s) through the faults; caught up %.1f s after the last heal; "+
		"%d searches during ingest, %d unanswered", len(acked), n, ingest.Seconds(), float64(len(acked))/ingest.Seconds(),
		catchUp.Seconds(), c.searches, c.searchFailures)
	if len(acked) != n {
		t.Errorf("%d articles acknowledged, want all %d (the client retries until each is)", len(acked), n)
	}
	if c.searchFailures > 0 {
		t.Errorf("%d of %d searches to nodes that were up did not answer 200", c.searchFailures, c.searches)
	}
}

// clusterArticles returns the articles of SAGASU_CLUSTER_CORPUS, or
// SAGASU_CLUSTER_ARTICLES synthetic ones (defaultArticles when unset).
func clusterArticles(t *testing.T) []synth {
	if path := os.Getenv("SAGASU_CLUSTER_CORPUS"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var out []synth
		for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var a struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal([]byte(line), &a); err != nil || a.ID == "" {
				t.Fatalf("%s:%d: want a JSON article with an id (%v)", path, i+1, err)
			}
			out = append(out, synth{id: a.ID, json: line})
		}
		return out
	}
	n := defaultArticles
	if v := os.Getenv("SAGASU_CLUSTER_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 10*clusterBatch {
			t.Fatalf("SAGASU_CLUSTER_ARTICLES=%q: want a number of at least %d", v, 10*clusterBatch)
		}
	}
	return synthArticles(n)
}

// upCluster brings compose.cluster.yaml up under a project of its own and
// waits for the three Sagasu nodes to be healthy.
func upCluster(t *testing.T) *clusterRun {
	c := &clusterRun{t: t, compose: composeCommand(t), project: unique("sagasu-cluster-test-"),
		ids: map[string]string{}, bases: map[string]string{}}
	t.Cleanup(func() {
		if out, err := c.run("down", "-v"); err != nil {
			t.Errorf("compose down: %v: %s", err, out)
		}
	})
	if out, err := c.run("up", "-d"); err != nil {
		t.Fatalf("compose up: %v: %s", err, out)
	}
	for _, svc := range []string{"nats1", "nats2", "nats3", "sagasu1", "sagasu2", "sagasu3"} {
		id, err := c.run("ps", "-q", svc)
		if err != nil || id == "" {
			t.Fatalf("compose ps %s: %q, %v", svc, id, err)
		}
		c.ids[svc] = id
	}
	for _, svc := range sagasuNodes {
		c.bases[svc] = waitHealthy(t, c.ids[svc])
	}
	return c
}

// sagasuNodes are the Sagasu services.
var sagasuNodes = []string{"sagasu1", "sagasu2", "sagasu3"}

// run runs a compose command on the project.
func (c *clusterRun) run(args ...string) (string, error) {
	args = append(append(c.compose[1:len(c.compose):len(c.compose)], "-p", c.project, "-f", "compose.cluster.yaml"), args...)
	cmd := exec.Command(c.compose[0], args...)
	cmd.Env = append(os.Environ(), "SAGASU_API_KEY="+clusterKey)
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// synth is a synthetic article: its ID and its JSON.
type synth struct{ id, json string }

// synthArticles returns n synthetic English articles, the same for every
// run, with IDs cl-0 … cl-(n-1).
func synthArticles(n int) []synth {
	words := strings.Fields("quoll harbour minister railway festival reactor typhoon election museum vaccine " +
		"budget satellite fishery orchestra bridge summit tariff glacier startup archive")
	rng := rand.New(rand.NewSource(23))
	out := make([]synth, n)
	for i := range out {
		var body []string
		for range 40 {
			body = append(body, words[rng.Intn(len(words))])
		}
		a := map[string]string{"id": fmt.Sprintf("cl-%d", i), "lang": "en", "source": "Synth Wire",
			"title": strings.Join(body[:5], " "), "body": strings.Join(body, " ") + ".",
			"published": fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)}
		b, _ := json.Marshal(a)
		out[i] = synth{id: a["id"], json: string(b)}
	}
	return out
}
