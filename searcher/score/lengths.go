package score

import (
	"context"
	"fmt"
	"sync"

	index "github.com/blevesearch/bleve_index_api"
)

// Lengths holds the average length in tokens of each field of one index,
// for BM25's length normalization. Bleve's term scorer divides by the
// field's vocabulary size over the documents instead (FieldCardinality is
// the number of distinct terms), a figure that does not grow with the
// documents' length: on NPL it is about one token where the documents
// average forty, so every document counted as many times longer than
// average and b weighed far more than it says. Lengths counts the tokens
// once, reading every posting of the field, and counts again when the
// number of documents has moved by a tenth. It is safe for concurrent use.
type Lengths struct {
	mu       sync.Mutex
	fields   map[string]fieldLength
	counting map[string]bool // fields being counted again
}

// fieldLength is a field's tokens and the document count they were
// counted at.
type fieldLength struct {
	docs   uint64
	tokens uint64
}

// NewLengths returns an empty cache of average field lengths.
func NewLengths() *Lengths {
	return &Lengths{fields: map[string]fieldLength{}, counting: map[string]bool{}}
}

// Average returns the average length of field over the docs documents of
// r: Tokens over docs.
func (l *Lengths) Average(ctx context.Context, r index.IndexReader, field string, docs uint64) (float64, error) {
	tokens, err := l.Tokens(ctx, r, field, docs)
	return average(tokens, docs), err
}

// Tokens returns the tokens of field over the docs documents of r,
// counted again when docs has moved by a tenth since they were counted.
// Token counts add up over shards, so a sharded index's average is the
// sum of its shards' Tokens over the sum of their documents, exactly a
// single index's (see Stats).
//
// Counting reads every posting of the field (seconds at 100,000
// articles), so it runs outside the lock and once at a time: while one
// search counts again, the others keep the last count. Only the first
// searches of a field, before any count, wait for one.
func (l *Lengths) Tokens(ctx context.Context, r index.IndexReader, field string, docs uint64) (uint64, error) {
	l.mu.Lock()
	c, ok := l.fields[field]
	if ok && (10*absDiff(c.docs, docs) <= c.docs || l.counting[field]) {
		l.mu.Unlock()
		return c.tokens, nil
	}
	l.counting[field] = true
	l.mu.Unlock()
	tokens, err := fieldTokens(ctx, r, field)
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.counting, field)
	if err != nil {
		return 0, err
	}
	l.fields[field] = fieldLength{docs: docs, tokens: tokens}
	return tokens, nil
}

func absDiff(a, b uint64) uint64 { return max(a, b) - min(a, b) }

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
