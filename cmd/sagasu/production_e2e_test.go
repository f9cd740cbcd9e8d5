package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testReadKey  = "read-key-0123456789"
	testWriteKey = "write-key-0123456789"
)

// articlesJSON returns n articles as a JSON array, ids prefix-0 …, each
// with the word marker in its body.
func articlesJSON(prefix, marker string, n int) string {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"%s-%d","title":"Report %d","body":"The %s committee met in Tokyo on day %d to discuss budgets and chips.","lang":"en"}`,
			prefix, i, i, marker, i)
	}
	b.WriteString("]")
	return b.String()
}

func TestKeyScopesOverHTTP(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{
		"SAGASU_API_KEYS":          testReadKey + ":read," + testWriteKey + ":write",
		"SAGASU_READ_KEY_REQUIRED": "true",
	})
	body := articlesJSON("scope", "zebrafinch", 2)
	tests := []struct {
		name, method, path, key, body string
		want                          int
	}{
		{"search without a key", "GET", "/api/v1/search?q=Kishida", "", "", 401},
		{"search with the read key", "GET", "/api/v1/search?q=Kishida", testReadKey, "", 200},
		{"stats with the write key", "GET", "/api/v1/stats", testWriteKey, "", 200},
		{"post with the read key", "POST", "/api/v1/articles", testReadKey, body, 403},
		{"post with the write key", "POST", "/api/v1/articles", testWriteKey, body, 200},
		{"metrics without a key", "GET", "/metrics", "", "", 401},
		{"health needs no key", "GET", "/healthz", "", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, s.base+tt.path, strings.NewReader(tt.body))
			if tt.key != "" {
				req.Header.Set("Authorization", "Bearer "+tt.key)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
	for _, secret := range []string{testReadKey, testWriteKey} {
		if strings.Contains(s.logs.String(), secret) {
			t.Errorf("the log holds a key")
		}
	}
}

func TestMetricsOverHTTP(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey})
	s.search(t, q("q", "Kishida"))
	s.search(t, q("q", "Kishida"))
	s.do(t, "GET", "/api/v1/search?q=%22unclosed", "", "", nil)
	s.do(t, "POST", "/api/v1/articles", testKey, articlesJSON("m", "okapi", 3), nil)
	s.do(t, "POST", "/api/v1/articles", testKey, `{"id":`, nil)
	resp, err := http.Get(s.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	text := string(raw)
	for _, want := range []string{
		`sagasu_http_requests_total{method="GET",route="/api/v1/search",status="200"} 2`,
		`sagasu_http_requests_total{method="GET",route="/api/v1/search",status="400"} 1`,
		`sagasu_articles_indexed_total 3`,
		`sagasu_ingest_errors_total{reason="invalid_article"} 1`,
		`sagasu_index_articles 8`,
		`sagasu_http_request_duration_seconds_count{route="/api/v1/search"} 3`,
		`sagasu_index_size_bytes `,
		`go_goroutines `,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestQueryDeadline(t *testing.T) {
	s := startServer(t, t.TempDir(), nil, "--query-timeout", "1ns")
	var e errorAnswer
	code := s.do(t, "GET", "/api/v1/search?q=Kishida", "", "", &e)
	if code != http.StatusServiceUnavailable || e.Error.Code != "timeout" {
		t.Errorf("status %d %+v, want 503 timeout", code, e.Error)
	}
}

func TestBackupOverHTTPAndCLI(t *testing.T) {
	dir := t.TempDir()
	backups := filepath.Join(dir, "backups")
	s := startServer(t, filepath.Join(dir, "live"), map[string]string{"SAGASU_API_KEY": testKey}, "--backup-dir", backups)
	if code := s.do(t, "POST", "/api/v1/articles", testKey, articlesJSON("bk", "quokka", 4), nil); code != 200 {
		t.Fatalf("POST: %d", code)
	}
	var res struct {
		Name, Path string
		Articles   int
	}
	if code := s.do(t, "POST", "/api/v1/admin/backup", testKey, `{"name":"nightly"}`, &res); code != http.StatusCreated {
		t.Fatalf("backup: %d", code)
	}
	if res.Articles != 9 || res.Path != filepath.Join(backups, "nightly") {
		t.Errorf("backup answer %+v, want 9 articles in %s", res, filepath.Join(backups, "nightly"))
	}
	for _, tt := range []struct {
		body string
		want int
	}{{`{"name":"nightly"}`, http.StatusConflict}, {`{"name":"../escape"}`, 400}, {`{"nmae":"x"}`, 400}} {
		var e errorAnswer
		if code := s.do(t, "POST", "/api/v1/admin/backup", testKey, tt.body, &e); code != tt.want || e.Error.Message == "" {
			t.Errorf("backup %s: %d %+v, want %d", tt.body, code, e.Error, tt.want)
		}
	}
	var notCluster errorAnswer
	if code := s.do(t, "POST", "/api/v1/admin/snapshot", testKey, "", &notCluster); code != http.StatusNotImplemented ||
		!strings.Contains(notCluster.Error.Message, "admin/backup") {
		t.Errorf("snapshot out of cluster mode: %d %+v, want 501 pointing to the backup", code, notCluster.Error)
	}
	s.stop()

	copySrv := startServer(t, res.Path, nil)
	if got := copySrv.search(t, q("q", "quokka")).Total; got != 4 {
		t.Errorf("the backup finds %d quokka articles, want 4", got)
	}
	copySrv.stop()

	out, _, err := runCmd(t, "backup", "--data", res.Path, "--to", filepath.Join(dir, "offline"))
	if err != nil || !strings.Contains(out, "backed up 9 articles") {
		t.Errorf("sagasu backup: %q, %v", out, err)
	}
	if _, _, err := runCmd(t, "backup", "--data", filepath.Join(dir, "nothing"), "--to", filepath.Join(dir, "x")); err == nil {
		t.Error("backup of a missing index succeeded")
	}
}

// TestGracefulShutdown stops the server while a large POST is in flight:
// the POST is answered 200, and the restarted server has its articles.
func TestGracefulShutdown(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir, map[string]string{"SAGASU_API_KEY": testKey})
	body := articlesJSON("gs", "narwhal", 400)
	var wg sync.WaitGroup
	var status int
	var postErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		req, _ := http.NewRequestWithContext(context.Background(), "POST", s.base+"/api/v1/articles", bytes.NewReader([]byte(body)))
		req.Header.Set("Authorization", "Bearer "+testKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			postErr = err
			return
		}
		defer resp.Body.Close()
		status = resp.StatusCode
		var res struct{ Indexed int }
		json.NewDecoder(resp.Body).Decode(&res)
	}()
	time.Sleep(100 * time.Millisecond) // the POST is being indexed
	s.stop()
	wg.Wait()
	if postErr != nil || status != http.StatusOK {
		t.Fatalf("in-flight POST: %d, %v; want 200", status, postErr)
	}
	if !strings.Contains(s.logs.String(), "finishing in-flight requests") {
		t.Errorf("no drain in the log:\n%s", s.logs)
	}
	again := startServer(t, dir, nil)
	if got := again.search(t, q("q", "narwhal")).Total; got != 400 {
		t.Errorf("after restart %d narwhal articles, want 400", got)
	}
}
