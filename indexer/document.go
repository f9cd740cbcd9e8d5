package indexer

import (
	"fmt"
	"sort"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
)

// toDocument returns the fields Bleve indexes for a.
func toDocument(a corpus.Article) map[string]interface{} {
	doc := map[string]interface{}{
		FieldTitle: a.Title,
		FieldBody:  a.Body,
		FieldLang:  a.Lang,
	}
	if a.Published != nil {
		t := a.Published.UTC()
		doc[FieldPublished] = t
		doc[FieldMonth] = t.Format(MonthLayout)
	}
	if a.Source != "" {
		doc[FieldSource] = a.Source
	}
	if a.URL != "" {
		doc[FieldURL] = a.URL
	}
	for _, typ := range corpus.EntityTypes {
		if names := a.Entities.ByType(typ); len(names) > 0 {
			doc[typ] = names
		}
	}
	return doc
}

// StoredFields lists the stored fields that FromFields reads back.
var StoredFields = []string{FieldTitle, FieldBody, FieldPublished, FieldSource, FieldURL, FieldLang,
	corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace, corpus.TypeCountry}

// FromFields rebuilds an article from the stored fields Bleve returns with a
// hit (search.DocumentMatch.Fields).
func FromFields(id string, fields map[string]interface{}) (corpus.Article, error) {
	a := corpus.Article{
		ID:     id,
		Title:  stringField(fields[FieldTitle]),
		Body:   stringField(fields[FieldBody]),
		Source: stringField(fields[FieldSource]),
		URL:    stringField(fields[FieldURL]),
		Lang:   stringField(fields[FieldLang]),
	}
	if s := stringField(fields[FieldPublished]); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return corpus.Article{}, fmt.Errorf("article %s: stored published %q: %w", id, s, err)
		}
		t = t.UTC()
		a.Published = &t
	}
	for _, typ := range corpus.EntityTypes {
		a.Entities.Set(typ, stringsField(fields[typ]))
	}
	return a, nil
}

// stringField returns a single stored value as a string.
func stringField(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			return stringField(v[0])
		}
	}
	return ""
}

// stringsField returns a stored value that may hold one or several strings,
// sorted.
func stringsField(v interface{}) []string {
	var out []string
	switch v := v.(type) {
	case string:
		out = []string{v}
	case []interface{}:
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out
}
