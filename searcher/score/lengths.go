package score

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Lengths holds the length in tokens of each field of the documents of
// one index, for BM25's length normalization by the true average length.
// Bleve's term scorer divides by the field's vocabulary size over the
// documents instead (FieldCardinality is the number of distinct terms), a
// figure that does not grow with the documents' length: on NPL it is
// about one token where the documents average forty, so every document
// counted as many times longer than average and b weighed far more than
// it says.
//
// Lengths reads each index segment's postings once, when a search first
// sees the segment, and keeps the length of each of its documents:
// segments never change once written, so a snapshot's tokens are the sum
// of its segments' less those of their deleted documents, exact at every
// snapshot. (It used to count the whole index again once its documents
// had moved by a tenth, and searched with counts up to a tenth stale in
// between: shards, or a cluster's nodes, searched at other moments could
// then rank differently from one index.) It is safe for concurrent use.
type Lengths struct {
	mu   sync.Mutex
	segs map[segField]*docLengths
}

// segField names one field of one segment.
type segField struct {
	seg   segment.Segment
	field string
}

// docLengths are the tokens of one field of each document of a segment,
// deleted ones included; done is closed once they are read.
type docLengths struct {
	done  chan struct{}
	docs  []uint32
	total uint64
	err   error
}

// NewLengths returns an empty cache of field lengths.
func NewLengths() *Lengths {
	return &Lengths{segs: map[segField]*docLengths{}}
}

// Average returns the average length of field over the docs documents of
// r: Tokens over docs.
func (l *Lengths) Average(ctx context.Context, r index.IndexReader, field string, docs uint64) (float64, error) {
	tokens, err := l.Tokens(ctx, r, field, docs)
	return average(tokens, docs), err
}

// Tokens returns the tokens of field over the documents of r (docs of
// them). Token counts add up over shards, so a sharded index's average is
// the sum of its shards' Tokens over the sum of their documents, exactly
// a single index's (see Stats).
//
// The first search of a new segment reads its postings (seconds for a
// segment of 100,000 articles, as merges make); searches that need the
// same segment meanwhile wait for that read. A reader that is not a
// scorch snapshot is counted whole each time.
func (l *Lengths) Tokens(ctx context.Context, r index.IndexReader, field string, docs uint64) (uint64, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return fieldTokens(ctx, r, field)
	}
	segs := snap.Segments()
	var tokens uint64
	for _, ss := range segs {
		d, err := l.segment(ss.Segment(), field)
		if err != nil {
			return 0, err
		}
		tokens += d.total
		if del := ss.Deleted(); del != nil {
			it := del.Iterator()
			for it.HasNext() {
				if n := it.Next(); int(n) < len(d.docs) {
					tokens -= uint64(d.docs[n])
				}
			}
		}
	}
	l.prune(segs)
	return tokens, nil
}

// segment returns the lengths of field in seg: cached, or read here (and
// awaited by the searches that want them meanwhile). A failed read is
// not kept.
func (l *Lengths) segment(seg segment.Segment, field string) (*docLengths, error) {
	key := segField{seg, field}
	l.mu.Lock()
	d, ok := l.segs[key]
	if !ok {
		d = &docLengths{done: make(chan struct{})}
		l.segs[key] = d
	}
	l.mu.Unlock()
	if ok {
		<-d.done
		return d, d.err
	}
	d.docs, d.total, d.err = segmentLengths(seg, field)
	close(d.done)
	if d.err != nil {
		l.mu.Lock()
		delete(l.segs, key)
		l.mu.Unlock()
	}
	return d, d.err
}

// prune forgets the segments merged away, once the cache holds many more
// than the snapshot live has.
func (l *Lengths) prune(live []*scorch.SegmentSnapshot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.segs) <= 4*len(live)+16 {
		return
	}
	keep := make(map[segment.Segment]bool, len(live))
	for _, ss := range live {
		keep[ss.Segment()] = true
	}
	for k := range l.segs {
		if !keep[k.seg] {
			delete(l.segs, k)
		}
	}
}

// segmentLengths reads the tokens of field in each document of seg:
// every term's frequency in every document.
func segmentLengths(seg segment.Segment, field string) ([]uint32, uint64, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, 0, fmt.Errorf("terms of %s: %w", field, err)
	}
	docs := make([]uint32, seg.Count())
	var total uint64
	terms := dict.AutomatonIterator(nil, nil, nil)
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	for {
		e, err := terms.Next()
		if err != nil || e == nil {
			return docs, total, err
		}
		if pl, err = dict.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return nil, 0, fmt.Errorf("postings of %q in %s: %w", e.Term, field, err)
		}
		pi = pl.Iterator(true, false, false, pi)
		for {
			p, err := pi.Next()
			if err != nil {
				return nil, 0, fmt.Errorf("postings of %q in %s: %w", e.Term, field, err)
			}
			if p == nil {
				break
			}
			if n := p.Number(); n < uint64(len(docs)) {
				docs[n] += uint32(p.Frequency())
				total += p.Frequency()
			}
		}
	}
}

// fieldTokens counts the tokens of field in r: every term's frequency in
// every document.
func fieldTokens(ctx context.Context, r index.IndexReader, field string) (uint64, error) {
	dict, err := r.FieldDict(field)
	if err != nil {
		return 0, fmt.Errorf("terms of %s: %w", field, err)
	}
	defer dict.Close()
	var tokens uint64
	var tfd index.TermFieldDoc
	for {
		e, err := dict.Next()
		if err != nil {
			return 0, fmt.Errorf("terms of %s: %w", field, err)
		}
		if e == nil {
			return tokens, nil
		}
		tfr, err := r.TermFieldReader(ctx, []byte(e.Term), field, true, false, false)
		if err != nil {
			return 0, fmt.Errorf("read term %q in %s: %w", e.Term, field, err)
		}
		for {
			d, err := tfr.Next(tfd.Reset())
			if err != nil || d == nil {
				_ = tfr.Close()
				if err != nil {
					return 0, fmt.Errorf("read term %q in %s: %w", e.Term, field, err)
				}
				break
			}
			tokens += d.Freq
		}
		_ = tfr.Close()
	}
}
