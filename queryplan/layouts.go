package queryplan

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// writtenOnlyWhereRead cuts each layout whose every position holds a
// written word and its readings down to the written words, when another
// layout is exactly those readings.
func writtenOnlyWhereRead(layouts [][][]string) {
	for i, l := range layouts {
		readings := make([][]string, len(l))
		for p, terms := range l {
			if len(terms) < 2 {
				readings = nil
				break
			}
			readings[p] = terms[1:]
		}
		if readings == nil {
			continue
		}
		for j, other := range layouts {
			if j != i && layoutKey(other, false) == layoutKey(readings, false) {
				written := make([][]string, len(l))
				for p, terms := range l {
					written[p] = terms[:1]
				}
				layouts[i] = written
				break
			}
		}
	}
}

// groupByWords groups layouts that hold the same positions in another
// order, keeping the order in which each group first appears.
func groupByWords(layouts [][][]string) [][][][]string {
	var groups [][][][]string
	index := map[string]int{}
	for _, l := range layouts {
		key := layoutKey(l, true)
		if i, ok := index[key]; ok {
			if !slices.ContainsFunc(groups[i], func(have [][]string) bool { return layoutKey(have, false) == layoutKey(l, false) }) {
				groups[i] = append(groups[i], l)
			}
			continue
		}
		index[key] = len(groups)
		groups = append(groups, [][][]string{l})
	}
	return groups
}

// layoutKey spells out a layout, each position's terms sorted; unordered
// also sorts the positions, so that the same words in another order give
// the same key.
func layoutKey(l [][]string, unordered bool) string {
	parts := make([]string, len(l))
	for p, terms := range l {
		t := slices.Clone(terms)
		slices.Sort(t)
		parts[p] = strings.Join(t, "|")
	}
	if unordered {
		slices.Sort(parts)
	}
	return strings.Join(parts, " ")
}

// PhraseTerms returns the terms of an analyzed phrase by position, from
// its first position: several terms at one position are alternatives (a
// Japanese word and its reading), and a position no token holds matches
// any term. It is what Bleve's match-phrase query builds.
func PhraseTerms(tokens analysis.TokenStream) [][]string {
	if len(tokens) == 0 {
		return nil
	}
	first, last := tokens[0].Position, tokens[0].Position
	for _, t := range tokens {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	terms := make([][]string, last-first+1)
	for _, t := range tokens {
		terms[t.Position-first] = append(terms[t.Position-first], string(t.Term))
	}
	return terms
}
