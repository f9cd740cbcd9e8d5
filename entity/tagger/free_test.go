package tagger

import (
	"strings"
	"testing"
)

func TestFreeEnglish(t *testing.T) {
	tests := []struct {
		text string
		want string // a 1 for each free word
	}{
		{"prices rose on Tuesday .", "00010"},
		{"prices of Sony and Canon", "00111"},
		{"the Bank of England said", "01110"},
		{"the Bank of the Philippines said", "011110"},
		{"shares of Procter & Gamble fell", "001110"},
		{"a talk with de Klerk ended", "000110"},
		{"the de facto leader", "0000"},
		{"in 1996 , Reuters said", "01110"},
		{"Asked why , he smiled and left", "1000000"},
		{"no capital here at all", "00000"},
	}
	for _, tt := range tests {
		if got := mask(freeEnglish(strings.Fields(tt.text), nil)); got != tt.want {
			t.Errorf("freeEnglish(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestFreeJapanese(t *testing.T) {
	tests := []struct {
		text string
		want string // a 1 for each free character
	}{
		// particles (は, が), auxiliaries (た) and the 。 are left out; the
		// ・ between two names is free
		{"ドナルド・トランプ氏は", "11111111110"},
		{"東京都が発表した。", "111011100"},
		{"「日本」の", "01100"},
	}
	for _, tt := range tests {
		var s sentence
		s.reset(Japanese, &Lexicon{}, strings.Split(tt.text, ""), false)
		if got := mask(s.free); got != tt.want {
			t.Errorf("free(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// Marks read only near free words are those of marking every word there.
func TestLexiconMarkFree(t *testing.T) {
	var lex Lexicon
	lex.Add(English, LexPlace, "New York")
	lex.Add(English, LexWord, "the")
	lex.Add(English, LexWord, "in")
	words := strings.Fields("they met in the new york office and then in the new york lobby of Acme in New York")
	free := freeEnglish(words, nil)
	all := lex.mark(English, words, nil, nil)
	some := lex.mark(English, words, free, nil)
	for i := range words {
		near := free[i] || i > 0 && free[i-1] || i+1 < len(words) && free[i+1]
		if near && some[i] != all[i] {
			t.Errorf("word %d %q: marks %b with free words, %b with all (near a free word: %v)", i, words[i], some[i], all[i], near)
		}
	}
	if some[4] != 0 || all[4] == 0 {
		t.Errorf("the first \"new\", far from free words: marks %b, want none (%b marking all)", some[4], all[4])
	}
}

// mask writes free as a 1 for each free word and a 0 for each other.
func mask(free []bool) string {
	b := make([]byte, len(free))
	for i, f := range free {
		b[i] = '0'
		if f {
			b[i] = '1'
		}
	}
	return string(b)
}
