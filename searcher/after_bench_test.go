package searcher

import (
	"context"
	"fmt"
	"testing"

	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/searcher/internal/testindex"
)

// deepArticles is the size of BenchmarkDeepPage's index.
const deepArticles = 20000

// BenchmarkDeepPage reads page 1 and page 500 (hits 4,991 to 5,000) of a
// common word, 10 hits a page, over 20,000 synthetic articles in one
// shard and in three: page 500 asked with from=4990 and with the
// search_after cursor of hit 4,990. The variants alternate, five rounds
// (-count would build the indexes again), so that the machine's load
// falls on all of them alike.
func BenchmarkDeepPage(b *testing.B) {
	ctx := context.Background()
	type variant struct {
		name string
		s    *Searcher
		r    Request
	}
	var variants []variant
	for _, n := range []int{1, 3} {
		s := New(testindex.SyntheticSize(b, deepArticles, n), entity.Default())
		for _, sort := range []string{SortRelevance, SortDate} {
			r := Request{Query: "said", Sort: sort}
			prev, err := s.Search(ctx, Request{Query: "said", Sort: sort, From: 4989, Size: 1})
			if err != nil || len(prev.Hits) != 1 {
				b.Fatalf("hit 4,990: %v", err)
			}
			after, err := ParseCursor(prev.Hits[0].Cursor)
			if err != nil {
				b.Fatal(err)
			}
			deep, cursor := r, r
			deep.From, cursor.SearchAfter = 4990, after
			if a, c := pageIDs(b, s, deep), pageIDs(b, s, cursor); a != c {
				b.Fatalf("page 500 by %s: from gives %s, search_after %s", sort, a, c)
			}
			name := fmt.Sprintf("shards=%d/%s/page=", n, sort)
			variants = append(variants, variant{name + "1", s, r}, variant{name + "500/from", s, deep},
				variant{name + "500/search_after", s, cursor})
		}
	}
	for range 5 {
		for _, v := range variants {
			b.Run(v.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := v.s.Search(ctx, v.r); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// pageIDs lists the IDs of r's hits.
func pageIDs(b *testing.B, s *Searcher, r Request) string {
	res, err := s.Search(context.Background(), r)
	if err != nil || len(res.Hits) == 0 {
		b.Fatalf("%+v: %v", r, err)
	}
	return fmt.Sprint(ids(res))
}
