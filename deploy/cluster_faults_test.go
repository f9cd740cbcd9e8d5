package deploy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// fault is a step of the test's fault schedule: at a fraction of the
// ingest, do something to the cluster.
type fault struct {
	at   float64
	name string
	do   func(c *clusterRun, down map[string]bool)
}

// faults are the faults, healed before the end of the ingest: a
// Sagasu node killed, a NATS server killed, a node cut off its network.
var faults = []fault{
	{0.2, "kill sagasu2", func(c *clusterRun, down map[string]bool) { c.docker("kill", c.ids["sagasu2"]); down["sagasu2"] = true }},
	{0.35, "kill nats2", func(c *clusterRun, _ map[string]bool) { c.docker("kill", c.ids["nats2"]) }},
	{0.5, "disconnect sagasu3", func(c *clusterRun, down map[string]bool) {
		c.docker("network", "disconnect", c.network(), c.ids["sagasu3"])
		down["sagasu3"] = true
	}},
	{0.7, "start nats2", func(c *clusterRun, _ map[string]bool) { c.docker("start", c.ids["nats2"]) }},
	{0.8, "start sagasu2, reconnect sagasu3", func(c *clusterRun, down map[string]bool) {
		c.docker("start", c.ids["sagasu2"])
		c.docker("network", "connect", "--alias", "sagasu3", c.network(), c.ids["sagasu3"])
		c.bases["sagasu2"] = c.waitAnswering("sagasu2")
		c.bases["sagasu3"] = c.reachable("sagasu3")
		down["sagasu2"], down["sagasu3"] = false, false
	}},
}

// ingestWithFaults posts the articles in batches, to the nodes up in
// turn, while the faults happen; it returns the IDs acknowledged and the
// time of the last heal.
func (c *clusterRun) ingestWithFaults(arts []synth) (map[string]bool, time.Time) {
	acked := map[string]bool{}
	down := map[string]bool{}
	next, healed := 0, time.Now()
	size := batchSize(len(arts))
	batches := (len(arts) + size - 1) / size
	for b := range batches {
		for next < len(faults) && float64(b) >= faults[next].at*float64(batches) {
			c.t.Logf("batch %d of %d: %s", b, batches, faults[next].name)
			faults[next].do(c, down)
			healed = time.Now()
			next++
		}
		c.postBatch(arts[b*size:min(len(arts), (b+1)*size)], acked, down, b)
		c.searchLive(down)
	}
	return acked, healed
}

// batchSize is the articles a POST carries for a corpus of n: fifty
// batches or more, so that the faults fall between batches, of at most
// the server's --max-batch default (1,000: fewer, larger requests).
func batchSize(n int) int { return max(1, min(1000, n/50)) }

// postBatch posts arts to the nodes up, starting with the batch's turn,
// until JetStream has stored every one: a node that does not answer, or
// answers that some were not stored, passes the rest to the next node.
func (c *clusterRun) postBatch(arts []synth, acked, down map[string]bool, turn int) {
	pending := arts
	for attempt := 0; len(pending) > 0; attempt++ {
		if attempt == 60 {
			c.t.Fatalf("%d articles not stored after 60 attempts", len(pending))
		}
		svc := sagasuNodes[(turn+attempt)%len(sagasuNodes)]
		if down[svc] {
			continue
		}
		stored, err := c.post(svc, pending)
		for _, id := range stored {
			acked[id] = true
		}
		var rest []synth
		for _, a := range pending {
			if !acked[a.id] {
				rest = append(rest, a)
			}
		}
		pending = rest
		if err != nil {
			c.t.Logf("POST to %s: %v (%d left)", svc, err, len(pending))
			time.Sleep(time.Second)
		}
	}
}

