package entity

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity/geo"
)

// Countries. An article mentions a country (corpus.TypeCountry) by:
//   - its name or a place in it the extractor finds ("Japan", "Tokyo",
//     "Nagano Prefecture", "東京"), through package geo's table;
//   - an adjective: a demonym ("Japanese", "West German", 日本人) or a
//     Japanese short form (米政府, 日米, 訪米);
//   - its dateline: "TOKYO, March 3 (Reuters) -", "WASHINGTON —",
//     "【ワシントン＝共同】" at the start of the body.
//
// As for places, a country's name or adjective inside a longer name is no
// mention of it ("Bank of Japan", "Japan Airlines", "South China Sea"), and
// the longer of a country's name and a place inside it wins ("West
// Germany" is not also Germany). A name that places in several countries
// share (Georgia, the country and the state) goes to a country the article
// names otherwise; failing that to the country of the heaviest place (by
// people; a country outweighs its places by its population), unless the
// next in another country has half its weight or more: then it counts for
// none. Precision first: cities are read only where the extractor finds a
// place, or in a dateline.

// countryTrie is the extractor's trie of country names and adjectives.
type countryTrie struct {
	x     *Extractor // over a gazetteer of the names (even entities) and adjectives (odd) of each country
	codes []string   // by entity index of x's gazetteer
}

// countries returns the extractor's country trie, built on first use.
func (x *Extractor) countries() *countryTrie {
	x.countryOnce.Do(func() { x.countryT = newCountryTrie(geo.Default(), defaultGeo(), x.g.ignore) })
	return x.countryT
}

// newCountryTrie compiles the countries' names and adjectives, with geo's
// ignore phrases and those of the gazetteer (ignore) that are no country's
// name or adjective ("日本語", not "日本人").
func newCountryTrie(t *geo.Table, gi *geoIndex, ignore []string) *countryTrie {
	ct := &countryTrie{}
	var ents []Entity
	for _, c := range t.Countries {
		for _, names := range [][]string{c.Names, c.Adjectives} {
			names = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return nameKey(n) == "" })
			if len(names) == 0 {
				names = []string{c.Name}
			}
			ents = append(ents, Entity{Type: corpus.TypeCountry, Name: names[0], Aliases: names[1:]})
			ct.codes = append(ct.codes, c.Code)
		}
	}
	ign := slices.Clone(t.Ignore)
	for _, p := range ignore {
		if _, isCountry := gi.byKey[nameKey(p)]; !isCountry {
			ign = append(ign, p)
		}
	}
	ct.x = NewExtractor(&Gazetteer{entities: ents, ignore: ign})
	return ct
}

// evidence gathers what an article's texts say of countries.
type evidence struct {
	sure      map[string]bool // codes of countries named unambiguously
	ambiguous [][]geoRef      // the refs of names several countries share
	looked    map[string]bool // the place names looked up already
}

// addPlace records the refs of a place name, once per name as written.
func (ev *evidence) addPlace(name string) {
	if ev.looked[name] {
		return
	}
	if ev.looked == nil {
		ev.looked = map[string]bool{}
	}
	ev.looked[name] = true
	ev.addRefs(defaultGeo().lookup(name))
}

// addRefs records a place name's refs: sure when one country has it.
func (ev *evidence) addRefs(refs []geoRef) {
	switch {
	case len(refs) == 1:
		ev.sure[refs[0].code] = true
	case len(refs) > 1:
		ev.ambiguous = append(ev.ambiguous, refs)
	}
}

// names returns the canonical names of the countries, sorted.
func (ev *evidence) names(gi *geoIndex) []string {
	codes := maps.Clone(ev.sure)
	for _, refs := range ev.ambiguous {
		if code, ok := choose(refs, ev.sure); ok {
			codes[code] = true
		}
	}
	var out []string
	for code := range codes {
		out = append(out, gi.countries[code].Name)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// addCountries adds to ev the countries that a text, cut into the units
// us, names, given the entities cs found in it.
func (x *Extractor) addCountries(text string, us []unit, cs []candidate, ev *evidence) {
	ct := x.countries()
	var kept []candidate // the country mentions that count
	j := 0               // cs[:j] end before the mentions to come: both are in text order
	ct.x.scan(us, func(ent, start, end int) {
		m := candidate{start: start, end: end}
		for j < len(cs) && cs[j].end <= start {
			j++
		}
		if hiddenBy(cs[j:], m) {
			return
		}
		kept = append(kept, m)
		if ent%2 == 1 {
			ev.sure[ct.codes[ent]] = true // an adjective
		} else {
			ev.addPlace(text[start:end])
		}
	})
	k := 0
	for _, c := range cs {
		for k < len(kept) && kept[k].end <= c.start {
			k++
		}
		if c.ent.Type == corpus.TypePlace && !hiddenBy(kept[k:], c) {
			ev.addPlace(c.ent.Name)
		}
	}
}

// hiddenBy reports whether one of cs, mentions in text order from the
// first that ends after m starts, hides m.
func hiddenBy(cs []candidate, m candidate) bool {
	for _, c := range cs {
		if c.start >= m.end {
			return false
		}
		if hides(c, m) {
			return true
		}
	}
	return false
}

// hides reports whether the mention c hides the country mention m: c
// overlaps m and is longer, or is a person or organization.
func hides(c, m candidate) bool {
	if c.end <= m.start || m.end <= c.start {
		return false
	}
	return c.end-c.start > m.end-m.start || c.ent.Type == corpus.TypePerson || c.ent.Type == corpus.TypeOrganization
}

// addDateline adds to ev the country of the dateline that starts body, if
// any.
func addDateline(body string, ev *evidence) {
	if name, ok := dateline(body); ok {
		ev.addPlace(name)
	}
}

// dateline returns the place named by the dateline at the start of body:
// "TOKYO, March 3 (Reuters) -", "NEW YORK (AP) —", "WASHINGTON —" (a run
// of capital letters before a comma, a parenthesis or a dash), or
// "【ワシントン＝共同】", "【北京時事】" (in Japanese brackets, before ＝ or the
// agency).
func dateline(body string) (string, bool) {
	body = strings.TrimLeftFunc(body, unicode.IsSpace)
	if rest, ok := strings.CutPrefix(body, "【"); ok {
		inner, _, ok := strings.Cut(rest, "】")
		if !ok || len(inner) > 60 {
			return "", false
		}
		inner, _, _ = strings.Cut(strings.ReplaceAll(inner, "=", "＝"), "＝")
		for _, agency := range []string{"共同", "時事", "ロイター", "AFP", "AP", "発"} {
			inner = strings.TrimSuffix(inner, agency)
		}
		return inner, utf8.RuneCountInString(inner) >= 2
	}
	head := body[:min(len(body), 64)] // a dateline is short: read no further
	end := strings.IndexAny(head, ",(—–")
	if i := strings.Index(head, " - "); i >= 0 && (end < 0 || i < end) {
		end = i
	}
	if end < 3 || end > 40 {
		return "", false
	}
	name := strings.TrimSpace(body[:end])
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == ' ' || r == '.' || r == '\'' || r == '-':
		default:
			return "", false
		}
	}
	return name, letters >= 3
}
