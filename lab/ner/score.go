package ner

import (
	"github.com/sagasu-search/sagasu/corpus"
)

// Counts are a system's matches of one type on one data set.
type Counts struct {
	Gold, Predicted int
	ExactFound      int // gold entities predicted with their exact span
	ExactRight      int // predictions that are a gold entity's exact span
	LenientFound    int // gold entities predicted ending where they end
	LenientRight    int // predictions ending where a gold entity of their type ends
}

// PRF is precision, recall and F1.
type PRF struct{ P, R, F1 float64 }

// Exact is the scores for an exact span.
func (c Counts) Exact() PRF { return prf(c.ExactRight, c.Predicted, c.ExactFound, c.Gold) }

// Lenient is the scores for the "same last word" match: same type, same
// end (so "President Reagan" matches "Reagan").
func (c Counts) Lenient() PRF { return prf(c.LenientRight, c.Predicted, c.LenientFound, c.Gold) }

func prf(right, predicted, found, gold int) PRF {
	var s PRF
	if predicted > 0 {
		s.P = float64(right) / float64(predicted)
	}
	if gold > 0 {
		s.R = float64(found) / float64(gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// nerTypes are the entity types NER data labels: countries are no label.
var nerTypes = []string{corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace}

// add counts one sentence's predictions pred against its gold entities.
func add(counts map[string]*Counts, gold, pred []Gold) {
	for _, typ := range nerTypes {
		if counts[typ] == nil {
			counts[typ] = &Counts{}
		}
	}
	for _, g := range gold {
		c := counts[g.Type]
		c.Gold++
		c.ExactFound += b2i(matches(pred, g, true))
		c.LenientFound += b2i(matches(pred, g, false))
	}
	for _, p := range pred {
		c := counts[p.Type]
		if c == nil {
			continue
		}
		c.Predicted++
		c.ExactRight += b2i(matches(gold, p, true))
		c.LenientRight += b2i(matches(gold, p, false))
	}
}

// matches reports whether an entity of es matches e: same type and end,
// and for exact also the same start.
func matches(es []Gold, e Gold, exact bool) bool {
	for _, x := range es {
		if x.Type == e.Type && x.End == e.End && (!exact || x.Start == e.Start) {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
