package deploy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/lab/bench"
)

// phases times the steps of the test, for its summary line.
type phases struct {
	start, last time.Time
	names       []string
	took        []time.Duration
}

// newPhases starts timing the first step.
func newPhases() *phases {
	now := time.Now()
	return &phases{start: now, last: now}
}

// mark ends the step called name and logs how long it took.
func (p *phases) mark(t *testing.T, name string) {
	t.Helper()
	now := time.Now()
	p.names = append(p.names, name)
	p.took = append(p.took, now.Sub(p.last))
	p.last = now
	t.Logf("step %q took %.1f s", name, p.took[len(p.took)-1].Seconds())
}

// String lists the steps and their seconds, then the total.
func (p *phases) String() string {
	var parts []string
	for i, n := range p.names {
		parts = append(parts, fmt.Sprintf("%s %.1f s", n, p.took[i].Seconds()))
	}
	return fmt.Sprintf("steps: %s; total %.1f s", strings.Join(parts, ", "), p.last.Sub(p.start).Seconds())
}

// mixResult is the bench mix being chosen in the background.
type mixResult struct {
	done    chan struct{}
	queries []bench.Query
	err     error
	took    time.Duration
}

// mixInBackground chooses the bench mix of the corpus at path (what
// sagasu-lab bench --corpus path sends) while the cluster ingests.
func mixInBackground(path string) *mixResult {
	m := &mixResult{done: make(chan struct{})}
	go func() {
		defer close(m.done)
		start := time.Now()
		m.queries, m.err = bench.MixOf(context.Background(), path)
		m.took = time.Since(start)
	}()
	return m
}

// wait returns the mix once chosen.
func (m *mixResult) wait() ([]bench.Query, error) {
	<-m.done
	return m.queries, m.err
}

// singleNode is one Sagasu process, a container of the same image with
// the cluster's shard count (serve --shards 6), that indexes the corpus
// file at start (serve --corpus): the reference the cluster's answers
// must equal.
type singleNode struct {
	t       *testing.T
	id      string
	base    string
	started time.Time
}

// startSingle starts the single node on a copy of the corpus at path; it
// indexes while the cluster catches up. The container and its volume are
// removed at the end of the test, also when it fails.
func startSingle(t *testing.T, img, path string) *singleNode {
	t.Helper()
	s := &singleNode{t: t, started: time.Now()}
	s.id = docker(t, "create", "--name", unique("sagasu-single-test-"), "-p", "127.0.0.1::8080",
		"-e", "SAGASU_API_KEY="+clusterKey, "-e", "SAGASU_SHARDS="+strconv.Itoa(clusterShards),
		img, "serve", "--corpus", "/tmp/corpus.jsonl")
	t.Cleanup(func() {
		if _, err := dockerErr(cmdMax, "", "rm", "-f", "-v", s.id); err != nil {
			t.Errorf("remove the single node: %v", err)
		}
	})
	// docker cp, not a bind mount: it works where the Docker daemon does
	// not see the test's files (a remote or containerized daemon).
	docker(t, "cp", path, s.id+":/tmp/corpus.jsonl")
	docker(t, "start", s.id)
	s.base = "http://" + strings.SplitN(docker(t, "port", s.id, "8080/tcp"), "\n", 2)[0]
	return s
}

// waitReady waits until the single node has indexed its n articles and
// answers /readyz, for at most 5 minutes and 10 ms an article.
func (s *singleNode) waitReady(n int) {
	deadline := s.started.Add(5*time.Minute + time.Duration(n)*10*time.Millisecond)
	for !answers(s.base) {
		state := inspect(s.t, s.id, "{{.State.Status}}")
		if state != "running" || time.Now().After(deadline) {
			s.t.Fatalf("the single node is %q and not ready %s after its start; its log:\n%s",
				state, time.Since(s.started).Round(time.Second), logs(s.t, s.id))
		}
		time.Sleep(time.Second)
	}
	s.t.Logf("the single node (--shards %d) is ready %.1f s after its start", clusterShards, time.Since(s.started).Seconds())
}

