package searcher

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/facet"
	"github.com/sagasu-search/sagasu/searcher/score"
)

// A search of an index of several shards runs in three rounds, each on
// every shard in parallel: the statistics its query reads are recorded
// and added up (Stats), each shard collects its best from + size hits and
// all its facet counts scored with those sums (SearchShard), and once the
// parts are merged (Merge) the page's hits are loaded and highlighted on
// their shards. Every article scores as in one index holding them all,
// ties break by date then ID as there, and facet counts add up exactly,
// so that the answer is the one index's (shards_test.go compares them).

// Partial is one shard's part of a search: its matches, its best hits
// and every facet value it counts. It encodes to JSON, for shards in
// other processes.
type Partial struct {
	Total  uint64       `json:"total"`
	Hits   []PartialHit `json:"hits"` // best first, at most from + size
	Facets facet.Counts `json:"facets"`
}

// PartialHit is a hit of a Partial: its ID and what it is ranked by.
type PartialHit struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
	Date  int64   `json:"date"` // publication, UnixNano; the lowest int64 when undated
}

// ShardStats records, on shard i of the index, the statistics q reads (see
// score.Record).
func (s *Searcher) ShardStats(ctx context.Context, i int, q query.Query) (*score.Stats, error) {
	shard := s.index.Shards()[i]
	adv, err := shard.Bleve().Advanced()
	if err != nil {
		return nil, fmt.Errorf("statistics of shard %d: %w", i, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("statistics of shard %d: %w", i, err)
	}
	defer r.Close()
	m := shard.Mapping()
	model := search.GetScoringModelCallbackFn(func() string {
		if im, ok := m.(*mapping.IndexMappingImpl); ok && im.ScoringModel == index.BM25Scoring {
			return index.BM25Scoring
		}
		return index.DefaultScoringModel
	})
	ctx = context.WithValue(ctx, search.GetScoringModelCallbackKey, model)
	var lengths *score.Lengths
	if s.bm25.Lengths != nil {
		lengths = s.shardLengths[i]
	}
	ctx, st := score.Record(ctx, lengths)
	sr, err := q.Searcher(ctx, r, m, search.SearcherOptions{})
	if err != nil {
		return nil, fmt.Errorf("statistics of shard %d: %w", i, err)
	}
	if err := sr.Close(); err != nil {
		return nil, fmt.Errorf("statistics of shard %d: %w", i, err)
	}
	if st.Docs == 0 { // a query that read no statistics
		if st.Docs, err = r.DocCount(); err != nil {
			return nil, fmt.Errorf("statistics of shard %d: %w", i, err)
		}
	}
	return st, nil
}

// SearchShard collects shard i's part of r's search with query q, scored
// with the global statistics st.
func (s *Searcher) SearchShard(ctx context.Context, i int, q query.Query, r Request, st *score.Stats) (*Partial, error) {
	window := r.From + r.Size
	if r.FacetsOnly {
		window = 0
	}
	c := &hitCollector{cache: s.shardColumns[i], window: window, byDate: r.Sort == SortDate, partial: true}
	req := bleve.NewSearchRequestOptions(q, max(window, 1), 0, false)
	ctx = score.WithStats(ctx, st)
	collectCtx := context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(c.handler))
	res, err := s.index.Shards()[i].Bleve().SearchInContext(collectCtx, req)
	if err != nil {
		return nil, fmt.Errorf("shard %d: %w", i, err)
	}
	if c.err != nil {
		return nil, fmt.Errorf("shard %d: %w", i, c.err)
	}
	p := &Partial{Total: res.Total, Hits: make([]PartialHit, len(c.kept)), Facets: c.counter.Counts()}
	for j, h := range c.kept {
		p.Hits[j] = PartialHit{ID: h.dm.ID, Score: h.dm.Score, Date: h.date}
	}
	return p, nil
}

