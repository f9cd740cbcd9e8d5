package api

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher"
)

// addRoutes lists every route the API serves.
func addRoutes(r *mux.Router, cfg Config, ix *indexer.Index, s *searcher.Searcher, started time.Time) {
	r.Handle("/api/v1/search", handleSearch(s)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles", requireKey(cfg.APIKey, handlePostArticles(cfg, ix))).Methods(http.MethodPost)
	r.Handle("/api/v1/articles/{id}", handleGetArticle(ix)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/articles/{id}", requireKey(cfg.APIKey, handleDeleteArticle(ix))).Methods(http.MethodDelete)
	r.Handle("/api/v1/entities", handleEntities(s)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/entities/{type}/{name}", handleEntity(s)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/api/v1/stats", handleStats(s, cfg.Version, started)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/healthz", handleHealthz()).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/readyz", handleReadyz(ix)).Methods(http.MethodGet, http.MethodHead)
	r.NotFoundHandler = handleNotFound()
	r.MethodNotAllowedHandler = handleMethodNotAllowed()
}
