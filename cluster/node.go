package cluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sagasu-search/sagasu/indexer"
)

// Node is one Sagasu node of a cluster: its connection to NATS, the shard
// map, and the replicas of the shards it holds, each applied from its
// stream by a loop of its own. It is safe for concurrent use.
type Node struct {
	cfg      Config
	nc       *nats.Conn
	js       jetstream.JetStream
	shardMap ShardMap
	applied  jetstream.KeyValue
	snaps    jetstream.ObjectStore
	table    *appliedTable
	replicas []*replica
	// spare is an empty in-memory index, there to accept articles when
	// no local replica has an index (every one refused, see reach).
	spare *indexer.Index
	stop  context.CancelFunc
	loops sync.WaitGroup
	// sub receives other nodes' searches of the local shards (Serve);
	// serving counts those being answered.
	sub     *nats.Subscription
	serving sync.WaitGroup
	serveMu sync.Mutex
	closing bool // no more answers are started
	// closed makes Close once: a test stops a node before its deferred
	// Close.
	closed   sync.Once
	closeErr error
}

// replica is a local copy of one shard.
type replica struct {
	shard int
	// ix is the replica's index; nil when the replica had none and could
	// not get one (notReady says why).
	ix      *indexer.Index
	applied atomic.Uint64 // the stream sequence applied, as recorded in ix
	// messages counts the stream messages applied since the node
	// started: a restart that resumes exactly applies only the new ones.
	messages atomic.Uint64
	// snapSeq is the applied sequence of the shard's newest snapshot this
	// node knows of; snapping is set while one is being written.
	snapSeq  atomic.Uint64
	snapping atomic.Bool
	// refused says why the replica is not served, nil while it is.
	refused atomic.Pointer[string]
}

// notReady says why r is not served, "" when it is.
func (r *replica) notReady() string {
	if p := r.refused.Load(); p != nil {
		return *p
	}
	return ""
}

// LocalShard is a shard this node holds.
type LocalShard struct {
	Shard int
	Index *indexer.Index
}

// Start connects to NATS, creates the streams and buckets that are
// missing, stores the shard map unless the cluster has one (which must
// have the shape of cfg), opens the node's shard indexes and starts
// applying their streams. Close stops it.
func Start(ctx context.Context, cfg Config) (*Node, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	nc, err := nats.Connect(strings.Join(cfg.URLs, ","), nats.Name("sagasu-node-"+strconv.Itoa(cfg.NodeID)),
		nats.MaxReconnects(-1), nats.RetryOnFailedConnect(true), nats.ReconnectWait(500*time.Millisecond),
		nats.PingInterval(pingInterval), nats.MaxPingsOutstanding(2))
	if err != nil {
		return nil, fmt.Errorf("cluster: connect to %s: %w", strings.Join(cfg.URLs, ","), err)
	}
	n := &Node{cfg: cfg, nc: nc, table: newAppliedTable()}
	if err := n.setUpRetrying(ctx); err != nil {
		n.closeAll()
		return nil, err
	}
	if err := n.openReplicas(ctx); err != nil {
		n.closeAll()
		return nil, err
	}
	loopCtx, stop := context.WithCancel(context.Background())
	n.stop = stop
	if err := n.table.watch(loopCtx, n.applied); err != nil {
		stop()
		n.closeAll()
		return nil, fmt.Errorf("cluster: %w", err)
	}
	for _, r := range n.replicas {
		if r.notReady() == "" {
			n.loops.Add(1)
			go n.run(loopCtx, r)
		}
	}
	return n, nil
}

// pingInterval is how often the node pings its NATS server: a connection
// that a cut network left open is known dead after two unanswered pings,
// and the node reconnects (the client's default, two minutes, kept a
// node reconnected to its network a minute behind).
const pingInterval = 5 * time.Second

// startTimeout bounds the wait for JetStream at start: NATS servers
// started at the same time as the node elect their leaders first.
const (
	startTimeout   = 2 * time.Minute
	attemptTimeout = 8 * time.Second
)

