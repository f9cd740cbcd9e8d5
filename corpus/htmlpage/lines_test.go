package htmlpage

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
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
		{"time stamp", append([]string{"Updated at 1:23 p.m."}, body...), body},
		{"newsletter call", append(slices.Clone(body), "Get the latest updates right in your inbox. Subscribe to our newsletters."), body},
		{"contact line", append(slices.Clone(body), "Have a tip? Jane Doe may be reached at jdoe@example.com."), body},
		{"follow line", append(slices.Clone(body), "Jane Doe's book is out now. Follow her on Twitter @janedoe."), body},
		{"follow a section", append(slices.Clone(body), "Follow The Daily Ledger's opinion section on Facebook and Twitter."), body},
		{"credits", append(slices.Clone(body), "(Reporting by Jane Doe; additional reporting by John Roe; Editing by Ann Poe)"), body},
		{"shortcode", append(slices.Clone(body), `[button link="https://example.com/x" type="big"] Send us your review[/button]`), body},
		{"prose that matches stays", []string{"Updated figures showed 3 per cent growth across the region, the ministry said in a statement on Monday after a week of talks with the unions.", "The newsletter's editor said readers could subscribe for free, and that the paper would keep its print edition for at least another ten years."},
			[]string{"Updated figures showed 3 per cent growth across the region, the ministry said in a statement on Monday after a week of talks with the unions.", "The newsletter's editor said readers could subscribe for free, and that the paper would keep its print edition for at least another ten years."}},
	}
	for _, tt := range tests {
		if got := cleanLines(tt.lines, "The Headline"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: cleanLines = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestBoilerNodes checks which elements prune takes for boilerplate:
// paragraphs that are a link in capitals (another story's headline),
// lists of links, hover cards; and not capitals, links or lists in prose.
func TestBoilerNodes(t *testing.T) {
	tests := []struct {
		el   string
		want bool
	}{
		{`<p><strong><a href="/x">SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'</a></strong></p>`, true},
		{`<p>WHO IS THE FRONT-RUNNER?</p>`, false},
		{`<p><a href="/x">Sean Spicer eliminated</a></p>`, false},
		{`<p>READ THE <a href="/x">REPORT</a> IN FULL AND DECIDE FOR YOURSELF WHAT IT SAYS</p>`, false},
		{`<p><a href="/x">2024</a></p>`, false},
		{`<ul><li><h4><a href="/a">Afghan politician sees talks as only hope</a></h4></li></ul>`, true},
		{`<ol><li><a href="/a">Home</a></li><li><a href="/b">World</a></li></ol>`, true},
		{`<ul><li>Flour, 200 g</li><li>Sugar, <a href="/s">see our guide</a></li></ul>`, false},
		{`<ul><li><a href="/a">The report</a>, published on Monday, says rents rose.</li></ul>`, false},
		{`<span class="rollover-people-block"><a href="/p">Kristi Lynn Noem</a></span>`, true},
		{`<div class="tooltip">Definition</div>`, true},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tt.el + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		el := doc.LastChild.LastChild.FirstChild // html > body > the element
		if got := isBoilerNode(el); got != tt.want {
			t.Errorf("isBoilerNode(%s) = %v, want %v", tt.el, got, tt.want)
		}
	}
}
