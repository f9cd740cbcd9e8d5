package searcher

import (
	"sort"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/sagasu-search/sagasu/corpus"
)

// Facets count matching articles by entity, source, language and month of
// publication, most frequent first.
type Facets struct {
	Person       []FacetValue `json:"person"`
	Organization []FacetValue `json:"organization"`
	Place        []FacetValue `json:"place"`
	Source       []FacetValue `json:"source"`
	Lang         []FacetValue `json:"lang"`
	Published    []FacetValue `json:"published"`
}

// FacetValue is one value of a facet and the number of matching articles
// that have it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

func newFacets(fr search.FacetResults) Facets {
	return Facets{
		Person:       facetValues(fr[corpus.TypePerson]),
		Organization: facetValues(fr[corpus.TypeOrganization]),
		Place:        facetValues(fr[corpus.TypePlace]),
		Source:       facetValues(fr["source"]),
		Lang:         facetValues(fr["lang"]),
		Published:    facetValues(fr["published"]),
	}
}

// facetValues lists a facet's values by count, then value.
func facetValues(f *search.FacetResult) []FacetValue {
	out := []FacetValue{}
	if f == nil {
		return out
	}
	for _, t := range f.Terms.Terms() {
		out = append(out, FacetValue{Value: t.Term, Count: t.Count})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
