package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// crashWriteKey is the write key the crashed servers are started with.
const crashWriteKey = "crash-write-key-0123456789"

// crashWriters is how many goroutines post (and delete) at once in a round.
const crashWriters = 2

// TestCrashSafety checks the durability promise of "Running in production":
// a 2xx answer to a POST or DELETE means the change is on disk, and a batch
// is applied whole or not at all. It builds the sagasu binary, then, round
// after round on the same data folder, starts "sagasu serve", posts batches
// of articles (and deletes some acknowledged articles) from several
// goroutines, and kills the process with SIGKILL after a random delay while
// requests are in flight. After every kill the server must open the index
// again, every acknowledged article must be retrievable by id and found by
// its batch's marker word, every acknowledged deletion must hold, and a
// batch whose POST got no answer must be present whole or not at all.
//
// SAGASU_CRASH_ROUNDS sets the number of kills (20 by default) and
// SAGASU_CRASH_SEED the seed of the kill delays, batch sizes and deletes
// (the interleaving of the writers is the scheduler's).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it again and again; skipped with -short")
	}
	rounds := crashEnvInt(t, "SAGASU_CRASH_ROUNDS", 20)
	seed := uint64(crashEnvInt(t, "SAGASU_CRASH_SEED", int(time.Now().UnixNano()&(1<<62-1))))
	t.Logf("%d rounds, seed %d (rerun with SAGASU_CRASH_SEED=%d)", rounds, seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bin := buildSagasu(t)
	data := filepath.Join(t.TempDir(), "data")

	srv := startCrashServer(t, bin, data, "the first start")
	base, err := srv.total()
	if err != nil {
		t.Fatalf("count the seed articles: %v", err)
	}
	m := &crashModel{base: base, articles: map[string]*crashArticle{}}
	for round := 1; round <= rounds; round++ {
		delay := time.Duration(10+rng.IntN(490)) * time.Millisecond
		st := crashRound(t, srv, m, round, rng, delay)
		t.Logf("round %d: SIGKILL after %v with %d POSTs and %d DELETEs in flight (%d batches and %d deletes acknowledged so far)",
			round, delay, st.posts, st.deletes, st.ackedBatches, st.ackedDeletes)
		srv = startCrashServer(t, bin, data, fmt.Sprintf("the kill of round %d", round))
		m.verify(t, srv, round, false)
		if t.Failed() {
			t.Fatalf("stopped after round %d (SAGASU_CRASH_SEED=%d); server log:\n%s", round, seed, srv.stderr)
		}
	}

	// A graceful stop after all the crashes exits cleanly and loses nothing.
	if err := srv.terminate(); err != nil {
		t.Fatalf("SIGTERM after the last round: %v\nstderr:\n%s", err, srv.stderr)
	}
	srv = startCrashServer(t, bin, data, "the graceful stop")
	m.verify(t, srv, rounds+1, true)
	if err := srv.terminate(); err != nil {
		t.Errorf("final SIGTERM: %v\nstderr:\n%s", err, srv.stderr)
	}
}

// crashEnvInt reads a non-negative integer from the environment variable
// name, or returns def when it is unset.
func crashEnvInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a non-negative integer", name, v)
	}
	return n
}

// buildSagasu builds this package's binary into a temporary folder and
// returns its path.
func buildSagasu(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sagasu")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashServer is "sagasu serve" running as a child process.
type crashServer struct {
	cmd    *exec.Cmd
	base   string
	stderr *syncBuffer
	exited chan struct{} // closed when the process has been waited for
	err    error         // the process's exit, once exited is closed
	client *http.Client
}

// startCrashServer starts the binary bin serving the index in data with a
// write key, and waits until /readyz answers 200. The server must open the
// index: a failure is fatal, with its stderr. after names what happened
// before, for the message.
func startCrashServer(t *testing.T, bin, data, after string) *crashServer {
	t.Helper()
	for attempt := 1; ; attempt++ {
		addr := freeAddr(t)
		s := &crashServer{
			cmd:    exec.Command(bin, "serve", "--data", data, "--addr", addr, "--log-level", "warn"),
			base:   "http://" + addr,
			stderr: &syncBuffer{},
			exited: make(chan struct{}),
			client: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}},
		}
		s.cmd.Env = crashEnviron()
		s.cmd.Stdout = io.Discard
		s.cmd.Stderr = s.stderr
		if err := s.cmd.Start(); err != nil {
			t.Fatalf("start %s: %v", bin, err)
		}
		go func() {
			s.err = s.cmd.Wait()
			close(s.exited)
		}()
		t.Cleanup(s.kill)
		err := s.waitReady(60 * time.Second)
		if err == nil {
			return s
		}
		s.kill()
		// Another process may take the free port between freeAddr and listen.
		if strings.Contains(s.stderr.String(), "address already in use") && attempt < 3 {
			continue
		}
		t.Fatalf("after %s the server did not start on the same index %s: %v\nstderr:\n%s", after, data, err, s.stderr)
	}
}

