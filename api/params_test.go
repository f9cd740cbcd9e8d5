package api

import (
	"errors"
	"net/http/httptest"
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

// TestQueryValues: a query string that is not valid URL encoding is
// refused, naming the parameter, rather than read without the bad pair.
func TestQueryValues(t *testing.T) {
	tests := []struct {
		raw       string
		wantQ     string
		wantParam string // "" when accepted
	}{
		{"q=toyota%20honda", "toyota honda", ""},
		{"q=%E5%B2%B8%E7%94%B0&size=0", "岸田", ""},
		{"q=%zz", "", "q"},
		{"size=0&q=100%", "", "q"},
		{"q=a&%zz=1", "", "%zz"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, err := queryValues(httptest.NewRequest("GET", "/api/v1/search?"+tt.raw, nil))
			var re *searcher.RequestError
			switch {
			case tt.wantParam == "" && (err != nil || v.Get("q") != tt.wantQ):
				t.Errorf("q %q, err %v; want %q", v.Get("q"), err, tt.wantQ)
			case tt.wantParam != "" && (!errors.As(err, &re) || re.Param != tt.wantParam):
				t.Errorf("err %v, want a RequestError for %q", err, tt.wantParam)
			}
		})
	}
}

// TestParseParamsTyposPrefix: typo tolerance is on unless typos=false;
// prefix=true makes the last word a prefix; other values are refused.
func TestParseParamsTyposPrefix(t *testing.T) {
	tests := []struct {
		raw                 string
		wantNoTypos, prefix bool
		wantErrParam        string
	}{
		{"q=a", false, false, ""},
		{"q=a&typos=false", true, false, ""},
		{"q=a&typos=true&prefix=true", false, true, ""},
		{"q=a&typos=0&prefix=1", true, true, ""},
		{"q=a&typos=no", false, false, "typos"},
		{"q=a&prefix=yes", false, false, "prefix"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, err := url.ParseQuery(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseParams(v)
			var re *searcher.RequestError
			switch {
			case tt.wantErrParam != "" && (!errors.As(err, &re) || re.Param != tt.wantErrParam):
				t.Errorf("err %v, want a RequestError for %q", err, tt.wantErrParam)
			case tt.wantErrParam == "" && (err != nil || r.NoTypos != tt.wantNoTypos || r.Prefix != tt.prefix):
				t.Errorf("NoTypos %v, Prefix %v, err %v; want %v, %v", r.NoTypos, r.Prefix, err, tt.wantNoTypos, tt.prefix)
			}
		})
	}
}

// TestParseParamsSearchAfter: search_after is a hit's cursor, decoded
// into the request; empty is absent; anything else is refused naming it.
func TestParseParamsSearchAfter(t *testing.T) {
	cursor := searcher.Cursor{Sort: searcher.SortDate, Score: 1.5, Date: 1712719980000000000, ID: "seed-004"}
	tests := []struct {
		raw          string
		want         *searcher.Cursor
		wantErrParam string
	}{
		{"q=a", nil, ""},
		{"q=a&search_after=", nil, ""},
		{"q=a&sort=date&search_after=" + cursor.String(), &cursor, ""},
		{"q=a&search_after=%2B%2F", nil, "search_after"},
		{"q=a&search_after=AXI", nil, "search_after"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, err := url.ParseQuery(tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseParams(v)
			var re *searcher.RequestError
			switch {
			case tt.wantErrParam != "" && (!errors.As(err, &re) || re.Param != tt.wantErrParam):
				t.Errorf("err %v, want a RequestError for %q", err, tt.wantErrParam)
			case tt.wantErrParam == "" && (err != nil || (r.SearchAfter == nil) != (tt.want == nil) ||
				tt.want != nil && *r.SearchAfter != *tt.want):
				t.Errorf("search after %+v, err %v; want %+v", r.SearchAfter, err, tt.want)
			}
		})
	}
}
