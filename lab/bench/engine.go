package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/sagasu-search/sagasu/lab/loadtest"
)

// Engine names, as Options.Engines and the report spell them.
const (
	Sagasu  = "sagasu"
	FTS5    = "fts5"
	Groonga = "groonga"
)

// engine is a search engine under test: it indexes the corpus, then
// answers the mix over HTTP on loopback.
type engine interface {
	// name is one of Sagasu, FTS5, Groonga.
	name() string
	// ingest indexes the corpus into dir (which does not exist yet) and
	// starts serving; it returns once queries can be sent.
	ingest(ctx context.Context, c *prepared, dir string) error
	// baseURL is where the server listens, once ingest has returned.
	baseURL() string
	// request returns the HTTP request that runs q with facets and
	// highlights.
	request(q Query) loadtest.Request
	// total reads how many articles matched from an answer to request.
	total(body []byte) (int, error)
	// pid is the process that indexes and searches, 0 for this one, -1
	// while it is not running yet.
	pid() int
	// close stops the server; the index stays in dir.
	close() error
}

// Server is a running Sagasu server.
type Server struct {
	// URL is where it listens: "http://127.0.0.1:PORT".
	URL string
	// PID is the server's process, 0 when it runs in this one.
	PID int
	// Stop stops it and closes its index.
	Stop func() error
}

// StartFunc starts Sagasu's HTTP server ("sagasu serve") on a free
// loopback port, over a new index in dataDir, indexing the JSON Lines
// file corpusPath first; it returns once the server is ready, the corpus
// indexed. The bench times the call as Sagasu's ingest. It calls started
// with the server's process ID (0: this process) as soon as the server
// runs, before it indexes, so that the bench can watch its memory. The
// command (package main) supplies it: the bench drives the real server.
type StartFunc func(ctx context.Context, corpusPath, dataDir string, started func(pid int)) (*Server, error)

// sagasuEngine is Sagasu's own server, started by a StartFunc.
type sagasuEngine struct {
	start StartFunc
	srv   *Server
	// running is the server's process ID plus one once it runs, 0 before.
	running atomic.Int64
}

func (e *sagasuEngine) name() string { return Sagasu }

func (e *sagasuEngine) ingest(ctx context.Context, c *prepared, dir string) error {
	srv, err := e.start(ctx, c.path, dir, func(pid int) { e.running.Store(int64(pid) + 1) })
	if err != nil {
		return fmt.Errorf("start sagasu serve: %w", err)
	}
	e.srv = srv
	return nil
}

func (e *sagasuEngine) baseURL() string { return strings.TrimRight(e.srv.URL, "/") }

// request is GET /api/v1/search: Sagasu always answers with facets (the
// three entity types, source, language and month) and highlighted title
// and body snippets.
func (e *sagasuEngine) request(q Query) loadtest.Request {
	return loadtest.Request{Name: q.Name, Path: q.SagasuPath()}
}

func (e *sagasuEngine) total(body []byte) (int, error) {
	var r struct {
		Total *int `json:"total"`
	}
	if err := json.Unmarshal(body, &r); err != nil || r.Total == nil {
		return 0, fmt.Errorf("not a search answer: %.200s", body)
	}
	return *r.Total, nil
}

func (e *sagasuEngine) pid() int {
	if e.srv != nil {
		return e.srv.PID
	}
	return int(e.running.Load()) - 1
}

func (e *sagasuEngine) close() error {
	if e.srv == nil || e.srv.Stop == nil {
		return nil
	}
	if err := e.srv.Stop(); err != nil {
		return fmt.Errorf("stop sagasu serve: %w", err)
	}
	return nil
}
