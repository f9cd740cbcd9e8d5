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
