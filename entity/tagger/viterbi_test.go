package tagger

import (
	"slices"
	"testing"
)

func TestViterbi(t *testing.T) {
	// no transition scores, except where a test sets them
	var flat [nLabels][nLabels]int32
	perPer := flat
	perPer[BPer][IPer] = 10 // a person's second word is inside it
	tests := []struct {
		name  string
		sc    [][nLabels]int32
		trans *[nLabels][nLabels]int32
		want  []Label
	}{
		{"empty", nil, &flat, []Label{}},
		{"best per word", [][nLabels]int32{{O: 1}, {BLoc: 3}}, &flat, []Label{O, BLoc}},
		{"no I- after O", [][nLabels]int32{{O: 4}, {IPer: 5, BPer: 2}}, &flat, []Label{O, BPer}},
		{"no I- of another type", [][nLabels]int32{{BOrg: 6}, {IPer: 5, IOrg: 1}}, &flat, []Label{BOrg, IOrg}},
		// greedy takes O for the first word (1 > 0) and then cannot
		// continue a person; the whole sentence scores best as B-PER I-PER
		{"the sentence, not the word", [][nLabels]int32{{O: 1}, {IPer: 4, O: 1}}, &perPer, []Label{BPer, IPer}},
	}
	for _, tt := range tests {
		got, _ := viterbi(tt.sc, nil, tt.trans, nil, nil)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: viterbi = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestValidLabels(t *testing.T) {
	in := []Label{IPer, IPer, O, IOrg, BLoc, IOrg}
	want := []Label{BPer, IPer, O, BOrg, BLoc, BOrg}
	if got := validLabels(in); !slices.Equal(got, want) {
		t.Errorf("validLabels(%v) = %v, want %v", in, got, want)
	}
}

// bestWithout, from the max-marginals, gives the score of the best
// labelling that keeps a type off a span, as trying every labelling does;
// and the best score is viterbi's.
func TestBestWithoutMatchesEveryLabelling(t *testing.T) {
	var trans [nLabels][nLabels]int32
	for p := range nLabels {
		for l := range nLabels {
			trans[p][l] = int32((int(p)*5+int(l)*3)%7) - 3
		}
	}
	sc := [][nLabels]int32{{1, 4, 0, 2, 0, 3, 0}, {0, 1, 5, 0, 2, 1, 1}, {2, 0, 3, 1, 4, 0, 2}, {1, 3, 0, 0, 1, 2, 4}}
	for _, free := range [][]bool{nil, {true, false, true, true}, {false, true, true, false}, {true, true, false, false}} {
		alpha, beta, best := maxMarginals(sc, free, &trans, nil, nil)
		if want := everyLabelling(sc, free, &trans, 0, 0, O); best != want {
			t.Errorf("free %v: best score %d, want %d", free, best, want)
		}
		labels, _ := viterbi(sc, free, &trans, nil, nil)
		if got := scoreOf(sc, &trans, labels); got != best {
			t.Errorf("free %v: viterbi's labelling %v scores %d, want %d", free, labels, got, best)
		}
		for i, l := range labels {
			if free != nil && !free[i] && l != O {
				t.Errorf("free %v: viterbi labels word %d %v, want O", free, i, l)
			}
		}
		for _, b := range []Label{BPer, BOrg, BLoc} {
			for from := range len(sc) {
				for to := from + 1; to <= len(sc); to++ {
					got := bestWithout(sc, free, alpha, beta, &trans, from, to, b)
					if want := everyLabelling(sc, free, &trans, from, to, b); got != want {
						t.Errorf("free %v: bestWithout(%d, %d, %v) = %d, want %d", free, from, to, b, got, want)
					}
				}
			}
		}
	}
}

// scoreOf is the score of a labelling of words scoring sc.
func scoreOf(sc [][nLabels]int32, trans *[nLabels][nLabels]int32, labels []Label) int32 {
	var score int32
	prev := O
	for i, l := range labels {
		score += trans[prev][l] + sc[i][l]
		prev = l
	}
	return score
}

// everyLabelling tries every labelling of sc that viterbi may choose (the
// words free does not free O) and keeps b's type off [from, to), and
// returns the best score.
func everyLabelling(sc [][nLabels]int32, free []bool, trans *[nLabels][nLabels]int32, from, to int, b Label) int32 {
	best := int32(noScore)
	labels := make([]Label, len(sc))
	var try func(i int, score int32)
	try = func(i int, score int32) {
		if i == len(sc) {
			best = max(best, score)
			return
		}
		prev := O
		if i > 0 {
			prev = labels[i-1]
		}
		for l := range nLabels {
			if !allowed(prev, l) || i >= from && i < to && (l == b || l == b.Inside()) || free != nil && !free[i] && l != O {
				continue
			}
			labels[i] = l
			try(i+1, score+trans[prev][l]+sc[i][l])
		}
	}
	try(0, 0)
	return best
}
