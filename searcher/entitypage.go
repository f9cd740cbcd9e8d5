package searcher

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// ErrNoSuchEntity is returned for an entity no article names.
var ErrNoSuchEntity = errors.New("no article names this entity")

// EntityPage is what the index says about one entity: its names, how many
// articles name it and when, and what else those articles name.
type EntityPage struct {
	Type    string        `json:"type"`
	Name    string        `json:"name"`    // canonical name
	Aliases []string      `json:"aliases"` // the other names it is known by
	Count   uint64        `json:"count"`   // articles that name it
	Months  []facet.Value `json:"months"`  // articles per month ("2024-04"), oldest first; undated articles are not counted
	Related []EntityCount `json:"related"` // entities named in the same articles, most articles first
}

// maxMonths bounds the months an entity page lists: fifty years.
const maxMonths = 600

// EntityPageRequest asks for one entity's page.
type EntityPageRequest struct {
	Type string // corpus.TypePerson, TypeOrganization, TypePlace or TypeCountry
	Name string // canonical name or any alias
	Size int    // related entities listed; 0 means DefaultFacetSize, at most MaxFacetSize
}

// relatedTypes are the types of an entity page's related entities: not
// countries, which repeat the places they roll up ("Japan" twice). A
// read-only table.
var relatedTypes = []string{corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace}

// Entity returns the page of the entity r names, or ErrNoSuchEntity
// (wrapped) when no article names it.
func (s *Searcher) Entity(ctx context.Context, r EntityPageRequest) (*EntityPage, error) {
	if r.Size == 0 {
		r.Size = DefaultFacetSize
	}
	if r.Size < 1 || r.Size > s.limits.MaxFacetSize {
		return nil, &RequestError{"size", fmt.Sprintf("must be between 1 and %d", s.limits.MaxFacetSize)}
	}
	name, err := s.resolveEntity(EntityFilter{Type: r.Type, Name: r.Name})
	if err != nil {
		return nil, err
	}
	res, err := s.entityFacets(ctx, r.Type, name, r.Size)
	if err != nil {
		return nil, fmt.Errorf("entity %s %q: %w", r.Type, name, err)
	}
	if res.Total == 0 {
		return nil, fmt.Errorf("%s %q: %w", r.Type, name, ErrNoSuchEntity)
	}
	page := &EntityPage{Type: r.Type, Name: name, Aliases: s.aliases(r.Type, name), Count: res.Total,
		Months: facet.Values(res.Facets[monthFacet])}
	sort.Slice(page.Months, func(i, j int) bool { return page.Months[i].Value < page.Months[j].Value })
	for _, typ := range relatedTypes {
		for _, v := range facet.Values(res.Facets[typ]) {
			if typ == r.Type && v.Value == name {
				continue
			}
			page.Related = append(page.Related, EntityCount{Type: typ, Name: v.Value, Count: v.Count, Aliases: s.aliases(typ, v.Value)})
		}
	}
	sort.SliceStable(page.Related, func(i, j int) bool {
		a, b := page.Related[i], page.Related[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return strings.Compare(a.Type+"\x00"+a.Name, b.Type+"\x00"+b.Name) < 0
	})
	if page.Related == nil {
		page.Related = []EntityCount{}
	}
	if len(page.Related) > r.Size {
		page.Related = page.Related[:r.Size]
	}
	return page, nil
}

// monthFacet is the facet of the months of publication, as facet.Fields
// names it.
const monthFacet = "published"

// entityFacets counts the articles that name the entity typ name, their
// months and the related entities, size of each type at least: over
// several shards or a cluster, every value of every shard, summed
// (shardFacets).
func (s *Searcher) entityFacets(ctx context.Context, typ, name string, size int) (*bleve.SearchResult, error) {
	if s.fansOut() {
		return s.shardFacets(ctx, Request{Entities: []EntityFilter{{Type: typ, Name: name}}})
	}
	req := bleve.NewSearchRequestOptions(termIn(typ, name), 0, 0, false)
	req.AddFacet(monthFacet, bleve.NewFacetRequest(indexer.FieldMonth, maxMonths))
	for _, t := range relatedTypes {
		req.AddFacet(t, bleve.NewFacetRequest(t, size+1)) // +1: the entity itself
	}
	return s.index.Bleve().SearchInContext(ctx, req)
}
