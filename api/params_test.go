package api

import (
	"errors"
	"net/url"
	"testing"

	"github.com/sagasu-search/sagasu/searcher"
)

// TestParseParamsSize: size=0 asks for facets only; an absent or empty
// size is the default page; facet_size=0 is refused.
func TestParseParamsSize(t *testing.T) {
	tests := []struct {
		raw            string
		wantSize       int
		wantFacetsOnly bool
		wantErrParam   string
	}{
		{"q=a", 0, false, ""},
		{"q=a&size=", 0, false, ""},
		{"q=a&size=3", 3, false, ""},
		{"q=a&size=0", 0, true, ""},
		{"q=a&size=0&from=20", 0, true, ""},
		{"q=a&size=-1", -1, false, ""}, // refused by Normalize
		{"q=a&facet_size=0", 0, false, "facet_size"},
		{"q=a&size=none", 0, false, "size"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, err := url.ParseQuery(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseParams(v)
			if tt.wantErrParam != "" {
				var re *searcher.RequestError
				if !errors.As(err, &re) || re.Param != tt.wantErrParam {
					t.Fatalf("err %v, want a RequestError for %q", err, tt.wantErrParam)
				}
				return
			}
			if err != nil || r.Size != tt.wantSize || r.FacetsOnly != tt.wantFacetsOnly {
				t.Errorf("size %d, facets only %v, err %v; want %d, %v", r.Size, r.FacetsOnly, err, tt.wantSize, tt.wantFacetsOnly)
			}
		})
	}
}