// post posts arts to one node and returns the IDs it says were stored.
func (c *clusterRun) post(svc string, arts []synth) ([]string, error) {
	var body strings.Builder
	for _, a := range arts {
		body.WriteString(a.json + "\n")
	}
	req, err := http.NewRequest(http.MethodPost, c.bases[svc]+"/api/v1/articles", strings.NewReader(body.String()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+clusterKey)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := postClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var ans struct {
		Stored []struct {
			ID string `json:"id"`
		} `json:"stored"`
	}
	if err := json.Unmarshal(raw, &ans); err != nil && resp.StatusCode != http.StatusServiceUnavailable {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, raw)
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusServiceUnavailable {
		c.t.Fatalf("POST to %s: %d %s", svc, resp.StatusCode, raw)
	}
	ids := make([]string, len(ans.Stored))
	for i, s := range ans.Stored {
		ids[i] = s.ID
	}
	if resp.StatusCode != http.StatusOK {
		return ids, fmt.Errorf("status %d: %s", resp.StatusCode, bytes.TrimSpace(raw[:min(len(raw), 300)]))
	}
	return ids, nil
}

// postClient sends the batches: a POST waits until JetStream has stored
// every article of the batch.
var postClient = &http.Client{Timeout: 2 * time.Minute}

// getClient sends the searches and reads: it keeps a connection to each
// node per worker of checkAcked.
var getClient = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}

