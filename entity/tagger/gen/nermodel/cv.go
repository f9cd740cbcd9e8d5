package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

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
	var tagged []marked
	var names []named
	for k, ex := range test {
		gold := spans(ex.Labels)
		pred := map[span]bool{}
		for _, sp := range m.Entities(ex.Words) {
			p := span{typ: sp.Type, start: sp.Start, end: sp.End}
			pred[p] = true
			tagged = append(tagged, marked{p, sp.Margin, gold[p]})
			names = append(names, named{k, strings.Join(ex.Words[sp.Start:sp.End], " "), sp.Type, gold[p]})
		}
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
		printMargins(w, lang, t, ct.gold, tagged, 0)
		if lang == tagger.English {
			printMargins(w, lang, t, ct.gold, tagged, 1)
		}
	}
	printConflicts(w, lang, names)
}

// marked is an entity the tagger found on a held-out sentence, with its
// margin and whether the data has it.
type marked struct {
	span
	margin int32
	right  bool
}

// printMargins prints how precision and recall of the entities of type
// typ change when only those with a margin at or above a threshold are
// kept, for thresholds at quantiles of the margins: how Confident's
// thresholds are chosen.
func printMargins(w io.Writer, lang tagger.Lang, typ string, gold int, all []marked, words int) {
	var ms []marked
	for _, m := range all {
		if m.typ == typ && (words == 0 || m.end-m.start == words) {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 || gold == 0 {
		return
	}
	slices.SortFunc(ms, func(a, b marked) int { return cmp.Compare(a.margin, b.margin) })
	for _, q := range []int{0, 2, 5, 10, 15, 20, 30} {
		kept := ms[len(ms)*q/100:]
		right := 0
		for _, m := range kept {
			right += b2i(m.right)
		}
		p, r := ratio(right, len(kept)), ratio(right, gold)
		fmt.Fprintf(w, "cv %s %-12s words %d margin >= %6d (drops %2d%%)  P %.3f  R %.3f  F1 %.3f  kept %d right %d\n",
			lang, typ, words, kept[0].margin, q, p, r, 2*p*r/(p+r), len(kept), right)
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

// named is an entity the tagger found on the k-th held-out sentence, as
// written, and whether the data has it.
type named struct {
	k         int
	text, typ string
	right     bool
}

// conflictWindow is how many held-out sentences around a person are read
// for the same name with another type: the held-out sentences are every
// n-th of the data, which keeps its documents' order, so a window of five
// spans some fifty sentences of nearby text.
const conflictWindow = 5

// printConflicts prints the precision of the people the tagger finds whose
// name it also finds as an organization or place in nearby held-out
// sentences, and of the other people: whether a name that is an
// organization nearby should not make a person.
func printConflicts(w io.Writer, lang tagger.Lang, all []named) {
	var n, right, on, oright int
	for _, p := range all {
		if p.typ != tagger.BPer.Type() {
			continue
		}
		other := slices.ContainsFunc(all, func(q named) bool {
			return q.typ != p.typ && q.text == p.text && q.k >= p.k-conflictWindow && q.k <= p.k+conflictWindow
		})
		if other {
			n, right = n+1, right+b2i(p.right)
		} else {
			on, oright = on+1, oright+b2i(p.right)
		}
	}
	fmt.Fprintf(w, "cv %s person also another type nearby: %d, precision %.3f; the others: %d, precision %.3f\n",
		lang, n, ratio(right, n), on, ratio(oright, on))
}
