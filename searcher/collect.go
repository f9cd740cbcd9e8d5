package searcher

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/facet"
	"github.com/sagasu-search/sagasu/searcher/snippet"
)

// collect runs q through Bleve's search with Sagasu's own hit handler in
// place of Bleve's top-N store: Bleve finds and scores the matches, and the
// handler ranks them, counts the facets from the segment columns (see
// package facet) instead of Bleve's per-hit doc-value reads, and loads the
// stored fields of the page of hits while the index snapshot is still
// open. The page is highlighted afterwards (see highlight).
func (s *Searcher) collect(ctx context.Context, sq ShardQuery) (*result, error) {
	if s.fansOut() {
		return s.collectShards(ctx, sq)
	}
	q, r := sq.built, sq.Request
	window := r.From + r.Size
	if r.FacetsOnly {
		window = 0
	}
	c := &hitCollector{cache: s.columns, from: r.From, window: window,
		byDate: r.Sort == SortDate, facetSize: r.FacetSize}
	c.skipTo(r.SearchAfter)
	// Bleve's collector, with a score-only order and no facets, reads no
	// doc values: the handler gets each hit as scored. Without highlights
	// it reads no term positions either but for phrases.
	req := bleve.NewSearchRequestOptions(q, r.Size, r.From, false)
	collectCtx := context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(c.handler))
	res, err := s.index.Bleve().SearchInContext(collectCtx, req)
	if err != nil {
		return nil, err
	}
	if c.err != nil {
		return nil, c.err
	}
	if err := s.highlight(ctx, q, c.hits); err != nil {
		return nil, err
	}
	res.Hits = c.hits
	res.Facets = c.counter.Results(c.facetSize)
	return &result{SearchResult: res, dates: c.dates}, nil
}

// result is a search's answer before it becomes a Response: Bleve's, the
// publication dates of its hits (for their cursors), and the shards no
// replica answered for.
type result struct {
	*bleve.SearchResult
	dates   []int64
	missing []int
}

// highlight sets the fragments of hits: it runs q again over just those
// articles with term positions, which Bleve then reads for a page of hits
// instead of for every match. An article deleted in between keeps no
// fragments (its snippet is then its opening).
func (s *Searcher) highlight(ctx context.Context, q query.Query, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	page := bleve.NewConjunctionQuery(q, bleve.NewDocIDQuery(ids))
	req := bleve.NewSearchRequestOptions(page, len(ids), 0, false)
	req.Highlight = highlightRequest()
	res, err := s.index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("highlight: %w", err)
	}
	byID := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		byID[h.ID] = h
	}
	for _, h := range hits {
		if m := byID[h.ID]; m != nil {
			h.Fragments = m.Fragments
		}
	}
	return nil
}

// highlightRequest asks for the fragments of the title and the body.
func highlightRequest() *bleve.HighlightRequest {
	h := bleve.NewHighlightWithStyle(snippet.HighlighterName)
	h.Fields = []string{indexer.FieldTitle, indexer.FieldBody}
	return h
}

// hitCollector ranks the hits of one search and counts their facets.
type hitCollector struct {
	cache     *facet.Cache
	from      int // hits to skip
	window    int // from + size: hits to keep
	byDate    bool
	facetSize int
	// partial keeps the window's hits, ranked, with their dates (kept)
	// and loads no stored fields: one shard's part of a search.
	partial bool
	kept    []ranked
	// after, when set, is the cursor of a search_after request: only
	// the hits that rank below it are kept.
	after *ranked

	sc      *search.SearchContext
	cols    *facet.Snapshot
	counter *facet.Counter
	seg     int // segment of the last hit (hits come in document order)
	heap    hitHeap
	hits    search.DocumentMatchCollection
	dates   []int64 // of hits
	err     error
}

// skipTo makes c keep only the hits after cur, when cur is set.
func (c *hitCollector) skipTo(cur *Cursor) {
	if cur != nil {
		k := cur.ranked()
		c.after = &k
	}
}

