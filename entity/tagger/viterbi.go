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
// type (allowed). back is a buffer of the choices, returned for reuse.
func viterbi[T weight](sc [][nLabels]T, trans *[nLabels][nLabels]T, back [][nLabels]Label, out []Label) ([]Label, [][nLabels]Label) {
	out = out[:0]
	if len(sc) == 0 {
		return out, back
	}
	back = back[:0]
	var best, next [nLabels]T
	var ok [nLabels]bool
	for l := range nLabels {
		ok[l] = allowed(O, l)
		best[l] = trans[O][l] + sc[0][l]
	}
	back = append(back, [nLabels]Label{})
	for i := 1; i < len(sc); i++ {
		var from [nLabels]Label
		var nok [nLabels]bool
		for l := range nLabels {
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

// noScore marks a label no labelling may reach in bestWithout.
const noScore = math.MinInt32 / 2

// bestWithout returns the score of the best labelling of the words scoring
// sc in which no word of [from, to) has the B- label b or its I- label:
// with from == to, the score of viterbi's labelling. The difference of the
// two is how much the model prefers the entity it labels there.
func bestWithout(sc [][nLabels]int32, trans *[nLabels][nLabels]int32, from, to int, b Label) int32 {
	if len(sc) == 0 {
		return 0
	}
	banned := func(i int, l Label) bool { return i >= from && i < to && (l == b || l == b.Inside()) }
	var best [nLabels]int32
	for l := range nLabels {
		best[l] = noScore
		if allowed(O, l) && !banned(0, l) {
			best[l] = trans[O][l] + sc[0][l]
		}
	}
	for i := 1; i < len(sc); i++ {
		var next [nLabels]int32
		for l := range nLabels {
			next[l] = noScore
			if banned(i, l) {
				continue
			}
			for p := range nLabels {
				if best[p] != noScore && allowed(p, l) && best[p]+trans[p][l] > next[l] {
					next[l] = best[p] + trans[p][l]
				}
			}
			if next[l] != noScore {
				next[l] += sc[i][l]
			}
		}
		best = next
	}
	return slices.Max(best[:])
}
