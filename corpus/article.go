// Package corpus turns news articles into clean Article values and says
// what a valid article is (Validate).
//
// It reads raw scraped pages (plain text with site boilerplate), JSON
// (one object or an array) and JSON Lines, and it embeds the seed pages that
// make up Sagasu's default corpus. Its parsers check every rule but size:
// how large an article may be is the accepting index's to say
// (indexer.Index.Accept). Of Sagasu's packages it imports only text.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Languages Sagasu analyses. An article's Lang is one of these.
const (
	LangEnglish  = "en"
	LangJapanese = "ja"
)

// Entity types, as used in Entities and in facet and filter names.
const (
	TypePerson       = "person"
	TypeOrganization = "organization"
	TypePlace        = "place"
	// TypeCountry is the countries an article mentions: by name, by a place
	// in them, by an adjective ("Japanese") or by its dateline.
	TypeCountry = "country"
)

// EntityTypes lists the entity types in their canonical order.
var EntityTypes = []string{TypePerson, TypeOrganization, TypePlace, TypeCountry}

// Article is one news article: what is indexed, searched and returned.
type Article struct {
	// ID identifies the article; re-indexing an ID replaces the article.
	ID string `json:"id"`
	// Title is the headline, or the lead sentence shortened when the page has none.
	Title string `json:"title"`
	// Body is the article text, paragraphs separated by blank lines.
	Body string `json:"body"`
	// Published is when the article was published, nil when unknown.
	Published *time.Time `json:"published"`
	// Source names the publisher or feed, empty when unknown.
	Source string `json:"source"`
	// URL is where the article was found, empty when unknown.
	URL string `json:"url"`
	// Lang is LangEnglish or LangJapanese.
	Lang string `json:"lang"`
	// Entities are the people, organizations, places and countries the
	// article names, by canonical name.
	Entities Entities `json:"entities"`
}

// Entities holds canonical entity names by type, each list sorted and
// without duplicates.
type Entities struct {
	Person       []string `json:"person"`
	Organization []string `json:"organization"`
	Place        []string `json:"place"`
	Country      []string `json:"country"` // "Japan", "United States", "West Germany"
}

// ByType returns the names of the given entity type, or nil for an unknown type.
func (e Entities) ByType(typ string) []string {
	switch typ {
	case TypePerson:
		return e.Person
	case TypeOrganization:
		return e.Organization
	case TypePlace:
		return e.Place
	case TypeCountry:
		return e.Country
	}
	return nil
}

// Set replaces the names of the given entity type; an unknown type is ignored.
func (e *Entities) Set(typ string, names []string) {
	switch typ {
	case TypePerson:
		e.Person = names
	case TypeOrganization:
		e.Organization = names
	case TypePlace:
		e.Place = names
	case TypeCountry:
		e.Country = names
	}
}

// Len reports how many entity names e holds over all types.
func (e Entities) Len() int {
	return len(e.Person) + len(e.Organization) + len(e.Place) + len(e.Country)
}

// ContentID returns a stable ID derived from an article's title and body:
// the first 16 hex digits of their SHA-256.
func ContentID(title, body string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(body))
	return hex.EncodeToString(h.Sum(nil))[:16]
}
