package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigBody returns a body of at least n bytes that ends with the word
// marker, so that a search for it proves the whole body was indexed.
func bigBody(n int, marker string) string {
	const sentence = "The quoll population grew again this spring. "
	return strings.Repeat(sentence, n/len(sentence)+1) + marker
}

// limitInputs writes one article with the given body in each form a file
// can bring it: a JSON Lines file, a JSON file and a text page.
func limitInputs(t *testing.T, body string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	doc := map[string]string{"id": "big", "title": "A long report", "body": body, "lang": "en"}
	line, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"big.jsonl": append(line, '\n'),
		"big.json":  line,
		"big.txt":   []byte("A long report\n\n" + body + "\n"),
	}
	paths := map[string]string{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

// TestArticleLimitOnEveryPath: --max-article-bytes is the limit on every
// way in (sagasu index of each file kind, serve --corpus, POST
// /api/v1/articles): raised, a 1.5 MB body is indexed whole; lowered, a
// small body is refused. Until one owner accepted articles, files were
// checked against the default 1 MiB whatever the flag said.
func TestArticleLimitOnEveryPath(t *testing.T) {
	const marker = "zanzibarquoll"
	big := bigBody(1500000, marker)
	small := bigBody(3000, marker)
	tests := []struct {
		name, limit, body string
		wantIndexed       bool
	}{
		{"raised limit takes a 1.5 MB body", "4000000", big, true},
		{"default limit refuses a 1.5 MB body", "", big, false},
		{"lowered limit refuses a 3 KB body", "2000", small, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var flags []string
			if tt.limit != "" {
				flags = []string{"--max-article-bytes", tt.limit}
			}
			flags = append(flags, "--entities", "off")
			inputs := limitInputs(t, tt.body)
			for _, kind := range []string{"big.jsonl", "big.json", "big.txt"} {
				checkIndexLimit(t, kind, inputs[kind], flags, marker, tt.wantIndexed)
			}
			checkServeLimit(t, inputs["big.jsonl"], flags, tt.body, marker, tt.wantIndexed)
		})
	}
}

// checkIndexLimit runs sagasu index on one file and searches for marker.
func checkIndexLimit(t *testing.T, kind, path string, flags []string, marker string, wantIndexed bool) {
	t.Helper()
	data := filepath.Join(t.TempDir(), "idx")
	args := append(append([]string{"index", "--data", data}, flags...), path)
	_, stderr, err := runCmd(t, args...)
	if wantIndexed != (err == nil) {
		t.Errorf("index %s: err %v, stderr %q; want indexed %v", kind, err, stderr, wantIndexed)
		return
	}
	if !wantIndexed {
		if !strings.Contains(stderr, `field "body"`) || !strings.Contains(stderr, "the limit is") {
			t.Errorf("index %s: stderr %q does not name the body and its limit", kind, stderr)
		}
		return
	}
	out, _, err := runCmd(t, append([]string{"search", "--data", data, "--color", "never"}, marker)...)
	if err != nil || !strings.Contains(out, "1 articles match") {
		t.Errorf("search %s after index %s: err %v, output %q", marker, kind, err, out)
	}
}

// checkServeLimit starts a server on --corpus path, then posts the body
// through the API under another id, and checks both paths.
func checkServeLimit(t *testing.T, path string, flags []string, body, marker string, wantIndexed bool) {
	t.Helper()
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey}, append(flags, "--corpus", path)...)
	want := map[bool]int{true: http.StatusOK, false: http.StatusNotFound}[wantIndexed]
	if code := s.do(t, "GET", "/api/v1/articles/big", "", "", nil); code != want {
		t.Errorf("serve --corpus: GET the article: %d, want %d", code, want)
	}
	doc, _ := json.Marshal(map[string]string{"id": "posted", "title": "A long report", "body": body, "lang": "en"})
	var e errorAnswer
	code := s.do(t, "POST", "/api/v1/articles", testKey, string(doc), &e)
	if wantIndexed != (code == http.StatusOK) {
		t.Errorf("POST: %d %+v, want indexed %v", code, e.Error, wantIndexed)
	}
	if !wantIndexed && !strings.Contains(e.Error.Message, "the limit is") {
		t.Errorf("POST refused with %q, which does not say the limit", e.Error.Message)
	}
	wantTotal := map[bool]int{true: 2, false: 0}[wantIndexed]
	if got := s.search(t, q("q", marker)).Total; got != wantTotal {
		t.Errorf("search %s: %d hits, want %d", marker, got, wantTotal)
	}
	s.stop()
}