// crashEnviron is the test's environment without SAGASU_ variables (which
// would set flags), with the write key.
func crashEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SAGASU_") {
			env = append(env, kv)
		}
	}
	return append(env, "SAGASU_API_KEYS="+crashWriteKey+":write")
}

// waitReady polls /readyz until it answers 200, the process exits, or
// timeout passes.
func (s *crashServer) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			return fmt.Errorf("the server exited before it was ready: %v", s.err)
		default:
		}
		if resp, err := s.client.Get(s.base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	return fmt.Errorf("not ready after %v", timeout)
}

// kill sends SIGKILL (when the process still runs) and waits for the exit.
func (s *crashServer) kill() {
	select {
	case <-s.exited:
	default:
		s.cmd.Process.Kill()
		<-s.exited
	}
	s.client.CloseIdleConnections()
}

// terminate stops the server with SIGTERM and reports an unclean exit.
func (s *crashServer) terminate() error {
	defer s.client.CloseIdleConnections()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return fmt.Errorf("send SIGTERM: %w", err)
	}
	select {
	case <-s.exited:
	case <-time.After(60 * time.Second):
		s.kill()
		return errors.New("still running 60s after SIGTERM")
	}
	if s.err != nil {
		return fmt.Errorf("exit after SIGTERM: %w", s.err)
	}
	return nil
}

// call sends a request with the write key and returns the status and the
// body of the answer. It is safe for concurrent use.
func (s *crashServer) call(method, path, body string) (int, []byte, error) {
	return httpCall(context.Background(), s.client, method, s.base+path, crashWriteKey, body)
}

// httpCall sends method url with body (when not empty) and a bearer key
// (when not empty), and returns the status and the body of the answer.
func httpCall(ctx context.Context, c *http.Client, method, url, key, body string) (int, []byte, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		return 0, nil, err
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, nil, fmt.Errorf("%s %s: read the answer: %w", method, url, err)
	}
	return resp.StatusCode, raw, nil
}

// searchMarker searches for a marker word and returns the answer, which
// must be a 200.
func searchMarker(ctx context.Context, c *http.Client, base, marker string) (searchAnswer, error) {
	var ans searchAnswer
	// A marker is a made-up word one edit from the others: typos=false
	// keeps each search to its own batch.
	path := "/api/v1/search?" + url.Values{"q": {marker}, "size": {"100"}, "typos": {"false"}}.Encode()
	status, raw, err := httpCall(ctx, c, "GET", base+path, "", "")
	if err != nil {
		return ans, fmt.Errorf("search %q: %w", marker, err)
	}
	if status != http.StatusOK {
		return ans, fmt.Errorf("search %q: status %d: %s", marker, status, raw)
	}
	if err := json.Unmarshal(raw, &ans); err != nil {
		return ans, fmt.Errorf("search %q: decode %q: %w", marker, raw, err)
	}
	if len(ans.Hits) != ans.Total {
		return ans, fmt.Errorf("search %q: total %d but %d hits", marker, ans.Total, len(ans.Hits))
	}
	return ans, nil
}

// total returns the number of articles the index holds (the total of the
// empty query).
func (s *crashServer) total() (int, error) {
	status, raw, err := httpCall(context.Background(), s.client, "GET", s.base+"/api/v1/search?size=1", "", "")
	if err != nil {
		return 0, err
	}
	var ans searchAnswer
	if status != http.StatusOK {
		return 0, fmt.Errorf("search everything: status %d: %s", status, raw)
	}
	if err := json.Unmarshal(raw, &ans); err != nil {
		return 0, fmt.Errorf("search everything: decode %q: %w", raw, err)
	}
	return ans.Total, nil
}