// answer is what the comparison reads of a search's answer.
type answer struct {
	// Partial and MissingShards are the cluster's; a single node has
	// neither.
	Partial       bool  `json:"partial"`
	MissingShards []int `json:"missing_shards"`
	Total         uint64
	Relaxed       bool
	Hits          []struct {
		ID    string  `json:"id"`
		Score float64 `json:"score"`
	}
	Facets map[string][]struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	}
}

// search sends a query of the mix to base and decodes the answer.
func search(base string, q bench.Query) (*answer, error) {
	resp, err := getClient.Get(base + q.SagasuPath())
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", q.Key, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("search %s: read the answer: %w", q.Key, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("search %s: status %d: %s", q.Key, resp.StatusCode, raw[:min(len(raw), 300)])
	}
	var a answer
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, fmt.Errorf("search %s: %w", q.Key, err)
	}
	return &a, nil
}

// comparison counts the cluster's answers to the mix against the single
// node's.
type comparison struct {
	answers, partial, mismatched int
	// examples are the first differences, for the failure message.
	examples []string
}

// compareMix sends every query of the mix to the single node and to every
// cluster node, and compares each node's answer with the single node's.
func compareMix(t *testing.T, mix []bench.Query, single string, nodes map[string]string) *comparison {
	t.Helper()
	cmp := &comparison{}
	for _, q := range mix {
		want, err := search(single, q)
		if err != nil {
			t.Fatalf("the single node: %v", err)
		}
		t.Logf("bench mix %s (%s): the single node finds %d", q.Key, q.Describe(), want.Total)
		for _, svc := range sagasuNodes {
			got, err := search(nodes[svc], q)
			if err != nil {
				cmp.failed(fmt.Sprintf("%s %s", svc, q.Key), err)
				continue
			}
			cmp.add(fmt.Sprintf("%s %s", svc, q.Key), want, got)
		}
	}
	return cmp
}

// add compares one node's answer with the single node's.
func (c *comparison) add(what string, want, got *answer) {
	c.answers++
	if got.Partial {
		c.partial++
	}
	diffs := diffAnswers(want, got)
	if len(diffs) == 0 {
		return
	}
	c.mismatched++
	if len(c.examples) < 12 {
		c.examples = append(c.examples, what+": "+strings.Join(diffs, "; "))
	}
}

// failed counts an answer that did not come (an error, a status not 200)
// as a mismatch.
func (c *comparison) failed(what string, err error) {
	c.answers++
	c.mismatched++
	if len(c.examples) < 12 {
		c.examples = append(c.examples, what+": "+err.Error())
	}
}

// report fails the test for partial or differing answers.
func (c *comparison) report(t *testing.T) {
	t.Helper()
	if c.partial > 0 {
		t.Errorf("%d of %d answers of the cluster are partial: a node answered from its own shards only "+
			"(the query fan-out to every shard is not in this build)", c.partial, c.answers)
	}
	if c.mismatched > 0 {
		t.Errorf("%d of %d answers of the cluster differ from the single node's (--shards %d), e.g.\n%s",
			c.mismatched, c.answers, clusterShards, strings.Join(c.examples, "\n"))
	}
}

// scoreTolerance is how far a score may be from the single node's,
// relative: the same statistics summed in another order.
const scoreTolerance = 1e-9

// diffAnswers lists how got differs from want: partial, total, relaxed,
// hits (ids, order, scores), facet counts.
func diffAnswers(want, got *answer) []string {
	var out []string
	if got.Partial {
		out = append(out, fmt.Sprintf("partial (missing shards %v)", got.MissingShards))
	}
	if got.Total != want.Total {
		out = append(out, fmt.Sprintf("total %d, want %d", got.Total, want.Total))
	}
	if got.Relaxed != want.Relaxed {
		out = append(out, fmt.Sprintf("relaxed %v, want %v", got.Relaxed, want.Relaxed))
	}
	if d := diffHits(want, got); d != "" {
		out = append(out, d)
	}
	return append(out, diffFacets(want, got)...)
}

