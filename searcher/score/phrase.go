package score

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"

	"github.com/blevesearch/bleve/v2/search"
	bsearcher "github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// NewPhraseSearcher matches documents whose field holds the words of a
// phrase at consecutive positions, in the order of any of its layouts:
// the same positions (each a word's alternative terms) in different
// orders, such as "Kishida Fumio" and "Fumio Kishida". It scores a match
// as Bleve's multi-phrase searcher does, by the conjunction of the
// positions' term searchers (scored by BM25 with bm25), which it shares
// between the layouts. Bleve's
// searcher turns every candidate's term locations into maps and searches
// them recursively; this one checks positions in sorted slices it reuses,
// which made phrase and name queries several times cheaper.
func NewPhraseSearcher(ctx context.Context, r index.IndexReader, layouts [][][]string, field string, boost float64, bm25 BM25, opts search.SearcherOptions) (search.Searcher, error) {
	opts.IncludeTermVectors = true
	var parts []search.Searcher
	closeAll := func() {
		for _, p := range parts {
			_ = p.Close()
		}
	}
	for _, alts := range layouts[0] {
		var ts []search.Searcher
		for _, term := range alts {
			if term == "" {
				continue
			}
			s, err := NewTermSearcher(ctx, r, term, field, boost, bm25, opts)
			if err != nil {
				closeAll()
				return nil, fmt.Errorf("phrase term %q in %s: %w", term, field, err)
			}
			ts = append(ts, s)
		}
		switch len(ts) {
		case 0:
			continue
		case 1:
			parts = append(parts, ts[0])
			continue
		}
		d, err := bsearcher.NewDisjunctionSearcher(ctx, r, ts, 1, opts)
		if err != nil {
			closeAll()
			return nil, fmt.Errorf("phrase position in %s: %w", field, err)
		}
		parts = append(parts, d)
	}
	if len(parts) == 0 {
		return bsearcher.NewMatchNoneSearcher(r)
	}
	must, err := bsearcher.NewConjunctionSearcher(ctx, r, parts, opts)
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("phrase in %s: %w", field, err)
	}
	must.SetQueryNorm(1 / math.Sqrt(must.Weight()))
	s := &phraseSearcher{must: must}
	for _, terms := range layouts {
		s.layouts = append(s.layouts, &phraseLayout{terms: terms, positions: make([][]uint64, len(terms))})
	}
	return s, nil
}

// phraseSearcher filters the candidates of a conjunction down to those
// whose terms stand in the order of one of its layouts, and keeps only the
// term locations that make up a phrase, for highlighting.
type phraseSearcher struct {
	must    search.Searcher
	layouts []*phraseLayout
}

// phraseLayout is one order of a phrase's positions, with scratch space
// for checking a candidate.
type phraseLayout struct {
	terms     [][]string
	positions [][]uint64 // the positions of each phrase term in a candidate
	starts    []uint64   // where phrases start in a candidate
	slop      uint64     // how much further than its place a word may stand
}

// Next implements search.Searcher.
func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for {
		dm, err := s.must.Next(ctx)
		if err != nil || dm == nil {
			return nil, err
		}
		if s.keepPhrases(dm) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

// Advance implements search.Searcher.
func (s *phraseSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.must.Advance(ctx, id)
	if err != nil || dm == nil {
		return nil, err
	}
	if s.keepPhrases(dm) {
		return dm, nil
	}
	ctx.DocumentMatchPool.Put(dm)
	return s.Next(ctx)
}

// keepPhrases reports whether dm holds the phrase in one of its layouts
// and, if it does, cuts its term locations down to the phrases' own.
func (s *phraseSearcher) keepPhrases(dm *search.DocumentMatch) bool {
	found := false
	for _, l := range s.layouts {
		found = l.find(dm.FieldTermLocations) || found
	}
	if !found {
		return false
	}
	kept := dm.FieldTermLocations[:0]
	for _, ftl := range dm.FieldTermLocations {
		if slices.ContainsFunc(s.layouts, func(l *phraseLayout) bool { return l.inPhrase(ftl) }) {
			kept = append(kept, ftl)
		}
	}
	dm.FieldTermLocations = kept
	return true
}

// find sets l.starts to where the layout's phrase starts among locs and
// reports whether it starts anywhere.
func (l *phraseLayout) find(locs []search.FieldTermLocation) bool {
	for i := range l.positions {
		l.positions[i] = l.positions[i][:0]
	}
	for _, ftl := range locs {
		for i, alts := range l.terms {
			if slices.Contains(alts, ftl.Term) {
				l.positions[i] = append(l.positions[i], ftl.Location.Pos)
			}
		}
	}
	l.starts = l.phraseStarts(l.starts[:0])
	return len(l.starts) > 0
}

// phraseStarts appends to dst the positions where a whole phrase starts:
// every term of the phrase stands at its offset from there. A position
// with no terms matches anything.
func (l *phraseLayout) phraseStarts(dst []uint64) []uint64 {
	first := -1
	for i, ps := range l.positions {
		slices.Sort(ps)
		if first < 0 && len(l.terms[i]) > 0 {
			first = i
		}
	}
	if first < 0 {
		return dst
	}
	for _, p := range l.positions[first] {
		if p < uint64(first) {
			continue
		}
		start := p - uint64(first)
		if len(dst) > 0 && dst[len(dst)-1] == start {
			continue
		}
		if l.phraseAt(start) {
			dst = append(dst, start)
		}
	}
	return dst
}

// phraseAt reports whether every term of the phrase stands at its offset
// from start.
func (l *phraseLayout) phraseAt(start uint64) bool {
	for i, ps := range l.positions {
		if len(l.terms[i]) == 0 {
			continue
		}
		at, found := slices.BinarySearch(ps, start+uint64(i))
		if !found && (l.slop == 0 || at == len(ps) || ps[at] > start+uint64(i)+l.slop) {
			return false
		}
	}
	return true
}

// inPhrase reports whether a term location is part of one of the phrases
// found.
func (l *phraseLayout) inPhrase(ftl search.FieldTermLocation) bool {
	if l.slop > 0 {
		return true // every location of the words, near enough or not
	}
	for i, alts := range l.terms {
		if ftl.Location.Pos < uint64(i) || !slices.Contains(alts, ftl.Term) {
			continue
		}
		if _, found := slices.BinarySearch(l.starts, ftl.Location.Pos-uint64(i)); found {
			return true
		}
	}
	return false
}

// Weight implements search.Searcher.
func (s *phraseSearcher) Weight() float64 { return s.must.Weight() }

// SetQueryNorm implements search.Searcher.
func (s *phraseSearcher) SetQueryNorm(norm float64) { s.must.SetQueryNorm(norm) }

// Count implements search.Searcher: at most the conjunction's count.
func (s *phraseSearcher) Count() uint64 { return s.must.Count() }

// Min implements search.Searcher.
func (s *phraseSearcher) Min() int { return 0 }

// Close implements search.Searcher.
func (s *phraseSearcher) Close() error { return s.must.Close() }

var sizeOfPhraseSearcher = int(reflect.TypeOf(phraseSearcher{}).Size())

// Size implements search.Searcher.
func (s *phraseSearcher) Size() int {
	n := sizeOfPhraseSearcher + s.must.Size()
	for _, l := range s.layouts {
		n += 8 * cap(l.starts)
		for _, ps := range l.positions {
			n += 8 * cap(ps)
		}
	}
	return n
}

// DocumentMatchPoolSize implements search.Searcher.
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.must.DocumentMatchPoolSize() + 1 }
