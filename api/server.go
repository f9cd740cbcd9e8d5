// Package api serves Sagasu's REST API: search, articles, entities, stats
// and health, as JSON over HTTP. It does HTTP only; searching and indexing
// are the searcher's and the indexer's.
package api

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"
	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher"
)

// Config holds the API's settings.
type Config struct {
	// APIKey enables the write routes when set; they then need
	// "Authorization: Bearer <APIKey>".
	APIKey string
	// MaxBodyBytes bounds a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxBatch bounds the articles in one POST; 0 means DefaultMaxBatch.
	MaxBatch int
	// Limits bound article fields.
	Limits corpus.Limits
	// Version is reported by /api/v1/stats.
	Version string
}

// Defaults for Config's zero fields.
const (
	DefaultMaxBodyBytes = 32 << 20
	DefaultMaxBatch     = 1000
)

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxBatch == 0 {
		c.MaxBatch = DefaultMaxBatch
	}
	return c
}

// NewServer returns the API's handler: every route, wrapped in panic
// recovery, request IDs and access logging.
func NewServer(logger zerolog.Logger, cfg Config, ix *indexer.Index, s *searcher.Searcher) http.Handler {
	cfg = cfg.withDefaults()
	r := mux.NewRouter()
	addRoutes(r, cfg, ix, s, time.Now())
	var h http.Handler = r
	h = recoverPanics(h)
	h = accessLog(h)
	h = withRequestID(logger, h)
	return h
}
