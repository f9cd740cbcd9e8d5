package entity

import (
	"slices"
	"strings"
	"sync"

	"github.com/sagasu-search/sagasu/corpus"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// Lookup returns the entity of type typ ("" for any type) that name names:
// its canonical name or any alias, compared ignoring case, diacritics
// ("Shinzō" = "Shinzo"), character width ("ＩＢＭ" = "IBM"), dots ("U.S." =
// "US") and a possessive "'s". A leading "the" is ignored, and for people
// so are titles and roles before the name ("PM Kishida", "U.S. President
// Biden") or after it in Japanese ("岸田首相"). When a name belongs to
// entities of several types and typ is "", the first in the order of
// corpus.EntityTypes wins.
func (g *Gazetteer) Lookup(typ, name string) (Entity, bool) {
	if typ != "" && typeRank(typ) < 0 {
		return Entity{}, false
	}
	keys := unitKeys(appendUnits(nil, name))
	if len(keys) > 1 && keys[0] == "the" {
		keys = keys[1:]
	}
	if e, ok := g.find(typ, keys); ok {
		return e, true
	}
	if !typeOK(typ, corpus.TypePerson) {
		return Entity{}, false
	}
	for _, k := range withoutTitles(keys) {
		if e, ok := g.find(corpus.TypePerson, k); ok {
			return e, true
		}
	}
	return Entity{}, false
}

// find returns the first entity of type typ ("" for any) with a name or
// alias of the given unit keys.
func (g *Gazetteer) find(typ string, keys []string) (Entity, bool) {
	if len(keys) == 0 {
		return Entity{}, false
	}
	for _, i := range g.byKey[strings.Join(keys, " ")] {
		if typeOK(typ, g.entities[i].Type) {
			return g.entities[i].clone(), true
		}
	}
	return Entity{}, false
}

// withoutTitles returns keys with ever more titles removed from its start
// ("former", "prime minister") and, for Japanese, its end ("首相", "氏"),
// shortest removal first. It never returns an empty name.
func withoutTitles(keys []string) [][]string {
	prefixes, suffixes := personTitleKeys(), japaneseSuffixKeys()
	var out [][]string
	for {
		next, ok := stripTitle(keys, prefixes, suffixes)
		if !ok {
			return out
		}
		keys = next
		out = append(out, keys)
	}
}

// stripTitle removes one title from the start or end of keys, preferring
// the longest, as long as something remains.
func stripTitle(keys []string, prefixes, suffixes [][]string) ([]string, bool) {
	for _, t := range prefixes {
		if len(t) < len(keys) && slices.Equal(keys[:len(t)], t) {
			return keys[len(t):], true
		}
	}
	for _, t := range suffixes {
		if len(t) < len(keys) && slices.Equal(keys[len(keys)-len(t):], t) {
			return keys[:len(keys)-len(t)], true
		}
	}
	return nil, false
}

// personTitleKeys and japaneseSuffixKeys are the unit keys of the titles
// written before a person's name and of the Japanese ones written after it,
// longest first (titleKeys), cut once: cutting them again at every lookup
// was 1.3% of ingest CPU. Read only.
var (
	personTitleKeys    = sync.OnceValue(func() [][]string { return titleKeys(sagasutext.PersonTitles()) })
	japaneseSuffixKeys = sync.OnceValue(func() [][]string { return titleKeys(sagasutext.JapaneseNameSuffixes()) })
)

// titleKeys cuts titles into unit keys, longest first.
func titleKeys(titles []string) [][]string {
	out := make([][]string, len(titles))
	for i, t := range titles {
		out[i] = unitKeys(appendUnits(nil, t))
	}
	slices.SortStableFunc(out, func(a, b []string) int { return len(b) - len(a) })
	return out
}
