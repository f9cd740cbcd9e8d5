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
	if cfg.Cluster != nil {
		addClusterRoutes(r, cfg, s, read, write, m, started)
		return
	}
	r.Handle("/api/v1/search", read(handleSearch(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles", write(handlePostArticles(cfg, ix, m))).Methods(http.MethodPost)
	r.Handle("/api/v1/articles/delete", write(handleDeleteArticles(cfg, ix, m))).Methods(http.MethodPost)
	r.Handle("/api/v1/articles/{id}", read(handleGetArticle(ix))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles/{id}", write(handleDeleteArticle(ix, m))).Methods(http.MethodDelete)
	r.Handle("/api/v1/entities", read(handleEntities(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/entities/{type}/{name}", read(handleEntity(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/stats", read(handleStats(s, cfg.Version, started))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/admin/backup", write(handleBackup(cfg.BackupDir, ix))).Methods(http.MethodPost)
	r.Handle("/api/v1/admin/snapshot", write(handleSnapshotNotClustered())).Methods(http.MethodPost)
	r.Handle("/metrics", read(m.handler())).Methods(http.MethodGet)
	r.Handle("/healthz", handleHealthz()).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/readyz", handleReadyz(ix)).Methods(http.MethodGet, http.MethodHead)
	addPageRoutes(r)
	r.NotFoundHandler = handleNotFound()
	r.MethodNotAllowedHandler = handleMethodNotAllowed()
}

// addClusterRoutes lists the routes of cluster mode: writes go to the
// shards' streams; searches, entities and stats to every shard through s
// (the same handlers as one process); an article to the node's own
// replica of its shard; backup answers 501.
func addClusterRoutes(r *mux.Router, cfg Config, s *searcher.Searcher, read, write func(http.Handler) http.Handler, m *metrics, started time.Time) {
	c := cfg.Cluster
	accept := c.Node.Index()
	r.Handle("/api/v1/search", read(handleSearch(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles", write(handleClusterPost(cfg, c, accept))).Methods(http.MethodPost)
	r.Handle("/api/v1/articles/delete", write(handleClusterDeletes(cfg, c, false))).Methods(http.MethodPost)
	r.Handle("/api/v1/articles/{id}", read(handleClusterGet(c))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles/{id}", write(handleClusterDeletes(cfg, c, true))).Methods(http.MethodDelete)
	r.Handle("/api/v1/entities", read(handleEntities(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/entities/{type}/{name}", read(handleEntity(s))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/stats", read(handleStats(s, cfg.Version, started))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/admin/backup", write(handleNotInCluster("backup"))).Methods(http.MethodPost)
	r.Handle("/api/v1/admin/snapshot", write(handleSnapshot(c))).Methods(http.MethodPost)
	r.Handle("/metrics", read(m.handler())).Methods(http.MethodGet)
	r.Handle("/healthz", handleHealthz()).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/readyz", handleClusterReady(c)).Methods(http.MethodGet, http.MethodHead)
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
