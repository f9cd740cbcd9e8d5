package htmlpage

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// minJapaneseSize is the least text, in characters, trafilatura's own
// extraction must find on a Japanese page before it tries its fallbacks.
const minJapaneseSize = 50

// mainText returns the article text of doc, paragraphs separated by
// blank lines; p holds the page's metadata (its headline is not repeated
// in the text).
func mainText(doc *html.Node, p Page) (string, error) {
	prune(doc)
	cfg := trafilatura.DefaultConfig()
	if hasKana([]byte(p.Title)) || strings.HasPrefix(strings.ToLower(p.Lang), "ja") {
		// Japanese says in 50 characters about what English says in 250.
		cfg.MinExtractedSize = minJapaneseSize
	}
	opts := trafilatura.Options{
		Config:          cfg,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if u, err := url.Parse(p.URL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		if strings.Contains(err.Error(), "not long enough") {
			return "", nil
		}
		return "", fmt.Errorf("extract text: %w", err)
	}
	if res.ContentNode == nil {
		return "", nil
	}
	return paragraphs(renderText(res.ContentNode), p.Title), nil
}

// paragraphs cleans extracted text, one paragraph a line: see
// cleanLines. Paragraphs are joined by blank lines.
func paragraphs(text, title string) string {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if line = collapse(line); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(cleanLines(lines, title), "\n\n")
}
