package entity

import (
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/namedict"
)

// TestPairNames: a Japanese name the lexicon does not list is the romanized
// person the same article names when it can read so, and only then.
func TestPairNames(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()))
	for _, tt := range []struct {
		name, body string
		want       []string
	}{
		{"the article names both", "Toyota's Koji Sato met reporters. 佐藤恒治社長は述べた。", []string{"Koji Sato"}},
		{"the kanji alone keeps its own reading", "トヨタの佐藤恒治社長は述べた。", []string{"Tsuneharu Sato (佐藤恒治)"}},
		{"a name that cannot read so stays apart", "Toyota's Koji Sato met reporters. 佐藤恒夫社長は述べた。",
			[]string{"Koji Sato", "Tsuneo Sato (佐藤恒夫)"}},
		{"the romanized name alone", "Toyota's Koji Sato met reporters.", []string{"Koji Sato"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Annotate(corpus.Article{Body: tt.body}).Person
			if !slices.Equal(got, tt.want) {
				t.Errorf("people %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsLatinName(t *testing.T) {
	for name, want := range map[string]bool{"Koji Sato": true, "Shinzō Abe": true, "Yoon Suk-yeol": true,
		"Sato": false, "佐藤 恒治": false, "Tsuneharu Sato (佐藤恒治)": false} {
		if got := isLatinName(name); got != want {
			t.Errorf("isLatinName(%q) = %v, want %v", name, got, want)
		}
	}
}
