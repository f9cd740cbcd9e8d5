package api

import (
	"net/http"
	"sync/atomic"
)

// Gate is the handler a server listens with from its first moment: until
// Open it answers /healthz (alive) and 503 to everything else, /readyz
// included, while the index opens and fills; then it serves the API; after
// Drain, /readyz answers 503 so that load balancers stop sending requests
// while in-flight ones finish.
type Gate struct {
	api      atomic.Pointer[http.Handler]
	draining atomic.Bool
}

// NewGate returns a closed gate.
func NewGate() *Gate { return &Gate{} }

// Open makes the gate serve h.
func (g *Gate) Open(h http.Handler) { g.api.Store(&h) }

// Drain makes /readyz answer 503: the server is shutting down.
func (g *Gate) Drain() { g.draining.Store(true) }

// ServeHTTP implements http.Handler.
func (g *Gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := g.api.Load()
	switch {
	case h == nil && r.URL.Path == "/healthz":
		encode(w, r, http.StatusOK, map[string]string{"status": "starting"})
	case h == nil:
		w.Header().Set("Retry-After", "1")
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "starting: the index is opening; try again shortly")
	case g.draining.Load() && r.URL.Path == "/readyz":
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "shutting down")
	default:
		(*h).ServeHTTP(w, r)
	}
}
