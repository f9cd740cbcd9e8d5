package main

import (
	"context"
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
}

func (c *clusterFlags) register(fs *flag.FlagSet) {
	fs.Var(&c.urls, "cluster", "NATS servers of a cluster, comma-separated (nats://a:4222,nats://b:4222,…); none runs one process with one index")
	fs.IntVar(&c.nodeID, "node-id", 0, "with --cluster, this node's number, 1 to --nodes")
	fs.IntVar(&c.nodes, "nodes", 3, "with --cluster, the number of Sagasu nodes")
	fs.IntVar(&c.replicas, "replicas", 2, "with --cluster, how many nodes hold each shard")
	fs.DurationVar(&c.waitTimeout, "wait-timeout", api.DefaultWaitTimeout, "with --cluster, longest a write's ?wait=applied waits")
}

// on reports whether the flags ask for cluster mode.
func (c *clusterFlags) on() bool { return len(c.urls) > 0 }

// serveCluster joins the cluster as a node, with one index per shard it
// holds under --data, and serves the API from it until ctx is cancelled.
func (f *serveFlags) serveCluster(ctx context.Context, srv *server, gate *api.Gate, keys []api.Key, logger zerolog.Logger) error {
	if len(f.corpus) > 0 {
		srv.close()
		return fmt.Errorf("--corpus cannot be used with --cluster: post the articles to any node: %w", cli.ErrUsage)
	}
	engines := map[string]*engine.Engine{}
	open := func(path string) (*indexer.Index, error) {
		c := f.commonFlags
		c.data = path
		c.shards = 1 // --shards counts the cluster's shards; each is one index here
		eng, err := c.openEngine(false)
		if err != nil {
			return nil, err
		}
		engines[path] = eng
		return eng.Index, nil
	}
	node, err := cluster.Start(ctx, cluster.Config{URLs: f.cluster.urls, NodeID: f.cluster.nodeID, Nodes: f.cluster.nodes,
		Shards: f.shards, Replicas: f.cluster.replicas, Data: f.data, Open: open, Logger: logger})
	if err != nil {
		srv.close()
		return err
	}
	defer func() {
		if err := node.Close(); err != nil {
			logger.Error().Err(err).Msg("close the node")
		}
	}()
	c := &api.Cluster{Node: node, Searchers: map[int]*searcher.Searcher{}, WaitTimeout: f.cluster.waitTimeout}
	var first *engine.Engine
	for _, ls := range node.Local() {
		eng := engines[ls.Index.Path()]
		warm(ctx, eng, logger)
		c.Searchers[ls.Shard] = eng.Searcher
		if first == nil {
			first = eng
		}
	}
	cfg := f.config(keys)
	cfg.Cluster = c
	gate.Open(api.NewServer(logger, cfg, first.Index, first.Searcher))
	logger.Info().Int("node", node.ID()).Ints("shards", shardsOf(node)).Msg("ready")
	return srv.wait(ctx, gate, f.shutdownTimeout)
}

// shardsOf lists the shards node holds.
func shardsOf(node *cluster.Node) []int {
	var out []int
	for _, ls := range node.Local() {
		out = append(out, ls.Shard)
	}
	return out
}
