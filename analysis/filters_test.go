package analysis

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

func TestIsDottedAcronym(t *testing.T) {
	tests := []struct {
		term string
		want bool
	}{
		{"U.S", true}, {"U.S.", true}, {"U.S.A", true}, {"e.g", true}, {"D.C.", true},
		{"US", false}, {"3.5", false}, {"node.js", false}, {"U..S", false}, {".U.S", false}, {"U.", false}, {"", false},
	}
	for _, tt := range tests {
		if got := isDottedAcronym([]byte(tt.term)); got != tt.want {
			t.Errorf("isDottedAcronym(%q) = %v, want %v", tt.term, got, tt.want)
		}
	}
}

func TestFoldLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"shinzō", "shinzo"}, {"ryūkyū", "ryukyu"}, {"café", "cafe"}, {"naïve", "naive"},
		{"łódź", "łodz"}, {"ﬂow", "flow"}, {"plain", "plain"}, {"が", "が"}, {"ō東京", "o東京"},
	}
	for _, tt := range tests {
		got := string(FoldFilter{}.Filter(tokens(tt.in))[0].Term)
		if got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func tokens(terms ...string) analysis.TokenStream {
	out := make(analysis.TokenStream, len(terms))
	for i, term := range terms {
		out[i] = &analysis.Token{Term: []byte(term), Start: 0, End: len(term)}
	}
	return out
}

func TestFoldString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shinzō Abe", "shinzo abe"}, {"KISHIDA", "kishida"}, {"岸田文雄", "岸田文雄"}, {"Ōsaka", "osaka"},
	}
	for _, tt := range tests {
		if got := FoldString(tt.in); got != tt.want {
			t.Errorf("FoldString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPossessiveFilterMovesEnd(t *testing.T) {
	for _, text := range []string{"Kishida's", "Kishida’s", "Kishida＇s"} {
		tok := &analysis.Token{Term: []byte(text), Start: 0, End: len(text)}
		PossessiveFilter{}.Filter(analysis.TokenStream{tok})
		if string(tok.Term) != "Kishida" || text[tok.Start:tok.End] != "Kishida" {
			t.Errorf("%q: term %q, span %q; want Kishida for both", text, tok.Term, text[tok.Start:tok.End])
		}
	}
	tok := &analysis.Token{Term: []byte("'s"), Start: 0, End: 2}
	PossessiveFilter{}.Filter(analysis.TokenStream{tok})
	if string(tok.Term) != "'s" {
		t.Errorf("a bare 's became %q", tok.Term)
	}
}