// setUpRetrying runs setUp until it succeeds, startTimeout passes or ctx
// ends. Each attempt has attemptTimeout: a request JetStream lost (its
// meta leader changing, say) costs that, not the whole start.
func (n *Node) setUpRetrying(ctx context.Context) error {
	deadline := time.Now().Add(startTimeout)
	for {
		attempt, cancel := context.WithTimeout(ctx, attemptTimeout)
		err := n.setUp(attempt)
		cancel()
		if err == nil || ctx.Err() != nil || time.Now().After(deadline) {
			return err
		}
		n.cfg.Logger.Warn().Err(err).Msg("JetStream is not ready: trying again")
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// setUp makes the JetStream context, the streams, the buckets and the
// shard map.
func (n *Node) setUp(ctx context.Context) error {
	js, err := jetstream.New(n.nc, jetstream.WithPublishAsyncTimeout(ackTimeout))
	if err != nil {
		return fmt.Errorf("cluster: jetstream: %w", err)
	}
	n.js = js
	rep := n.cfg.streamReplicas()
	for s := range n.cfg.Shards {
		if err := n.ensureStream(ctx, s, rep); err != nil {
			return err
		}
	}
	maps, err := n.ensureBucket(ctx, MapBucket, rep)
	if err != nil {
		return err
	}
	if n.applied, err = n.ensureBucket(ctx, AppliedBucket, rep); err != nil {
		return err
	}
	if n.snaps, err = n.js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: SnapshotBucket,
		Description: "Sagasu: the newest snapshot of each shard", Storage: jetstream.FileStorage, Replicas: rep}); err != nil {
		return fmt.Errorf("cluster: create object store %s: %w", SnapshotBucket, err)
	}
	if n.shardMap, err = bootstrapMap(ctx, maps, NewShardMap(n.cfg.Shards, n.cfg.Replicas, n.cfg.Nodes)); err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	return nil
}

// ensureStream creates shard s's stream unless it exists, or updates it:
// file storage, rep replicas, messages kept StreamMaxAge (0: every
// message kept), duplicates within two minutes (at most StreamMaxAge)
// dropped by message ID.
func (n *Node) ensureStream(ctx context.Context, s, rep int) error {
	dup := duplicateWindow
	if a := n.cfg.StreamMaxAge; a > 0 && a < dup {
		dup = a
	}
	_, err := n.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: StreamName(s), Subjects: []string{Subject(s)}, Storage: jetstream.FileStorage,
		Replicas: rep, Retention: jetstream.LimitsPolicy, Duplicates: dup, MaxAge: n.cfg.StreamMaxAge,
	})
	if err != nil {
		return fmt.Errorf("cluster: create stream %s: %w", StreamName(s), err)
	}
	return nil
}

// duplicateWindow is how long JetStream drops a put whose message ID it
// has stored (a retried put).
const duplicateWindow = 2 * time.Minute

// ensureBucket creates the key-value bucket unless it exists.
func (n *Node) ensureBucket(ctx context.Context, name string, rep int) (jetstream.KeyValue, error) {
	kv, err := n.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: name, History: 1,
		Storage: jetstream.FileStorage, Replicas: rep})
	if err != nil {
		return nil, fmt.Errorf("cluster: create bucket %s: %w", name, err)
	}
	return kv, nil
}

// openReplicas prepares a replica of each shard the map gives this
// node (openReplica), and the spare index when none has one.
func (n *Node) openReplicas(ctx context.Context) error {
	local := n.shardMap.Of(n.cfg.NodeID)
	if len(local) == 0 {
		return fmt.Errorf("cluster: the shard map gives node %d no shard", n.cfg.NodeID)
	}
	n.removeLeftovers()
	for _, s := range local {
		r, err := n.openReplica(ctx, s)
		if err != nil {
			return err
		}
		n.replicas = append(n.replicas, r)
	}
	if n.Index() == nil {
		spare, err := n.cfg.Open("")
		if err != nil {
			return fmt.Errorf("cluster: open an in-memory index: %w", err)
		}
		n.spare = spare
	}
	return nil
}

// removeLeftovers removes the temporary folders of snapshots and
// restores a stopped node left unfinished in Data.
func (n *Node) removeLeftovers() {
	for _, pattern := range []string{".snapshot-shard-*", ".shard-*.restore-*"} {
		matches, _ := filepath.Glob(filepath.Join(n.cfg.Data, pattern))
		for _, m := range matches {
			if err := os.RemoveAll(m); err != nil {
				n.cfg.Logger.Warn().Err(err).Str("path", m).Msg("remove an unfinished snapshot")
			}
		}
	}
}

