package htmlpage

import (
	"slices"
	"testing"
)

func TestCleanLines(t *testing.T) {
	body := []string{"First paragraph of the story.", "Second paragraph of the story.", "Third paragraph."}
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"headline", append([]string{"The Headline"}, body...), body},
		{"related line", append(slices.Clone(body[:2]), "Related: Another story entirely", body[2]), body},
		{"read more", append(slices.Clone(body), "Read more: Five things to know"), body},
		{"share and follow", append(slices.Clone(body), "Share this article", "Follow us on Twitter"), body},
		{"click promo", append([]string{"CLICK HERE TO GET THE NEWS APP"}, body...), body},
		{"list of other stories", append(slices.Clone(body), "You may also like", "A teaser", "Another teaser"), body},
		{"end marker too early stays", []string{"Recommended", "Body one.", "Body two.", "Body three."}, []string{"Recommended", "Body one.", "Body two.", "Body three."}},
		{"lists and capitals stay", []string{"Tour dates:", "June 24 -- Bristow, VA", "WHO IS THE FRONT-RUNNER?"}, []string{"Tour dates:", "June 24 -- Bristow, VA", "WHO IS THE FRONT-RUNNER?"}},
		{"japanese related", append(slices.Clone(body), "関連記事", "別の記事"), body},
	}
	for _, tt := range tests {
		if got := cleanLines(tt.lines, "The Headline"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: cleanLines = %q, want %q", tt.name, got, tt.want)
		}
	}
}
