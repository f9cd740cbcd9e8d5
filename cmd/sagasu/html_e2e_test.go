package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// htmlPage reads a page of corpus/htmlpage's fixtures.
func htmlPage(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "corpus", "htmlpage", "testdata", "pages", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// gzipped returns data gzip-compressed.
func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// post sends body to path with the given headers and returns the status
// and the answer's error code (empty on success) and ids.
func (s *testServer) post(t *testing.T, path string, headers map[string]string, body []byte) (int, string, []string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.base+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testKey)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var ans struct {
		IDs   []string `json:"ids"`
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(raw, &ans); err != nil {
		t.Fatalf("POST %s: not JSON: %q", path, raw)
	}
	return resp.StatusCode, ans.Error.Code + " " + ans.Error.Message, ans.IDs
}

// TestPostHTML posts HTML pages, gzipped bodies and bodies of types the
// endpoint does not read, and checks that the bad ones cost nothing.
func TestPostHTML(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey}, "--max-body-bytes", "200000")
	sjis, err := encoding.HTMLEscapeUnsupported(japanese.ShiftJIS.NewEncoder()).Bytes(bytes.Replace(htmlPage(t, "ja-weather-time"), []byte(`<meta charset="utf-8">`), nil, 1))
	if err != nil {
		t.Fatal(err)
	}
	bomb := gzipped(t, bytes.Repeat([]byte("<p>a</p>"), 100000))
	latin1 := []byte("<html><head><meta charset=\"utf-8\"></head><body><p>" + strings.Repeat("Caf\xe9 cr\xe8me \xe0 la carte, na\xefve r\xe9sum\xe9. ", 40) + "</p></body></html>")
	const html = "text/html"
	tests := []struct {
		name    string
		path    string
		headers map[string]string
		body    []byte
		status  int
		want    string // in the error, or the id indexed
	}{
		{"html", "/api/v1/articles?id=markets", map[string]string{"Content-Type": html}, htmlPage(t, "en-wire-markets"), 200, "markets"},
		{"shift_jis by header", "/api/v1/articles?id=typhoon", map[string]string{"Content-Type": "text/html; charset=Shift_JIS"}, sjis, 200, "typhoon"},
		{"gzip html", "/api/v1/articles?id=bridge&url=https://quietvalley.example/b", map[string]string{"Content-Type": html, "Content-Encoding": "gzip"}, gzipped(t, htmlPage(t, "en-no-og")), 200, "bridge"},
		{"gzip json", "/api/v1/articles", map[string]string{"Content-Type": "application/json", "Content-Encoding": "gzip"}, gzipped(t, []byte(`{"id":"j1","title":"Quolls return","body":"The quoll is back."}`)), 200, "j1"},
		{"gzip bomb", "/api/v1/articles", map[string]string{"Content-Type": html, "Content-Encoding": "gzip"}, bomb, 413, "body_too_large"},
		{"not gzip", "/api/v1/articles", map[string]string{"Content-Encoding": "gzip"}, []byte(`{"id":"x"}`), 400, "invalid_article"},
		{"other encoding", "/api/v1/articles", map[string]string{"Content-Encoding": "br"}, []byte(`{"id":"x"}`), 415, "unsupported_media_type"},
		{"xml", "/api/v1/articles", map[string]string{"Content-Type": "application/xml"}, []byte(`<a/>`), 415, "text/html"},
		{"binary html", "/api/v1/articles", map[string]string{"Content-Type": html}, bytes.Repeat([]byte{0, 1, 2, 0xff, 0xfe}, 200), 400, "binary data"},
		{"empty page", "/api/v1/articles", map[string]string{"Content-Type": html}, []byte("<html><body><nav>Home</nav></body></html>"), 400, "no article text"},
		{"bad id", "/api/v1/articles?id=a/b", map[string]string{"Content-Type": html}, htmlPage(t, "en-sports"), 400, "invalid_article"},
		{"broken markup", "/api/v1/articles?id=broken", map[string]string{"Content-Type": html}, htmlPage(t, "en-broken-markup"), 200, "broken"},
		{"wrong charset", "/api/v1/articles", map[string]string{"Content-Type": html}, latin1, 400, "declares charset utf-8"},
		{"page over the body limit", "/api/v1/articles", map[string]string{"Content-Type": html}, bytes.Repeat([]byte("<p>a</p>"), 30000), 413, "body_too_large"},
	}
	for _, tt := range tests {
		status, msg, ids := s.post(t, tt.path, tt.headers, tt.body)
		if status != tt.status {
			t.Errorf("%s: status %d (%s), want %d", tt.name, status, msg, tt.status)
			continue
		}
		if status == 200 && (len(ids) != 1 || ids[0] != tt.want) {
			t.Errorf("%s: ids %v, want [%s]", tt.name, ids, tt.want)
		}
		if status != 200 && !strings.Contains(msg, tt.want) {
			t.Errorf("%s: error %q, want it to hold %q", tt.name, msg, tt.want)
		}
	}
	for _, tc := range []struct{ q, id string }{{"Okafor", ""}, {"rate cut", "markets"}, {"台風", "typhoon"}, {"stone bridge", "bridge"}, {"quoll", "j1"}, {"snap election", "broken"}, {"crème", ""}} {
		ans := s.search(t, q("q", tc.q))
		if tc.id != "" && (len(ans.ids()) != 1 || ans.ids()[0] != tc.id) {
			t.Errorf("search %q: ids %v, want [%s]", tc.q, ans.ids(), tc.id)
		}
		if tc.id == "" && len(ans.ids()) != 0 {
			t.Errorf("search %q: ids %v, want none (the page was refused)", tc.q, ans.ids())
		}
	}
}

