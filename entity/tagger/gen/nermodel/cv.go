package main

import (
	"fmt"
	"io"

	"github.com/sagasu-search/sagasu/entity/tagger"
)

// crossValidate trains on the sentences of data but every n-th and prints
// the entity-level exact precision, recall and F1 of each type on the
// sentences held out: how settings are chosen without a dev or test set.
func crossValidate(w io.Writer, j job, n int) {
	lang := j.lang
	var train, test []tagger.Example
	for i, ex := range j.data {
		if i%n == n-1 {
			test = append(test, ex)
		} else {
			train = append(train, ex)
		}
	}
	m := tagger.Train(lang, trainingData(lang, train), j.lex, configs[lang])
	c := map[string]*counts{}
	for _, t := range types {
		c[t] = &counts{}
	}
	for _, ex := range test {
		gold, pred := spans(ex.Labels), spans(m.Label(ex.Words))
		for g := range gold {
			c[g.typ].gold++
			c[g.typ].right += b2i(pred[g])
		}
		for p := range pred {
			c[p.typ].pred++
		}
	}
	for _, t := range types {
		ct := c[t]
		p, r := ratio(ct.right, ct.pred), ratio(ct.right, ct.gold)
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		fmt.Fprintf(w, "cv %s %-12s gold %5d  P %.3f  R %.3f  F1 %.3f\n",
			lang, t, ct.gold, p, r, f)
	}
}

// types are the entity types the tagger labels.
var types = []string{tagger.BPer.Type(), tagger.BOrg.Type(), tagger.BLoc.Type()}

// counts are one type's entities in the held-out sentences.
type counts struct{ gold, pred, right int }

// span is an entity on a sentence's words: its type and its words.
type span struct {
	typ        string
	start, end int
}

// spans returns the entities labels mark, as appendSpans reads them.
func spans(labels []tagger.Label) map[span]bool {
	out := map[span]bool{}
	var open span
	flush := func() {
		if open.typ != "" {
			out[open] = true
		}
		open.typ = ""
	}
	for i, l := range labels {
		if l == tagger.O || l.Inside() != l || l.Type() != open.typ {
			flush()
		}
		if l == tagger.O {
			continue
		}
		if open.typ == "" {
			open = span{typ: l.Type(), start: i}
		}
		open.end = i + 1
	}
	flush()
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
