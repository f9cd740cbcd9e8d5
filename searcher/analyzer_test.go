package searcher

import (
	"context"
	"reflect"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// TestSearchAnalyzerVariant checks that a search analyzes its query with
// the variant its index was built with: plurals only (policies finds
// policy, not politics; invested does not find investments) and stop
// words gone from index and query alike, so that a phrase across one
// still matches and a query of stop words alone finds nothing.
func TestSearchAnalyzerVariant(t *testing.T) {
	articles := []corpus.Article{
		{ID: "boj", Title: "Bank of Japan raises rates", Body: "The central bank moved on Tuesday."},
		{ID: "in", Title: "A bank in Japan", Body: "A regional bank in Japan reported investments."},
		{ID: "policy", Title: "New policy", Body: "The policy was announced by the ministry."},
		{ID: "politics", Title: "Politics", Body: "Politics dominated the week."},
		{ID: "invested", Title: "Funds", Body: "The fund invested heavily."},
	}
	tests := []struct {
		analyzer, query string
		want            []string
	}{
		{"sagasu_minimal_stop", `"Bank of Japan"`, []string{"boj", "in"}}, // "of" and "in" both left gaps
		{"sagasu", `"Bank of Japan"`, []string{"boj"}},
		{"sagasu_minimal_stop", "policies", []string{"policy"}},
		{"sagasu_minimal_stop", "investments", []string{"in"}},
		{"sagasu", "investments", []string{"in", "invested"}},
		{"sagasu_minimal_stop", "the", nil},
		{"sagasu_minimal_stop", "the ministry", []string{"policy"}},
		{"sagasu_none", "investments", []string{"in"}},
	}
	for _, tt := range tests {
		t.Run(tt.analyzer+" "+tt.query, func(t *testing.T) {
			ix, err := indexer.NewInMemory(indexer.Options{Analyzer: tt.analyzer})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if err := ix.Put(context.Background(), articles); err != nil {
				t.Fatal(err)
			}
			res, err := New(ix, nil).Search(context.Background(), Request{Query: tt.query, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			if got := sorted(ids(res)); !reflect.DeepEqual(got, sorted(tt.want)) && len(got)+len(tt.want) > 0 {
				t.Errorf("found %v, want %v", got, tt.want)
			}
		})
	}
}

// TestStatsAnalyzer checks that the index's stats name the analyzer it
// was built with.
func TestStatsAnalyzer(t *testing.T) {
	for _, analyzer := range []string{"", "sagasu_none_stop"} {
		ix, err := indexer.NewInMemory(indexer.Options{Analyzer: analyzer})
		if err != nil {
			t.Fatal(err)
		}
		st, err := New(ix, nil).Stats(context.Background())
		ix.Close()
		want := analyzer
		if want == "" {
			want = "sagasu"
		}
		if err != nil {
			t.Fatal(err)
		}
		if st.Analyzer != want {
			t.Errorf("stats of an index built with %q: analyzer %q, want %q", analyzer, st.Analyzer, want)
		}
	}
}
