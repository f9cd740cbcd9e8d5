package main

import (
	"reflect"
	"testing"
)

// checkSeedsCountries checks the country facet over all five seeds
// against what a reader finds in them (entity/testdata/gold.json), that the
// person and place facets are what they were before countries came, and
// the country filter by name, by alias and in a query.
func checkSeedsCountries(t *testing.T, s *testServer) {
	t.Helper()
	ans := s.search(t, q("q", "Kishida", "size", "0"))
	for _, tc := range []struct {
		facet string
		want  []facetValue
	}{
		{"country", []facetValue{{"Japan", 5}, {"United States", 5}, {"China", 3}, {"South Korea", 2}, {"Russia", 1},
			{"Taiwan", 1}, {"United Kingdom", 1}}},
		{"place", []facetValue{{"Japan", 5}, {"United States", 5}, {"China", 3}, {"Hiroshima", 2}, {"Washington", 2},
			{"Beijing", 1}, {"European Union", 1}, {"Russia", 1}, {"South Korea", 1}, {"Tokyo", 1}}},
		{"person", []facetValue{{"Fumio Kishida", 5}, {"Joe Biden", 4}, {"Brad Smith", 2}, {"Gina Raimondo", 1},
			{"Iliana Ivanova", 1}, {"Masayoshi Son", 1}, {"Rahm Emanuel", 1}, {"Yoon Suk Yeol", 1}}},
	} {
		if got := ans.Facets[tc.facet]; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s facet %v, want %v", tc.facet, got, tc.want)
		}
	}
	for _, tc := range []struct {
		params []string
		want   []string
	}{
		{[]string{"entity", "country:Taiwan"}, []string{title002}},
		{[]string{"entity", "country:United Kingdom"}, []string{title002}},
		{[]string{"entity", "country:英国"}, []string{title002}},
		{[]string{"q", `country:"South Korea" Microsoft`}, []string{title000, title002}},
	} {
		got := s.search(t, q(tc.params...)).titles()
		if !sameSet(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.params, got, tc.want)
		}
	}
	if n := s.search(t, q("entity", "country:米国", "size", "0")).Total; n != 5 {
		t.Errorf("entity=country:米国: %d hits, want all 5", n)
	}
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}
