package api

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/searcher"
)

// paramSeeds are raw query strings for FuzzParams: each parameter valid,
// at and beyond its limits, negative, huge, malformed, repeated, unknown,
// empty and badly escaped, plus invalid UTF-8, NUL and Japanese.
var paramSeeds = []string{
	"",
	"q=kishida",
	"q=%22prime+minister%22+-china&size=20&from=40&facet_size=5&sort=date&lang=en&source=nhk",
	"q=%E5%B2%B8%E7%94%B0+OR+%E9%A6%96%E7%9B%B8&lang=ja",
	"entity=person:Fumio+Kishida&entity=place:Tokyo&entity=organization:",
	"entity=Kishida",
	"entity=:x&entity=+person+:+x",
	"since=2024-04-01&until=2024-04-10",
	"since=2024-04-10&until=2024-04-10",
	"since=2024-04-10T09:00:00%2B09:00&until=2024-04-10T00:00:00Z",
	"since=0000-01-01&until=9999-12-31",
	"since=2024-02-30&until=yesterday",
	"size=0", "size=1", "size=100", "size=101", "size=-1", "size=+5", "size=0x10", "size=1e3", "size=",
	"size=99999999999999999999", "size=9223372036854775807", "from=-9223372036854775808&size=1",
	"from=9990&size=10", "from=9991&size=10", "from=9223372036854775807",
	"facet_size=0", "facet_size=1000", "facet_size=1001", "facet_size=-1000",
	"sort=relevance", "sort=date", "sort=DATE", "sort=",
	"size=1&size=2", "q=a&q=b", "unknown=1", "Q=kishida", "q",
	"q=%zz", "q=%", "q=a;b", "q=a%00b", "q=%ff%fe", "q=%0a%09%1b",
	"&&&=&==", "q=" + strings.Repeat("x", searcher.MaxQueryRunes+1),
	"q=" + strings.Repeat("%E3%81%82", searcher.MaxQueryRunes+1),
	"entity=person:a" + strings.Repeat("&entity=person:a", searcher.MaxEntityFilters),
	"type=person&prefix=kish&size=10", "type=animal", "prefix=%C5%8D",
}

// paramLimits are the limits FuzzParams checks requests against: the
// defaults and small ones, so that every bound is reachable.
var paramLimits = []searcher.Limits{
	searcher.Limits{}.WithDefaults(),
	searcher.Limits{MaxSize: 3, MaxWindow: 10, MaxFacetSize: 4, MaxQueryRunes: 8, MaxEntityFilters: 1}.WithDefaults(),
}

// FuzzParams parses arbitrary query strings the way the HTTP API does
// (URL.Query, which keeps what parses) and checks that ParseParams,
// ParseEntitiesParams and ParseEntityPageParams never panic and fail only
// with a *searcher.RequestError; that a parsed search request carries its
// parameters; and that a request the searcher accepts (normalize) is within
// every limit: size, from + size, facet size, query length, sort order,
// date order and entity filters. The entity listing and page are checked
// for their size limit the same way.
func FuzzParams(f *testing.F) {
	for _, s := range paramSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw)
		r, err := ParseParams(v)
		if err != nil {
			requestError(t, "ParseParams", raw, err)
		} else {
			checkParsed(t, raw, v, r)
			for _, l := range paramLimits {
				checkNormalized(t, raw, r, l)
			}
		}

		er, err := ParseEntitiesParams(v)
		if err != nil {
			requestError(t, "ParseEntitiesParams", raw, err)
		} else {
			for _, l := range paramLimits {
				req := er
				if err := req.Normalize(l.MaxFacetSize); err != nil {
					requestError(t, "EntitiesRequest.Normalize", raw, err)
				} else if req.Size < 1 || req.Size > l.MaxFacetSize {
					t.Fatalf("%q: entity listing accepted size %d, limit %d", raw, req.Size, l.MaxFacetSize)
				}
			}
		}

		if _, err := ParseEntityPageParams("person", "x", v); err != nil {
			requestError(t, "ParseEntityPageParams", raw, err)
		}
	})
}

// requestError fails unless err, returned by fn for raw, is a
// *searcher.RequestError with a message (its parameter may be "", the name of an
// unknown parameter in "=x").
func requestError(t *testing.T, fn, raw string, err error) {
	t.Helper()
	var re *searcher.RequestError
	if !errors.As(err, &re) || re.Msg == "" {
		t.Fatalf("%s(%q) error %T %v, want a *searcher.RequestError", fn, raw, err, err)
	}
}

// checkParsed checks that r, parsed from v, holds v's parameters.
func checkParsed(t *testing.T, raw string, v url.Values, r searcher.Request) {
	t.Helper()
	if r.Query != v.Get("q") || r.Lang != v.Get("lang") || r.Source != v.Get("source") || r.Sort != v.Get("sort") {
		t.Fatalf("ParseParams(%q) = %+v, lost a parameter of %v", raw, r, v)
	}
	if len(r.Entities) != len(v["entity"]) {
		t.Fatalf("ParseParams(%q): %d entity filters from %d parameters", raw, len(r.Entities), len(v["entity"]))
	}
	if v.Get("facet_size") != "" && r.FacetSize == 0 {
		t.Fatalf("ParseParams(%q) accepted facet_size=0", raw)
	}
	if r.FacetsOnly != (v.Get("size") != "" && r.Size == 0) {
		t.Fatalf("ParseParams(%q): facets only %v with size %d, want it for size=0 alone", raw, r.FacetsOnly, r.Size)
	}
}

// checkNormalized checks that r, once the searcher has filled its defaults
// and checked it against l, is either refused with a *searcher.RequestError or
// within every limit.
func checkNormalized(t *testing.T, raw string, r searcher.Request, l searcher.Limits) {
	t.Helper()
	if err := r.Normalize(l); err != nil {
		requestError(t, "Normalize", raw, err)
		return
	}
	switch {
	case r.FacetsOnly && r.Size != 0, !r.FacetsOnly && (r.Size < 1 || r.Size > l.MaxSize):
		t.Fatalf("%q: accepted size %d, limit %d", raw, r.Size, l.MaxSize)
	case r.From < 0 || r.From > l.MaxWindow-r.Size:
		t.Fatalf("%q: accepted from %d with size %d, window %d", raw, r.From, r.Size, l.MaxWindow)
	case r.FacetSize < 1 || r.FacetSize > l.MaxFacetSize:
		t.Fatalf("%q: accepted facet_size %d, limit %d", raw, r.FacetSize, l.MaxFacetSize)
	case utf8.RuneCountInString(r.Query) > l.MaxQueryRunes:
		t.Fatalf("%q: accepted a query of %d characters, limit %d", raw, utf8.RuneCountInString(r.Query), l.MaxQueryRunes)
	case r.Sort != searcher.SortRelevance && r.Sort != searcher.SortDate:
		t.Fatalf("%q: accepted sort %q", raw, r.Sort)
	case r.Since != nil && r.Until != nil && !r.Since.Before(*r.Until):
		t.Fatalf("%q: accepted since %v not before until %v", raw, r.Since, r.Until)
	case len(r.Entities) > l.MaxEntityFilters:
		t.Fatalf("%q: accepted %d entity filters, limit %d", raw, len(r.Entities), l.MaxEntityFilters)
	}
	again := r
	if err := again.Normalize(l); err != nil {
		t.Fatalf("%q: a normalized request is refused: %v", raw, err)
	}
}
