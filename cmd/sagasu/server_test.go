package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines to write.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testServer is "sagasu serve" running in-process.
type testServer struct {
	base string
	logs *syncBuffer
	stop func()
}

// startServer runs "sagasu serve --data dir" with env and extra args on a
// free loopback port and waits until it is ready. It stops with the test.
func startServer(t *testing.T, dir string, env map[string]string, args ...string) *testServer {
	t.Helper()
	return startServerOn(t, freeAddr(t), dir, env, args...)
}

// startServerOn is startServer listening on addr (host:port), reached
// through 127.0.0.1 at its port.
func startServerOn(t *testing.T, addr, dir string, env map[string]string, args ...string) *testServer {
	t.Helper()
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan error, 1)
	argv := append([]string{"sagasu", "serve", "--addr", addr, "--data", dir}, args...)
	getenv := func(k string) string { return env[k] }
	go func() { done <- run(ctx, argv, getenv, io.Discard, logs) }()
	s := &testServer{base: "http://127.0.0.1:" + port, logs: logs}
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve returned %v; log:\n%s", err, logs)
			}
		})
	}
	t.Cleanup(s.stop)
	waitReady(t, s, done)
	return s
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitReady(t *testing.T, s *testServer, done chan error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			done <- err // for s.stop, which waits for it
			t.Fatalf("serve stopped before it was ready: %v\nlog:\n%s", err, s.logs)
		default:
		}
		if resp, err := http.Get(s.base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server not ready after 60s; log:\n%s", s.logs)
}

// do sends a request and decodes the JSON answer into out (when not nil),
// returning the status.
func (s *testServer) do(t *testing.T, method, path, key string, body string, out interface{}) int {
	t.Helper()
	req, err := http.NewRequest(method, s.base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", method, path, ct)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: decode %q: %v", method, path, raw, err)
		}
	}
	return resp.StatusCode
}

// search runs GET /api/v1/search with the given parameters.
func (s *testServer) search(t *testing.T, params url.Values) searchAnswer {
	t.Helper()
	var ans searchAnswer
	if code := s.do(t, "GET", "/api/v1/search?"+params.Encode(), "", "", &ans); code != http.StatusOK {
		t.Fatalf("search %v: status %d", params, code)
	}
	return ans
}

// searchAnswer mirrors the API's search answer.
type searchAnswer struct {
	Query  string  `json:"query"`
	Total  int     `json:"total"`
	TookMS float64 `json:"took_ms"`
	Hits   []struct {
		ID        string     `json:"id"`
		Score     float64    `json:"score"`
		Title     string     `json:"title"`
		Published *time.Time `json:"published"`
		Lang      string     `json:"lang"`
		Snippets  struct {
			Title []string `json:"title"`
			Body  []string `json:"body"`
		} `json:"snippets"`
		Entities map[string][]string `json:"entities"`
		Cursor   string              `json:"cursor"`
	} `json:"hits"`
	Facets map[string][]facetValue `json:"facets"`
}

type facetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// errorAnswer mirrors the API's error answer.
type errorAnswer struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func (a searchAnswer) titles() []string {
	out := make([]string, len(a.Hits))
	for i, h := range a.Hits {
		out[i] = h.Title
	}
	return out
}

func (a searchAnswer) ids() []string {
	out := make([]string, len(a.Hits))
	for i, h := range a.Hits {
		out[i] = h.ID
	}
	return out
}

func facetCount(values []facetValue, value string) int {
	for _, v := range values {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}

func q(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

func jsonString(v interface{}) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var _ = fmt.Sprintf