// getArticle fetches an article by id: present reports a 200 (whose id and
// body, which must hold marker, are checked), absent a 404; any other
// answer is an error.
func getArticle(ctx context.Context, c *http.Client, base, id, marker string) (present bool, err error) {
	status, raw, err := httpCall(ctx, c, "GET", base+"/api/v1/articles/"+url.PathEscape(id), "", "")
	if err != nil {
		return false, fmt.Errorf("GET article %s: %w", id, err)
	}
	switch status {
	case http.StatusNotFound:
		return false, nil
	case http.StatusOK:
	default:
		return false, fmt.Errorf("GET article %s: status %d: %s", id, status, raw)
	}
	var a struct{ ID, Body string }
	if err := json.Unmarshal(raw, &a); err != nil {
		return false, fmt.Errorf("GET article %s: decode %q: %w", id, raw, err)
	}
	if a.ID != id || !strings.Contains(a.Body, marker) {
		return false, fmt.Errorf("GET article %s: got id %q body %q, want the body to hold %q", id, a.ID, a.Body, marker)
	}
	return true, nil
}

// markerWord returns a distinct word for each n: prefix and then n written
// in consonants other than s and y, so that the analyzer's stemmer leaves
// it whole and no marker is another's stem.
func markerWord(prefix string, n int) string {
	const letters = "bcdfghjklmnpqrtvwxz"
	b := []byte(prefix)
	for i := 0; i < 3 || n > 0; i++ {
		b = append(b, letters[n%len(letters)])
		n /= len(letters)
	}
	return string(b)
}

// batchJSON returns the articles with ids, each holding marker in its body,
// as a JSON array.
func batchJSON(ids []string, marker string) string {
	type article struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Body  string `json:"body"`
		Lang  string `json:"lang"`
	}
	as := make([]article, len(ids))
	for i, id := range ids {
		as[i] = article{ID: id, Title: fmt.Sprintf("Report %d", i),
			Body: fmt.Sprintf("The %s committee met in Osaka on day %d.", marker, i), Lang: "en"}
	}
	b, _ := json.Marshal(as)
	return string(b)
}

// batchState is what the test knows of a posted batch.
type batchState int

const (
	batchInFlight batchState = iota // posted, no answer yet
	batchAcked                      // answered 2xx, or found whole after a crash
	batchUnknown                    // no 2xx answer: whole or absent
	batchAbsent                     // not acknowledged and found absent after a crash
)

// deleteState is what the test knows of the deletion of an article.
type deleteState int

const (
	deleteNone     deleteState = iota // not deleted (present when its batch is)
	deleteInFlight                    // DELETE sent, no answer yet
	deleteAcked                       // DELETE answered 2xx, or found absent after a crash
	deleteUnknown                     // DELETE got no 2xx answer: present or absent
)

// crashBatch is one posted batch.
type crashBatch struct {
	round    int
	marker   string
	ids      []string
	state    batchState
	verified bool // retrieved by id since it was acknowledged or resolved
}

// crashArticle is one posted article.
type crashArticle struct {
	batch *crashBatch
	del   deleteState
}

// crashModel is what the index must hold: every batch posted, every article
// and what is known of it. It is safe for concurrent use.
type crashModel struct {
	mu       sync.Mutex
	base     int // articles before the first batch (the seeds)
	batches  []*crashBatch
	articles map[string]*crashArticle
}

// newBatch registers a batch of n articles for round, in flight.
func (m *crashModel) newBatch(round, n int) *crashBatch {
	m.mu.Lock()
	defer m.mu.Unlock()
	num := len(m.batches)
	b := &crashBatch{round: round, marker: markerWord("zk", num)}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("crash-r%d-b%d-%d", round, num, i)
		b.ids = append(b.ids, id)
		m.articles[id] = &crashArticle{batch: b}
	}
	m.batches = append(m.batches, b)
	return b
}

// setBatch records what became of b's POST.
func (m *crashModel) setBatch(b *crashBatch, st batchState) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b.state = st
}

// pickForDelete chooses up to n acknowledged, undeleted articles and marks
// their deletion in flight.
func (m *crashModel) pickForDelete(rng *rand.Rand, n int) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var candidates []string
	for _, b := range m.batches {
		if b.state != batchAcked {
			continue
		}
		for _, id := range b.ids {
			if m.articles[id].del == deleteNone {
				candidates = append(candidates, id)
			}
		}
	}
	rng.Shuffle(len(candidates), func(i, j int) { candidates[i], candidates[j] = candidates[j], candidates[i] })
	picked := candidates[:min(n, len(candidates))]
	for _, id := range picked {
		m.articles[id].del = deleteInFlight
	}
	return picked
}

// setDelete records what became of the DELETE of id.
func (m *crashModel) setDelete(id string, st deleteState) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.articles[id].del = st
}

