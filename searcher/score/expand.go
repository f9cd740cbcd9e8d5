package score

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bsearcher "github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// ExpandQuery matches the words of a field's dictionary that start with
// Term (Prefix) or lie within Edits edits of it (Levenshtein), each scored
// as a TermQuery with Boost. Only the Max words found in the most
// documents are kept, so that a short prefix costs a bounded number of
// postings; the words in Skip (the exact word, matched on its own) are
// left out.
type ExpandQuery struct {
	Term   string   // the prefix, or the word to find near spellings of
	Prefix bool     // words that start with Term; otherwise within Edits
	Edits  int      // 1 or 2, when not Prefix
	Skip   []string // terms left out
	// UnlessFound, when not 0, expands only if the Skip terms are in
	// fewer documents than this, counted in each of CountIn (Field when
	// empty) and summed: a word that finds enough as typed is taken as
	// typed, in every field alike.
	UnlessFound uint64
	CountIn     []string
	// Popular, when not 0, keeps a near spelling only if it is in at
	// least Popular times as many documents as the Skip terms (counted as
	// for UnlessFound), and in one at least: a misspelling is rarer than
	// the word meant, so a word with articles of its own (Chiba) is not
	// taken for a commoner neighbour (China) unless that one is far
	// commoner.
	Popular uint64
	Max     int     // the most words kept
	Field   string  // the field searched
	Boost   float64 // multiplies each word's score
	BM25    BM25    // the scoring parameters
}

// Searcher implements query.Query with a sum of term searchers, one per
// word found.
func (q *ExpandQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if rec := recording(ctx); rec != nil {
		if err := q.record(ctx, r, rec); err != nil {
			return nil, fmt.Errorf("expand %q in %s: %w", q.Term, q.Field, err)
		}
		return bsearcher.NewMatchNoneSearcher(r)
	}
	var found uint64
	if q.UnlessFound > 0 || q.Popular > 0 {
		var err error
		if found, err = q.found(ctx, r, q.Skip); err != nil {
			return nil, err
		}
		if q.UnlessFound > 0 && found >= q.UnlessFound {
			return bsearcher.NewMatchNoneSearcher(r)
		}
	}
	terms, err := q.words(ctx, r, max(1, q.Popular*found))
	if err != nil {
		return nil, fmt.Errorf("expand %q in %s: %w", q.Term, q.Field, err)
	}
	if len(terms) == 0 {
		return bsearcher.NewMatchNoneSearcher(r)
	}
	clauses := make([]query.Query, len(terms))
	for i, t := range terms {
		clauses[i] = &TermQuery{Term: t, Field: q.Field, Boost: q.Boost, BM25: q.BM25}
	}
	return NewSumQuery(1, clauses...).Searcher(ctx, r, m, opts)
}

