package api

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/web"
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
	addPageRoutes(r)
	r.NotFoundHandler = handleNotFound()
	r.MethodNotAllowedHandler = handleMethodNotAllowed()
}

// addPageRoutes mounts the search page (package web): the page at / and at
// the addresses of its views, its assets under /static/. The page holds no
// data, so it needs no key; the API calls it makes do.
func addPageRoutes(r *mux.Router) {
	site, err := web.New()
	if err != nil { // the embedded files are fixed when the binary is built, and web's tests read them
		panic(fmt.Sprintf("api: search page: %v", err))
	}
	page := site.Page()
	r.Handle("/", page).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix("/entity/").Handler(page).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix("/article/").Handler(page).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix(web.StaticPrefix).Handler(site.Static()).Methods(http.MethodGet, http.MethodHead)
}
