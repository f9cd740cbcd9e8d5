package searcher

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// maxEntityValues bounds how many distinct values of one entity type an
// entity listing considers.
const maxEntityValues = 100000

// EntitiesRequest asks for the entities the index's articles name.
type EntitiesRequest struct {
	Type   string // "" for every type
	Prefix string // matches the start of any word of the name or of an alias, ignoring case and accents
	Size   int    // 0 means DefaultSize; at most MaxFacetSize
}

// EntityCount is an entity with the number of articles that name it.
type EntityCount struct {
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Count   int      `json:"count"`
}

// Entities lists the entities named in the index, most frequent first.
func (s *Searcher) Entities(ctx context.Context, r EntitiesRequest) ([]EntityCount, error) {
	types, err := r.types(s.limits.MaxFacetSize)
	if err != nil {
		return nil, err
	}
	var res *bleve.SearchResult
	if s.fansOut() {
		res, err = s.shardFacets(ctx, Request{})
	} else {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
		for _, typ := range types {
			req.AddFacet(typ, bleve.NewFacetRequest(typ, maxEntityValues))
		}
		res, err = s.index.Bleve().SearchInContext(ctx, req)
	}
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	prefix := analysis.FoldString(strings.TrimSpace(r.Prefix))
	out := []EntityCount{}
	for _, typ := range types {
		for _, v := range facet.Values(res.Facets[typ]) {
			ec := EntityCount{Type: typ, Name: v.Value, Count: v.Count, Aliases: s.aliases(typ, v.Value)}
			if prefix == "" || ec.hasWordPrefix(prefix) {
				out = append(out, ec)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	if len(out) > r.Size {
		out = out[:r.Size]
	}
	return out, nil
}

// Normalize fills r's default size and checks r: the size against
// maxSize, the type against the entity types. A request beyond them is
// refused with a *RequestError naming the parameter.
func (r *EntitiesRequest) Normalize(maxSize int) error {
	_, err := r.types(maxSize)
	return err
}

// types normalizes r (see Normalize) and returns the entity types it
// lists.
func (r *EntitiesRequest) types(maxSize int) ([]string, error) {
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Size < 1 || r.Size > maxSize {
		return nil, &RequestError{"size", fmt.Sprintf("must be between 1 and %d", maxSize)}
	}
	if r.Type == "" {
		return corpus.EntityTypes, nil
	}
	if !isEntityType(r.Type) {
		return nil, &RequestError{"type", fmt.Sprintf("unknown entity type %q: use person, organization, place or country", r.Type)}
	}
	return []string{r.Type}, nil
}

// aliases returns the known aliases of a canonical name, never nil.
func (s *Searcher) aliases(typ, name string) []string {
	if s.entities != nil {
		if e, ok := s.entities.Lookup(typ, name); ok && e.Aliases != nil {
			return e.Aliases
		}
	}
	return []string{}
}

// hasWordPrefix reports whether any word of the name or an alias starts
// with the folded prefix; a prefix with spaces must start a whole name.
func (ec EntityCount) hasWordPrefix(prefix string) bool {
	for _, name := range append([]string{ec.Name}, ec.Aliases...) {
		folded := analysis.FoldString(name)
		if strings.HasPrefix(folded, prefix) {
			return true
		}
		for _, word := range strings.Fields(folded) {
			if strings.HasPrefix(word, prefix) {
				return true
			}
		}
	}
	return false
}
