package api

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher"
)

// addRoutes lists every route the API serves.
func addRoutes(r *mux.Router, cfg Config, ix *indexer.Index, s *searcher.Searcher, m *metrics, started time.Time) {
	keys := newKeyring(cfg.Keys)
	read := func(h http.Handler) http.Handler {
		return requireScope(keys, ScopeRead, cfg.ReadKeyRequired, withDeadline(cfg.QueryTimeout, h))
	}
	write := func(h http.Handler) http.Handler { return requireScope(keys, ScopeWrite, true, h) }
	r.Handle("/api/v1/search", read(handleSearch(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles", write(handlePostArticles(cfg, ix, m))).Methods(http.MethodPost)
	r.Handle("/api/v1/articles/delete", write(handleDeleteArticles(cfg, ix, m))).Methods(http.MethodPost)
	r.Handle("/api/v1/articles/{id}", read(handleGetArticle(ix))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles/{id}", write(handleDeleteArticle(ix, m))).Methods(http.MethodDelete)
	r.Handle("/api/v1/entities", read(handleEntities(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/entities/{type}/{name}", read(handleEntity(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/stats", read(handleStats(s, cfg.Version, started))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/admin/backup", write(handleBackup(cfg.BackupDir, ix))).Methods(http.MethodPost)
	r.Handle("/metrics", read(m.handler())).Methods(http.MethodGet)
	r.Handle("/healthz", handleHealthz()).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/readyz", handleReadyz(ix)).Methods(http.MethodGet, http.MethodHead)
	r.NotFoundHandler = handleNotFound()
	r.MethodNotAllowedHandler = handleMethodNotAllowed()
}
