package searcher

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/searcher/internal/testindex"
)

// listing is the whole listing of r, read with from/size pages of
// MaxSize: each hit's ID and score, and the first page's answer.
func listing(t *testing.T, s *Searcher, r Request) ([]Hit, *Response) {
	t.Helper()
	var all []Hit
	var first *Response
	for from := 0; ; from += MaxSize {
		r.From, r.Size = from, MaxSize
		res, err := s.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = res
		}
		all = append(all, res.Hits...)
		if len(res.Hits) < MaxSize {
			return all, first
		}
	}
}

// walk reads every page of r with search_after, size hits a page,
// checking that each page has the total, relaxing and facets of first.
func walk(t *testing.T, s *Searcher, r Request, size int, first *Response) []Hit {
	t.Helper()
	var all []Hit
	r.Size = size
	for page := 0; ; page++ {
		res, err := s.Search(context.Background(), r)
		if err != nil {
			t.Fatalf("page %d: %v", page, err)
		}
		if res.Total != first.Total || res.Relaxed != first.Relaxed || fmt.Sprint(res.Facets) != fmt.Sprint(first.Facets) {
			t.Fatalf("page %d: total %d, relaxed %v, facets %v;\nfrom/size: %d, %v, %v",
				page, res.Total, res.Relaxed, res.Facets, first.Total, first.Relaxed, first.Facets)
		}
		all = append(all, res.Hits...)
		if len(res.Hits) == 0 {
			return all
		}
		if uint64(len(all)) > first.Total {
			t.Fatalf("page %d: %d hits walked, more than the total %d", page, len(all), first.Total)
		}
		if r.SearchAfter, err = ParseCursor(res.Hits[len(res.Hits)-1].Cursor); err != nil {
			t.Fatal(err)
		}
	}
}

// ties counts the neighbours of hits that rank alike but for their IDs
// (copies of an article).
func ties(hits []Hit) int {
	n := 0
	for i := 1; i < len(hits); i++ {
		a, b := hits[i-1], hits[i]
		if a.Score == b.Score && fmt.Sprint(a.Published) == fmt.Sprint(b.Published) {
			n++
		}
	}
	return n
}

// TestSearchAfterWalksTheListing walks whole listings page by page with
// search_after, in one index and in three shards, and checks that the
// pages give exactly the IDs, order and scores of the from/size listing,
// copies of articles (equal scores and dates) included, each page with
// the whole result's total and facets; the walking searcher's MaxWindow
// is 100, which from/size could not page past.
func TestSearchAfterWalksTheListing(t *testing.T) {
	deep := 0
	for _, shards := range []int{1, 3} {
		ix := testindex.SyntheticShards(t, shards)
		ref := New(ix, entity.Default())
		s := New(ix, entity.Default(), WithLimits(Limits{MaxWindow: 100}))
		for _, tt := range []struct {
			r    Request
			size int
		}{
			{Request{Query: "said"}, 7},
			{Request{Query: "said", Sort: SortDate}, 10},
			{Request{Query: "", Sort: SortDate, Lang: "en"}, 100},
			{Request{Query: "minister", FacetSize: 3}, 1},
			{Request{Query: "bank minister yen growth export"}, 10}, // relaxed
		} {
			t.Run(fmt.Sprintf("%d shards, %q by date %v, pages of %d", shards, tt.r.Query, tt.r.Sort == SortDate, tt.size), func(t *testing.T) {
				want, first := listing(t, ref, tt.r)
				got := walk(t, s, tt.r, tt.size, first)
				if len(got) != len(want) || uint64(len(want)) != first.Total {
					t.Fatalf("%d hits walked, %d listed, total %d", len(got), len(want), first.Total)
				}
				for i := range got {
					g, w := got[i], want[i]
					if g.ID != w.ID || g.Score != w.Score || g.Cursor != w.Cursor || g.Title != w.Title {
						t.Fatalf("hit %d: walked %s %v, listed %s %v", i, g.ID, g.Score, w.ID, w.Score)
					}
				}
				deep = max(deep, len(got))
				if ties(want) == 0 && tt.r.Query != "bank minister yen growth export" {
					t.Error("no copies in the listing: ties are not checked")
				}
			})
		}
	}
	if deep <= 100 {
		t.Errorf("the longest walk is %d hits: none goes past MaxWindow", deep)
	}
}

// TestSearchAfterRefused checks the requests with a cursor that are
// refused, and the parameter each error names.
func TestSearchAfterRefused(t *testing.T) {
	s := New(testindex.Synthetic(t), entity.Default())
	res, err := s.Search(context.Background(), Request{Query: "said"})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("%v, %d hits", err, len(res.Hits))
	}
	relevance, err := ParseCursor(res.Hits[0].Cursor)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		r      Request
		cursor string // parsed into r.SearchAfter when set
		param  string
	}{
		{"with from", Request{Query: "said", From: 10, SearchAfter: relevance}, "", "from"},
		{"relevance cursor, sort by date", Request{Query: "said", Sort: SortDate, SearchAfter: relevance}, "", "search_after"},
		{"not base64url", Request{Query: "said"}, "a+b/c==", "search_after"},
		{"too short", Request{Query: "said"}, "AXI", "search_after"},
		{"no ID", Request{Query: "said"}, "AXIAAAAAAAAAAAAAAAAAAAAA", "search_after"},
		{"another version", Request{Query: "said"}, "AnIAAAAAAAAAAAAAAAAAAAAAYQ", "search_after"},
		{"unknown sort", Request{Query: "said"}, "AXgAAAAAAAAAAAAAAAAAAAAAYQ", "search_after"},
		{"empty ID", Request{Query: "said", SearchAfter: &Cursor{Sort: SortRelevance, Score: 1}}, "", "search_after"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := error(nil)
			if tt.cursor != "" {
				tt.r.SearchAfter, err = ParseCursor(tt.cursor)
			}
			if err == nil {
				_, err = s.Search(context.Background(), tt.r)
			}
			var re *RequestError
			if !errors.As(err, &re) || re.Param != tt.param {
				t.Errorf("error %v, want one naming %s", err, tt.param)
			}
		})
	}
}

// TestCursorEncodes checks that a cursor comes back from its string, and
// from JSON (in a ShardQuery), bit for bit.
func TestCursorEncodes(t *testing.T) {
	for _, c := range []Cursor{
		{Sort: SortRelevance, Score: 3.0000000000000004, Date: 1700000000123456789, ID: "a-1"},
		{Sort: SortDate, Score: 0.1 + 0.2, Date: -1 << 63, ID: "記事/42"},
	} {
		back, err := ParseCursor(c.String())
		if err != nil || *back != c {
			t.Errorf("%+v: decoded %+v, %v", c, back, err)
		}
		b, err := json.Marshal(ShardQuery{Request: Request{Query: "q", SearchAfter: &c}})
		if err != nil {
			t.Fatal(err)
		}
		var q ShardQuery
		if err := json.Unmarshal(b, &q); err != nil || q.Request.SearchAfter == nil || *q.Request.SearchAfter != c {
			t.Errorf("%+v: through JSON %s: %+v, %v", c, b, q.Request.SearchAfter, err)
		}
	}
}
