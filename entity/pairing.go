package entity

import (
	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/namedict"
)

// pairNames gives a Japanese name that the lexicon does not list, found by
// its structure ("Tsuneharu Sato (佐藤恒治)", named by its most common
// reading), the name of a romanized person the same article names when
// that is one of the name's readings: an article that names Koji Sato and
// 佐藤恒治 names one person, Koji Sato, with 佐藤恒治 as an alias. Only
// evidence in the article pairs them: the reading alone never does (佐藤恒治
// in an article without "Koji Sato" stays Tsuneharu Sato (佐藤恒治)). When
// several romanized people of the article fit, the first in text order
// wins. cs is changed in place; the pairs made are returned, in text
// order.
func (x *Extractor) pairNames(cs []candidate) []Pair {
	if x.lex == nil {
		return nil
	}
	var romanized map[string]Entity // romajiPhrase of a romanized person's name → the person
	for _, c := range cs {
		if c.ent.Type == corpus.TypePerson && c.writing == "" && isLatinName(c.ent.Name) {
			if romanized == nil {
				romanized = map[string]Entity{}
			}
			if _, seen := romanized[romajiPhrase(c.ent.Name)]; !seen {
				romanized[romajiPhrase(c.ent.Name)] = c.ent
			}
		}
	}
	if romanized == nil {
		return nil
	}
	var pairs []Pair
	for i, c := range cs {
		if c.writing == "" {
			continue
		}
		if e, ok := x.pairedPerson(c.writing, romanized); ok {
			e.Aliases = append(e.Aliases[:len(e.Aliases):len(e.Aliases)], c.writing)
			cs[i].ent, cs[i].writing = e, ""
			pairs = append(pairs, Pair{Person: e.Name, Writing: c.writing})
		}
	}
	return pairs
}

// pairByCorpus names each Japanese name of cs that the lexicon does not
// list and the article pairs with no one (see pairNames) by the person the
// corpus pairs it with, if any (see CorpusPairs). cs is changed in place.
func (x *Extractor) pairByCorpus(cs []candidate) {
	if x.pairs == nil {
		return
	}
	for i, c := range cs {
		if c.writing == "" {
			continue
		}
		if name, ok := x.pairs.Person(c.writing); ok {
			e, _ := x.Lookup(corpus.TypePerson, name)
			cs[i].ent = e
		}
	}
}

// pairedPerson returns the person of romanized whose name is a reading of
// writing, a Japanese full name.
func (x *Extractor) pairedPerson(writing string, romanized map[string]Entity) (Entity, bool) {
	surname, ok := x.lex.SplitName(writing)
	if !ok {
		return Entity{}, false
	}
	families, givens := x.lex.Readings(surname, writing[len(surname):], namedict.MaxReadings)
	for _, f := range families {
		for _, g := range givens {
			if e, ok := romanized[romajiPhrase(spell(g)+" "+spell(f))]; ok {
				return e, true
			}
		}
	}
	return Entity{}, false
}

// isLatinName reports whether name is written in Latin letters, spaces,
// hyphens and dots only, with at least two words.
func isLatinName(name string) bool {
	words := 0
	inWord := false
	for _, r := range name {
		switch {
		case r == ' ':
			inWord = false
		case r == '-' || r == '.' || r == '\'':
		case r < 0x250 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0):
			if !inWord {
				words++
			}
			inWord = true
		default:
			return false
		}
	}
	return words >= 2
}
