package indexer

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/corpus"
)

// Field names in the index. Entity fields are named by their type
// (corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace,
// corpus.TypeCountry).
const (
	FieldTitle     = "title"
	FieldBody      = "body"
	FieldPublished = "published"
	FieldMonth     = "month"
	FieldSource    = "source"
	FieldURL       = "url"
	FieldLang      = "lang"
	// FieldSourceFile is the absolute path of the file an article was
	// loaded from (corpus.Record.Path), empty for one posted through the
	// API: what an edited or removed file's articles are found by.
	FieldSourceFile = "source_file"
	// FieldNamePairs holds the name pairs the article makes (see
	// NamePairs), "Person\tWriting" each, stored and indexed as keywords:
	// what the corpus-wide alias evidence is rebuilt from at open.
	FieldNamePairs = "name_pairs"
)

// MappingVersion changes whenever the mapping or an analyzer changes in a way
// that needs the index rebuilt. It is stored in the index and checked on open.
//
// Version 6 added FieldSourceFile. Version 7: the analyzer reads Japanese
// names nobody lists by their structure, with all their plausible readings,
// and gives a romanized name written given name first its surname at the
// position before. Version 8 added the country field (corpus.TypeCountry).
// Version 9 added FieldNamePairs.
const MappingVersion = "9"

// MonthLayout formats the month facet values, e.g. "2024-04".
const MonthLayout = "2006-01"

// NewMapping returns Sagasu's index mapping: title and body analyzed by
// Sagasu's analyzer and stored with term vectors for highlighting, a
// published date with its month as a keyword for the timeline facet, and
// source, language and each entity type as exact keywords for facets and
// filters. Scoring is BM25. Nothing is indexed dynamically.
func NewMapping() *mapping.IndexMappingImpl {
	return newMappingWith(analysis.Name)
}

// newMappingWith is NewMapping with another text analyzer, for measuring
// Sagasu's analysis against Bleve's own.
func newMappingWith(analyzer string) *mapping.IndexMappingImpl {
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, textField(analyzer))
	doc.AddFieldMappingsAt(FieldBody, textField(analyzer))
	doc.AddFieldMappingsAt(FieldPublished, dateField())
	doc.AddFieldMappingsAt(FieldMonth, keywordField(false))
	doc.AddFieldMappingsAt(FieldSource, keywordField(true))
	doc.AddFieldMappingsAt(FieldLang, keywordField(true))
	doc.AddFieldMappingsAt(FieldURL, storedOnlyField())
	doc.AddFieldMappingsAt(FieldSourceFile, keywordField(true))
	doc.AddFieldMappingsAt(FieldNamePairs, keywordField(true))
	for _, typ := range corpus.EntityTypes {
		doc.AddFieldMappingsAt(typ, keywordField(true))
	}

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzer
	m.ScoringModel = "bm25"
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m
}

func textField(analyzer string) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = true
	f.IncludeTermVectors = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

func dateField() *mapping.FieldMapping {
	f := bleve.NewDateTimeFieldMapping()
	f.Store = true
	f.IncludeInAll = false
	f.DocValues = true // sort by date
	return f
}

func keywordField(store bool) *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = true // facets
	return f
}

func storedOnlyField() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}
