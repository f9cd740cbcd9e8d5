// Package api serves Sagasu's REST API: search, articles, entities, stats
// and health, as JSON over HTTP. It does HTTP only; searching and indexing
// are the searcher's and the indexer's.
package api

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"
	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher"
)

// Config holds the API's settings.
type Config struct {
	// Keys are the API keys. A write key enables POST and DELETE; with
	// ReadKeyRequired, reads need a key too (read or write).
	Keys []Key
	// ReadKeyRequired makes search and every other read need a key.
	ReadKeyRequired bool
	// CORSOrigins are the origins whose browsers may call the API ("*" for
	// any); none by default.
	CORSOrigins []string
	// MaxBodyBytes bounds a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxBatch bounds the articles in one POST; 0 means DefaultMaxBatch.
	MaxBatch int
	// QueryTimeout bounds the time of a read request; 0 means
	// DefaultQueryTimeout, negative none.
	QueryTimeout time.Duration
	// BackupDir is where POST /api/v1/admin/backup writes; empty disables it.
	BackupDir string
	// Version is reported by /api/v1/stats.
	Version string
	// Cluster, when set, serves writes, searches and readiness from a
	// cluster node (sagasu serve --cluster); nil serves one index.
	Cluster *Cluster
}

// Defaults for Config's zero fields.
const (
	DefaultMaxBodyBytes = 32 << 20
	DefaultMaxBatch     = 1000
	DefaultQueryTimeout = 10 * time.Second
)

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxBatch == 0 {
		c.MaxBatch = DefaultMaxBatch
	}
	if c.QueryTimeout == 0 {
		c.QueryTimeout = DefaultQueryTimeout
	}
	return c
}

// NewServer returns the API's handler: every route, wrapped in CORS, panic
// recovery, metrics, request IDs and access logging.
func NewServer(logger zerolog.Logger, cfg Config, ix *indexer.Index, s *searcher.Searcher) http.Handler {
	cfg = cfg.withDefaults()
	m := newMetrics(ix)
	r := mux.NewRouter()
	r.Use(nameRoute)
	addRoutes(r, cfg, ix, s, m, time.Now())
	var h http.Handler = r
	h = recoverPanics(h)
	h = withCORS(cfg.CORSOrigins, h)
	h = m.instrument(h)
	h = accessLog(h)
	h = withRequestID(logger, h)
	return h
}