// openReplica prepares the replica of shard s: it opens its index under
// Data, restoring the shard's newest snapshot first when there is none,
// and reads the sequence it has applied. A replica whose stream no longer
// holds the messages after that sequence is not served (reach): it is
// returned with notReady set, and with no index when it had none.
func (n *Node) openReplica(ctx context.Context, s int) (*replica, error) {
	r := &replica{shard: s}
	log := n.cfg.Logger.With().Int("shard", s).Logger()
	path := filepath.Join(n.cfg.Data, fmt.Sprintf("shard-%d", s))
	exists, err := indexer.Exists(path)
	if err != nil {
		return nil, fmt.Errorf("cluster: shard %d: %w", s, err)
	}
	var snapErr error
	if !exists {
		exists, snapErr = n.restoreLogged(ctx, s, path)
	}
	var applied uint64
	if exists {
		if r.ix, applied, err = n.openIndex(ctx, s, path); err != nil {
			return nil, err
		}
	}
	why, err := n.reachRetrying(ctx, s, applied)
	if err != nil {
		r.close()
		return nil, fmt.Errorf("cluster: shard %d: %w", s, err)
	}
	if why != "" {
		if snapErr != nil {
			why += "; the snapshot was refused: " + snapErr.Error()
		}
		log.Error().Str("reason", why).Msg("shard not served")
		r.refused.Store(&why)
		return r, nil
	}
	if r.ix == nil {
		if r.ix, applied, err = n.openIndex(ctx, s, path); err != nil {
			return nil, err
		}
	}
	r.applied.Store(applied)
	stored, _ := n.storedSeq(ctx, s)
	r.snapSeq.Store(stored)
	return r, nil
}

// restoreLogged restores shard's snapshot at path (restore), logging
// what happened, and reports whether it installed one; the error is why
// a stored snapshot was refused.
func (n *Node) restoreLogged(ctx context.Context, s int, path string) (bool, error) {
	log := n.cfg.Logger.With().Int("shard", s).Logger()
	start := time.Now()
	seq, err := n.restore(ctx, s, path)
	switch {
	case err == nil:
		log.Info().Uint64("applied_seq", seq).Dur("took", time.Since(start)).Msg("no local index: restored the shard's snapshot; replaying the stream after it")
		return true, nil
	case errors.Is(err, errNoSnapshot):
		log.Info().Msg("no local index and no snapshot: replaying the stream from its first message")
		return false, nil
	default:
		log.Error().Err(err).Msg("no local index, and the shard's snapshot was refused: replaying the stream from its first message if it still holds it")
		return false, err
	}
}

// openIndex opens (creating when absent) the index of shard s at path,
// checks that it is shard s's, recording so in an index that does not
// say, and returns the stream sequence it has applied.
func (n *Node) openIndex(ctx context.Context, s int, path string) (*indexer.Index, uint64, error) {
	ix, err := n.cfg.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("cluster: open shard %d: %w", s, err)
	}
	seq, err := appliedSeq(ix)
	if err == nil {
		err = ensureShardKey(ctx, ix, s)
	}
	if err != nil {
		ix.Close()
		return nil, 0, fmt.Errorf("cluster: shard %d at %s: %w", s, path, err)
	}
	return ix, seq, nil
}

// ensureShardKey checks that ix records shard s, recording it in an index
// that records no shard.
func ensureShardKey(ctx context.Context, ix *indexer.Index, s int) error {
	v, err := ix.Internal(shardKey)
	if err != nil {
		return err
	}
	want := strconv.Itoa(s)
	switch string(v) {
	case want:
		return nil
	case "":
		return ix.Apply(ctx, indexer.Change{Internal: map[string][]byte{shardKey: []byte(want)}})
	default:
		return fmt.Errorf("the index is of shard %s, not %d: move the folder away", v, s)
	}
}

// close closes r's index, if it has one.
func (r *replica) close() error {
	if r.ix == nil {
		return nil
	}
	return r.ix.Close()
}

