package htmlpage

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaInfo is what the head and the markup say about a page, gathered in
// one walk of the tree.
type metaInfo struct {
	lang      string            // <html lang>
	meta      map[string]string // meta property/name/itemprop/http-equiv (lower case) → content, first wins
	canonical string            // <link rel=canonical href>
	ldJSON    []string          // application/ld+json scripts
	times     []string          // <time datetime>, those marked as the publication first
	h1        string            // the first <h1>'s text
	title     string            // <title>
}

// gather walks doc once and collects its metaInfo.
func gather(doc *html.Node) metaInfo {
	m := metaInfo{meta: map[string]string{}}
	var pubTimes, otherTimes []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Meta:
				m.addMeta(n)
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					m.ldJSON = append(m.ldJSON, nodeText(n))
				}
			case atom.Time:
				if dt := attr(n, "datetime"); dt != "" {
					if attr(n, "pubdate") != "" || hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
						pubTimes = append(pubTimes, dt)
					} else {
						otherTimes = append(otherTimes, dt)
					}
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = collapse(nodeText(n))
				}
			case atom.Title:
				if m.title == "" && !inSVG(n) {
					m.title = collapse(nodeText(n))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.times = append(pubTimes, otherTimes...)
	return m
}

// addMeta records one <meta> element under each of its names.
func (m *metaInfo) addMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		content = strings.TrimSpace(attr(n, "datetime"))
	}
	if content == "" {
		return
	}
	for _, key := range []string{"property", "name", "itemprop", "http-equiv"} {
		if k := strings.ToLower(strings.TrimSpace(attr(n, key))); k != "" {
			if _, ok := m.meta[k]; !ok {
				m.meta[k] = content
			}
		}
	}
}

// first returns the content of the first of names the page has.
func (m metaInfo) first(names ...string) string {
	for _, name := range names {
		if v := m.meta[name]; v != "" {
			return v
		}
	}
	return ""
}

// readMeta finds a page's headline, date, source, canonical URL and
// language; pageURL is where the page was found, if known.
func readMeta(doc *html.Node, pageURL string) Page {
	m := gather(doc)
	ld := readLD(m.ldJSON)
	var p Page
	p.URL = canonicalURL(pageURL, m.canonical, m.first("og:url"), ld.url)
	p.Source = firstOf(m.first("og:site_name", "application-name"), ld.publisher, hostOf(p.URL), hostOf(pageURL))
	p.Title = cleanTitle(firstOf(ld.headline, m.first("og:title", "twitter:title"), m.h1, m.title), p.Source)
	p.Published = publishedDate(m, ld, p.URL, pageURL)
	p.Lang = firstOf(m.lang, m.first("content-language", "dc.language", "language"), strings.ReplaceAll(m.first("og:locale"), "_", "-"), ld.lang)
	return p
}

// canonicalURL returns the first of the candidate URLs that is an
// absolute http(s) URL once resolved against pageURL, else pageURL.
func canonicalURL(pageURL string, candidates ...string) string {
	base, _ := url.Parse(pageURL)
	for _, c := range candidates {
		u, err := url.Parse(strings.TrimSpace(c))
		if err != nil || c == "" {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return pageURL
}

// hostOf returns rawURL's host without a leading "www.", or "".
func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// cleanTitle trims a site name appended to (or put before) a headline:
// "Headline | Site", "Headline - Site", "Site: Headline".
func cleanTitle(title, source string) string {
	title = collapse(title)
	for _, sep := range []string{" | ", " - ", " – ", " — ", "｜", " :: "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(title[i+len(sep):])
		if (source != "" && strings.EqualFold(tail, source)) || len([]rune(tail)) <= 25 && len([]rune(title[:i])) > 2*len([]rune(tail)) && !strings.Contains(tail, " ") {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// firstOf returns the first non-empty, trimmed string.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// attr returns n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// inSVG reports whether n is inside an <svg> element.
func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// nodeText returns the text under n, as written.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse trims s and collapses its runs of white space to one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
