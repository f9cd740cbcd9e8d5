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
	IndexBytes     int64          `json:"index_bytes"` // in a cluster, of this node's shards
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
	n, size, res, err := s.statsCounts(ctx)
	if err != nil {
		return nil, err
	}
	st := &Stats{Articles: n, IndexBytes: size, MappingVersion: indexer.MappingVersion,
		Analyzer: s.index.Analyzer(), Languages: facet.Values(res.Facets["lang"]), Entities: map[string]int{}}
	for _, typ := range corpus.EntityTypes {
		st.Entities[typ] = len(facet.Values(res.Facets[typ]))
	}
	return st, nil
}

// statsCounts counts the articles, the index's bytes on disk and the
// languages and entities of every article. In a cluster the articles and
// facets are the whole cluster's and the bytes this node's.
func (s *Searcher) statsCounts(ctx context.Context) (uint64, int64, *bleve.SearchResult, error) {
	size, err := s.diskSize(ctx)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("index size: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, nil, fmt.Errorf("index stats: %w", err)
	}
	if s.fansOut() {
		res, err := s.shardFacets(ctx, Request{})
		if err != nil {
			return 0, 0, nil, fmt.Errorf("index stats: %w", err)
		}
		return res.Total, size, res, nil
	}
	n, err := s.index.Count(ctx)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("count articles: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet("lang", bleve.NewFacetRequest(indexer.FieldLang, 100))
	for _, typ := range corpus.EntityTypes {
		req.AddFacet(typ, bleve.NewFacetRequest(typ, maxEntityValues))
	}
	res, err := s.index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("index stats: %w", err)
	}
	return n, size, res, nil
}

// diskSize is the index's size on disk; in a cluster, that of the shards
// this node holds.
func (s *Searcher) diskSize(ctx context.Context) (int64, error) {
	if !s.clustered {
		return s.index.DiskSize(ctx) // with the batch log and the manifest of shards
	}
	var size int64
	for _, l := range s.locals() {
		n, err := l.ix.DiskSize(ctx)
		if err != nil {
			return 0, err
		}
		size += n
	}
	return size, nil
}
