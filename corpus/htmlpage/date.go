package htmlpage

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the layouts of dates in meta tags, JSON-LD and <time>.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "January 2, 2006", "Jan 2, 2006",
	"2006/01/02 15:04", "2006/01/02", "20060102", "2006年1月2日 15:04", "2006年1月2日",
}

// urlDateRe finds a date in a URL's path: /2024/03/05/, /2024-03-05, /20240305.
var urlDateRe = regexp.MustCompile(`/((?:19|20)\d\d)[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)`)

// publishedDate returns the first date found among the article's meta
// tags, its JSON-LD, its <time> elements and its URLs.
func publishedDate(m metaInfo, ld ldInfo, urls ...string) *time.Time {
	candidates := []string{
		m.first("article:published_time", "og:published_time", "datepublished", "article.published", "pubdate",
			"publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created",
			"dc.date", "date", "cxenseparse:recs:publishtime", "originalpublicationdate"),
		ld.published,
	}
	candidates = append(candidates, m.times...)
	for _, c := range candidates {
		if t, ok := parseDate(c); ok {
			return &t
		}
	}
	for _, u := range urls {
		if g := urlDateRe.FindStringSubmatch(u); g != nil {
			y, _ := strconv.Atoi(g[1])
			mo, _ := strconv.Atoi(g[2])
			d, _ := strconv.Atoi(g[3])
			t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			return &t
		}
	}
	return nil
}

// parseDate parses s in one of dateLayouts (UTC when s names no zone),
// refusing years before 1900 or after 2100.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1900 && t.Year() <= 2100 {
			return t, true
		}
	}
	return time.Time{}, false
}