// crashRoundStats tells what a round did.
type crashRoundStats struct {
	posts, deletes             int // in flight at the kill
	ackedBatches, ackedDeletes int // acknowledged in all rounds so far
}

// stats counts the requests in flight and the acknowledged ones.
func (m *crashModel) stats() crashRoundStats {
	m.mu.Lock()
	defer m.mu.Unlock()
	var st crashRoundStats
	for _, b := range m.batches {
		switch b.state {
		case batchInFlight:
			st.posts++
		case batchAcked:
			st.ackedBatches++
		}
	}
	for _, a := range m.articles {
		switch a.del {
		case deleteInFlight:
			st.deletes++
		case deleteAcked:
			st.ackedDeletes++
		}
	}
	return st
}

// crashRound runs the writers against srv and kills it after delay. It
// returns once every writer has stopped.
func crashRound(t *testing.T, srv *crashServer, m *crashModel, round int, rng *rand.Rand, delay time.Duration) crashRoundStats {
	var killed atomic.Bool
	var wg sync.WaitGroup
	for w := 0; w < crashWriters; w++ {
		wrng := rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
		wg.Add(1)
		go func() {
			defer wg.Done()
			crashWriter(t, srv, m, round, wrng, &killed)
		}()
	}
	time.Sleep(delay)
	st := m.stats()
	killed.Store(true)
	srv.kill()
	wg.Wait()
	after := m.stats()
	st.ackedBatches, st.ackedDeletes = after.ackedBatches, after.ackedDeletes
	return st
}

// crashWriter posts batches of 5 to 20 articles and, after a third of
// them, deletes 1 to 3 acknowledged articles, until the server is killed.
// A request that fails before the kill is a test error.
func crashWriter(t *testing.T, srv *crashServer, m *crashModel, round int, rng *rand.Rand, killed *atomic.Bool) {
	for !killed.Load() {
		b := m.newBatch(round, 5+rng.IntN(16))
		status, raw, err := srv.call("POST", "/api/v1/articles", batchJSON(b.ids, b.marker))
		switch {
		case err != nil:
			m.setBatch(b, batchUnknown)
			if !killed.Load() {
				t.Errorf("round %d: POST batch %s before the kill: %v", round, b.marker, err)
			}
			return
		case status < 200 || status > 299:
			m.setBatch(b, batchUnknown)
			t.Errorf("round %d: POST batch %s: status %d: %s", round, b.marker, status, raw)
			return
		}
		m.setBatch(b, batchAcked)
		if rng.IntN(3) != 0 {
			continue
		}
		for _, id := range m.pickForDelete(rng, 1+rng.IntN(3)) {
			status, raw, err := srv.call("DELETE", "/api/v1/articles/"+url.PathEscape(id), "")
			switch {
			case err != nil:
				m.setDelete(id, deleteUnknown)
				if !killed.Load() {
					t.Errorf("round %d: DELETE %s before the kill: %v", round, id, err)
				}
				return
			case status < 200 || status > 299:
				m.setDelete(id, deleteUnknown)
				t.Errorf("round %d: DELETE acknowledged article %s: status %d: %s", round, id, status, raw)
				return
			}
			m.setDelete(id, deleteAcked)
		}
	}
}

// verify checks the restarted server srv against the model after round:
// acknowledged batches are found by their marker (less their deleted
// articles), unacknowledged ones whole or not at all, acknowledged
// deletions hold, and the index holds no other article. It resolves what
// the crash left unknown, and retrieves by id every article whose state was
// acknowledged or resolved since the last check (every article when all).
func (m *crashModel) verify(t *testing.T, srv *crashServer, round int, all bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var n verifyCounts
	for _, b := range m.batches {
		m.verifyBatch(t, srv, round, all, b, &n)
	}
	total, err := srv.total()
	if err != nil {
		t.Fatalf("after round %d: %v", round, err)
	}
	if want := m.base + n.present; total != want {
		t.Errorf("after round %d: the index holds %d articles, want %d (%d seeds and %d posted)", round, total, want, m.base, n.present)
	}
	t.Logf("after round %d: %d batches searched (unacknowledged: %d whole, %d absent), %d articles retrieved by id, %d articles held",
		round, len(m.batches), n.whole, n.absent, n.gets, total)
}

// verifyCounts tallies what verify saw after a round.
type verifyCounts struct {
	present, gets int // articles that must be held; GETs sent
	whole, absent int // unacknowledged batches found whole or absent
}

