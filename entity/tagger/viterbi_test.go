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
		got, _ := viterbi(tt.sc, tt.trans, nil, nil)
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
