package facet

import (
	"sort"

	"github.com/blevesearch/bleve/v2/search"
)

// Counter counts the facet values of the hits of one search over one
// snapshot, per segment and value ordinal, without decoding a value.
type Counter struct {
	snap   *Snapshot
	counts [][]uint32 // per segment, per facet, per value ordinal; nil until a hit falls in it
}

// NewCounter returns a counter of hits in s.
func (s *Snapshot) NewCounter() *Counter {
	return &Counter{snap: s, counts: make([][]uint32, len(s.segs)*numFacets)}
}

// Add counts the facet values of document local of segment seg.
func (c *Counter) Add(seg int, local uint64) {
	cols := c.snap.segs[seg]
	base := seg * numFacets
	for f := range cols.facets {
		col := &cols.facets[f]
		counts := c.counts[base+f]
		if counts == nil {
			counts = make([]uint32, len(col.values))
			c.counts[base+f] = counts
		}
		for _, ord := range col.of(local) {
			counts[ord]++
		}
	}
}

// Results adds up each facet's counts over the segments and keeps the
// size most frequent values (ties by value), as Bleve's facet results
// named as in Fields. A nil counter counts nothing.
func (c *Counter) Results(size int) search.FacetResults {
	return c.Counts().Results(size)
}

// Counts are every value's count, by facet name (as in Fields) and
// value: the facets of one shard's part of a search, which add up
// exactly over shards (Add) before they are trimmed (Results).
type Counts map[string]map[string]int

// Counts adds up each facet's counts over the segments, every value
// kept. A nil counter counts nothing.
func (c *Counter) Counts() Counts {
	out := Counts{}
	for f, fn := range Fields {
		total := map[string]int{}
		for seg := 0; c != nil && seg < len(c.snap.segs); seg++ {
			values := c.snap.segs[seg].facets[f].values
			for ord, n := range c.counts[seg*numFacets+f] {
				if n > 0 {
					total[values[ord]] += int(n)
				}
			}
		}
		out[fn.Name] = total
	}
	return out
}

// Add adds o's counts to c.
func (c Counts) Add(o Counts) {
	for name, values := range o {
		m := c[name]
		if m == nil {
			m = map[string]int{}
			c[name] = m
		}
		for v, n := range values {
			m[v] += n
		}
	}
}

// Results keeps the size most frequent values of each facet (ties by
// value), as Bleve's facet results.
func (c Counts) Results(size int) search.FacetResults {
	out := search.FacetResults{}
	for _, fn := range Fields {
		total := c[fn.Name]
		terms := make([]*search.TermFacet, 0, len(total))
		for v, n := range total {
			terms = append(terms, &search.TermFacet{Term: v, Count: n})
		}
		sort.Slice(terms, func(i, j int) bool {
			if terms[i].Count != terms[j].Count {
				return terms[i].Count > terms[j].Count
			}
			return terms[i].Term < terms[j].Term
		})
		tf := &search.TermFacets{}
		tf.Add(terms[:min(len(terms), size)]...)
		out[fn.Name] = &search.FacetResult{Field: fn.Field, Terms: tf}
	}
	return out
}
