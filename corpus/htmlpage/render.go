package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start a new paragraph in extracted text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Br: true, atom.Tr: true, atom.Pre: true,
	atom.Section: true, atom.Article: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Dd: true, atom.Dt: true,
	atom.Figure: true, atom.Header: true, atom.Aside: true,
}

// renderText returns the text under n, one line for each block element,
// white space inside a line collapsed.
func renderText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		tag := atom.Lookup([]byte(n.Data)) // trafilatura's new elements have no DataAtom
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (tag == atom.Td || tag == atom.Th || n.Data == "cell"):
			b.WriteByte(' ')
			defer b.WriteByte(' ')
		case n.Type == html.ElementNode && (blockTags[tag] || isTrafilaturaBlock(n.Data)):
			b.WriteByte('\n')
			defer b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = collapse(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// isTrafilaturaBlock reports whether a tag of trafilatura's output tree
// (which renames elements: head for headings, list, item, quote, lb)
// starts a line.
func isTrafilaturaBlock(tag string) bool {
	switch tag {
	case "head", "list", "item", "quote", "lb", "row", "code":
		return true
	}
	return false
}
