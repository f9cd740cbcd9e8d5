package searcher

import (
	"context"
	"errors"
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
// and added up (Shard.Stats), each shard collects its best from + size
// hits (after a cursor, its best size hits after it) and all its facet
// counts scored with those sums (Shard.Search), and once the parts are
// merged (Merge) the page's hits are loaded and highlighted on their
// shards (Shard.Fetch). Every article scores as in one index holding them
// all, ties break by date then ID as there, and facet counts add up
// exactly, so that the answer is the one index's (shards_test.go compares
// them). The shards are in this process (localShard) or, in a cluster, on
// other nodes (package cluster's).

// Shard is a shard a search reaches: in this process, or on another node
// of a cluster. Its methods are the three rounds of a search; each gets
// the planned request, from which a shard in another process builds the
// query itself (planning is deterministic given the same binary and
// mapping).
type Shard interface {
	// Stats records the statistics q reads on the shard (score.Record).
	Stats(ctx context.Context, q ShardQuery) (*score.Stats, error)
	// Search collects the shard's part of q, scored with the global
	// statistics st.
	Search(ctx context.Context, q ShardQuery, st *score.Stats) (*Partial, error)
	// Fetch loads the stored fields of the shard's articles ids and
	// highlights q's matches in them, scored with st. An article deleted
	// since it was collected is left out.
	Fetch(ctx context.Context, q ShardQuery, st *score.Stats, ids []string) ([]Fetched, error)
}

// ErrShardUnavailable is a Shard's error when no replica of it answered:
// the search goes on without the shard, and its answer says it is
// partial and names the shard (Response.MissingShards).
var ErrShardUnavailable = errors.New("no replica of the shard answered")

// ShardQuery is a planned search as a shard gets it: the normalized
// request and the form of its query. It encodes to JSON, for shards in
// other processes.
type ShardQuery struct {
	Request Request `json:"request"`
	// Relaxed selects the relaxed form of the query (see Search).
	Relaxed bool `json:"relaxed"`
	// built is the query, as the searcher that planned it built it; a
	// shard in another process builds its own from Request and Relaxed.
	built query.Query
}

// Partial is one shard's part of a search: its matches, its best hits
// and every facet value it counts. It encodes to JSON, for shards in
// other processes.
type Partial struct {
	Total  uint64       `json:"total"`
	Hits   []PartialHit `json:"hits"` // best first, at most from + size (size after a cursor)
	Facets facet.Counts `json:"facets"`
}

// PartialHit is a hit of a Partial: its ID and what it is ranked by.
type PartialHit struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
	Date  int64   `json:"date"` // publication, UnixNano; the lowest int64 when undated
}

// Fetched is a hit of a page as its shard loads it: its stored fields and
// highlighted fragments. It encodes to JSON, for shards in other
// processes.
type Fetched struct {
	ID        string                 `json:"id"`
	Fields    map[string]interface{} `json:"fields"`
	Fragments map[string][]string    `json:"fragments,omitempty"`
}

// localShard is a shard in this process, with its caches.
type localShard struct {
	s       *Searcher // builds the query of a ShardQuery from another process
	ix      *indexer.Index
	lengths *score.Lengths // its true field lengths
	columns *facet.Cache   // its facet columns: a cache forgets the segments of the snapshot it is not given
}

// newLocalShard returns ix as a shard of s.
func newLocalShard(s *Searcher, ix *indexer.Index) *localShard {
	return &localShard{s: s, ix: ix, lengths: score.NewLengths(), columns: facet.NewCache()}
}

// query returns q's query: as built, or built here from the request.
func (l *localShard) query(q ShardQuery) (query.Query, error) {
	if q.built != nil {
		return q.built, nil
	}
	pl, filters, err := l.s.plan(q.Request)
	if err != nil {
		return nil, err
	}
	form := pl.Strict()
	if q.Relaxed {
		form = pl.Relaxed()
	}
	return l.s.buildQuery(form, filters), nil
}