// appliedSeq reads the stream sequence recorded in a shard's index, 0
// when none is.
func appliedSeq(ix *indexer.Index) (uint64, error) {
	v, err := ix.Internal(appliedKey)
	if err != nil || v == nil {
		return 0, err
	}
	seq, err := strconv.ParseUint(string(v), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("applied sequence %q: %w", v, err)
	}
	return seq, nil
}

// Map returns the cluster's shard map.
func (n *Node) Map() ShardMap { return n.shardMap }

// ID returns this node's id.
func (n *Node) ID() int { return n.cfg.NodeID }

// Local returns the shards this node holds and serves, in increasing
// order: a replica not served (see ShardStatus.NotReady) is not among
// them. The searcher is built from it once, at start.
func (n *Node) Local() []LocalShard {
	var out []LocalShard
	for _, r := range n.replicas {
		if r.notReady() == "" {
			out = append(out, LocalShard{Shard: r.shard, Index: r.ix})
		}
	}
	return out
}

// Index returns an index of this node to accept articles with (their
// checks and limits): its first replica's, or an empty in-memory one
// when no replica has an index.
func (n *Node) Index() *indexer.Index {
	for _, r := range n.replicas {
		if r.ix != nil {
			return r.ix
		}
	}
	return n.spare
}

// Close stops the apply loops, closes the shard indexes and the NATS
// connection. Writes applied so far are on disk.
func (n *Node) Close() error {
	n.closed.Do(func() { n.closeErr = n.close() })
	return n.closeErr
}

// close is Close, once.
func (n *Node) close() error {
	if n.sub != nil {
		if err := n.sub.Unsubscribe(); err != nil {
			n.cfg.Logger.Warn().Err(err).Msg("stop answering searches")
		}
	}
	n.serveMu.Lock()
	n.closing = true
	n.serveMu.Unlock()
	n.serving.Wait()
	if n.stop != nil {
		n.stop()
	}
	n.loops.Wait()
	return n.closeAll()
}

// closeAll closes the indexes and the connection.
func (n *Node) closeAll() error {
	var first error
	for _, r := range n.replicas {
		if err := r.close(); err != nil && first == nil {
			first = err
		}
	}
	if n.spare != nil {
		n.spare.Close()
	}
	n.nc.Close()
	return first
}

// ShardStatus is how far a local replica has applied its stream.
type ShardStatus struct {
	Shard int `json:"shard"`
	// Applied is the stream sequence applied and searchable.
	Applied uint64 `json:"applied_seq"`
	// Last is the stream's last sequence, when NATS answered.
	Last uint64 `json:"last_seq"`
	// Lag is Last - Applied: the writes stored but not yet applied here.
	Lag uint64 `json:"lag"`
	// Articles is the number of articles the replica holds.
	Articles uint64 `json:"articles"`
	// Error says why Last is unknown.
	Error string `json:"error,omitempty"`
	// NotReady says why the replica is not served (its stream was
	// trimmed past what it holds and no snapshot reaches further).
	NotReady string `json:"not_ready,omitempty"`
}

// statusTimeout bounds the question Status asks NATS about each stream,
// so that readiness answers at once while NATS does not.
const statusTimeout = time.Second

// Status reports each local replica's applied sequence, lag and
// articles. When NATS does not answer, the stream's last sequence is
// unknown and Error says why; the replica still answers searches.
func (n *Node) Status(ctx context.Context) []ShardStatus {
	out := make([]ShardStatus, len(n.replicas))
	var wg sync.WaitGroup
	for i, r := range n.replicas {
		out[i] = ShardStatus{Shard: r.shard, Applied: r.applied.Load(), NotReady: r.notReady()}
		if r.ix != nil {
			out[i].Articles, _ = r.ix.Count(ctx)
		}
		if !n.nc.IsConnected() {
			out[i].Error = "not connected to NATS: " + n.nc.Status().String()
			continue
		}
		wg.Add(1)
		go func(st *ShardStatus) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(ctx, statusTimeout)
			defer cancel()
			s, err := n.js.Stream(ctx, StreamName(st.Shard))
			if err != nil {
				st.Error = err.Error()
				return
			}
			st.Last = s.CachedInfo().State.LastSeq
			if st.Last > st.Applied {
				st.Lag = st.Last - st.Applied
			}
		}(&out[i])
	}
	wg.Wait()
	return out
}
