package corpus

import (
	"net/url"
	"regexp"
	"strings"
)

// urlLineRe matches a line that is only a URL, optionally labelled
// ("URL:", "Source:", "出典："), as scrapers write the page's address
// into the text they save.
var urlLineRe = regexp.MustCompile(`(?i)^(?:(?:url|link|source|original|canonical|出典|元記事)\s*[:：]\s*)?(https?://\S+)$`)

// takeURL removes the lines that are only an http(s) URL and returns the
// first as the page's URL, "" when there is none. A URL inside a sentence
// is not the page's.
func takeURL(lines []string) ([]string, string) {
	var rest []string
	var found string
	for _, l := range lines {
		m := urlLineRe.FindStringSubmatch(l)
		if m == nil {
			rest = append(rest, l)
			continue
		}
		u, err := url.Parse(m[1])
		if err != nil || u.Host == "" {
			rest = append(rest, l)
			continue
		}
		if found == "" {
			found = m[1]
		}
	}
	return rest, found
}

// hostSource is the source named by a page's URL: its host without
// "www.", "" for none.
func hostSource(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
