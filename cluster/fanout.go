package cluster

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// The query fan-out: any node answers a search by asking one live replica
// of each shard, in the three rounds of a sharded search (searcher.Shard).
// A shard this node holds is searched in process; another is asked over
// core NATS request-reply (not JetStream), on the subject of one node
// that holds it (QuerySubject), with a per-request timeout: the holders
// are tried in turn, and a node that fails or does not answer in time is
// passed over for the next one. Queue groups alone would not do: a node
// cut off the network keeps its subscription on the NATS servers until
// its pings fail, and requests routed to it would be lost. When no holder
// of a shard answers, the shard is left out (searcher.ErrShardUnavailable)
// and the answer says it is partial.

// DefaultQueryTimeout bounds one request of the fan-out to one replica,
// when Config.QueryTimeout is 0.
const DefaultQueryTimeout = 3 * time.Second

// QuerySubject is the subject on which node answers the rounds of
// searches for the shards it holds.
func QuerySubject(node int) string { return fmt.Sprintf("sagasu.query.%d", node) }

// Rounds of a search, as a shardCall names them.
const (
	roundStats  = "stats"
	roundSearch = "search"
	roundFetch  = "fetch"
)

// shardCall asks a node for one round of a search on one of its shards.
type shardCall struct {
	Shard int                 `json:"shard"`
	Round string              `json:"round"`
	Query searcher.ShardQuery `json:"query"`
	Stats *score.Stats        `json:"stats,omitempty"` // the global statistics, for search and fetch
	IDs   []string            `json:"ids,omitempty"`   // the articles to fetch
}

// shardReply is a node's answer to a shardCall: the round's result, or
// why there is none.
type shardReply struct {
	Error   string             `json:"error,omitempty"`
	Stats   *score.Stats       `json:"stats,omitempty"`
	Partial *searcher.Partial  `json:"partial,omitempty"`
	Hits    []searcher.Fetched `json:"hits,omitempty"`
}

// ShardServer gives the shards this node holds, to answer other nodes'
// searches; *searcher.Searcher is one.
type ShardServer interface {
	LocalShard(i int) (searcher.Shard, bool)
}

// remoteShard is a shard this node does not hold, reached through the
// nodes that do.
type remoteShard struct {
	n     *Node
	shard int
	// next is the index, in the shard's holders, of the replica to ask
	// first: the last one that answered, so that a search's rounds go to
	// one replica and a replica that fails is passed over for good.
	next atomic.Int32
}

// RemoteShard returns shard i as a searcher.Shard that asks the nodes
// holding it, for a searcher over the whole cluster
// (searcher.WithShards).
func (n *Node) RemoteShard(i int) searcher.Shard {
	r := &remoteShard{n: n, shard: i}
	if holders := n.shardMap.Holders[i]; len(holders) > 0 {
		r.next.Store(int32(n.cfg.NodeID % len(holders))) // spread the nodes over the replicas
	}
	return r
}

// Stats implements searcher.Shard.
func (r *remoteShard) Stats(ctx context.Context, q searcher.ShardQuery) (*score.Stats, error) {
	rep, err := r.call(ctx, shardCall{Round: roundStats, Query: q})
	if err != nil {
		return nil, err
	}
	if rep.Stats == nil {
		return nil, fmt.Errorf("shard %d: an answer without statistics", r.shard)
	}
	return rep.Stats, nil
}

// Search implements searcher.Shard.
func (r *remoteShard) Search(ctx context.Context, q searcher.ShardQuery, st *score.Stats) (*searcher.Partial, error) {
	rep, err := r.call(ctx, shardCall{Round: roundSearch, Query: q, Stats: st})
	if err != nil {
		return nil, err
	}
	if rep.Partial == nil {
		return nil, fmt.Errorf("shard %d: an answer without hits", r.shard)
	}
	return rep.Partial, nil
}

// Fetch implements searcher.Shard.
func (r *remoteShard) Fetch(ctx context.Context, q searcher.ShardQuery, st *score.Stats, ids []string) ([]searcher.Fetched, error) {
	rep, err := r.call(ctx, shardCall{Round: roundFetch, Query: q, Stats: st, IDs: ids})
	if err != nil {
		return nil, err
	}
	return rep.Hits, nil
}

// call asks the shard's holders in turn, from the one that answered
// last, until one answers. When none does, the error is
// searcher.ErrShardUnavailable; when ctx ends first, ctx's error.
func (r *remoteShard) call(ctx context.Context, c shardCall) (*shardReply, error) {
	c.Shard = r.shard
	req, err := encodeMsg(c, r.n.nc.MaxPayload())
	if err != nil {
		return nil, fmt.Errorf("shard %d: the %s request: %w", r.shard, c.Round, err)
	}
	holders := r.n.shardMap.Holders[r.shard]
	start := int(r.next.Load())
	var last error = errors.New("no other node holds it")
	for k := range holders {
		j := (start + k) % len(holders)
		if holders[j] == r.n.cfg.NodeID {
			continue
		}
		rep, err := r.n.ask(ctx, holders[j], req)
		if err == nil {
			r.next.Store(int32(j))
			return rep, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("shard %d: %w", r.shard, ctx.Err())
		}
		last = fmt.Errorf("node %d: %w", holders[j], err)
	}
	return nil, fmt.Errorf("shard %d: %w: %w", r.shard, searcher.ErrShardUnavailable, last)
}

