// Package facet counts the facets of a search (entities, source, language,
// month of publication) and reads the publication date a hit is sorted
// by, from columns decoded once per index segment (see Cache), and turns
// Bleve's facet results into the API's values.
//
// Columns: the values a hit is sorted and counted by (publication date,
// entities, source, language, month), decoded once per index segment from
// Bleve's doc values into plain arrays. Bleve's own collector decodes the
// doc values of every hit on every search, a few hundred nanoseconds per
// hit and field; a query that matches most of a large index spent more
// than half its time there. Segments never change once written, so their
// columns stay valid for as long as the segment lives.
package facet

import (
	"fmt"
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// noDate is the published value of an undated article: it sorts last when
// newest come first.
const noDate = math.MinInt64

// Field is a facet of a search and the index field it counts.
type Field struct {
	Name  string // the facet's name in search.FacetResults
	Field string // the index field
}

// Fields lists the facets of a search, in column order, with the index
// field each counts. A read-only table.
var Fields = [...]Field{
	{corpus.TypePerson, corpus.TypePerson},
	{corpus.TypeOrganization, corpus.TypeOrganization},
	{corpus.TypePlace, corpus.TypePlace},
	{corpus.TypeCountry, corpus.TypeCountry},
	{"source", indexer.FieldSource},
	{"lang", indexer.FieldLang},
	{"published", indexer.FieldMonth},
}

// numFacets is the number of facet columns.
const numFacets = len(Fields)

// columnFields are the doc-value fields a column set is read from.
var columnFields = func() []string {
	out := []string{indexer.FieldPublished}
	for _, f := range Fields {
		out = append(out, f.Field)
	}
	return out
}()

// segColumns are the columns of one segment, indexed by local document
// number.
type segColumns struct {
	published []int64 // UnixNano, or noDate
	facets    [numFacets]valueColumn
}

// valueColumn holds the values of one multi-valued field: document i has
// the values values[ords[start[i]:start[i+1]]].
type valueColumn struct {
	start  []uint32
	ords   []uint32
	values []string
}

// of returns the value ordinals of local document n.
func (c *valueColumn) of(n uint64) []uint32 { return c.ords[c.start[n]:c.start[n+1]] }

// Cache holds the columns of the segments searched recently. It is safe
// for concurrent use.
type Cache struct {
	mu   sync.Mutex
	segs map[segment.Segment]*segColumns
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{segs: map[segment.Segment]*segColumns{}}
}

// Len reports how many segments' columns the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.segs)
}

// Snapshot holds the columns of every segment of one index snapshot,
// with the first global document number of each segment.
type Snapshot struct {
	segs    []*segColumns
	offsets []uint64
}

// Locate returns the segment of global document number num and its
// number within the segment. Hits come in document order: seg is the
// segment of the previous hit, where the search starts.
func (s *Snapshot) Locate(num uint64, seg int) (int, uint64) {
	for seg+1 < len(s.offsets) && num >= s.offsets[seg+1] {
		seg++
	}
	for seg > 0 && num < s.offsets[seg] { // never, unless hits come out of order
		seg--
	}
	return seg, num - s.offsets[seg]
}

// Published returns the publication date (UnixNano) of document local of
// segment seg, or math.MinInt64 when it is undated: it sorts last when
// newest come first.
func (s *Snapshot) Published(seg int, local uint64) int64 { return s.segs[seg].published[local] }

// ForSnapshot returns the columns of every segment of snap, reading those
// of new segments, and forgets segments snap no longer has (merged away)
// once the cache holds many more than snap.
func (c *Cache) ForSnapshot(snap *scorch.IndexSnapshot) (*Snapshot, error) {
	segs := snap.Segments()
	out := &Snapshot{segs: make([]*segColumns, len(segs)), offsets: make([]uint64, len(segs))}
	var running uint64
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, ss := range segs {
		seg := ss.Segment()
		out.offsets[i] = running
		running += seg.Count()
		cols, ok := c.segs[seg]
		if !ok {
			var err error
			if cols, err = readColumns(seg); err != nil {
				return nil, err
			}
			c.segs[seg] = cols
		}
		out.segs[i] = cols
	}
	if len(c.segs) > 2*len(segs)+8 {
		c.prune(segs)
	}
	return out, nil
}

// prune forgets every segment not in live.
func (c *Cache) prune(live []*scorch.SegmentSnapshot) {
	keep := make(map[segment.Segment]bool, len(live))
	for _, ss := range live {
		keep[ss.Segment()] = true
	}
	for seg := range c.segs {
		if !keep[seg] {
			delete(c.segs, seg)
		}
	}
}

// readColumns decodes the columns of every document of seg, deleted ones
// included (their numbers stay taken).
func readColumns(seg segment.Segment) (*segColumns, error) {
	n := seg.Count()
	cols := &segColumns{published: make([]int64, n)}
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return nil, fmt.Errorf("read columns: segment %T has no doc values", seg)
	}
	field := make(map[string]int, len(columnFields))
	for i, f := range Fields {
		field[f.Field] = i
		cols.facets[i].start = make([]uint32, 1, n+1)
	}
	interned := [numFacets]map[string]uint32{}
	for i := range interned {
		interned[i] = map[string]uint32{}
	}
	var state segment.DocVisitState
	var err error
	for doc := uint64(0); doc < n; doc++ {
		cols.published[doc] = noDate
		state, err = dv.VisitDocValues(doc, columnFields, func(f string, term []byte) {
			if f == indexer.FieldPublished {
				if shift, err := numeric.PrefixCoded(term).Shift(); err == nil && shift == 0 {
					if v, err := numeric.PrefixCoded(term).Int64(); err == nil {
						cols.published[doc] = v
					}
				}
				return
			}
			i := field[f]
			c := &cols.facets[i]
			ord, ok := interned[i][string(term)]
			if !ok {
				ord = uint32(len(c.values))
				c.values = append(c.values, string(term))
				interned[i][c.values[ord]] = ord
			}
			c.ords = append(c.ords, ord)
		}, state)
		if err != nil {
			return nil, fmt.Errorf("read columns of document %d: %w", doc, err)
		}
		for i := range cols.facets {
			c := &cols.facets[i]
			c.start = append(c.start, uint32(len(c.ords)))
		}
	}
	return cols, nil
}
