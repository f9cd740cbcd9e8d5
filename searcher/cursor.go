package searcher

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
)

// Cursor is where a hit stands in the order of its listing: the key the
// collector and Merge rank by (score, publication date, article ID; see
// hitCollector.worse), which is total, and the listing's sort. Each hit
// of an answer carries its cursor (Hit.Cursor, encoded); a request with
// SearchAfter set to it gets the hits that come strictly after it in the
// same order: deep paging at the cost of a first page, as every shard
// keeps only the hits after the key. It encodes to JSON, in ShardQuery.
type Cursor struct {
	Sort  string  `json:"sort"`  // SortRelevance or SortDate
	Score float64 `json:"score"` // as the shards computed it, with the global statistics
	Date  int64   `json:"date"`  // publication, UnixNano; the lowest int64 when undated
	ID    string  `json:"id"`
}

// cursorVersion is the first byte of an encoded cursor: a cursor of
// another layout is refused rather than misread.
const cursorVersion = 1

// cursorHead is the length of an encoded cursor before its ID: version,
// sort, score bits, date.
const cursorHead = 1 + 1 + 8 + 8

// sortCodes are the sorts' bytes in an encoded cursor.
var sortCodes = map[string]byte{SortRelevance: 'r', SortDate: 'd'}

// String encodes c as the API shows it: the base64url (unpadded) of the
// version, the sort, the score's IEEE 754 bits, the date and the ID, so
// that the score comes back bit for bit.
func (c Cursor) String() string {
	b := make([]byte, cursorHead, cursorHead+len(c.ID))
	b[0], b[1] = cursorVersion, sortCodes[c.Sort]
	binary.BigEndian.PutUint64(b[2:], math.Float64bits(c.Score))
	binary.BigEndian.PutUint64(b[10:], uint64(c.Date))
	return base64.RawURLEncoding.EncodeToString(append(b, c.ID...))
}

// ParseCursor decodes a cursor that String encoded (the API's
// search_after). Anything else is a *RequestError naming search_after.
func ParseCursor(s string) (*Cursor, error) {
	bad := func(msg string) error {
		return &RequestError{"search_after", msg + ": pass the cursor of a hit of the previous page, as given"}
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad("not a cursor (not base64url)")
	}
	if len(b) <= cursorHead || b[0] != cursorVersion {
		return nil, bad("not a cursor")
	}
	c := &Cursor{
		Score: math.Float64frombits(binary.BigEndian.Uint64(b[2:])),
		Date:  int64(binary.BigEndian.Uint64(b[10:])),
		ID:    string(b[cursorHead:]),
	}
	for sort, code := range sortCodes {
		if b[1] == code {
			c.Sort = sort
		}
	}
	if c.Sort == "" || math.IsNaN(c.Score) || math.IsInf(c.Score, 0) || !utf8.ValidString(c.ID) {
		return nil, bad("not a cursor")
	}
	return c, nil
}

// check refuses c for a request sorted by sort.
func (c *Cursor) check(sort string) error {
	switch {
	case c.Sort != sort:
		return &RequestError{"search_after", fmt.Sprintf("the cursor is of a listing sorted by %s, and this one is sorted by %s", c.Sort, sort)}
	case c.ID == "" || math.IsNaN(c.Score):
		return &RequestError{"search_after", "not a cursor"}
	}
	return nil
}

// ranked returns c as a hit to compare others with.
func (c *Cursor) ranked() ranked {
	return ranked{dm: &search.DocumentMatch{ID: c.ID, Score: c.Score}, date: c.Date}
}

// cursorOf returns the cursor of a hit of a listing sorted by sort.
func cursorOf(sort string, id string, score float64, date int64) string {
	return Cursor{Sort: sort, Score: score, Date: date, ID: id}.String()
}