// ask sends one request to node and decodes its reply, within the query
// timeout.
func (n *Node) ask(ctx context.Context, node int, req *nats.Msg) (*shardReply, error) {
	ctx, cancel := context.WithTimeout(ctx, n.cfg.QueryTimeout)
	defer cancel()
	m := nats.NewMsg(QuerySubject(node))
	m.Header, m.Data = req.Header, req.Data
	msg, err := n.nc.RequestMsgWithContext(ctx, m)
	if err != nil {
		return nil, fmt.Errorf("request: %w", err)
	}
	var rep shardReply
	if err := decodeMsg(msg, &rep); err != nil {
		return nil, fmt.Errorf("the reply: %w", err)
	}
	if rep.Error != "" {
		return nil, errors.New(rep.Error)
	}
	return &rep, nil
}

// encodingHeader says a message's body is compressed ("gzip").
const encodingHeader = "Sagasu-Encoding"

// compressFrom is the size of a message body from which it is sent
// compressed: a shard's part of a search carries all its facet counts,
// which at 100,000 articles can near NATS's default max_payload (1 MB),
// and the global statistics of a prefix carry every word it reaches.
const compressFrom = 64 << 10

// maxServing bounds the requests of other nodes a node answers at once.
const maxServing = 64

// Serve answers other nodes' searches of the shards this node holds,
// from srv, until Close. It is called once, when the node's searcher is
// built.
func (n *Node) Serve(srv ShardServer) error {
	slots := make(chan struct{}, maxServing)
	sub, err := n.nc.Subscribe(QuerySubject(n.cfg.NodeID), func(m *nats.Msg) {
		n.serveMu.Lock()
		closing := n.closing
		if !closing {
			n.serving.Add(1)
		}
		n.serveMu.Unlock()
		if closing { // Close is waiting for the answers in flight
			return
		}
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; n.serving.Done() }()
			n.answer(srv, m)
		}()
	})
	if err != nil {
		return fmt.Errorf("cluster: answer searches on %s: %w", QuerySubject(n.cfg.NodeID), err)
	}
	n.sub = sub
	return nil
}

// answer answers one request of another node.
func (n *Node) answer(srv ShardServer, m *nats.Msg) {
	ctx, cancel := context.WithTimeout(context.Background(), n.cfg.QueryTimeout)
	defer cancel()
	var c shardCall
	rep := &shardReply{}
	if err := decodeMsg(m, &c); err != nil {
		rep.Error = "decode the request: " + err.Error()
	} else if why := n.shardNotReady(c.Shard); why != "" {
		rep.Error = fmt.Sprintf("node %d, shard %d: not served: %s", n.cfg.NodeID, c.Shard, why)
	} else if rep, err = runCall(ctx, srv, c); err != nil {
		rep = &shardReply{Error: fmt.Sprintf("node %d, shard %d, %s: %v", n.cfg.NodeID, c.Shard, c.Round, err)}
	}
	out, err := encodeMsg(rep, n.nc.MaxPayload())
	if err != nil {
		n.cfg.Logger.Error().Err(err).Int("shard", c.Shard).Msg("answer a search")
		out = nats.NewMsg(m.Reply)
		out.Data, _ = json.Marshal(shardReply{Error: err.Error()})
	}
	out.Subject = m.Reply
	if err := n.nc.PublishMsg(out); err != nil {
		n.cfg.Logger.Warn().Err(err).Int("shard", c.Shard).Msg("answer a search")
	}
}

// shardNotReady says why this node does not serve its replica of shard,
// "" when it does or holds none.
func (n *Node) shardNotReady(shard int) string {
	for _, r := range n.replicas {
		if r.shard == shard {
			return r.notReady()
		}
	}
	return ""
}

// runCall runs the round c asks for on the local shard it names.
func runCall(ctx context.Context, srv ShardServer, c shardCall) (*shardReply, error) {
	sh, ok := srv.LocalShard(c.Shard)
	if !ok {
		return nil, errors.New("this node does not hold the shard")
	}
	rep := &shardReply{}
	var err error
	switch c.Round {
	case roundStats:
		rep.Stats, err = sh.Stats(ctx, c.Query)
	case roundSearch, roundFetch:
		if c.Stats == nil {
			return nil, errors.New("no global statistics")
		}
		if c.Round == roundSearch {
			rep.Partial, err = sh.Search(ctx, c.Query, c.Stats)
		} else {
			rep.Hits, err = sh.Fetch(ctx, c.Query, c.Stats, c.IDs)
		}
	default:
		return nil, fmt.Errorf("unknown round %q", c.Round)
	}
	return rep, err
}

// encodeMsg encodes v as a message body, compressed when large; a body
// NATS would refuse as larger than max is an error.
func encodeMsg(v any, max int64) (*nats.Msg, error) {
	m := nats.NewMsg("")
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	if len(data) >= compressFrom {
		var b bytes.Buffer
		z := gzip.NewWriter(&b)
		if _, err := z.Write(data); err != nil {
			return nil, fmt.Errorf("compress: %w", err)
		}
		if err := z.Close(); err != nil {
			return nil, fmt.Errorf("compress: %w", err)
		}
		data = b.Bytes()
		m.Header.Set(encodingHeader, "gzip")
	}
	if max > 0 && int64(len(data)) > max-1024 {
		return nil, fmt.Errorf("%d bytes, more than NATS's max_payload of %d", len(data), max)
	}
	m.Data = data
	return m, nil
}

// decodeMsg decodes a message body encoded by encodeMsg into v.
func decodeMsg(m *nats.Msg, v any) error {
	body := m.Data
	if m.Header.Get(encodingHeader) == "gzip" {
		var err error
		if body, err = gunzip(body); err != nil {
			return fmt.Errorf("decompress: %w", err)
		}
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	return nil
}

// gunzip decompresses a gzip body.
func gunzip(b []byte) ([]byte, error) {
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer z.Close()
	return io.ReadAll(z)
}
