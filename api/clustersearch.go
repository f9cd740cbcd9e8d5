package api

import (
	"context"
	"net/http"
	"sort"
	"time"

	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// clusterSearch is the answer to a search in cluster mode: a search's
// answer over the node's own shards, which says which shards it covers.
type clusterSearch struct {
	*searcher.Response
	// Partial is true when shards are missing from the answer.
	Partial bool `json:"partial"`
	// Shards are the shards searched.
	Shards []int `json:"shards"`
	// MissingShards are the shards not searched.
	MissingShards []int `json:"missing_shards,omitempty"`
}

// handleClusterSearch answers GET /api/v1/search in cluster mode from the
// shards this node holds, merged here, and says "partial": true naming
// the shards it does not hold: asking a live replica of each of those,
// with global statistics, is the query fan-out, not built yet. Scores
// come from each shard's own statistics, so the merged order can differ
// from one index's.
func handleClusterSearch(c *Cluster) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := queryValues(r)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		req, err := ParseParams(v)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		res, err := c.searchLocal(r.Context(), req)
		if err != nil {
			writeSearchError(w, r, err)
			return
		}
		encode(w, r, http.StatusOK, res)
	})
}

// searchLocal runs req on every local shard, for the hits up to the end of
// its page, and merges the answers.
func (c *Cluster) searchLocal(ctx context.Context, req searcher.Request) (*clusterSearch, error) {
	start := time.Now()
	out := &clusterSearch{Shards: []int{}}
	var parts []*searcher.Response
	for _, ls := range c.Node.Local() {
		s := c.Searchers[ls.Shard]
		page := req
		if err := page.Normalize(s.Limits()); err != nil {
			return nil, err
		}
		if !page.FacetsOnly {
			page.Size, page.From = page.From+page.Size, 0
		}
		res, err := s.Search(ctx, page)
		if err != nil {
			return nil, err
		}
		parts = append(parts, res)
		out.Shards = append(out.Shards, ls.Shard)
	}
	out.Response = mergeResponses(parts, req)
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	held := map[int]bool{}
	for _, s := range out.Shards {
		held[s] = true
	}
	for s := range c.Node.Map().Shards {
		if !held[s] {
			out.MissingShards = append(out.MissingShards, s)
		}
	}
	out.Partial = len(out.MissingShards) > 0
	return out, nil
}

// mergeResponses merges the shards' answers to req: hits in req's order,
// cut to its page; totals and facet counts summed.
func mergeResponses(parts []*searcher.Response, req searcher.Request) *searcher.Response {
	out := &searcher.Response{Query: req.Query, Hits: []searcher.Hit{}}
	var facets []facet.Facets
	for _, p := range parts {
		out.Total += p.Total
		out.Hits = append(out.Hits, p.Hits...)
		out.Relaxed = out.Relaxed || p.Relaxed
		if out.QueryEntities == nil {
			out.QueryEntities = p.QueryEntities
		}
		if out.Suggestion == "" {
			out.Suggestion = p.Suggestion
		}
		facets = append(facets, p.Facets)
	}
	sort.SliceStable(out.Hits, func(i, j int) bool { return hitBefore(out.Hits[i], out.Hits[j], req.Sort) })
	from := min(req.From, len(out.Hits))
	out.Hits = out.Hits[from:min(len(out.Hits), from+max(req.Size, 0))]
	if req.FacetsOnly {
		out.Hits = []searcher.Hit{}
	}
	size := req.FacetSize
	if size <= 0 {
		size = searcher.DefaultFacetSize
	}
	out.Facets = facet.Facets{
		Person:       mergeValues(facets, size, func(f facet.Facets) []facet.Value { return f.Person }),
		Organization: mergeValues(facets, size, func(f facet.Facets) []facet.Value { return f.Organization }),
		Place:        mergeValues(facets, size, func(f facet.Facets) []facet.Value { return f.Place }),
		Country:      mergeValues(facets, size, func(f facet.Facets) []facet.Value { return f.Country }),
		Source:       mergeValues(facets, size, func(f facet.Facets) []facet.Value { return f.Source }),
		Lang:         mergeValues(facets, size, func(f facet.Facets) []facet.Value { return f.Lang }),
		Published:    mergeValues(facets, 0, func(f facet.Facets) []facet.Value { return f.Published }),
	}
	return out
}

// hitBefore orders merged hits: by score (relevance) or by date, newest
// first, then by ID.
func hitBefore(a, b searcher.Hit, order string) bool {
	if order == searcher.SortDate {
		switch {
		case a.Published != nil && b.Published != nil && !a.Published.Equal(*b.Published):
			return a.Published.After(*b.Published)
		case (a.Published == nil) != (b.Published == nil):
			return a.Published != nil
		}
	} else if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.ID < b.ID
}

// mergeValues sums one facet's counts over the shards and lists them by
// count, then value, cut to size (0: all).
func mergeValues(parts []facet.Facets, size int, of func(facet.Facets) []facet.Value) []facet.Value {
	sum := map[string]int{}
	for _, p := range parts {
		for _, v := range of(p) {
			sum[v.Value] += v.Count
		}
	}
	out := make([]facet.Value, 0, len(sum))
	for v, n := range sum {
		out = append(out, facet.Value{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if size > 0 && len(out) > size {
		out = out[:size]
	}
	return out
}

// handleClusterReady answers GET /readyz in cluster mode: each local
// shard's applied sequence and lag behind its stream.
func handleClusterReady(c *Cluster) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := c.Node.Status(r.Context())
		encode(w, r, http.StatusOK, map[string]interface{}{"status": "ready", "node": c.Node.ID(), "shards": st})
	})
}

// handleNotInCluster answers a route that cluster mode does not serve yet.
func handleNotInCluster(what string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotImplemented, codeNotImplemented, what+" is not served in cluster mode yet")
	})
}