// Merge adds up the parts of r's search: the totals and facet counts
// summed, the hits ranked as one index ranks them (see hitCollector.worse)
// and cut to r's page.
func Merge(r Request, parts []*Partial) *Partial {
	out := &Partial{Facets: facet.Counts{}}
	for _, p := range parts {
		out.Total += p.Total
		out.Hits = append(out.Hits, p.Hits...)
		out.Facets.Add(p.Facets)
	}
	c := &hitCollector{byDate: r.Sort == SortDate}
	rank := func(h PartialHit) ranked {
		return ranked{dm: &search.DocumentMatch{ID: h.ID, Score: h.Score}, date: h.Date}
	}
	sort.Slice(out.Hits, func(i, j int) bool { return c.worse(rank(out.Hits[j]), rank(out.Hits[i])) })
	if r.FacetsOnly || r.From >= len(out.Hits) {
		out.Hits = nil
		return out
	}
	out.Hits = out.Hits[r.From:min(len(out.Hits), r.From+r.Size)]
	return out
}

// collectShards is collect for an index of several shards.
func (s *Searcher) collectShards(ctx context.Context, q query.Query, r Request) (*bleve.SearchResult, error) {
	n := len(s.index.Shards())
	stats := make([]*score.Stats, n)
	if err := eachShard(n, func(i int) (err error) { stats[i], err = s.ShardStats(ctx, i, q); return err }); err != nil {
		return nil, err
	}
	global := score.NewStats()
	for _, st := range stats {
		global.Add(st)
	}
	parts := make([]*Partial, n)
	if err := eachShard(n, func(i int) (err error) { parts[i], err = s.SearchShard(ctx, i, q, r, global); return err }); err != nil {
		return nil, err
	}
	m := Merge(r, parts)
	hits, err := s.fetch(score.WithStats(ctx, global), q, m.Hits)
	if err != nil {
		return nil, err
	}
	return &bleve.SearchResult{Total: m.Total, Hits: hits, Facets: m.Facets.Results(r.FacetSize),
		Status: &bleve.SearchStatus{Total: n, Successful: n}}, nil
}

// fetch loads the stored fields of a page of merged hits and highlights
// them, each on its shard. A hit deleted since it was collected keeps
// no fields.
func (s *Searcher) fetch(ctx context.Context, q query.Query, page []PartialHit) (search.DocumentMatchCollection, error) {
	shards := s.index.Shards()
	hits := make(search.DocumentMatchCollection, len(page))
	ids := make([][]string, len(shards))
	for i, h := range page {
		hits[i] = &search.DocumentMatch{ID: h.ID, Score: h.Score, Fields: map[string]interface{}{}}
		sh := indexer.ShardOf(h.ID, len(shards))
		ids[sh] = append(ids[sh], h.ID)
	}
	loaded := make([]map[string]*search.DocumentMatch, len(shards))
	err := eachShard(len(shards), func(i int) error {
		if len(ids[i]) == 0 {
			return nil
		}
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, bleve.NewDocIDQuery(ids[i])), len(ids[i]), 0, false)
		req.Fields = hitFields
		req.Highlight = highlightRequest()
		res, err := shards[i].Bleve().SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("load hits of shard %d: %w", i, err)
		}
		loaded[i] = make(map[string]*search.DocumentMatch, len(res.Hits))
		for _, h := range res.Hits {
			loaded[i][h.ID] = h
		}
		return nil
	})
	for _, h := range hits {
		if m := loaded[indexer.ShardOf(h.ID, len(shards))][h.ID]; m != nil {
			h.Fields, h.Fragments = m.Fields, m.Fragments
		}
	}
	return hits, err
}

// eachShard runs f for each of n shards in parallel and returns the
// first error.
func eachShard(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f(i)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readers opens a reader of each shard, for the suggester; close closes
// them.
func (s *Searcher) readers() (rs []index.IndexReader, closeAll func(), err error) {
	closeAll = func() {
		for _, r := range rs {
			r.Close()
		}
	}
	for i, shard := range s.index.Shards() {
		adv, err := shard.Bleve().Advanced()
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("shard %d: %w", i, err)
		}
		r, err := adv.Reader()
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("shard %d: %w", i, err)
		}
		rs = append(rs, r)
	}
	return rs, closeAll, nil
}