// verifyBatch searches for b by its marker, checks and resolves b's state
// and its articles', retrieves by id those that must be, and adds to n.
// m.mu is held.
func (m *crashModel) verifyBatch(t *testing.T, srv *crashServer, round int, all bool, b *crashBatch, n *verifyCounts) {
	t.Helper()
	ctx := context.Background()
	ans, err := searchMarker(ctx, srv.client, srv.base, b.marker)
	if err != nil {
		t.Fatalf("after round %d: %v", round, err)
	}
	found := map[string]bool{}
	for _, id := range ans.ids() {
		if !slices.Contains(b.ids, id) {
			t.Errorf("after round %d: the search for batch %s finds %s, not of the batch", round, b.marker, id)
		}
		found[id] = true
	}
	// check lists the articles to retrieve by id, and whether each
	// must be present.
	check := map[string]bool{}
	switch b.state {
	case batchInFlight, batchUnknown:
		m.resolveUnackedBatch(t, round, b, found, ans.ids(), check, n)
	case batchAbsent:
		if len(found) > 0 {
			t.Errorf("after round %d: batch %s of round %d, absent after an earlier crash, is back: %v",
				round, b.marker, b.round, ans.ids())
		}
		if all {
			for _, id := range b.ids {
				check[id] = false
			}
		}
	case batchAcked:
		m.checkAckedBatch(t, round, all, b, found, check)
	}
	n.gets += getChecked(t, srv, round, b, check)
	if b.state == batchAcked {
		for _, id := range b.ids {
			if m.articles[id].del == deleteNone {
				n.present++
			}
		}
	}
}

// resolveUnackedBatch settles b, posted without an acknowledgement, as
// found whole or absent (and counts it in n), reports it if half applied,
// and asks check for each of its articles as found. m.mu is held.
func (m *crashModel) resolveUnackedBatch(t *testing.T, round int, b *crashBatch, found map[string]bool, hits []string, check map[string]bool, n *verifyCounts) {
	t.Helper()
	switch len(found) {
	case 0:
		b.state = batchAbsent
		n.absent++
	case len(b.ids):
		b.state = batchAcked
		n.whole++
	default:
		t.Errorf("after round %d: unacknowledged batch %s of round %d is half applied: %d of its %d articles found: %v",
			round, b.marker, b.round, len(found), len(b.ids), hits)
		// Take the half found as the truth so that later rounds
		// report only new failures.
		b.state = batchAcked
		for _, id := range b.ids {
			if !found[id] {
				m.articles[id].del = deleteAcked
			}
		}
	}
	b.verified = true
	for _, id := range b.ids {
		check[id] = found[id]
	}
}

// checkAckedBatch checks the articles of the acknowledged batch b against
// what its marker found: present unless their DELETE was acknowledged,
// and a DELETE left unknown by the crash settled by what is found. It asks
// check for the articles to retrieve by id. m.mu is held.
func (m *crashModel) checkAckedBatch(t *testing.T, round int, all bool, b *crashBatch, found, check map[string]bool) {
	t.Helper()
	for _, id := range b.ids {
		a := m.articles[id]
		switch a.del {
		case deleteNone:
			if !found[id] {
				t.Errorf("after round %d: acknowledged article %s (batch %s of round %d) is not found by its marker",
					round, id, b.marker, b.round)
			}
			if !b.verified || all {
				check[id] = true
			}
		case deleteAcked:
			if found[id] {
				t.Errorf("after round %d: article %s, whose DELETE was acknowledged, is found by its marker", round, id)
			}
			check[id] = false // cheap, and a resurrection is the bug to catch
		case deleteInFlight, deleteUnknown:
			a.del = deleteAcked
			if found[id] {
				a.del = deleteNone
			}
			check[id] = found[id]
		}
	}
	b.verified = true
}

// getChecked retrieves by id each article of b in check and checks that it
// is present exactly when check says so. It returns the number of GETs.
func getChecked(t *testing.T, srv *crashServer, round int, b *crashBatch, check map[string]bool) int {
	t.Helper()
	gets := 0
	for id, want := range check {
		gets++
		got, err := getArticle(context.Background(), srv.client, srv.base, id, b.marker)
		if err != nil {
			t.Fatalf("after round %d: %v", round, err)
		}
		if got != want {
			t.Errorf("after round %d: GET article %s (batch %s of round %d): present %v, want %v",
				round, id, b.marker, b.round, got, want)
		}
	}
	return gets
}
