package htmlpage

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneTags are elements that never hold a news article's text.
var pruneTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Button: true,
	atom.Figcaption: true, atom.Iframe: true, atom.Select: true,
}

// pruneBlocks are elements that hold boilerplate unless they hold the
// article (ASP.NET pages put the whole page in one <form>).
var pruneBlocks = map[atom.Atom]bool{atom.Nav: true, atom.Footer: true, atom.Form: true}

// boilerWords are words of class and id names that mark news boilerplate
// blocks: share bars, related stories, newsletter and cookie boxes,
// captions and credits, ads. A name is split at "-", "_" and case changes
// into words, and a block goes when one of its words is listed.
var boilerWords = map[string]bool{
	"share": true, "sharing": true, "social": true, "sns": true, "related": true, "recommended": true,
	"newsletter": true, "subscribe": true, "subscription": true, "signup": true, "cookie": true, "cookies": true,
	"consent": true, "gdpr": true, "caption": true, "credit": true, "credits": true, "promo": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "breadcrumb": true, "breadcrumbs": true,
	"outbrain": true, "taboola": true, "paywall": true, "popular": true, "trending": true, "byline": true,
	"tooltip": true, "popover": true, "hovercard": true, "rollover": true,
}

// nameWordRe splits class and id names into words.
var nameWordRe = regexp.MustCompile(`[A-Za-z][a-z]*|[0-9]+`)

// prune removes news boilerplate from doc before extraction: the elements
// of pruneTags, and blocks whose class or id names a boilerplate block
// (see boilerWords), unless they are the page's <body>, <main> or
// <article> or hold most of the page's paragraphs.
func prune(doc *html.Node) {
	var drop []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isBoilerNode(n) {
			drop = append(drop, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// isBoilerNode reports whether element n is boilerplate to prune: see
// prune, paragraphs that are a link in capitals (isCapitalLink) and lists
// of links (isLinkList).
func isBoilerNode(n *html.Node) bool {
	if pruneTags[n.DataAtom] {
		return true
	}
	if n.DataAtom == atom.P && isCapitalLink(n) {
		return true
	}
	if (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && isLinkList(n) {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head:
		return false
	}
	if !pruneBlocks[n.DataAtom] && !hasBoilerName(attr(n, "class")) && !hasBoilerName(attr(n, "id")) {
		return false
	}
	return countParagraphs(n) < 3
}

// hasBoilerName reports whether a class or id attribute names boilerplate.
func hasBoilerName(names string) bool {
	for _, name := range strings.Fields(names) {
		for _, w := range nameWordRe.FindAllString(name, -1) {
			if boilerWords[strings.ToLower(w)] {
				return true
			}
		}
	}
	return false
}

// countParagraphs counts the <p> elements under n with more than 80 bytes
// of text: a block holding several is article text, whatever its name.
func countParagraphs(n *html.Node) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.P && len(strings.TrimSpace(nodeText(n))) > 80 {
			count++
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return count
}

// isCapitalLink reports whether the paragraph n is a link in capitals
// (90% or more of its text inside <a>, no lower-case letter): a headline
// of another story set in the article ("SEAN SPICER ELIMINATED FROM …").
func isCapitalLink(n *html.Node) bool {
	all := strings.TrimSpace(nodeText(n))
	if strings.ToUpper(all) != all || strings.ToLower(all) == all {
		return false
	}
	return linkShare(n) >= 0.9
}

// isLinkList reports whether the list n is a list of links: every item
// (and there is one at least) 90% or more link text. Such a list in an
// article is other stories ("More:", "Related") or a menu; a list the
// article makes has words of its own.
func isLinkList(n *html.Node) bool {
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Li || linkShare(c) < 0.9 {
			return false
		}
		items++
	}
	return items > 0
}

// linkShare is the share of n's text (in bytes, trimmed) inside <a>
// elements; 0 for no text.
func linkShare(n *html.Node) float64 {
	all := len(strings.TrimSpace(nodeText(n)))
	if all == 0 {
		return 0
	}
	linked := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			linked += len(strings.TrimSpace(nodeText(c)))
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return float64(linked) / float64(all)
}
