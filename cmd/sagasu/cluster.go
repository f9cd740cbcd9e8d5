package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/api"
	"github.com/sagasu-search/sagasu/cluster"
	"github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/searcher"
)

// clusterFlags are the flags of "sagasu serve --cluster".
type clusterFlags struct {
	urls        cli.ListFlag
	nodeID      int
	nodes       int
	replicas    int
	waitTimeout time.Duration
	// shardTimeout bounds one request of the query fan-out to one
	// replica of a shard.
	shardTimeout time.Duration
	// snapshotEvery and streamMaxAge: see cluster.Config.
	snapshotEvery uint64
	streamMaxAge  time.Duration
}

func (c *clusterFlags) register(fs *flag.FlagSet) {
	fs.Var(&c.urls, "cluster", "NATS servers of a cluster, comma-separated (nats://a:4222,nats://b:4222,…); none runs one process with one index")
	fs.IntVar(&c.nodeID, "node-id", 0, "with --cluster, this node's number, 1 to --nodes")
	fs.IntVar(&c.nodes, "nodes", 3, "with --cluster, the number of Sagasu nodes")
	fs.IntVar(&c.replicas, "replicas", 2, "with --cluster, how many nodes hold each shard")
	fs.DurationVar(&c.waitTimeout, "wait-timeout", api.DefaultWaitTimeout, "with --cluster, longest a write's ?wait=applied waits")
	fs.Uint64Var(&c.snapshotEvery, "snapshot-every", cluster.DefaultSnapshotEvery, "with --cluster, a shard's snapshot is written (by one holder) every this many applied messages; 0 writes them only on POST /api/v1/admin/snapshot")
	fs.DurationVar(&c.streamMaxAge, "stream-max-age", 0, "with --cluster, drop stream messages older than this (0 keeps every message); safe only while snapshots are newer (--snapshot-every); give every node the same value")
	fs.DurationVar(&c.shardTimeout, "shard-timeout", cluster.DefaultQueryTimeout, "with --cluster, longest a search waits for one replica of a shard on another node before asking the next")
}

// on reports whether the flags ask for cluster mode.
func (c *clusterFlags) on() bool { return len(c.urls) > 0 }

// serveCluster joins the cluster as a node, with one index per shard it
// holds under --data, all sharing one gazetteer and extractor and
// searched by one searcher that reaches every shard of the cluster, and
// serves the API from it until ctx is cancelled.
func (f *serveFlags) serveCluster(ctx context.Context, srv *server, gate *api.Gate, keys []api.Key, logger zerolog.Logger) error {
	if len(f.corpus) > 0 {
		srv.close()
		return fmt.Errorf("--corpus cannot be used with --cluster: post the articles to any node: %w", cli.ErrUsage)
	}
	cfg, shared, err := f.clusterShared()
	if err != nil {
		srv.close()
		return err
	}
	open := func(path string) (*indexer.Index, error) {
		c := cfg
		c.Data, c.Shards = path, 1 // --shards counts the cluster's shards; each is one index here
		ix, _, err := engine.OpenIndex(c, shared)
		return ix, err
	}
	node, err := cluster.Start(ctx, cluster.Config{URLs: f.cluster.urls, NodeID: f.cluster.nodeID, Nodes: f.cluster.nodes,
		Shards: f.shards, Replicas: f.cluster.replicas, Data: f.data, Open: open, QueryTimeout: f.cluster.shardTimeout,
		SnapshotEvery: f.cluster.snapshotEvery, StreamMaxAge: f.cluster.streamMaxAge, Logger: logger})
	if err != nil {
		srv.close()
		return err
	}
	defer func() {
		if err := node.Close(); err != nil {
			logger.Error().Err(err).Msg("close the node")
		}
	}()
	s, first := clusterSearcher(node, shared, f.limits)
	if err := node.Serve(s); err != nil {
		srv.close()
		return err
	}
	warm(ctx, s, logger)
	apiCfg := f.config(keys)
	apiCfg.Cluster = &api.Cluster{Node: node, WaitTimeout: f.cluster.waitTimeout}
	gate.Open(api.NewServer(logger, apiCfg, first, s))
	logger.Info().Int("node", node.ID()).Ints("shards", shardsOf(node)).Msg("ready")
	return srv.wait(ctx, gate, f.shutdownTimeout)
}

// clusterShared is the engine configuration of the flags and what the
// node's shard indexes share.
func (f *serveFlags) clusterShared() (engine.Config, *engine.Shared, error) {
	cfg, err := f.engineConfig(false)
	if err != nil {
		return cfg, nil, err
	}
	shared, err := engine.LoadShared(cfg)
	var me *engine.ModeError
	if errors.As(err, &me) {
		return cfg, nil, fmt.Errorf("--entities: %w: %w", err, cli.ErrUsage)
	}
	return cfg, shared, err
}

// clusterSearcher returns the searcher over every shard of node's
// cluster: its own shards in process, the others through their holders
// (the query fan-out), and the node's first local index.
func clusterSearcher(node *cluster.Node, shared *engine.Shared, limits searcher.Limits) (*searcher.Searcher, *indexer.Index) {
	local := map[int]*indexer.Index{}
	for _, ls := range node.Local() {
		local[ls.Shard] = ls.Index
	}
	first := node.Index()
	s := searcher.New(first, shared.Extractor, searcher.WithLimits(limits),
		searcher.WithShards(node.Map().Shards, local, node.RemoteShard))
	return s, first
}

// shardsOf lists the shards node holds.
func shardsOf(node *cluster.Node) []int {
	var out []int
	for _, ls := range node.Local() {
		out = append(out, ls.Shard)
	}
	return out
}
