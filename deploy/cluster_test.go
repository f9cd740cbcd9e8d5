package deploy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/lab/bench"
)

// The Compose cluster test (deploy/compose.cluster.yaml): it ingests the
// bench's synthetic corpus through the three Sagasu nodes while it kills a
// Sagasu node, kills a NATS server and cuts a node off its network, then
// heals them, measures how long the nodes take to catch up, and checks
// that every acknowledged article is on both replicas of its shard. Then
// it sends the bench mix (the queries of sagasu-lab bench, with their
// facets) to every node and to a single Sagasu process with the same
// shard count (serve --shards 6) holding the same articles, and compares
// the answers: ids, order, totals, facet counts, scores. It needs the
// sagasu and sagasu-nats images (deploy/docker-bases.sh, then docker
// build -t sagasu .) and runs only with SAGASU_CLUSTER_TEST=1:
//
//	SAGASU_CLUSTER_TEST=1 go test -count=1 -v -timeout 60m -run TestCluster ./deploy/
//
// SAGASU_CLUSTER_ARTICLES sets the size of the synthetic corpus
// (sagasu-lab gen --articles N --seed 1; 100,000 by default, the issue's
// size), or SAGASU_CLUSTER_CORPUS names a JSON Lines file of articles to
// use instead. SAGASU_IMAGE names the Sagasu image (default sagasu), so
// that runs of different builds on one Docker daemon do not collide.

const (
	clusterKey      = "cluster-test-write-key-0123456789"
	defaultArticles = 100_000
	minArticles     = 1000
	clusterShards   = 6 // SAGASU_SHARDS of compose.cluster.yaml
	corpusSeed      = 1 // the bench's default seed
)

// clusterRun is one Compose project of compose.cluster.yaml.
type clusterRun struct {
	t       *testing.T
	compose []string
	project string
	image   string
	ids     map[string]string // service → container id
	bases   map[string]string // Sagasu service → base URL
	// searches counts the searches sent to nodes that were up during
	// ingest, and those that did not answer 200.
	searches, searchFailures int
}

// TestCluster is the acceptance test of the cluster.
func TestCluster(t *testing.T) {
	if os.Getenv("SAGASU_CLUSTER_TEST") != "1" {
		t.Skip("the Compose cluster test runs only with SAGASU_CLUSTER_TEST=1 (it needs the images and takes minutes)")
	}
	os.Setenv("SAGASU_DOCKER_TEST", "1")
	needDocker(t)
	ph := newPhases()
	path, arts := clusterArticles(t)
	ph.mark(t, "generate")
	mix := mixInBackground(path)
	c := upCluster(t)
	ph.mark(t, "compose up")
	acked, healed := c.ingestWithFaults(arts)
	ph.mark(t, "post through the faults")
	single := startSingle(t, c.image, path)
	catchUp := c.waitCaughtUp(healed, len(arts))
	ph.mark(t, "cluster catch-up")
	lost := c.checkAcked(acked)
	ph.mark(t, "check acknowledged")
	single.waitReady(len(arts))
	ph.mark(t, "single node ready")
	queries, err := mix.wait()
	if err != nil {
		t.Fatalf("the bench mix: %v", err)
	}
	ph.mark(t, "bench mix chosen")
	cmp := compareMix(t, queries, single.base, c.bases)
	ph.mark(t, "compare")
	t.Logf("cluster summary: %d articles acknowledged of %d sent, %d lost or misplaced; caught up %.1f s after the last heal; "+
		"%d searches during the faults, %d unanswered; %d bench-mix queries compared on %d nodes with a single node: %d answers, "+
		"%d partial, %d mismatched; the mix chosen in %.1f s beside the ingest; %s", len(acked), len(arts), lost,
		catchUp.Seconds(), c.searches, c.searchFailures, len(queries), len(c.bases), cmp.answers, cmp.partial, cmp.mismatched,
		mix.took.Seconds(), ph)
	if len(acked) != len(arts) {
		t.Errorf("%d articles acknowledged, want all %d (the client retries until each is)", len(acked), len(arts))
	}
	if c.searchFailures > 0 {
		t.Errorf("%d of %d searches to nodes that were up did not answer 200", c.searchFailures, c.searches)
	}
	cmp.report(t)
}

// clusterArticles returns the path and the articles of
// SAGASU_CLUSTER_CORPUS, or of a new synthetic corpus of
// SAGASU_CLUSTER_ARTICLES articles (defaultArticles when unset) written by
// the bench's generator.
func clusterArticles(t *testing.T) (string, []synth) {
	path := os.Getenv("SAGASU_CLUSTER_CORPUS")
	if path == "" {
		n := defaultArticles
		if v := os.Getenv("SAGASU_CLUSTER_ARTICLES"); v != "" {
			var err error
			if n, err = strconv.Atoi(v); err != nil || n < minArticles {
				t.Fatalf("SAGASU_CLUSTER_ARTICLES=%q: want a number of at least %d", v, minArticles)
			}
		}
		var err error
		if path, err = bench.WriteSynth(context.Background(), t.TempDir(), bench.SynthOptions(n, corpusSeed)); err != nil {
			t.Fatal(err)
		}
	}
	arts, err := readArticles(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < minArticles {
		t.Fatalf("%s: %d articles, want at least %d", path, len(arts), minArticles)
	}
	return path, arts
}

// readArticles reads a JSON Lines file of articles, keeping each line.
func readArticles(path string) ([]synth, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the corpus: %w", err)
	}
	var out []synth
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var a struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil || a.ID == "" {
			return nil, fmt.Errorf("%s:%d: want a JSON article with an id (%v)", path, i+1, err)
		}
		out = append(out, synth{id: a.ID, json: line})
	}
	return out, nil
}

// upCluster brings compose.cluster.yaml up under a project of its own and
// waits for the three Sagasu nodes to be healthy.
func upCluster(t *testing.T) *clusterRun {
	c := &clusterRun{t: t, compose: composeCommand(t), project: unique("sagasu-cluster-test-"),
		image: clusterImage(), ids: map[string]string{}, bases: map[string]string{}}
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

// clusterImage is the Sagasu image the test runs: SAGASU_IMAGE, else the
// README's tag.
func clusterImage() string {
	if v := os.Getenv("SAGASU_IMAGE"); v != "" {
		return v
	}
	return image
}

// sagasuNodes are the Sagasu services.
var sagasuNodes = []string{"sagasu1", "sagasu2", "sagasu3"}

// run runs a compose command on the project.
func (c *clusterRun) run(args ...string) (string, error) {
	args = append(append(c.compose[1:len(c.compose):len(c.compose)], "-p", c.project, "-f", "compose.cluster.yaml"), args...)
	cmd := exec.Command(c.compose[0], args...)
	cmd.Env = append(os.Environ(), "SAGASU_API_KEY="+clusterKey, "SAGASU_IMAGE="+c.image)
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// synth is an article of the corpus: its ID and its JSON line.
type synth struct{ id, json string }
