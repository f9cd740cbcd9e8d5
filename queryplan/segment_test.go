package queryplan

import (
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/entity"
)

// TestSegmentJapanese checks how unquoted Japanese query words are split
// into words: long runs are, names and short compounds are not.
func TestSegmentJapanese(t *testing.T) {
	p := testPlanner(t, entity.Default())
	tests := []struct {
		query string
		want  []string
	}{
		{"岸田文雄", []string{"岸田文雄"}},                   // a name the gazetteer knows
		{"岸田文雄首相が訪米", []string{"岸田文雄首相", "が", "訪米"}}, // the name, with its title, stays one word
		{"半導体", []string{"半導体"}},                     // one word
		{"秋山成勲、メールで吉田に対戦迫った", []string{"秋山", "成勲", "メール", "で", "吉田", "に", "対戦", "迫っ", "た"}},
		{`"日米首脳会談の成果"`, []string{"日米首脳会談の成果"}}, // quoted: a phrase
		{"Kishida 訪米", []string{"Kishida", "訪米"}},
	}
	for _, tt := range tests {
		pl, err := p.Plan(tt.query)
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		var words []string
		for _, c := range pl.clauses {
			words = append(words, c.Alternatives[0].Text)
		}
		if !slices.Equal(words, tt.want) {
			t.Errorf("%q → %q, want %q", tt.query, words, tt.want)
		}
	}
}