// Stats implements Shard.
func (l *localShard) Stats(ctx context.Context, sq ShardQuery) (*score.Stats, error) {
	q, err := l.query(sq)
	if err != nil {
		return nil, err
	}
	adv, err := l.ix.Bleve().Advanced()
	if err != nil {
		return nil, fmt.Errorf("statistics: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("statistics: %w", err)
	}
	defer r.Close()
	m := l.ix.Mapping()
	model := search.GetScoringModelCallbackFn(func() string {
		if im, ok := m.(*mapping.IndexMappingImpl); ok && im.ScoringModel == index.BM25Scoring {
			return index.BM25Scoring
		}
		return index.DefaultScoringModel
	})
	ctx = context.WithValue(ctx, search.GetScoringModelCallbackKey, model)
	ctx, st := score.Record(ctx, l.lengths)
	sr, err := q.Searcher(ctx, r, m, search.SearcherOptions{})
	if err != nil {
		return nil, fmt.Errorf("statistics: %w", err)
	}
	if err := sr.Close(); err != nil {
		return nil, fmt.Errorf("statistics: %w", err)
	}
	if st.Docs == 0 { // a query that read no statistics
		if st.Docs, err = r.DocCount(); err != nil {
			return nil, fmt.Errorf("statistics: %w", err)
		}
	}
	return st, nil
}

// Search implements Shard.
func (l *localShard) Search(ctx context.Context, sq ShardQuery, st *score.Stats) (*Partial, error) {
	q, err := l.query(sq)
	if err != nil {
		return nil, err
	}
	r := sq.Request
	window := r.From + r.Size
	if r.FacetsOnly {
		window = 0
	}
	c := &hitCollector{cache: l.columns, window: window, byDate: r.Sort == SortDate, partial: true}
	c.skipTo(r.SearchAfter)
	req := bleve.NewSearchRequestOptions(q, max(window, 1), 0, false)
	ctx = score.WithStats(ctx, st)
	collectCtx := context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(c.handler))
	res, err := l.ix.Bleve().SearchInContext(collectCtx, req)
	if err != nil {
		return nil, err
	}
	if c.err != nil {
		return nil, c.err
	}
	p := &Partial{Total: res.Total, Hits: make([]PartialHit, len(c.kept)), Facets: c.counter.Counts()}
	for j, h := range c.kept {
		p.Hits[j] = PartialHit{ID: h.dm.ID, Score: h.dm.Score, Date: h.date}
	}
	return p, nil
}

// Fetch implements Shard.
func (l *localShard) Fetch(ctx context.Context, sq ShardQuery, st *score.Stats, ids []string) ([]Fetched, error) {
	q, err := l.query(sq)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, bleve.NewDocIDQuery(ids)), len(ids), 0, false)
	req.Fields = hitFields
	req.Highlight = highlightRequest()
	res, err := l.ix.Bleve().SearchInContext(score.WithStats(ctx, st), req)
	if err != nil {
		return nil, fmt.Errorf("load hits: %w", err)
	}
	out := make([]Fetched, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = Fetched{ID: h.ID, Fields: h.Fields, Fragments: h.Fragments}
	}
	return out, nil
}

