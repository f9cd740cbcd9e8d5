package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// mux mounts the site the way api does: the page at its view addresses,
// the assets under StaticPrefix.
func newMux(t *testing.T) (*Site, http.Handler) {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	m := http.NewServeMux()
	m.Handle("/", s.Page())
	m.Handle(StaticPrefix, s.Static())
	return s, m
}

func get(t *testing.T, h http.Handler, method, target string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestHandlers(t *testing.T) {
	s, h := newMux(t)
	tests := []struct {
		name, method, target string
		status               int
		contentType, cache   string
		body                 string // a substring of the body
		csp                  bool
	}{
		{"the page", "GET", "/", 200, "text/html; charset=utf-8", "no-cache", `<input id="q"`, true},
		{"a search address", "GET", "/?q=Kishida&entity=person:Fumio+Kishida&page=2", 200, "text/html; charset=utf-8", "no-cache", `<main id="main">`, true},
		{"an entity page address", "GET", "/entity/person/Fumio%20Kishida", 200, "text/html; charset=utf-8", "no-cache", `<main id="main">`, true},
		{"an article address", "GET", "/article/abc", 200, "text/html; charset=utf-8", "no-cache", `<main id="main">`, true},
		{"HEAD of the page", "HEAD", "/", 200, "text/html; charset=utf-8", "no-cache", "", true},
		{"the script, current version", "GET", StaticPrefix + "app.js?v=" + s.assets["app.js"].version, 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", "safeSnippet", false},
		{"the script, no version", "GET", StaticPrefix + "app.js", 200, "text/javascript; charset=utf-8", "no-cache", "'use strict'", false},
		{"the strings", "GET", StaticPrefix + "strings.js", 200, "text/javascript; charset=utf-8", "no-cache", "SAGASU_STRINGS", false},
		{"the stylesheet, an old version", "GET", StaticPrefix + "style.css?v=0000", 200, "text/css; charset=utf-8", "no-cache", ":root", false},
		{"the icon", "GET", StaticPrefix + "icon.svg", 200, "image/svg+xml", "no-cache", "<svg", false},
		{"no such asset", "GET", StaticPrefix + "nope.js", 404, "text/plain; charset=utf-8", "", "", false},
		{"the page is not an asset", "GET", StaticPrefix + "index.html", 404, "text/plain; charset=utf-8", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := get(t, h, tt.method, tt.target, nil)
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := resp.Header.Get("Cache-Control"); got != tt.cache {
				t.Errorf("Cache-Control %q, want %q", got, tt.cache)
			}
			if !strings.Contains(string(body), tt.body) {
				t.Errorf("body lacks %q", tt.body)
			}
			if got := resp.Header.Get("Content-Security-Policy"); tt.csp != (got == ContentSecurityPolicy) {
				t.Errorf("Content-Security-Policy %q", got)
			}
		})
	}
}

// TestPageLinksEveryAsset: each embedded asset the page needs is linked
// with its current digest, and each link names an embedded asset.
func TestPageLinksEveryAsset(t *testing.T) {
	s, h := newMux(t)
	resp := get(t, h, "GET", "/", nil)
	body, _ := io.ReadAll(resp.Body)
	links := regexp.MustCompile(`"/static/([^"?]+)\?v=([0-9a-f]+)"`).FindAllStringSubmatch(string(body), -1)
	linked := map[string]bool{}
	for _, l := range links {
		a, ok := s.assets[l[1]]
		if !ok {
			t.Errorf("the page links %s, which is not embedded", l[1])
			continue
		}
		if l[2] != a.version {
			t.Errorf("the page links %s?v=%s, want v=%s", l[1], l[2], a.version)
		}
		linked[l[1]] = true
	}
	for _, name := range []string{"app.js", "strings.js", "style.css", "icon.svg"} {
		if !linked[name] {
			t.Errorf("the page does not link %s with its version", name)
		}
	}
	if strings.Contains(string(body), "http://") || strings.Contains(string(body), "https://") {
		t.Errorf("the page refers to another site")
	}
}

// TestRevalidation: an unchanged asset or page answers 304 to its ETag.
func TestRevalidation(t *testing.T) {
	_, h := newMux(t)
	for _, target := range []string{"/", StaticPrefix + "app.js"} {
		first := get(t, h, "GET", target, nil)
		etag := first.Header.Get("ETag")
		if etag == "" {
			t.Fatalf("%s: no ETag", target)
		}
		again := get(t, h, "GET", target, http.Header{"If-None-Match": {etag}})
		if again.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-None-Match %s: status %d, want 304", target, etag, again.StatusCode)
		}
	}
}
