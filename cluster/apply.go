package cluster

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/sagasu-search/sagasu/indexer"
)

// idleWait is how long the apply loop waits for a first message before it
// looks again at whether it should stop and whether its applied sequence
// still needs reporting.
const idleWait = time.Second

// run applies shard r's stream to r's index until ctx ends, starting
// again after the applied sequence when following the stream fails.
func (n *Node) run(ctx context.Context, r *replica) {
	defer n.loops.Done()
	log := n.cfg.Logger.With().Int("shard", r.shard).Logger()
	for ctx.Err() == nil {
		err := n.follow(ctx, r)
		if ctx.Err() != nil {
			return
		}
		if errors.Is(err, errGap) && n.refuseUnreachable(ctx, r) {
			return
		}
		log.Warn().Err(err).Uint64("applied_seq", r.applied.Load()).Msg("following the shard's stream failed; starting again")
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

// follow reads shard r's stream from the message after the applied one
// and applies it in batches. It reads through a durable consumer of the
// node's own, replicated like the stream so that it outlives the death of
// a NATS server, made again at each start from the applied sequence (so a
// restart resumes exactly); it acknowledges nothing, since the applied
// sequence recorded in the index is the node's acknowledgement, and a
// message missing in the sequence (lost in delivery when a server died)
// fails the follow, which starts again from the applied sequence.
func (n *Node) follow(ctx context.Context, r *replica) error {
	cons, err := n.consumer(ctx, r)
	if err != nil {
		return err
	}
	it, err := cons.Messages(jetstream.PullMaxMessages(n.cfg.BatchSize),
		jetstream.PullExpiry(pullExpiry), jetstream.PullHeartbeat(pullHeartbeat))
	if err != nil {
		return fmt.Errorf("read %s: %w", StreamName(r.shard), err)
	}
	in := make(chan delivery, n.cfg.BatchSize)
	done := make(chan struct{})
	defer close(done)
	defer it.Stop()
	go pump(it, in, done)
	reported := uint64(0)
	for ctx.Err() == nil {
		msgs, err := n.nextBatch(ctx, in)
		if err != nil {
			return err
		}
		if len(msgs) > 0 {
			if err := n.apply(ctx, r, msgs); err != nil {
				return err
			}
			n.maybeSnapshot(ctx, r)
		}
		if a := r.applied.Load(); a != reported && n.report(ctx, r.shard, a) == nil {
			reported = a
		}
	}
	return nil
}

// refuseUnreachable stops serving r, and reports so, when r's stream was
// trimmed past the sequence r has applied (the messages missing will
// never come): a restart with no local index restores a newer snapshot.
func (n *Node) refuseUnreachable(ctx context.Context, r *replica) bool {
	why, err := n.reach(ctx, r.shard, r.applied.Load())
	if err != nil || why == "" {
		return false
	}
	r.refused.Store(&why)
	n.cfg.Logger.Error().Int("shard", r.shard).Str("reason", why).Msg("shard no longer served")
	return true
}

// consumer makes the node's durable consumer of r's stream again, to
// deliver from the message after the applied one.
func (n *Node) consumer(ctx context.Context, r *replica) (jetstream.Consumer, error) {
	ctx, cancel := context.WithTimeout(ctx, consumerTimeout)
	defer cancel()
	name := fmt.Sprintf("sagasu-node-%d", n.cfg.NodeID)
	stream := StreamName(r.shard)
	if err := n.js.DeleteConsumer(ctx, stream, name); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return nil, fmt.Errorf("remove consumer %s of %s: %w", name, stream, err)
	}
	cc := jetstream.ConsumerConfig{Durable: name, AckPolicy: jetstream.AckNonePolicy, DeliverPolicy: jetstream.DeliverAllPolicy}
	if a := r.applied.Load(); a > 0 {
		cc.DeliverPolicy, cc.OptStartSeq = jetstream.DeliverByStartSequencePolicy, a+1
	}
	cons, err := n.js.CreateConsumer(ctx, stream, cc)
	if err != nil {
		return nil, fmt.Errorf("consumer %s of %s: %w", name, stream, err)
	}
	return cons, nil
}

// How the apply loop pulls: a pull request lasts pullExpiry, and the
// server sends a heartbeat every pullHeartbeat while it has nothing, so
// that a consumer that stopped answering is noticed (after two missed
// heartbeats) and made again. consumerTimeout bounds the making of one.
const (
	pullExpiry      = 10 * time.Second
	pullHeartbeat   = 2 * time.Second
	consumerTimeout = 10 * time.Second
)

// delivery is a message, or the error that ended a stream's reading.
type delivery struct {
	msg jetstream.Msg
	err error
}

// pump sends the messages of it to out until it fails or done is closed.
// Next waits with no timeout of its own, so that the iterator's heartbeat
// check runs.
func pump(it jetstream.MessagesContext, out chan<- delivery, done <-chan struct{}) {
	for {
		m, err := it.Next()
		select {
		case out <- delivery{m, err}:
		case <-done:
			return
		}
		if err != nil {
			return
		}
	}
}

// nextBatch waits up to idleWait for a message, then takes the messages
// that come within BatchWait, up to BatchSize.
func (n *Node) nextBatch(ctx context.Context, in <-chan delivery) ([]jetstream.Msg, error) {
	var msgs []jetstream.Msg
	wait := time.NewTimer(idleWait)
	defer wait.Stop()
	for len(msgs) < n.cfg.BatchSize {
		select {
		case d := <-in:
			if d.err != nil {
				return nil, fmt.Errorf("next message: %w", d.err)
			}
			if len(msgs) == 0 {
				wait.Reset(n.cfg.BatchWait)
			}
			msgs = append(msgs, d.msg)
		case <-wait.C:
			return msgs, nil
		case <-ctx.Done():
			return nil, nil
		}
	}
	return msgs, nil
}

// apply applies msgs to r's index as one batch that also records the last
// message's sequence. An article the index refuses (it was accepted when
// published, so only a node with other limits refuses it) is logged and
// left out, so that one article cannot stop a shard.
func (n *Node) apply(ctx context.Context, r *replica, msgs []jetstream.Msg) error {
	ch, last, err := n.changeOf(r, msgs)
	if err != nil {
		return err
	}
	ch.Internal = map[string][]byte{appliedKey: []byte(strconv.FormatUint(last, 10))}
	for {
		err := r.ix.Apply(ctx, ch)
		var be *indexer.BatchError
		if !errors.As(err, &be) || be.Index >= len(ch.Put) {
			if err != nil {
				return fmt.Errorf("apply %d messages of shard %d: %w", len(msgs), r.shard, err)
			}
			break
		}
		n.cfg.Logger.Error().Err(be).Int("shard", r.shard).Msg("article refused by this node's index: left out")
		ch.Put = append(ch.Put[:be.Index:be.Index], ch.Put[be.Index+1:]...)
	}
	r.applied.Store(last)
	r.messages.Add(uint64(len(msgs)))
	n.cfg.Logger.Debug().Int("shard", r.shard).Int("messages", len(msgs)).Uint64("applied_seq", last).Msg("applied")
	return nil
}

// errGap is the error of a message that does not follow the last one
// applied.
var errGap = errors.New("messages missing in between")

// changeOf turns msgs into one change, the last write of each article
// winning, and returns the last message's stream sequence. A message
// that does not follow the previous one (in sequence) is an error. A message that
// cannot be read is logged and skipped.
func (n *Node) changeOf(r *replica, msgs []jetstream.Msg) (indexer.Change, uint64, error) {
	last := map[string]Op{}
	var order []string
	seq := r.applied.Load()
	for _, m := range msgs {
		meta, err := m.Metadata()
		if err != nil {
			return indexer.Change{}, 0, fmt.Errorf("message metadata: %w", err)
		}
		if meta.Sequence.Stream != seq+1 {
			return indexer.Change{}, 0, fmt.Errorf("shard %d: message %d follows %d: %w", r.shard, meta.Sequence.Stream, seq, errGap)
		}
		seq = meta.Sequence.Stream
		op, err := decodeOp(m.Headers(), m.Data())
		if err != nil {
			n.cfg.Logger.Error().Err(err).Int("shard", r.shard).Uint64("seq", seq).Msg("unreadable message skipped")
			continue
		}
		if _, seen := last[op.ID()]; !seen {
			order = append(order, op.ID())
		}
		last[op.ID()] = op
	}
	var ch indexer.Change
	for _, id := range order {
		if op := last[id]; op.Put != nil {
			ch.Put = append(ch.Put, *op.Put)
		} else {
			ch.Delete = append(ch.Delete, id)
		}
	}
	return ch, seq, nil
}

// report records in AppliedBucket that this node has applied shard up to
// seq, for the nodes waiting on it (?wait=applied).
func (n *Node) report(ctx context.Context, shard int, seq uint64) error {
	h := holder{shard: shard, node: n.cfg.NodeID}
	if _, err := n.applied.Put(ctx, h.bucketKey(), []byte(strconv.FormatUint(seq, 10))); err != nil {
		n.cfg.Logger.Debug().Err(err).Int("shard", shard).Msg("report applied sequence")
		return fmt.Errorf("report applied sequence: %w", err)
	}
	return nil
}