// Merge adds up the parts of r's search: the totals and facet counts
// summed, the hits ranked as one index ranks them (see hitCollector.worse)
// and cut to r's page.
func Merge(r Request, parts []*Partial) *Partial {
	out := &Partial{Facets: facet.Counts{}}
	for _, p := range parts {
		if p == nil { // a shard no replica answered for
			continue
		}
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

// collectShards is collect for a search that reaches several shards, or
// shards on other nodes: the three rounds, each on every shard in
// parallel. A shard no replica answers for (ErrShardUnavailable) is left
// out of the later rounds and named in the result's missing shards.
func (s *Searcher) collectShards(ctx context.Context, q ShardQuery) (*result, error) {
	m, global, missing, err := s.gather(ctx, q)
	if err != nil {
		return nil, err
	}
	hits, err := s.fetch(ctx, q, global, m.Hits, missing)
	if err != nil {
		return nil, err
	}
	res := &bleve.SearchResult{Total: m.Total, Hits: hits, Facets: m.Facets.Results(q.Request.FacetSize)}
	dates := make([]int64, len(m.Hits))
	for i, h := range m.Hits {
		dates[i] = h.Date
	}
	return &result{SearchResult: res, dates: dates, missing: marked(missing)}, nil
}

// gather runs the first two rounds of q on every shard: the statistics,
// summed (global), and each shard's part scored with them, merged (m).
// missing marks the shards no replica answered for.
func (s *Searcher) gather(ctx context.Context, q ShardQuery) (m *Partial, global *score.Stats, missing []bool, err error) {
	n := len(s.shards)
	missing = make([]bool, n)
	stats := make([]*score.Stats, n)
	if err := eachShard(missing, func(i int) (err error) { stats[i], err = s.shards[i].Stats(ctx, q); return err }); err != nil {
		return nil, nil, nil, err
	}
	global = score.NewStats()
	for _, st := range stats {
		if st != nil {
			global.Add(st)
		}
	}
	parts := make([]*Partial, n)
	if err := eachShard(missing, func(i int) (err error) { parts[i], err = s.shards[i].Search(ctx, q, global); return err }); err != nil {
		return nil, nil, nil, err
	}
	return Merge(q.Request, parts), global, missing, nil
}

// marked lists the shards marked.
func marked(shards []bool) []int {
	var out []int
	for i, m := range shards {
		if m {
			out = append(out, i)
		}
	}
	return out
}

// UnavailableError is the error of an entity listing, an entity page or
// the statistics when no replica of some shards answered: unlike a
// search, they are not answered in part.
type UnavailableError struct {
	Shards []int // the shards no replica answered for
}

// Error names the shards.
func (e *UnavailableError) Error() string {
	return fmt.Sprintf("no replica of shards %v answered", e.Shards)
}

// Unwrap makes an UnavailableError an ErrShardUnavailable.
func (e *UnavailableError) Unwrap() error { return ErrShardUnavailable }

// shardFacets counts, over every shard, the articles r's query and
// filters match and each value of every facet of facet.Fields (keyed by
// facet name, all values): the entity listings, entity pages and
// statistics of an index of several shards or a cluster, whose counts
// each shard would otherwise trim before they are summed (Bleve's #172).
func (s *Searcher) shardFacets(ctx context.Context, r Request) (*bleve.SearchResult, error) {
	r.FacetsOnly, r.Size, r.From = true, 0, 0
	if err := r.Normalize(s.limits); err != nil {
		return nil, err
	}
	pl, filters, err := s.plan(r)
	if err != nil {
		return nil, err
	}
	m, _, missing, err := s.gather(ctx, ShardQuery{Request: r, built: s.buildQuery(pl.Strict(), filters)})
	if err != nil {
		return nil, err
	}
	if gone := marked(missing); gone != nil {
		return nil, &UnavailableError{Shards: gone}
	}
	return &bleve.SearchResult{Total: m.Total, Facets: m.Facets.Results(maxEntityValues)}, nil
}

// fetch loads the stored fields of a page of merged hits and highlights
// them, each on its shard. A hit deleted since it was collected, or whose
// shard no replica answers for any more, keeps no fields.
func (s *Searcher) fetch(ctx context.Context, q ShardQuery, st *score.Stats, page []PartialHit, missing []bool) (search.DocumentMatchCollection, error) {
	n := len(s.shards)
	hits := make(search.DocumentMatchCollection, len(page))
	ids := make([][]string, n)
	for i, h := range page {
		hits[i] = &search.DocumentMatch{ID: h.ID, Score: h.Score, Fields: map[string]interface{}{}}
		sh := indexer.ShardOf(h.ID, n)
		ids[sh] = append(ids[sh], h.ID)
	}
	loaded := make([]map[string]Fetched, n)
	skip := make([]bool, n)
	for i := range skip {
		skip[i] = missing[i] || len(ids[i]) == 0
	}
	err := eachShard(skip, func(i int) error {
		got, err := s.shards[i].Fetch(ctx, q, st, ids[i])
		loaded[i] = make(map[string]Fetched, len(got))
		for _, f := range got {
			loaded[i][f.ID] = f
		}
		return err
	})
	for i := range skip {
		missing[i] = missing[i] || (skip[i] && len(ids[i]) > 0)
	}
	for _, h := range hits {
		if f, ok := loaded[indexer.ShardOf(h.ID, n)][h.ID]; ok {
			h.Fields, h.Fragments = f.Fields, f.Fragments
		}
	}
	return hits, err
}

// eachShard runs f in parallel for each shard that skip does not mark,
// and returns the first error. A shard whose f fails with
// ErrShardUnavailable is marked in skip, and is no error.
func eachShard(skip []bool, f func(i int) error) error {
	errs := make([]error, len(skip))
	var wg sync.WaitGroup
	for i := range skip {
		if skip[i] {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f(i)
		}()
	}
	wg.Wait()
	var first error
	for i, err := range errs {
		switch {
		case errors.Is(err, ErrShardUnavailable):
			skip[i] = true
		case err != nil && first == nil:
			first = fmt.Errorf("shard %d: %w", i, err)
		}
	}
	return first
}

// readers opens a reader of each shard in this process, for the
// suggester; close closes them.
func (s *Searcher) readers() (rs []index.IndexReader, closeAll func(), err error) {
	closeAll = func() {
		for _, r := range rs {
			r.Close()
		}
	}
	for _, l := range s.locals() {
		adv, err := l.ix.Bleve().Advanced()
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("shard: %w", err)
		}
		r, err := adv.Reader()
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("shard: %w", err)
		}
		rs = append(rs, r)
	}
	return rs, closeAll, nil
}
