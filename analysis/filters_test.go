package analysis

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
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

// TestStemFilterMatchesPorter checks the in-place stemmer against Bleve's
// Porter filter on words of every shape it handles.
func TestStemFilterMatchesPorter(t *testing.T) {
	words := []string{"investments", "invested", "hoping", "ponies", "relational", "abe", "us", "kishida",
		"semiconductors", "cooperation", "agreed", "happily", "generalization", "ai", "2.9", "shinzo"}
	bleve := porter.NewPorterStemmer()
	for _, w := range words {
		want := string(bleve.Filter(tokens(w))[0].Term)
		f := newStemFilter()
		got := string(f.Filter(tokens(w))[0].Term)
		if again := string(f.Filter(tokens(w))[0].Term); again != got {
			t.Errorf("stem(%q) from the cache = %q, first %q", w, again, got)
		}
		if got != want {
			t.Errorf("stem(%q) = %q, Bleve's Porter gives %q", w, got, want)
		}
	}
}

// TestFiltersLeaveInputAlone checks that our filters never write into the
// bytes a token shares with the analyzed text.
func TestFiltersLeaveInputAlone(t *testing.T) {
	text := "U.S. ponies Kishida's café"
	input := []byte(text)
	var toks analysis.TokenStream
	for _, span := range [][2]int{{0, 3}, {5, 11}, {12, 21}, {22, 27}} {
		toks = append(toks, &analysis.Token{Term: input[span[0]:span[1]], Start: span[0], End: span[1]})
	}
	for _, f := range []analysis.TokenFilter{AcronymFilter{}, PossessiveFilter{}, FoldFilter{}, newStemFilter()} {
		f.Filter(toks)
	}
	if string(input) != text {
		t.Errorf("input changed to %q", input)
	}
}
