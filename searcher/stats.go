package searcher

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// Stats describes the index.
type Stats struct {
	Articles       uint64         `json:"articles"`
	IndexBytes     int64          `json:"index_bytes"`
	MappingVersion string         `json:"mapping_version"`
	Analyzer       string         `json:"analyzer"` // the English analysis variant the index was built with
	Languages      []facet.Value  `json:"languages"`
	Entities       map[string]int `json:"entities"` // distinct entities by type
}

// Stats counts the index's articles, languages and distinct entities. A
// cancelled ctx stops it between its reads.
func (s *Searcher) Stats(ctx context.Context) (*Stats, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index stats: %w", err)
	}
	n, err := s.index.Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("count articles: %w", err)
	}
	size, err := s.index.DiskSize(ctx)
	if err != nil {
		return nil, fmt.Errorf("index size: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index stats: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet("lang", bleve.NewFacetRequest(indexer.FieldLang, 100))
	for _, typ := range corpus.EntityTypes {
		req.AddFacet(typ, bleve.NewFacetRequest(typ, maxEntityValues))
	}
	res, err := s.index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index stats: %w", err)
	}
	st := &Stats{Articles: n, IndexBytes: size, MappingVersion: indexer.MappingVersion,
		Analyzer: s.index.Analyzer(), Languages: facet.Values(res.Facets["lang"]), Entities: map[string]int{}}
	for _, typ := range corpus.EntityTypes {
		st.Entities[typ] = len(facet.Values(res.Facets[typ]))
	}
	return st, nil
}
