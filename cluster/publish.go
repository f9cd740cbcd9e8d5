package cluster

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Publishing's timing: how long one attempt waits for JetStream's ack,
// and the pause between rounds of retries.
const (
	ackTimeout   = 5 * time.Second
	retryBackoff = 250 * time.Millisecond
)

// Ack is what JetStream answered for one write.
type Ack struct {
	// ID is the article's ID.
	ID string
	// Shard is the shard the write went to.
	Shard int
	// Seq is the sequence at which the shard's stream stored the write; 0
	// when it was not stored.
	Seq uint64
	// Err says why the write was not stored; nil when it was.
	Err error
}

// PublishError reports a batch of which some writes were not stored; the
// others were, and will be applied.
type PublishError struct {
	// Stored and NotStored are the IDs of the writes stored and not.
	Stored, NotStored []string
	// Err is the first reason a write was not stored.
	Err error
}

func (e *PublishError) Error() string {
	return fmt.Sprintf("%d of %d writes were not stored (%v): not stored: %s",
		len(e.NotStored), len(e.Stored)+len(e.NotStored), e.Err, strings.Join(e.NotStored, ", "))
}

func (e *PublishError) Unwrap() error { return e.Err }

// Publish sends each write to its shard's stream and returns when
// JetStream has stored every one (a stored write is replicated on the
// stream's servers and will be applied by every node holding the shard),
// or has failed to. All are sent before any ack is awaited; the writes
// that fail are sent again, in rounds, with their message IDs, for up to
// Config.PublishRetry (a stream's leader is elected again in a few seconds when a
// NATS server dies). When any is not stored the error is a *PublishError
// naming which were and which were not. Two writes of one article in one
// call are refused, since their order would not be kept across retries.
func (n *Node) Publish(ctx context.Context, ops []Op) ([]Ack, error) {
	if err := checkDistinct(ops); err != nil {
		return nil, err
	}
	acks := make([]Ack, len(ops))
	pending := make([]int, len(ops))
	for i, op := range ops {
		acks[i] = Ack{ID: op.ID(), Shard: ShardOf(op.ID(), n.cfg.Shards)}
		pending[i] = i
	}
	deadline := time.Now().Add(n.cfg.PublishRetry)
	for len(pending) > 0 {
		if err := n.publishRound(ctx, ops, acks, pending); err != nil {
			return nil, err
		}
		pending = failed(acks, pending)
		if len(pending) == 0 || ctx.Err() != nil || time.Now().After(deadline) {
			break
		}
		n.cfg.Logger.Warn().Err(acks[pending[0]].Err).Int("writes", len(pending)).Msg("writes not stored: sending them again")
		select {
		case <-ctx.Done():
		case <-time.After(retryBackoff):
		}
	}
	return acks, publishError(acks)
}

// publishRound sends the writes of ops at the indexes pending, all at
// once, then waits for their acks, filling acks.
func (n *Node) publishRound(ctx context.Context, ops []Op, acks []Ack, pending []int) error {
	futures := make([]jetstream.PubAckFuture, len(pending))
	for k, i := range pending {
		m, err := ops[i].message(n.cfg.Shards)
		if err != nil {
			return err
		}
		acks[i].Err = nil
		if futures[k], err = n.js.PublishMsgAsync(m); err != nil {
			acks[i].Err = fmt.Errorf("publish: %w", err)
		}
	}
	for k, f := range futures {
		if f != nil {
			acks[pending[k]].Seq, acks[pending[k]].Err = awaitAck(ctx, f)
		}
	}
	return nil
}

// failed returns the indexes of pending whose write was not stored.
func failed(acks []Ack, pending []int) []int {
	var out []int
	for _, i := range pending {
		if acks[i].Err != nil {
			out = append(out, i)
		}
	}
	return out
}

// checkDistinct refuses a batch that writes one article twice.
func checkDistinct(ops []Op) error {
	seen := make(map[string]int, len(ops))
	for i, op := range ops {
		if j, dup := seen[op.ID()]; dup {
			return fmt.Errorf("writes %d and %d are both of article %q: send one", j, i, op.ID())
		}
		seen[op.ID()] = i
	}
	return nil
}

// awaitAck waits for the outcome of one asynchronous publish.
func awaitAck(ctx context.Context, f jetstream.PubAckFuture) (uint64, error) {
	select {
	case pa := <-f.Ok():
		return pa.Sequence, nil
	case err := <-f.Err():
		return 0, fmt.Errorf("publish: %w", err)
	case <-ctx.Done():
		return 0, fmt.Errorf("publish: %w", ctx.Err())
	}
}

// publishError is the *PublishError for acks, nil when every write was
// stored.
func publishError(acks []Ack) error {
	var e PublishError
	for _, a := range acks {
		if a.Err != nil {
			e.NotStored = append(e.NotStored, a.ID)
			if e.Err == nil {
				e.Err = a.Err
			}
		} else {
			e.Stored = append(e.Stored, a.ID)
		}
	}
	if e.Err == nil {
		return nil
	}
	return &e
}