// TestGzipBulkDelete: a bulk delete's body may be gzipped like a POST of
// articles, rather than read as JSON beginning with '\x1f'.
func TestGzipBulkDelete(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey})
	if status, msg, _ := s.post(t, "/api/v1/articles", nil, []byte(`{"id":"q1","title":"Quolls return","body":"The quoll is back."}`)); status != 200 {
		t.Fatalf("post: %d (%s)", status, msg)
	}
	del := gzipped(t, []byte(`{"ids":["q1"]}`))
	if status, msg, _ := s.post(t, "/api/v1/articles/delete", map[string]string{"Content-Encoding": "gzip"}, del); status != 200 {
		t.Fatalf("gzipped bulk delete: status %d (%s), want 200", status, msg)
	}
	if ids := s.search(t, q("q", "quoll")).ids(); len(ids) != 0 {
		t.Errorf("search quoll after the delete: %v, want none", ids)
	}
}

// TestIndexHTMLFolder indexes a folder of HTML pages with bad ones among
// them: each bad page is one error naming it, the good ones are indexed.
func TestIndexHTMLFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"markets.html":  htmlPage(t, "en-wire-markets"),
		"temple.htm.gz": gzipped(t, htmlPage(t, "ja-no-lang")),
		"garbage.html":  bytes.Repeat([]byte{0, 0x9f, 0x13, 0xee}, 1000),
		"empty.htm":     []byte("<html><body></body></html>"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data := filepath.Join(t.TempDir(), "idx")
	stdout, stderr, err := runCmd(t, "index", "--data", data, dir)
	if err == nil || !strings.Contains(err.Error(), "2 inputs could not be read") {
		t.Fatalf("index: err %v, want 2 unreadable inputs; stderr:\n%s", err, stderr)
	}
	for _, want := range []string{"garbage.html", "binary data", "empty.htm", "no article text"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, "indexed 2 articles") {
		t.Errorf("stdout %q, want 2 articles indexed", stdout)
	}
	out, _, err := runCmd(t, "search", "--data", data, "--color", "never", "清水寺")
	if err != nil || !strings.Contains(out, "の本堂、修復工事が完了") || !strings.Contains(out, "2020-12-03 · ja") {
		t.Errorf("search 清水寺: err %v, output:\n%s", err, out)
	}
}
