package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/nats-io/nats.go"

	"github.com/sagasu-search/sagasu/corpus"
)

// opHeader is the header of a stream message that says what it does.
const opHeader = "Sagasu-Op"

// The operations a stream message carries.
const (
	opPut    = "put"
	opDelete = "delete"
)

// Op is one write: the article to put, or the ID to delete.
type Op struct {
	// Put is the article to index (replacing one with its ID); nil for a
	// delete.
	Put *corpus.Article
	// Delete is the ID of the article to remove, when Put is nil.
	Delete string
}

// ID returns the ID of the article the write is about.
func (o Op) ID() string {
	if o.Put != nil {
		return o.Put.ID
	}
	return o.Delete
}

// message encodes o as a message on its shard's subject. A put carries
// the article as JSON and a message ID made of the article's ID and the
// digest of its content, so that JetStream stores a retried put once
// (Nats-Msg-Id deduplication, within the stream's two-minute window). A
// delete carries no message ID: deleting twice is harmless, and an ID
// would make a delete, put, delete of one article within the window lose
// the second delete.
func (o Op) message(shards int) (*nats.Msg, error) {
	m := nats.NewMsg(Subject(ShardOf(o.ID(), shards)))
	if o.Put == nil {
		m.Header.Set(opHeader, opDelete)
		m.Data = []byte(o.Delete)
		return m, nil
	}
	body, err := json.Marshal(o.Put)
	if err != nil {
		return nil, fmt.Errorf("encode article %q: %w", o.Put.ID, err)
	}
	sum := sha256.Sum256(body)
	m.Header.Set(opHeader, opPut)
	m.Header.Set(nats.MsgIdHdr, opPut+":"+o.Put.ID+":"+hex.EncodeToString(sum[:16]))
	m.Data = body
	return m, nil
}

// decodeOp reads the write a stream message carries.
func decodeOp(header nats.Header, data []byte) (Op, error) {
	switch op := header.Get(opHeader); op {
	case opDelete:
		return Op{Delete: string(data)}, nil
	case opPut:
		var a corpus.Article
		if err := json.Unmarshal(data, &a); err != nil {
			return Op{}, fmt.Errorf("decode article: %w", err)
		}
		return Op{Put: &a}, nil
	default:
		return Op{}, fmt.Errorf("unknown operation %q", op)
	}
}