// diffHits says where the hits first differ in id or score, "" when
// they do not.
func diffHits(want, got *answer) string {
	ids := func(a *answer) []string {
		var out []string
		for _, h := range a.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	if !slices.Equal(ids(want), ids(got)) {
		return fmt.Sprintf("hits %v, want %v", ids(got), ids(want))
	}
	for i, h := range got.Hits {
		w := want.Hits[i].Score
		if math.Abs(h.Score-w) > scoreTolerance*math.Max(1, math.Abs(w)) {
			return fmt.Sprintf("hit %d (%s) scores %v, want %v", i+1, h.ID, h.Score, w)
		}
	}
	return ""
}

// diffFacets lists the facets whose values or counts differ.
func diffFacets(want, got *answer) []string {
	var names []string
	for name := range want.Facets {
		names = append(names, name)
	}
	for name := range got.Facets {
		if _, ok := want.Facets[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var out []string
	for _, name := range names {
		if !slices.Equal(want.Facets[name], got.Facets[name]) {
			out = append(out, fmt.Sprintf("facet %s %v, want %v", name, got.Facets[name], want.Facets[name]))
		}
	}
	return out
}

// TestDiffAnswers: the comparison of a cluster's answer with the single
// node's finds each kind of difference, and none in an equal answer. It
// needs no Docker.
func TestDiffAnswers(t *testing.T) {
	const single = `{"total":3,"relaxed":false,"hits":[{"id":"a","score":2.5},{"id":"b","score":1.25}],
		"facets":{"person":[{"value":"Fumio Kishida","count":2}],"lang":[{"value":"en","count":3}]}}`
	for _, tc := range []struct {
		name, got string
		want      []string
	}{
		{"equal, as the fan-out answers", `{"partial":false,"total":3,"hits":[{"id":"a","score":2.5},{"id":"b","score":1.2500000000001}],
			"facets":{"person":[{"value":"Fumio Kishida","count":2}],"lang":[{"value":"en","count":3}]}}`, nil},
		{"partial, from the node's own shards", `{"partial":true,"missing_shards":[1,4],"total":2,"hits":[{"id":"a","score":2.7}],
			"facets":{"person":[{"value":"Fumio Kishida","count":1}],"lang":[{"value":"en","count":2}]}}`,
			[]string{"partial (missing shards [1 4])", "total 2, want 3", "hits [a], want [a b]",
				"facet lang [{en 2}], want [{en 3}]", "facet person [{Fumio Kishida 1}], want [{Fumio Kishida 2}]"}},
		{"other order", `{"total":3,"hits":[{"id":"b","score":2.5},{"id":"a","score":1.25}],
			"facets":{"person":[{"value":"Fumio Kishida","count":2}],"lang":[{"value":"en","count":3}]}}`,
			[]string{"hits [b a], want [a b]"}},
		{"a score off", `{"total":3,"hits":[{"id":"a","score":2.5},{"id":"b","score":1.3}],
			"facets":{"person":[{"value":"Fumio Kishida","count":2}],"lang":[{"value":"en","count":3}]}}`,
			[]string{"hit 2 (b) scores 1.3, want 1.25"}},
		{"relaxed, a facet missing and one more", `{"total":3,"relaxed":true,"hits":[{"id":"a","score":2.5},{"id":"b","score":1.25}],
			"facets":{"lang":[{"value":"en","count":3}],"source":[{"value":"Meridian Wire","count":1}]}}`,
			[]string{"relaxed true, want false", "facet person [], want [{Fumio Kishida 2}]",
				"facet source [{Meridian Wire 1}], want []"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want, got answer
			if err := json.Unmarshal([]byte(single), &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tc.got), &got); err != nil {
				t.Fatal(err)
			}
			if diffs := diffAnswers(&want, &got); !slices.Equal(diffs, tc.want) {
				t.Errorf("diffAnswers:\n got %q\nwant %q", diffs, tc.want)
			}
		})
	}
}
