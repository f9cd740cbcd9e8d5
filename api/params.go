package api

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sagasu-search/sagasu/searcher"
)

// searchParams are the parameters GET /api/v1/search accepts; entity may
// repeat, the others may not.
var searchParams = map[string]bool{"q": false, "entity": true, "since": false, "until": false,
	"lang": false, "source": false, "sort": false, "from": false, "size": false, "facet_size": false,
	"typos": false, "prefix": false, "search_after": false}

// queryValues decodes r's query string. Where net/http's URL.Query drops
// a malformed pair silently (q=%zz would search for everything), it is
// refused as an invalid parameter naming the pair.
func queryValues(r *http.Request) (url.Values, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, &searcher.RequestError{Param: badParam(r.URL.RawQuery),
			Msg: fmt.Sprintf("the query string is not valid URL encoding (%v): encode %% as %%25", err)}
	}
	return v, nil
}

// badParam names the first parameter of raw that does not decode.
func badParam(raw string) string {
	for _, pair := range strings.Split(raw, "&") {
		name, value, _ := strings.Cut(pair, "=")
		_, nerr := url.QueryUnescape(name)
		_, verr := url.QueryUnescape(value)
		if nerr != nil || verr != nil {
			return name
		}
	}
	return ""
}

// ParseParams turns the parameters of GET /api/v1/search (also what the
// command line passes) into a search request. Unknown and repeated parameters are
// refused, dates are YYYY-MM-DD or RFC 3339, entities type:Name.
func ParseParams(v url.Values) (searcher.Request, error) {
	if err := checkParams(v, searchParams); err != nil {
		return searcher.Request{}, err
	}
	r := searcher.Request{
		Query:  v.Get("q"),
		Lang:   v.Get("lang"),
		Source: v.Get("source"),
		Sort:   v.Get("sort"),
	}
	var err error
	for _, p := range []struct {
		name string
		dst  *int
	}{{"from", &r.From}, {"size", &r.Size}, {"facet_size", &r.FacetSize}} {
		if *p.dst, err = intParam(v, p.name); err != nil {
			return r, err
		}
		if *p.dst == 0 && p.name == "facet_size" && v.Has(p.name) {
			return r, &searcher.RequestError{Param: p.name, Msg: "must be at least 1"}
		}
	}
	r.FacetsOnly = v.Get("size") != "" && r.Size == 0 // size=0: total and facets, no hits
	if after := v.Get("search_after"); after != "" {
		if r.SearchAfter, err = searcher.ParseCursor(after); err != nil {
			return r, err
		}
	}
	typos, err := boolParam(v, "typos", true)
	if err != nil {
		return r, err
	}
	r.NoTypos = !typos
	if r.Prefix, err = boolParam(v, "prefix", false); err != nil {
		return r, err
	}
	if r.Since, err = timeParam(v, "since", false); err != nil {
		return r, err
	}
	if r.Until, err = timeParam(v, "until", true); err != nil {
		return r, err
	}
	for _, e := range v["entity"] {
		typ, name, ok := strings.Cut(e, ":")
		if !ok {
			return r, &searcher.RequestError{Param: "entity", Msg: fmt.Sprintf("%q: write type:Name, e.g. person:Fumio Kishida", e)}
		}
		r.Entities = append(r.Entities, searcher.EntityFilter{Type: strings.TrimSpace(typ), Name: name})
	}
	return r, nil
}

// ParseEntitiesParams turns the parameters of GET /api/v1/entities into a
// request.
func ParseEntitiesParams(v url.Values) (searcher.EntitiesRequest, error) {
	if err := checkParams(v, entitiesParams); err != nil {
		return searcher.EntitiesRequest{}, err
	}
	size, err := intParam(v, "size")
	if err != nil {
		return searcher.EntitiesRequest{}, err
	}
	return searcher.EntitiesRequest{Type: v.Get("type"), Prefix: v.Get("prefix"), Size: size}, nil
}

// ParseEntityPageParams reads the query parameters of GET
// /api/v1/entities/{type}/{name}: size, the number of related entities.
// The type and name come from the path.
func ParseEntityPageParams(typ, name string, v url.Values) (searcher.EntityPageRequest, error) {
	if err := checkParams(v, entityPageParams); err != nil {
		return searcher.EntityPageRequest{}, err
	}
	size, err := intParam(v, "size")
	if err != nil {
		return searcher.EntityPageRequest{}, err
	}
	return searcher.EntityPageRequest{Type: typ, Name: name, Size: size}, nil
}

// entityPageParams are the parameters an entity page accepts.
var entityPageParams = map[string]bool{"size": false}

// entitiesParams are the parameters GET /api/v1/entities accepts.
var entitiesParams = map[string]bool{"type": false, "prefix": false, "size": false}

// checkParams refuses unknown parameters (a typo would otherwise be ignored
// silently) and repeats of single-valued ones.
func checkParams(v url.Values, known map[string]bool) error {
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		repeatable, ok := known[name]
		switch {
		case !ok:
			return &searcher.RequestError{Param: name, Msg: "unknown parameter"}
		case !repeatable && len(v[name]) > 1:
			return &searcher.RequestError{Param: name, Msg: "given more than once"}
		}
	}
	return nil
}

// intParam parses an optional whole-number parameter; absent is 0.
func intParam(v url.Values, name string) (int, error) {
	s := v.Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &searcher.RequestError{Param: name, Msg: fmt.Sprintf("%q is not a whole number", s)}
	}
	return n, nil
}

// boolParam parses an optional true/false parameter; absent or empty is
// def.
func boolParam(v url.Values, name string, def bool) (bool, error) {
	switch s := v.Get(name); s {
	case "":
		return def, nil
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	default:
		return false, &searcher.RequestError{Param: name, Msg: fmt.Sprintf("%q: use true or false", s)}
	}
}

// timeParam parses YYYY-MM-DD (UTC) or RFC 3339. For an end bound, a date
// alone means the end of that day, so until=2024-04-10 includes April 10.
func timeParam(v url.Values, name string, end bool) (*time.Time, error) {
	s := v.Get(name)
	if s == "" {
		return nil, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if end {
			t = t.AddDate(0, 0, 1)
		}
		return &t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, &searcher.RequestError{Param: name, Msg: fmt.Sprintf("%q is not a date: use YYYY-MM-DD or RFC 3339 (2024-04-10T09:00:00Z)", s)}
	}
	return &t, nil
}
