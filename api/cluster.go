package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/mux"
	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/cluster"
	"github.com/sagasu-search/sagasu/corpus"
)

// Cluster is what the API serves writes and readiness from in cluster
// mode (sagasu serve --cluster): the node, which publishes writes to the
// shards' streams. Searches go through the server's searcher, which
// reaches every shard of the cluster (searcher.WithShards).
type Cluster struct {
	Node *cluster.Node
	// WaitTimeout bounds a write's ?wait=applied; 0 means
	// DefaultWaitTimeout.
	WaitTimeout time.Duration
}

// DefaultWaitTimeout bounds the wait of a write's ?wait=applied.
const DefaultWaitTimeout = 30 * time.Second

// codeNotApplied answers a write stored but not applied within the wait.
const codeNotApplied = "not_applied"

// codeNotStored answers writes JetStream did not store.
const codeNotStored = "not_stored"

// clusterWrite is the answer to a write in cluster mode.
type clusterWrite struct {
	// Stored are the writes JetStream stored: each will be applied by
	// every node that holds its shard.
	Stored []storedWrite `json:"stored"`
	// Applied says whether the writes are searchable on every replica
	// (with ?wait=applied).
	Applied bool `json:"applied"`
}

// storedWrite is one write JetStream stored.
type storedWrite struct {
	ID    string `json:"id"`
	Shard int    `json:"shard"`
	Seq   uint64 `json:"seq"`
}

// clusterError is the answer to writes of which some were not stored or
// not applied in time.
type clusterError struct {
	Error     errorDetail   `json:"error"`
	Stored    []storedWrite `json:"stored"`
	NotStored []string      `json:"not_stored,omitempty"`
	Behind    []cluster.Lag `json:"behind,omitempty"`
}

// waitApplied reads a write's ?wait=: "applied" to wait until the write is
// searchable on every replica, "" or "stored" not to.
func waitApplied(r *http.Request) (bool, error) {
	switch w := r.URL.Query().Get("wait"); w {
	case "", "stored":
		return false, nil
	case "applied":
		return true, nil
	default:
		return false, fmt.Errorf(`wait=%q: use "applied" (searchable on every replica) or "stored" (the default)`, w)
	}
}

// publish publishes ops through c's node, waits for them to be applied
// when the request asks (?wait=applied), and answers.
func (c *Cluster) publish(w http.ResponseWriter, r *http.Request, ops []cluster.Op, wait bool) {
	acks, err := c.Node.Publish(r.Context(), ops)
	var pe *cluster.PublishError
	switch {
	case errors.As(err, &pe):
		zerolog.Ctx(r.Context()).Error().Err(err).Msg("writes not stored")
		encode(w, r, http.StatusServiceUnavailable, clusterError{Stored: stored(acks), NotStored: pe.NotStored,
			Error: errorDetail{Code: codeNotStored, Message: "some writes were not stored (retry them): " + pe.Err.Error()}})
		return
	case err != nil:
		writeError(w, r, http.StatusBadRequest, codeInvalidArticle, "nothing was stored: "+err.Error())
		return
	}
	res := clusterWrite{Stored: stored(acks)}
	if wait {
		if err := c.wait(r.Context(), acks); err != nil {
			writeNotApplied(w, r, res.Stored, err)
			return
		}
		res.Applied = true
	}
	zerolog.Ctx(r.Context()).Info().Int("writes", len(ops)).Bool("applied", res.Applied).Msg("stored")
	encode(w, r, http.StatusOK, res)
}

// wait waits for acks to be applied on every replica, within WaitTimeout.
func (c *Cluster) wait(ctx context.Context, acks []cluster.Ack) error {
	timeout := c.WaitTimeout
	if timeout <= 0 {
		timeout = DefaultWaitTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return c.Node.WaitApplied(ctx, acks)
}

// writeNotApplied answers writes stored but not applied everywhere in time.
func writeNotApplied(w http.ResponseWriter, r *http.Request, st []storedWrite, err error) {
	var le *cluster.LagError
	body := clusterError{Stored: st, Error: errorDetail{Code: codeNotApplied,
		Message: "the writes are stored and will be applied, but not every replica applied them in time: " + err.Error()}}
	if errors.As(err, &le) {
		body.Behind = le.Lags
	}
	encode(w, r, http.StatusGatewayTimeout, body)
}

// stored lists the acks of writes that were stored.
func stored(acks []cluster.Ack) []storedWrite {
	out := []storedWrite{}
	for _, a := range acks {
		if a.Err == nil {
			out = append(out, storedWrite{ID: a.ID, Shard: a.Shard, Seq: a.Seq})
		}
	}
	return out
}

// handleClusterPost answers POST /api/v1/articles in cluster mode: the
// articles are decoded and accepted as on one node, then published.
func handleClusterPost(cfg Config, c *Cluster, accept acceptor) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wait, err := waitApplied(r)
		if err != nil {
			writeError(w, r, http.StatusBadRequest, codeInvalidParameter, err.Error())
			return
		}
		d, status, err := decodeArticles(w, r, cfg, accept)
		if err != nil {
			writeError(w, r, status, codeFor(status), err.Error())
			return
		}
		ops := make([]cluster.Op, len(d.articles))
		for i := range d.articles {
			ops[i] = cluster.Op{Put: &d.articles[i]}
		}
		c.publish(w, r, ops, wait)
	})
}

