package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/web"
)

// TestSearchPageServed: the binary serves the search page at / and at the
// addresses of its views, its assets under /static/, and keeps JSON 404s
// for everything else; the page needs no key even when reads do.
func TestSearchPageServed(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey}, "--read-key-required")
	tests := []struct {
		path, contentType string
		status            int
		csp               bool
	}{
		{"/", "text/html; charset=utf-8", 200, true},
		{"/?q=Kishida&entity=person:Fumio+Kishida&page=1", "text/html; charset=utf-8", 200, true},
		{"/entity/person/Fumio%20Kishida", "text/html; charset=utf-8", 200, true},
		{"/article/some-id", "text/html; charset=utf-8", 200, true},
		{"/static/app.js", "text/javascript; charset=utf-8", 200, false},
		{"/static/style.css", "text/css; charset=utf-8", 200, false},
		{"/static/nope.js", "text/plain; charset=utf-8", 404, false},
		{"/nope", "application/json; charset=utf-8", 404, false},
		{"/api/v1/nope", "application/json; charset=utf-8", 404, false},
		{"/api/v1/search?q=Kishida", "application/json; charset=utf-8", 401, false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := http.Get(s.base + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tt.contentType {
				t.Errorf("Content-Type %q, want %q", ct, tt.contentType)
			}
			if csp := resp.Header.Get("Content-Security-Policy"); tt.csp != (csp == web.ContentSecurityPolicy) {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			if tt.csp && !strings.Contains(string(body), `<input id="q"`) {
				t.Errorf("not the search page:\n%.300s", body)
			}
		})
	}
}
