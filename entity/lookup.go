package entity

import (
	"slices"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
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
	prefixes, suffixes := titleKeys(personTitles()), titleKeys(personSuffixes())
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

// titleKeys cuts titles into unit keys, longest first.
func titleKeys(titles []string) [][]string {
	out := make([][]string, len(titles))
	for i, t := range titles {
		out[i] = unitKeys(appendUnits(nil, t))
	}
	slices.SortStableFunc(out, func(a, b []string) int { return len(b) - len(a) })
	return out
}

// personTitles lists the titles, roles and country modifiers that may come
// before a person's name.
func personTitles() []string {
	return []string{
		"former", "ex", "then", "late", "the", "U.S.", "US", "American", "Japanese", "Japan's",
		"South Korean", "Korean", "Chinese", "Taiwanese", "British", "EU", "European",
		"Prime Minister", "PM", "President", "Vice President", "VP", "Mr", "Mrs", "Ms", "Dr",
		"Sir", "Dame", "Prof", "Professor", "CEO", "Chief Executive", "Chief Executive Officer",
		"Founder", "Chairman", "Chairwoman", "Chair", "Secretary", "Secretary of Commerce",
		"Commerce Secretary", "Secretary of State", "Treasury Secretary", "Ambassador",
		"Commissioner", "Senator", "Sen", "Rep", "Representative", "Governor", "Gov", "Mayor",
		"Minister", "Foreign Minister", "Finance Minister", "Chancellor", "Premier", "Emperor",
		"King", "Queen", "Prince", "Princess", "Speaker", "Leader", "General", "Gen",
	}
}

// personSuffixes lists the Japanese titles and honorifics that may follow a
// person's name.
func personSuffixes() []string {
	return []string{
		"氏", "さん", "様", "首相", "元首相", "前首相", "総理", "総理大臣", "大統領", "米大統領",
		"前大統領", "副大統領", "社長", "会長", "会長兼社長", "最高経営責任者", "長官", "商務長官",
		"大使", "駐日大使", "委員", "欧州委員", "知事", "総裁", "議員", "国家主席", "主席", "首席",
		"外相", "外務大臣", "防衛相", "財務相", "経済産業相", "経産相", "デジタル相", "大臣", "官房長官", "幹事長",
		"代表", "党首", "市長", "区長", "教授", "准教授", "選手", "監督", "容疑者", "被告", "元外相", "前外相",
	}
}
