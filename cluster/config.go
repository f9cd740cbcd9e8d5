// Package cluster runs Sagasu across machines on NATS: the write path on
// JetStream (the shard map in a JetStream key-value bucket, one replicated
// stream per shard, routing of an article to its shard (ShardOf), the
// publishing of writes, answered once JetStream has stored them, and each
// node's apply loop, which applies its shards' streams to local indexes in
// batches and records the applied sequence in the same Bleve batch, so
// that a restarted node resumes exactly where it stopped), the shards'
// snapshots in JetStream's object store (written by one holder of each
// shard, restored by a replica that has no local index, which then
// replays the stream from there), and the query
// fan-out on core NATS request-reply (RemoteShard, Serve), by which any
// node searches every shard through one live replica of each.
//
// With no cluster configured, Sagasu runs as one process with one index
// and this package is not used.
package cluster

import (
	"errors"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/indexer"
)

// Defaults for Config's zero fields.
const (
	DefaultBatchSize = 500
	DefaultBatchWait = 200 * time.Millisecond
	// DefaultPublishRetry is how long failed writes are sent again
	// before they are reported not stored.
	DefaultPublishRetry = 20 * time.Second
	// DefaultSnapshotEvery is the applied messages between two snapshots
	// of a shard for serve --cluster's --snapshot-every.
	DefaultSnapshotEvery = 50000
	// MaxStreamReplicas caps the replicas of a shard's stream: JetStream
	// allows 1, 3 or 5; three servers survive the loss of one.
	MaxStreamReplicas = 3
)

// Config says how a node joins the cluster.
type Config struct {
	// URLs are the NATS servers (nats://host:4222); the number given sets
	// the replicas of each stream, up to MaxStreamReplicas.
	URLs []string
	// NodeID is this node's number, 1 to Nodes.
	NodeID int
	// Nodes is the number of Sagasu nodes in the cluster.
	Nodes int
	// Shards is the number of shards articles are spread over.
	Shards int
	// Replicas is how many nodes hold each shard.
	Replicas int
	// Data is the folder that holds this node's shard indexes, one folder
	// shard-<n> each.
	Data string
	// Open opens (creating when absent) the index of one local shard
	// replica at path, with the node's annotator and limits.
	Open func(path string) (*indexer.Index, error)
	// BatchSize is the most stream messages applied in one Bleve batch;
	// 0 means DefaultBatchSize.
	BatchSize int
	// BatchWait is the longest a batch waits to fill once it has a
	// message; 0 means DefaultBatchWait.
	BatchWait time.Duration
	// PublishRetry is how long writes JetStream did not store are sent
	// again before Publish reports them; 0 means DefaultPublishRetry.
	PublishRetry time.Duration
	// QueryTimeout bounds one request of the query fan-out to one
	// replica of a shard, after which the next replica is asked; 0 means
	// DefaultQueryTimeout.
	QueryTimeout time.Duration
	// SnapshotEvery is how many applied messages of a shard make its
	// snapshot writer (the first live holder, see snapshotWriter) write a
	// new snapshot to SnapshotBucket; 0 writes none but on demand
	// (Node.Snapshot).
	SnapshotEvery uint64
	// StreamMaxAge is the age after which the shards' streams drop
	// messages; 0 keeps every message. Trimming is safe only with
	// snapshots newer than StreamMaxAge: a replica with no local index
	// starts from its shard's newest snapshot and needs the stream from
	// there on. Every node should be given the same value: the last one
	// started sets it.
	StreamMaxAge time.Duration
	// Logger receives the node's log.
	Logger zerolog.Logger
}

// withDefaults returns c with its zero fields set to their defaults.
func (c Config) withDefaults() Config {
	if c.BatchSize <= 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.BatchWait <= 0 {
		c.BatchWait = DefaultBatchWait
	}
	if c.PublishRetry <= 0 {
		c.PublishRetry = DefaultPublishRetry
	}
	if c.QueryTimeout <= 0 {
		c.QueryTimeout = DefaultQueryTimeout
	}
	return c
}

// Validate checks that the configuration describes a cluster this node
// can join.
func (c Config) Validate() error {
	switch {
	case len(c.URLs) == 0:
		return errors.New("cluster: no NATS server given")
	case c.Shards < 1:
		return fmt.Errorf("cluster: %d shards: want 1 or more", c.Shards)
	case c.Nodes < 1:
		return fmt.Errorf("cluster: %d nodes: want 1 or more", c.Nodes)
	case c.Replicas < 1 || c.Replicas > c.Nodes:
		return fmt.Errorf("cluster: %d replicas of each shard on %d nodes: want 1 to %d", c.Replicas, c.Nodes, c.Nodes)
	case c.NodeID < 1 || c.NodeID > c.Nodes:
		return fmt.Errorf("cluster: node id %d: want 1 to %d", c.NodeID, c.Nodes)
	case c.Data == "":
		return errors.New("cluster: no data folder")
	case c.Open == nil:
		return errors.New("cluster: no way to open a shard's index")
	case c.StreamMaxAge < 0:
		return fmt.Errorf("cluster: stream max age %s: want 0 (keep every message) or more", c.StreamMaxAge)
	}
	return nil
}

// streamReplicas is the replicas of each stream and bucket: one per NATS
// server, up to MaxStreamReplicas, and odd (JetStream wants 1, 3 or 5).
func (c Config) streamReplicas() int {
	n := min(len(c.URLs), MaxStreamReplicas)
	if n == 2 {
		n = 1
	}
	return n
}

// ShardOf returns the shard, 0 to shards-1, of the article with the given
// id: indexer.ShardOf, the one routing rule of Sagasu's shards, so that a
// cluster's shards and one process's shards hold the same articles.
// Changing it moves articles between shards, so it never changes for an
// existing cluster.
func ShardOf(id string, shards int) int { return indexer.ShardOf(id, shards) }
