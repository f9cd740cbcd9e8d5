package analysis

import (
	"fmt"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TestNamesByStructure checks the terms at each position of Japanese
// names recognized by structure and of romanized names given name first.
func TestNamesByStructure(t *testing.T) {
	tests := []struct {
		text string
		want []string // position: terms, in order
	}{
		// Unlisted: each part with its plausible readings.
		{"岸信夫氏は", []string{"1:岸 kishi", "2:信夫 nobuo", "3:氏", "4:は"}},
		{"の大野泰正議員", []string{"1:の", "2:大野 ono", "3:泰正 yasumasa taisei hiromasa yasunobu", "4:議員"}},
		// Without a cue, UniDic's person tags (姓, 名) bring the lexicon's
		// readings after UniDic's own.
		{"岸信夫と", []string{"1:岸 kishi", "2:信夫 shinobu nobuo", "3:と"}},
		// Given name first: the surname is also at the position before.
		{"minister Nobuo Kishi said", []string{"1:minist kishi", "2:nobuo", "3:kishi", "4:said"}},
		{"PM Shinzō Abe's visit", []string{"1:pm ab", "2:shinzo", "3:ab", "4:visit"}}, // stemmed alike
		// Kishi is also a given name and Nobuo a surname: harmless, as
		// "kishi nobuo" is the order the name already reads in.
		{"minister Kishi Nobuo said", []string{"1:minist nobuo", "2:kishi", "3:nobuo", "4:said"}},
		// Not at the start of a text (a query), nor in lower case.
		{"Nobuo Kishi said", []string{"1:nobuo", "2:kishi", "3:said"}},
		{"minister nobuo kishi said", []string{"1:minist", "2:nobuo", "3:kishi", "4:said"}},
	}
	a, err := registry.NewCache().AnalyzerNamed(Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range a.Analyze([]byte(tt.text)) {
			if len(got) > 0 && got[len(got)-1][:len(fmt.Sprint(tok.Position))+1] == fmt.Sprint(tok.Position, ":") {
				got[len(got)-1] += " " + string(tok.Term)
				continue
			}
			got = append(got, fmt.Sprintf("%d:%s", tok.Position, tok.Term))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestFirstAtPositions checks the index of the first token at each
// position, for streams with several tokens at a position, gaps and a
// position out of order, and -1 where no token stands.
func TestFirstAtPositions(t *testing.T) {
	tests := []struct {
		positions []int
		want      map[int]int // position → index of its first token
	}{
		{nil, map[int]int{0: -1, 1: -1}},
		{[]int{1, 2, 3}, map[int]int{0: -1, 1: 0, 2: 1, 3: 2, 4: -1}},
		{[]int{1, 1, 2, 2, 2, 4}, map[int]int{1: 0, 2: 2, 3: -1, 4: 5, 5: -1}},
		{[]int{2, 1, 2}, map[int]int{1: 1, 2: 0}},
		{[]int{1, 3}, map[int]int{-1: -1, 2: -1, 3: 1, 100: -1}},
	}
	for _, tc := range tests {
		var toks analysis.TokenStream
		for _, p := range tc.positions {
			toks = append(toks, &analysis.Token{Term: []byte("w"), Position: p})
		}
		first := firstAtPositions(toks)
		for pos, want := range tc.want {
			if got := first.at(pos); got != want {
				t.Errorf("positions %v: first at %d = %d, want %d", tc.positions, pos, got, want)
			}
		}
	}
}
