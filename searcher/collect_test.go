package searcher

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/facet"
	"github.com/sagasu-search/sagasu/searcher/internal/testindex"
	"github.com/sagasu-search/sagasu/searcher/snippet"
)

// TestCollectMatchesBleve checks Sagasu's collector (column facets, its own
// ranking heap, highlighting the page afterwards) against Bleve's own
// collector given the same query with the equivalent sort order and
// facet requests: the same hits in the same order with the same scores
// and fragments, the same total and the same facet counts.
func TestCollectMatchesBleve(t *testing.T) {
	ix := testindex.Synthetic(t)
	s := New(ix, entity.Default())
	since := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range []Request{
		{Query: "said"},
		{Query: "said", From: 990},
		{Query: "said", Sort: SortDate, From: 20, Size: 30},
		{Query: "the", Sort: SortDate, From: 1050, Size: 100},
		{Query: "minister", FacetSize: 3},
		{Query: `"prime minister"`, FacetSize: 1000},
		{Query: "new", Entities: []EntityFilter{{Type: corpus.TypeOrganization, Name: "Bank of Japan"}}, FacetSize: 1000},
		{Query: "year -percent", Since: &since, Size: 50},
		{Query: "政府"},
		{Query: "Kishida Fumio", FacetSize: 1000},
		{Query: "zzzznothing"},
	} {
		t.Run(fmt.Sprintf("%s from %d by %s", r.Query, r.From, r.Sort), func(t *testing.T) {
			got, err := s.Search(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			want := referenceSearch(t, s, r)
			if got.Total != want.Total {
				t.Fatalf("total %d, Bleve's collector %d", got.Total, want.Total)
			}
			if len(got.Hits) != len(want.Hits) {
				t.Fatalf("%d hits, Bleve's collector %d", len(got.Hits), len(want.Hits))
			}
			for i := range got.Hits {
				g, w := got.Hits[i], want.Hits[i]
				if g.ID != w.ID || g.Score != w.Score || !slices.Equal(g.Snippets.Body, w.Snippets.Body) || !slices.Equal(g.Snippets.Title, w.Snippets.Title) {
					t.Fatalf("hit %d: %s %.4f %q\nBleve's: %s %.4f %q", r.From+i, g.ID, g.Score, g.Snippets.Body, w.ID, w.Score, w.Snippets.Body)
				}
			}
			if fmt.Sprint(got.Facets) != fmt.Sprint(want.Facets) {
				t.Errorf("facets\n%v\nBleve's\n%v", got.Facets, want.Facets)
			}
			if r.Query != "zzzznothing" && len(got.Hits) == 0 {
				t.Error("the case finds nothing: it checks nothing")
			}
		})
	}
}

// referenceSearch answers r the way Searcher did before it had its own
// collector: Bleve's top-N collector sorting by fields, with Bleve's
// facets and highlighting.
func referenceSearch(t *testing.T, s *Searcher, r Request) *Response {
	t.Helper()
	if err := r.Normalize(s.limits); err != nil {
		t.Fatal(err)
	}
	pl, filters, err := s.plan(r)
	if err != nil {
		t.Fatal(err)
	}
	req := bleve.NewSearchRequestOptions(s.buildQuery(pl.Strict(), filters), r.Size, r.From, false)
	req.Fields = hitFields
	req.Highlight = bleve.NewHighlightWithStyle(snippet.HighlighterName)
	req.Highlight.Fields = []string{indexer.FieldTitle, indexer.FieldBody}
	date := &search.SortField{Field: indexer.FieldPublished, Desc: true,
		Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast}
	score, id := &search.SortScore{Desc: true}, &search.SortDocID{}
	if r.Sort == SortDate {
		req.SortByCustom(search.SortOrder{date, score, id})
	} else {
		req.SortByCustom(search.SortOrder{score, date, id})
	}
	for _, f := range facet.Fields {
		req.AddFacet(f.Name, bleve.NewFacetRequest(f.Field, r.FacetSize))
	}
	res, err := s.index.Bleve().SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	// The hits' cursors, from no dates, are not compared.
	out, err := newResponse(r, &result{SearchResult: res, dates: make([]int64, len(res.Hits))}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
