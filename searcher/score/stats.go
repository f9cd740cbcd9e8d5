package score

import (
	"context"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"
)

// Stats are the statistics BM25 reads, counted over every shard of an
// index, so that a search of several shards scores each article as a
// search of one index holding them all would: the number of documents,
// each field's length summed over them (for the average field length),
// each term's document frequency, and the words an expansion (a prefix, a
// near spelling) may reach. Bleve's GlobalScoring shares only the first
// two; a shard's own document frequencies would rank differently.
//
// A search gets them in two rounds: each shard records what the query
// reads (Record), the records are added up (Add), and each shard is then
// searched with the sums (WithStats). Stats encode to JSON, for shards in
// other processes.
type Stats struct {
	Docs uint64 `json:"docs"`
	// Tokens is, by field, the tokens of the field over all documents,
	// when the ranking uses true average lengths (BM25.Lengths).
	Tokens map[string]uint64 `json:"tokens,omitempty"`
	// Cardinality is, by field, Bleve's field cardinality (distinct terms
	// per segment, summed), when it does not: its sum over shards is only
	// an estimate of one index's.
	Cardinality map[string]uint64 `json:"cardinality,omitempty"`
	// DF is, by field and term, the documents that hold the term.
	DF map[string]map[string]uint64 `json:"df"`
	// Expansions is, by ExpandQuery (its key), the dictionary words it
	// may expand to, each with its dictionary count summed over shards.
	Expansions map[string]map[string]uint64 `json:"expansions,omitempty"`
}

// NewStats returns empty statistics.
func NewStats() *Stats {
	return &Stats{Tokens: map[string]uint64{}, Cardinality: map[string]uint64{},
		DF: map[string]map[string]uint64{}, Expansions: map[string]map[string]uint64{}}
}

// Add adds o's counts to s and the words of o's expansions to s's: s then
// holds the statistics of both shards together.
func (s *Stats) Add(o *Stats) {
	s.Docs += o.Docs
	for f, n := range o.Tokens {
		s.Tokens[f] += n
	}
	for f, n := range o.Cardinality {
		s.Cardinality[f] += n
	}
	for f, terms := range o.DF {
		for t, n := range terms {
			s.setDF(f, t, s.DF[f][t]+n)
		}
	}
	for k, words := range o.Expansions {
		m := s.Expansions[k]
		if m == nil {
			m = map[string]uint64{}
			s.Expansions[k] = m
		}
		for w, n := range words {
			m[w] += n
		}
	}
}

func (s *Stats) setDF(field, term string, n uint64) {
	m := s.DF[field]
	if m == nil {
		m = map[string]uint64{}
		s.DF[field] = m
	}
	m[term] = n
}

type statsKey struct{}

type recordKey struct{}

// recorder is the state of a recording round on one shard.
type recorder struct {
	stats   *Stats
	lengths *Lengths // the shard's true lengths, nil for Bleve's estimate
}

// WithStats returns ctx carrying global statistics: the searchers built
// under it score with them instead of their shard's own.
func WithStats(ctx context.Context, s *Stats) context.Context {
	return context.WithValue(ctx, statsKey{}, s)
}

// Record returns ctx for building a query's searchers on one shard only
// to record the statistics they read, and the Stats they record into.
// lengths is the shard's cache of field lengths, nil when the ranking
// uses Bleve's estimate. Expansions record every word they may reach
// (not only the most frequent ones), so that the sums choose them.
func Record(ctx context.Context, lengths *Lengths) (context.Context, *Stats) {
	st := NewStats()
	return context.WithValue(ctx, recordKey{}, &recorder{stats: st, lengths: lengths}), st
}

func globalStats(ctx context.Context) *Stats {
	s, _ := ctx.Value(statsKey{}).(*Stats)
	return s
}

func recording(ctx context.Context) *recorder {
	r, _ := ctx.Value(recordKey{}).(*recorder)
	return r
}

// termDF returns the document frequency of term in field: the global one
// when ctx carries statistics, else local (the shard's, recorded when
// recording). A term the statistics lack is counted 0: the recording
// round reads every term the scoring round does.
func termDF(ctx context.Context, term, field string, local uint64) uint64 {
	if st := globalStats(ctx); st != nil {
		return st.DF[field][term]
	}
	if rec := recording(ctx); rec != nil {
		rec.stats.setDF(field, term, local)
	}
	return local
}

// localDF counts the documents of r that hold term in field.
func localDF(ctx context.Context, r index.IndexReader, term, field string) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("read term %q in %s: %w", term, field, err)
	}
	n := tfr.Count()
	if err := tfr.Close(); err != nil {
		return 0, fmt.Errorf("close term %q in %s: %w", term, field, err)
	}
	return n, nil
}

// docCount returns the documents of the index: global, or r's.
func docCount(ctx context.Context, r index.IndexReader) (uint64, error) {
	if st := globalStats(ctx); st != nil {
		return st.Docs, nil
	}
	n, err := r.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	if rec := recording(ctx); rec != nil {
		rec.stats.Docs = n
	}
	return n, nil
}
