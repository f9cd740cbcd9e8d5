package api

import (
	"net/http"
	"time"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher"
)

// handleStats answers GET /api/v1/stats.
func handleStats(s *searcher.Searcher, version string, started time.Time) http.Handler {
	type stats struct {
		*searcher.Stats
		Version       string  `json:"version"`
		UptimeSeconds float64 `json:"uptime_seconds"`
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st, err := s.Stats(r.Context())
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		encode(w, r, http.StatusOK, stats{Stats: st, Version: version, UptimeSeconds: time.Since(started).Seconds()})
	})
}

// handleHealthz answers GET /healthz: the process is up.
func handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		encode(w, r, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// handleReadyz answers GET /readyz: the index is open and answers.
func handleReadyz(ix *indexer.Index) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := ix.Count(r.Context())
		if err != nil {
			writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "the index does not answer: "+err.Error())
			return
		}
		encode(w, r, http.StatusOK, map[string]interface{}{"status": "ready", "articles": n})
	})
}

// handleNotFound answers routes that do not exist.
func handleNotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, codeNotFound, "no such route: see the README for the API")
	})
}

// handleMethodNotAllowed answers a known route called with the wrong method.
func handleMethodNotAllowed() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusMethodNotAllowed, codeMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path)
	})
}