// words reads the dictionary and returns the Max words in most documents
// (of those in at least least documents, when Popular is set).
func (q *ExpandQuery) words(ctx context.Context, r index.IndexReader, least uint64) ([]string, error) {
	var found []index.DictEntry
	var err error
	if st := globalStats(ctx); st != nil {
		found = q.globalEntries(st)
	} else if found, err = q.entries(r); err != nil {
		return nil, err
	}
	if !q.Prefix {
		// A fuzzy dictionary's entries carry no counts: count them.
		if found, err = q.counted(ctx, r, found, least); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(found, func(a, b index.DictEntry) int { return cmp.Compare(b.Count, a.Count) })
	out := make([]string, 0, min(len(found), q.Max))
	for _, e := range found[:min(len(found), q.Max)] {
		out = append(out, e.Term)
	}
	return out, nil
}

// entries lists the dictionary words that start with Term or lie within
// Edits of it, but those in Skip.
func (q *ExpandQuery) entries(r index.IndexReader) ([]index.DictEntry, error) {
	var d index.FieldDict
	var err error
	switch fr, ok := r.(index.IndexReaderFuzzy); {
	case q.Prefix:
		d, err = r.FieldDictPrefix(q.Field, []byte(q.Term))
	case ok && q.Edits > 0:
		d, err = fr.FieldDictFuzzy(q.Field, q.Term, q.Edits, "")
	default:
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var found []index.DictEntry
	for {
		e, err := d.Next()
		if err != nil || e == nil {
			return found, err
		}
		if !slices.Contains(q.Skip, e.Term) {
			found = append(found, index.DictEntry{Term: e.Term, Count: e.Count})
		}
	}
}

// key names q in Stats.Expansions.
func (q *ExpandQuery) key() string {
	return fmt.Sprintf("%s|%t|%d|%s", q.Field, q.Prefix, q.Edits, q.Term)
}

// globalEntries are the words of every shard's dictionary that q may
// expand to (see record), in the order of a dictionary.
func (q *ExpandQuery) globalEntries(st *Stats) []index.DictEntry {
	words := st.Expansions[q.key()]
	out := make([]index.DictEntry, 0, len(words))
	for w, n := range words {
		out = append(out, index.DictEntry{Term: w, Count: n})
	}
	slices.SortFunc(out, func(a, b index.DictEntry) int { return cmp.Compare(a.Term, b.Term) })
	return out
}

// record notes, in a recording round (see Record), every word of r's
// dictionary q may expand to, with its dictionary count, and the
// document frequencies and field length the scoring round reads: of the
// Skip terms and of each word, in Field and the CountIn fields. The sums
// decide, not this shard's counts, with one exception: a shard that finds
// UnlessFound articles by the Skip terms alone knows the sums will too,
// and so that q will not expand.
func (q *ExpandQuery) record(ctx context.Context, r index.IndexReader, rec *recorder) error {
	if _, _, err := docStats(ctx, r, q.Field, q.BM25.Lengths); err != nil {
		return err
	}
	if q.UnlessFound > 0 || q.Popular > 0 {
		found, err := q.found(ctx, r, q.Skip)
		if err != nil || (q.UnlessFound > 0 && found >= q.UnlessFound) {
			return err
		}
	}
	entries, err := q.entries(r)
	if err != nil {
		return err
	}
	words := map[string]uint64{}
	terms := slices.Clone(q.Skip)
	for _, e := range entries {
		words[e.Term] = e.Count
		terms = append(terms, e.Term)
	}
	rec.stats.Expansions[q.key()] = words
	for _, f := range append([]string{q.Field}, q.CountIn...) {
		if _, err := DocFreq(ctx, r, terms, f); err != nil {
			return err
		}
	}
	return nil
}

// counted sets each entry's count as found counts (the CountIn fields
// when Popular is set, else Field) and keeps those in at least least
// documents when Popular is set.
func (q *ExpandQuery) counted(ctx context.Context, r index.IndexReader, entries []index.DictEntry, least uint64) ([]index.DictEntry, error) {
	out := entries[:0]
	for _, e := range entries {
		var err error
		if q.Popular > 0 {
			e.Count, err = q.found(ctx, r, []string{e.Term})
		} else {
			e.Count, err = DocFreq(ctx, r, []string{e.Term}, q.Field)
		}
		if err != nil {
			return nil, err
		}
		if q.Popular == 0 || e.Count >= least {
			out = append(out, e)
		}
	}
	return out, nil
}

// found counts the documents that hold terms in the CountIn fields (a
// document counted once per field).
func (q *ExpandQuery) found(ctx context.Context, r index.IndexReader, terms []string) (uint64, error) {
	fields := q.CountIn
	if len(fields) == 0 {
		fields = []string{q.Field}
	}
	var n uint64
	for _, f := range fields {
		c, err := DocFreq(ctx, r, terms, f)
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

// DocFreq sums the documents that hold each of terms in field (a document
// holding two of them counted twice): over every shard when ctx carries
// global statistics (WithStats).
func DocFreq(ctx context.Context, r index.IndexReader, terms []string, field string) (uint64, error) {
	var n uint64
	for _, t := range terms {
		var local uint64
		if globalStats(ctx) == nil {
			var err error
			if local, err = localDF(ctx, r, t, field); err != nil {
				return 0, err
			}
		}
		n += termDF(ctx, t, field, local)
	}
	return n, nil
}
