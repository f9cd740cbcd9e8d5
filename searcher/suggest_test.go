package searcher

import (
	"context"
	"testing"
)

func TestSuggestion(t *testing.T) {
	s := newTestSearcher(t)
	cases := []struct {
		query, want string
		total       uint64 // of the query itself
	}{
		{"Kshidaa", "Kishida", 0},                        // two edits in seven letters
		{"kshidaa washington", "kishida washington", 0},  // the case typed
		{"semi conductors", "semiconductors", 0},         // joined
		{"chipmakers rallied", "chip makers rallied", 0}, // split
		{"Kshidaa 京都", "", 0},                            // corrected, but finds nothing still
		{"xyzzyq", "", 0},                                // nothing near
		{"Kishida", "", 3},                               // found: no suggestion
		{"", "", 8},
	}
	for _, c := range cases {
		res, err := s.Search(context.Background(), Request{Query: c.query})
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		if res.Suggestion != c.want || res.Total != c.total {
			t.Errorf("%q: suggestion %q, total %d; want %q, %d", c.query, res.Suggestion, res.Total, c.want, c.total)
		}
		if c.want == "" {
			continue
		}
		fixed, err := s.Search(context.Background(), Request{Query: c.want})
		if err != nil || fixed.Total == 0 {
			t.Errorf("the suggestion %q finds nothing (%v)", c.want, err)
		}
	}
}