// searchLive sends a search to every node up and counts those not
// answered 200.
func (c *clusterRun) searchLive(down map[string]bool) {
	for _, svc := range sagasuNodes {
		if down[svc] {
			continue
		}
		c.searches++
		resp, err := getClient.Get(c.bases[svc] + "/api/v1/search?q=prime+minister&size=5")
		if err != nil {
			c.searchFailures++
			c.t.Logf("search on %s: %v", svc, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			c.searchFailures++
			c.t.Logf("search on %s: status %d", svc, resp.StatusCode)
		}
	}
}

// docker runs a docker command, failing the test when it fails.
func (c *clusterRun) docker(args ...string) string {
	c.t.Helper()
	return docker(c.t, args...)
}

// network returns the Compose network the nodes share.
func (c *clusterRun) network() string {
	return strings.TrimSpace(c.docker("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}", c.ids["nats1"]))
}

// reachable returns a base URL at which svc answers /readyz after being
// reconnected to its network: its published port, or else (Docker does
// not forward a published port again to a reconnected container) its
// address on the Compose network, which the host reaches. Only when
// neither answers within 30 s is the container restarted, and the test
// says so.
func (c *clusterRun) reachable(svc string) string {
	port := "http://" + strings.SplitN(c.docker("port", c.ids[svc], "8080/tcp"), "\n", 2)[0]
	ip := "http://" + c.docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", c.ids[svc]) + ":8080"
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(time.Second) {
		for _, base := range []string{port, ip} {
			if answers(base) {
				c.t.Logf("%s answers at %s after reconnecting", svc, base)
				return base
			}
		}
	}
	c.t.Logf("%s does not answer after reconnecting: restarting it", svc)
	c.docker("restart", c.ids[svc])
	return waitHealthy(c.t, c.ids[svc])
}

// waitAnswering waits for a restarted node to answer /readyz on its
// published port and returns its base URL. It does not wait for Docker's
// health status: on a loaded machine a node catching up can take more
// than the health check's 5 s to answer, so it stays "starting" long
// after it serves (seen at 100,000 articles). It gives up after 5 minutes.
func (c *clusterRun) waitAnswering(svc string) string {
	c.t.Helper()
	base := "http://" + strings.SplitN(c.docker("port", c.ids[svc], "8080/tcp"), "\n", 2)[0]
	client := &http.Client{Timeout: 20 * time.Second}
	for deadline := time.Now().Add(5 * time.Minute); ; time.Sleep(time.Second) {
		if resp, err := client.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		if state := inspect(c.t, c.ids[svc], "{{.State.Status}}"); state != "running" || time.Now().After(deadline) {
			c.t.Fatalf("%s is %q and does not answer /readyz 5 min after its start; its log:\n%s", svc, state, logs(c.t, c.ids[svc]))
		}
	}
}

// answers reports whether base answers /readyz with 200 within 2 s.
func answers(base string) bool {
	resp, err := (&http.Client{Timeout: 2 * time.Second}).Get(base + "/readyz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// shardStatus mirrors a shard of /readyz in cluster mode.
type shardStatus struct {
	Shard    int    `json:"shard"`
	Applied  uint64 `json:"applied_seq"`
	Last     uint64 `json:"last_seq"`
	Lag      uint64 `json:"lag"`
	Articles uint64 `json:"articles"`
	Error    string `json:"error"`
}

// waitCaughtUp waits until every node has applied every shard it holds
// to the end of its stream, and returns the time since healed. It gives
// up after 5 minutes and 10 ms an article of the n (about 2 × 200
// article-indexings a second, with the single node's ingest beside it,
// on the 2 cores CI has).
func (c *clusterRun) waitCaughtUp(healed time.Time, n int) time.Duration {
	catchUpMax := 5*time.Minute + time.Duration(n)*10*time.Millisecond
	for deadline := time.Now().Add(catchUpMax); ; time.Sleep(time.Second) {
		behind := c.behind()
		if behind == "" {
			return time.Since(healed)
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("not caught up %s after the last heal: %s", catchUpMax, behind)
		}
	}
}

// behind says which nodes have not caught up, "" when all have.
func (c *clusterRun) behind() string {
	var out []string
	for _, svc := range sagasuNodes {
		var ready struct {
			Shards []shardStatus `json:"shards"`
		}
		if status, body := request(c.t, http.MethodGet, c.bases[svc]+"/readyz", "", ""); status != http.StatusOK {
			out = append(out, fmt.Sprintf("%s: readyz %d", svc, status))
		} else if err := json.Unmarshal([]byte(body), &ready); err != nil {
			out = append(out, fmt.Sprintf("%s: %v", svc, err))
		}
		for _, s := range ready.Shards {
			if s.Lag > 0 || s.Error != "" || s.Applied < s.Last {
				out = append(out, fmt.Sprintf("%s shard %d: %+v", svc, s.Shard, s))
			}
		}
	}
	return strings.Join(out, "; ")
}

// checkAcked checks that every acknowledged article is on exactly the two
// nodes that hold its shard (200), and that the third says it does not
// hold it (503): none lost, none misplaced. It returns how many are not.
func (c *clusterRun) checkAcked(acked map[string]bool) int {
	var mu sync.Mutex
	var problems []string
	ids := make(chan string)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range ids {
				if p := c.placed(id); p != "" {
					mu.Lock()
					problems = append(problems, p)
					mu.Unlock()
				}
			}
		}()
	}
	for id := range acked {
		ids <- id
	}
	close(ids)
	wg.Wait()
	if len(problems) > 0 {
		c.t.Errorf("%d of %d acknowledged articles lost or misplaced, e.g. %s", len(problems), len(acked),
			strings.Join(problems[:min(10, len(problems))], "; "))
	}
	return len(problems)
}

// placed asks every node for article id and says what is wrong, "" when
// two nodes hold it and the third does not hold its shard.
func (c *clusterRun) placed(id string) string {
	codes := map[int]int{}
	for _, svc := range sagasuNodes {
		resp, err := getClient.Get(c.bases[svc] + "/api/v1/articles/" + id)
		if err != nil {
			return fmt.Sprintf("%s on %s: %v", id, svc, err)
		}
		io.Copy(io.Discard, resp.Body) // so that the connection is reused
		resp.Body.Close()
		codes[resp.StatusCode]++
	}
	if codes[http.StatusOK] != 2 || codes[http.StatusServiceUnavailable] != 1 {
		return fmt.Sprintf("%s: answers %v, want 200 from its 2 replicas and 503 from the other node", id, codes)
	}
	return ""
}
