package entity

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity/geo"
)

// geoIndex is package geo's table keyed the way the extractor compares
// names (nameKey): read-only once built.
type geoIndex struct {
	countries map[string]geo.Country // code → country
	places    map[string][]geoRef    // a place's or country's name → where it is, heaviest first
	byKey     map[string]string      // a country's name or adjective → its code; "" when several share it
}

// geoRef is one country a place name may be in, with the weight (people)
// of the heaviest place of that name there.
type geoRef struct {
	code   string
	weight int64
}

// defaultGeo is geo.Default() indexed, built on first use.
var defaultGeo = sync.OnceValue(func() *geoIndex { return newGeoIndex(geo.Default()) })

func newGeoIndex(t *geo.Table) *geoIndex {
	gi := &geoIndex{countries: map[string]geo.Country{}, places: map[string][]geoRef{}, byKey: map[string]string{}}
	for _, c := range t.Countries {
		gi.countries[c.Code] = c
		for _, n := range c.Names {
			gi.addPlace(n, geoRef{c.Code, max(c.Population, 1)})
		}
		for _, n := range slices.Concat(c.Names, c.Adjectives) {
			k := nameKey(n)
			if code, seen := gi.byKey[k]; seen && code != c.Code {
				gi.byKey[k] = ""
			} else {
				gi.byKey[k] = c.Code
			}
		}
	}
	for _, p := range t.Places {
		for _, n := range p.Names {
			gi.addPlace(n, geoRef{p.Code, p.Weight})
		}
	}
	for _, refs := range gi.places {
		slices.SortFunc(refs, func(a, b geoRef) int {
			return cmp.Or(cmp.Compare(b.weight, a.weight), strings.Compare(a.code, b.code))
		})
	}
	return gi
}

// addPlace records that a place called name lies in r.code, keeping one
// ref per country, the heaviest.
func (gi *geoIndex) addPlace(name string, r geoRef) {
	k := nameKey(name)
	if k == "" {
		return
	}
	refs := gi.places[k]
	if i := slices.IndexFunc(refs, func(o geoRef) bool { return o.code == r.code }); i >= 0 {
		refs[i].weight = max(refs[i].weight, r.weight)
		return
	}
	gi.places[k] = append(refs, r)
}

// lookup returns the countries a place called name may be in, heaviest
// first: by the name as given, else without a suffix that says what kind
// of place it is ("Nagano Prefecture", "長野県", "Washington State").
func (gi *geoIndex) lookup(name string) []geoRef {
	if refs := gi.places[nameKey(name)]; len(refs) > 0 {
		return refs
	}
	if bare, ok := withoutPlaceSuffix(name); ok {
		return gi.places[nameKey(bare)]
	}
	return nil
}

// englishPlaceSuffixes and japanesePlaceSuffixes say what kind of place a
// name is; lookup drops them.
var (
	englishPlaceSuffixes  = []string{"prefecture", "province", "county", "state", "city", "region", "oblast", "district"}
	japanesePlaceSuffixes = []string{"県", "府", "都", "道", "市", "州", "省"}
)

// withoutPlaceSuffix returns name without its place suffix, and whether it
// had one (and something of two letters or more remains).
func withoutPlaceSuffix(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, ' '); i > 0 && slices.Contains(englishPlaceSuffixes, strings.ToLower(name[i+1:])) {
		return name[:i], true
	}
	for _, s := range japanesePlaceSuffixes {
		if bare, ok := strings.CutSuffix(name, s); ok && utf8.RuneCountInString(bare) >= 2 {
			return bare, true
		}
	}
	return "", false
}

// country returns the country entity with the given code.
func (gi *geoIndex) country(code string) Entity {
	c := gi.countries[code]
	return Entity{Type: corpus.TypeCountry, Name: c.Name, Aliases: slices.Clone(c.Names)}
}

// lookupCountry returns the country a name or adjective names ("米国",
// "West German"), unless several share it.
func (gi *geoIndex) lookupCountry(name string) (Entity, bool) {
	keys := unitKeys(appendUnits(nil, name))
	if len(keys) > 1 && keys[0] == "the" {
		keys = keys[1:]
	}
	code := gi.byKey[strings.Join(keys, " ")]
	if code == "" {
		return Entity{}, false
	}
	return gi.country(code), true
}

// choose picks the country of a place name from its refs (heaviest first):
// one the article names otherwise (sure) if any, the heaviest among them;
// else the heaviest, unless the next in another country weighs half as much
// or more, when the name is too ambiguous to count.
func choose(refs []geoRef, sure map[string]bool) (string, bool) {
	for _, r := range refs {
		if sure[r.code] {
			return r.code, true
		}
	}
	if len(refs) == 0 || len(refs) > 1 && refs[1].weight*2 >= refs[0].weight {
		return "", false
	}
	return refs[0].code, true
}
