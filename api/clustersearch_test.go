package api

import (
	"reflect"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// TestMergeResponses checks the merge of the local shards' answers in
// cluster mode: hits in the request's order and page, totals and facet
// counts summed.
func TestMergeResponses(t *testing.T) {
	day := func(d int) *time.Time { v := time.Date(2025, 1, d, 0, 0, 0, 0, time.UTC); return &v }
	a := &searcher.Response{Total: 3, Hits: []searcher.Hit{{ID: "a1", Score: 9, Published: day(1)}, {ID: "a2", Score: 4, Published: day(5)}, {ID: "a3", Score: 1}},
		Facets: facet.Facets{Person: []facet.Value{{Value: "Kishida", Count: 3}, {Value: "Abe", Count: 1}}}}
	b := &searcher.Response{Total: 2, Relaxed: true, Hits: []searcher.Hit{{ID: "b1", Score: 7, Published: day(3)}, {ID: "b2", Score: 4, Published: day(9)}},
		Facets: facet.Facets{Person: []facet.Value{{Value: "Abe", Count: 2}, {Value: "Suga", Count: 2}}}}
	tests := []struct {
		name    string
		req     searcher.Request
		ids     []string
		persons []facet.Value
	}{
		{"relevance, first page", searcher.Request{Size: 3, FacetSize: 2}, []string{"a1", "b1", "a2"},
			[]facet.Value{{Value: "Abe", Count: 3}, {Value: "Kishida", Count: 3}}},
		{"relevance, second page", searcher.Request{From: 3, Size: 3, FacetSize: 10}, []string{"b2", "a3"},
			[]facet.Value{{Value: "Abe", Count: 3}, {Value: "Kishida", Count: 3}, {Value: "Suga", Count: 2}}},
		{"date", searcher.Request{Size: 5, Sort: searcher.SortDate, FacetSize: 1}, []string{"b2", "a2", "b1", "a1", "a3"},
			[]facet.Value{{Value: "Abe", Count: 3}}},
		{"facets only", searcher.Request{FacetsOnly: true, FacetSize: 1}, []string{}, []facet.Value{{Value: "Abe", Count: 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mergeResponses([]*searcher.Response{a, b}, tt.req)
			ids := []string{}
			for _, h := range got.Hits {
				ids = append(ids, h.ID)
			}
			if !reflect.DeepEqual(ids, tt.ids) || got.Total != 5 || !got.Relaxed {
				t.Errorf("hits %v total %d relaxed %v; want %v, 5, true", ids, got.Total, got.Relaxed, tt.ids)
			}
			if !reflect.DeepEqual(got.Facets.Person, tt.persons) {
				t.Errorf("person facet %v, want %v", got.Facets.Person, tt.persons)
			}
		})
	}
}
