package tagger

import (
	"math"
	"slices"
)

// weight is the type of a label's score: the model's scaled integers, or
// the trainer's floats.
type weight interface{ int32 | float64 }

// viterbi returns in out the best labelling of a sentence whose words
// score sc[i][l] for label l, where label l after label p adds trans[p][l]
// and the sentence starts after an O. An I- label only continues its own
// type (allowed), and a word free does not free is O (see allows). back
// is a buffer of the choices, returned for reuse.
func viterbi[T weight](sc [][nLabels]T, free []bool, trans *[nLabels][nLabels]T, back [][nLabels]Label, out []Label) ([]Label, [][nLabels]Label) {
	out = out[:0]
	if len(sc) == 0 {
		return out, back
	}
	back = back[:0]
	var best, next [nLabels]T
	var ok [nLabels]bool
	for l := range nLabels {
		ok[l] = allowed(O, l) && allows(free, 0)&(1<<l) != 0
		best[l] = trans[O][l] + sc[0][l]
	}
	back = append(back, [nLabels]Label{})
	for i := 1; i < len(sc); i++ {
		var from [nLabels]Label
		var nok [nLabels]bool
		may := allows(free, i)
		for l := range nLabels {
			if may&(1<<l) == 0 {
				continue
			}
			for p := range nLabels {
				if !ok[p] || !allowed(p, l) {
					continue
				}
				if v := best[p] + trans[p][l]; !nok[l] || v > next[l] {
					next[l], from[l], nok[l] = v, p, true
				}
			}
			next[l] += sc[i][l]
		}
		best, ok = next, nok
		back = append(back, from)
	}
	last := O
	for l := range nLabels {
		if ok[l] && best[l] > best[last] {
			last = l
		}
	}
	for i := len(sc) - 1; i >= 0; i-- {
		out = append(out, last)
		last = back[i][last]
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, back
}

// transKey is the key of the feature that scores the labels after p.
func transKey(p Label) uint32 { return newHash(60).byte(byte(p)).key() }

// validLabels returns labels with each I- label that does not continue an
// entity of its type made a B- label, as viterbi can label.
func validLabels(labels []Label) []Label {
	out := make([]Label, len(labels))
	p := O
	for i, l := range labels {
		if !allowed(p, l) {
			l--
		}
		out[i], p = l, l
	}
	return out
}

// noScore marks a label no labelling may reach.
const noScore = math.MinInt32 / 2

// start is the scores before a sentence: it starts after an O.
var start = func() (v [nLabels]int32) {
	for l := range v {
		v[l] = noScore
	}
	v[O] = 0
	return v
}()

// step returns the best score of each label of a word scoring sc after a
// word whose labels score prev (noScore: unreachable); the labels not in
// the set may (a bit per label) are unreachable.
func step(prev, sc *[nLabels]int32, trans *[nLabels][nLabels]int32, may uint8) [nLabels]int32 {
	var next [nLabels]int32
	for l := range nLabels {
		next[l] = noScore
		if may&(1<<l) == 0 {
			continue
		}
		for p := range nLabels {
			if prev[p] != noScore && allowed(p, l) && prev[p]+trans[p][l] > next[l] {
				next[l] = prev[p] + trans[p][l]
			}
		}
		if next[l] != noScore {
			next[l] += sc[l]
		}
	}
	return next
}

// maxMarginals fills alpha and beta for words scoring sc, of which those
// free does not free are O: alpha[i][l] is the best score of words 0..i
// with word i labelled l, beta[i][l] the best score the words after i add
// to it. It returns the buffers, for reuse, and the best score of the
// sentence, that of viterbi's labelling.
func maxMarginals(sc [][nLabels]int32, free []bool, trans *[nLabels][nLabels]int32, alpha, beta [][nLabels]int32) ([][nLabels]int32, [][nLabels]int32, int32) {
	n := len(sc)
	alpha, beta = slices.Grow(alpha[:0], n)[:n], slices.Grow(beta[:0], n)[:n]
	if n == 0 {
		return alpha, beta, 0
	}
	prev := &start
	for i := range sc {
		alpha[i] = step(prev, &sc[i], trans, allows(free, i))
		prev = &alpha[i]
	}
	beta[n-1] = [nLabels]int32{}
	for i := n - 2; i >= 0; i-- {
		may := allows(free, i+1)
		for l := range nLabels {
			beta[i][l] = noScore
			for m := range nLabels {
				if v := trans[l][m] + sc[i+1][m] + beta[i+1][m]; may&(1<<m) != 0 && allowed(l, m) && beta[i+1][m] != noScore && v > beta[i][l] {
					beta[i][l] = v
				}
			}
		}
	}
	return alpha, beta, slices.Max(alpha[n-1][:])
}

// bestWithout returns the score of the best labelling of the words
// scoring sc (those free does not free are O) in which no word of
// [from, to) has the B- label b or its I- label, from the sentence's
// max-marginals alpha and beta (maxMarginals): a pass over the span only.
// Its difference from the best score is how much the model prefers the
// entity it labels there.
func bestWithout(sc [][nLabels]int32, free []bool, alpha, beta [][nLabels]int32, trans *[nLabels][nLabels]int32, from, to int, b Label) int32 {
	prev := &start
	if from > 0 {
		prev = &alpha[from-1]
	}
	var g [nLabels]int32
	for i := from; i < to; i++ {
		g = step(prev, &sc[i], trans, allows(free, i)&^(1<<b|1<<b.Inside()))
		prev = &g
	}
	best := int32(noScore)
	for l := range nLabels {
		if g[l] != noScore && g[l]+beta[to-1][l] > best {
			best = g[l] + beta[to-1][l]
		}
	}
	return best
}

// allows returns the set of labels (a bit per label) word i may take:
// every label, or only O where free is given and false.
func allows(free []bool, i int) uint8 {
	if free == nil || free[i] {
		return 1<<nLabels - 1
	}
	return 1 << O
}
