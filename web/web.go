// Package web serves Sagasu's search page: one HTML page, a stylesheet and a
// script, embedded in the binary, that call the JSON API from the browser.
// Nothing is fetched from elsewhere at run time and nothing is built: the
// files under static/ are what the browser gets.
//
// The page is the same document for every view; the script reads the
// address (/?q=…, /entity/{type}/{name}, /article/{id}) and renders it, so
// every view is a link and the back button works.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// files holds the page and its assets.
//
//go:embed static
var files embed.FS

// contentTypes are the types of the assets, by extension; the page serves
// nothing else.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
}

// ContentSecurityPolicy is sent with the page: scripts, styles, images and
// API calls from this origin only, no inline script, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// StaticPrefix is the path under which the assets are served.
const StaticPrefix = "/static/"

// asset is one embedded file, ready to serve.
type asset struct {
	body        []byte
	contentType string
	etag        string // quoted SHA-256 prefix of body
	version     string // the same digest, unquoted: the ?v= the page links with
}

// Site serves the page and its assets. Build it with New.
type Site struct {
	page   asset
	assets map[string]asset // by name under static/, e.g. "app.js"
}

// New reads the embedded files. The page links each asset with ?v= and the
// asset's digest, so that an asset asked for with its current digest can be
// cached for good, and a new binary's page asks for the new one.
func New() (*Site, error) {
	s := &Site{assets: map[string]asset{}}
	err := fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read embedded %s: %w", p, err)
		}
		ct, ok := contentTypes[path.Ext(p)]
		if !ok {
			return fmt.Errorf("embedded %s: no content type for %q", p, path.Ext(p))
		}
		s.assets[strings.TrimPrefix(p, "static/")] = newAsset(body, ct)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web assets: %w", err)
	}
	page, ok := s.assets["index.html"]
	if !ok {
		return nil, fmt.Errorf("web assets: no static/index.html")
	}
	delete(s.assets, "index.html")
	body := page.body
	for name, a := range s.assets {
		link := []byte(`"` + StaticPrefix + name + `"`)
		body = bytes.ReplaceAll(body, link, []byte(`"`+StaticPrefix+name+"?v="+a.version+`"`))
	}
	s.page = newAsset(body, page.contentType)
	return s, nil
}

func newAsset(body []byte, contentType string) asset {
	sum := sha256.Sum256(body)
	v := hex.EncodeToString(sum[:8])
	return asset{body: body, contentType: contentType, etag: `"` + v + `"`, version: v}
}

// Page answers with the page, whatever the path: the script renders the
// view the address names. It is not cached without revalidation, so a new
// binary's page (and through it, its assets) is seen at once.
func (s *Site) Page() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cache-Control", "no-cache")
		serve(w, r, s.page)
	})
}

// Static answers /static/{name} with an embedded asset, or 404. Asked for
// with its current ?v= digest, an asset is cacheable for a year; otherwise
// the browser revalidates it by its ETag.
func (s *Site) Static() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := s.assets[strings.TrimPrefix(r.URL.Path, StaticPrefix)]
		if !ok {
			http.Error(w, "404 no such file", http.StatusNotFound)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		if r.URL.Query().Get("v") == a.version {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		serve(w, r, a)
	})
}

// serve writes a with its type and ETag; http.ServeContent answers HEAD,
// ranges and If-None-Match. No Last-Modified: the ETag names the content.
func serve(w http.ResponseWriter, r *http.Request, a asset) {
	w.Header().Set("Content-Type", a.contentType)
	w.Header().Set("ETag", a.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