// handleClusterDeletes answers POST /api/v1/articles/delete and DELETE
// /api/v1/articles/{id} in cluster mode. A node does not hold every
// shard, so a delete of an ID no shard holds is not a 404: it is stored
// and does nothing.
func handleClusterDeletes(cfg Config, c *Cluster, one bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wait, err := waitApplied(r)
		if err != nil {
			writeError(w, r, http.StatusBadRequest, codeInvalidParameter, err.Error())
			return
		}
		ids := []string{mux.Vars(r)["id"]}
		if err := corpus.ValidateID(ids[0]); one && err != nil {
			writeError(w, r, http.StatusBadRequest, codeInvalidParameter, err.Error())
			return
		}
		if !one {
			var status int
			if ids, status, err = decodeIDs(w, r, cfg); err != nil {
				writeError(w, r, status, codeFor(status), err.Error())
				return
			}
		}
		ops := make([]cluster.Op, len(ids))
		for i, id := range ids {
			ops[i] = cluster.Op{Delete: id}
		}
		c.publish(w, r, ops, wait)
	})
}

// handleClusterGet answers GET /api/v1/articles/{id} in cluster mode from
// the node's replica of the article's shard; a node without one says so
// (asking the nodes that hold it is the query fan-out, not built yet).
func handleClusterGet(c *Cluster) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := mux.Vars(r)["id"]
		shard := cluster.ShardOf(id, c.Node.Map().Shards)
		for _, ls := range c.Node.Local() {
			if ls.Shard == shard {
				a, err := ls.Index.Get(r.Context(), id)
				if err != nil {
					writeIndexError(w, r, id, err)
					return
				}
				encode(w, r, http.StatusOK, a)
				return
			}
		}
		writeError(w, r, http.StatusServiceUnavailable, codeUnavailable,
			fmt.Sprintf("article %q is in shard %d, which this node does not hold: ask node %v", id, shard, c.Node.Map().Holders[shard]))
	})
}

// acceptor accepts an article (indexer.Index.Accept).
type acceptor interface {
	Accept(a *corpus.Article) error
}

// handleClusterReady answers GET /readyz in cluster mode: each local
// shard's applied sequence and lag behind its stream. A local shard the
// node does not serve (its stream trimmed past what the node can reach)
// makes the answer a 503 "not_ready", the shard's not_ready saying why.
func handleClusterReady(c *Cluster) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := c.Node.Status(r.Context())
		status, code := "ready", http.StatusOK
		for _, s := range st {
			if s.NotReady != "" {
				status, code = "not_ready", http.StatusServiceUnavailable
			}
		}
		encode(w, r, code, map[string]interface{}{"status": status, "node": c.Node.ID(), "shards": st})
	})
}

// handleSnapshot answers POST /api/v1/admin/snapshot in cluster mode: a
// snapshot of each shard this node serves, put in the cluster's object
// store for new replicas to start from. A shard whose stored snapshot is
// as new is skipped.
func handleSnapshot(c *Cluster) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, err := c.Node.Snapshot(r.Context())
		if err != nil {
			writeInternal(w, r, err)
			return
		}
		zerolog.Ctx(r.Context()).Info().Int("shards", len(res)).Msg("snapshots")
		encode(w, r, http.StatusOK, map[string]interface{}{"node": c.Node.ID(), "snapshots": res})
	})
}

// handleSnapshotNotClustered answers POST /api/v1/admin/snapshot out of
// cluster mode.
func handleSnapshotNotClustered() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotImplemented, codeNotImplemented,
			"snapshots are of a cluster's shards (serve --cluster); one process is backed up with POST /api/v1/admin/backup")
	})
}

// handleNotInCluster answers a route that cluster mode does not serve yet.
func handleNotInCluster(what string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotImplemented, codeNotImplemented, what+" is not served in cluster mode yet")
	})
}
