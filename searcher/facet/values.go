package facet

import (
	"sort"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/sagasu-search/sagasu/corpus"
)

// Facets count matching articles by entity, source, language and month of
// publication, most frequent first.
type Facets struct {
	Person       []Value `json:"person"`
	Organization []Value `json:"organization"`
	Place        []Value `json:"place"`
	Country      []Value `json:"country"`
	Source       []Value `json:"source"`
	Lang         []Value `json:"lang"`
	Published    []Value `json:"published"` // by month, "2024-04"
}

// Value is one value of a facet and the number of matching articles that
// have it.
type Value struct {
	Value string `json:"value"` // the value as indexed
	Count int    `json:"count"` // matching articles that have it
}

// FromResults returns the facets of Bleve's results, named as in Fields.
func FromResults(fr search.FacetResults) Facets {
	return Facets{
		Person:       Values(fr[corpus.TypePerson]),
		Organization: Values(fr[corpus.TypeOrganization]),
		Place:        Values(fr[corpus.TypePlace]),
		Country:      Values(fr[corpus.TypeCountry]),
		Source:       Values(fr["source"]),
		Lang:         Values(fr["lang"]),
		Published:    Values(fr["published"]),
	}
}

// Values lists a facet's values by count, then value; never nil.
func Values(f *search.FacetResult) []Value {
	out := []Value{}
	if f == nil {
		return out
	}
	for _, t := range f.Terms.Terms() {
		out = append(out, Value{Value: t.Term, Count: t.Count})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