// ranked is a hit in the heap, with its publication date.
type ranked struct {
	dm   *search.DocumentMatch
	date int64
}

// handler is a search.MakeDocumentMatchHandler.
func (c *hitCollector) handler(sc *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	snap, ok := sc.IndexReader.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false, fmt.Errorf("collect: index reader %T is not a scorch snapshot", sc.IndexReader)
	}
	cols, err := c.cache.ForSnapshot(snap)
	if err != nil {
		return nil, false, err
	}
	c.sc, c.cols, c.counter = sc, cols, cols.NewCounter()
	c.heap = hitHeap{less: c.worse}
	return c.handle, false, nil
}

// handle takes one hit, or nil at the end of the search.
func (c *hitCollector) handle(dm *search.DocumentMatch) error {
	if dm == nil {
		return c.finish()
	}
	var local uint64
	c.seg, local = c.cols.Locate(dm.IndexInternalID.Value(), c.seg)
	c.counter.Add(c.seg, local)
	h := ranked{dm: dm, date: c.cols.Published(c.seg, local)}
	if c.window == 0 || (c.after != nil && !c.worse(h, *c.after)) { // facets only, or not after the cursor
		c.sc.DocumentMatchPool.Put(dm)
		return nil
	}
	if len(c.heap.items) < c.window {
		c.heap.push(h)
		return nil
	}
	if !c.worse(c.heap.items[0], h) {
		c.sc.DocumentMatchPool.Put(dm)
		return nil
	}
	c.sc.DocumentMatchPool.Put(c.heap.replaceTop(h).dm)
	return nil
}

// worse reports whether a ranks below b: by relevance, newer first among
// equal scores, or by date (undated last) with relevance breaking ties;
// the article ID makes the order total, so that pages do not overlap.
func (c *hitCollector) worse(a, b ranked) bool {
	if c.byDate {
		if a.date != b.date {
			return a.date < b.date
		}
	}
	if a.dm.Score != b.dm.Score {
		return a.dm.Score < b.dm.Score
	}
	if a.date != b.date {
		return a.date < b.date
	}
	return c.id(a.dm) > c.id(b.dm)
}

// id returns the article ID of a hit, reading it once.
func (c *hitCollector) id(dm *search.DocumentMatch) string {
	if dm.ID == "" && c.err == nil {
		dm.ID, c.err = c.sc.IndexReader.ExternalID(dm.IndexInternalID)
	}
	return dm.ID
}

// finish orders the kept hits, drops the skipped ones and loads the
// stored fields of the page.
func (c *hitCollector) finish() error {
	items := c.heap.items
	sort.Slice(items, func(i, j int) bool { return c.worse(items[j], items[i]) })
	if c.partial {
		for _, h := range items {
			c.id(h.dm)
		}
		c.kept = items
		return c.err
	}
	if c.from >= len(items) {
		return c.err
	}
	req := &bleve.SearchRequest{Fields: hitFields}
	for _, h := range items[c.from:] {
		dm := h.dm
		c.id(dm)
		if c.err != nil {
			return c.err
		}
		if err, _ := bleve.LoadAndHighlightFields(dm, req, "", c.sc.IndexReader, nil); err != nil {
			return fmt.Errorf("load hit %s: %w", dm.ID, err)
		}
		c.hits = append(c.hits, dm)
		c.dates = append(c.dates, h.date)
	}
	return nil
}

// hitHeap is a binary heap with the worst kept hit on top.
type hitHeap struct {
	items []ranked
	less  func(a, b ranked) bool // a ranks below b
}

func (h *hitHeap) push(x ranked) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(h.items[i], h.items[p]) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

// replaceTop puts x in place of the worst hit and returns that hit.
func (h *hitHeap) replaceTop(x ranked) ranked {
	old := h.items[0]
	h.items[0] = x
	n, i := len(h.items), 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && h.less(h.items[r], h.items[l]) {
			m = r
		}
		if !h.less(h.items[m], h.items[i]) {
			break
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
	return old
}
