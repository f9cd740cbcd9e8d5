// Package snippet makes the snippets of a hit: it registers Sagasu's
// highlighter with Bleve (HighlighterName), whose fragments start and end
// at word boundaries, and gives a field without a match its opening.
package snippet

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/registry"

	"github.com/blevesearch/bleve/v2/search/highlight"
	htmlformat "github.com/blevesearch/bleve/v2/search/highlight/format/html"
	simplefrag "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"

	"github.com/sagasu-search/sagasu/corpus"
)

// HighlighterName is the registered name of Sagasu's highlighter: Bleve's
// simple highlighter with <mark> tags and HTML escaping, whose fragments
// begin and end at word boundaries rather than mid-word.
const HighlighterName = "sagasu_html"

// FragmentRunes is the target length of a snippet.
const FragmentRunes = 200

func init() {
	err := registry.RegisterHighlighter(HighlighterName, func(map[string]interface{}, *registry.Cache) (highlight.Highlighter, error) {
		frag := wordFragmenter{inner: simplefrag.NewFragmenter(FragmentRunes)}
		return simplehl.NewHighlighter(frag, htmlformat.NewFragmentFormatter("<mark>", "</mark>"), simplehl.DefaultSeparator), nil
	})
	if err != nil {
		panic(err)
	}
}

// wordFragmenter moves the edges of the inner fragmenter's fragments off
// partial words: "…e Minister Kishida" becomes "…Minister Kishida". An edge
// is never moved past a matched term, and text without spaces (Japanese)
// keeps its edges.
type wordFragmenter struct {
	inner highlight.Fragmenter
}

// maxEdgeShift bounds how far an edge moves, in bytes.
const maxEdgeShift = 40

// Fragment implements highlight.Fragmenter.
func (w wordFragmenter) Fragment(orig []byte, ot highlight.TermLocations) []*highlight.Fragment {
	frags := w.inner.Fragment(orig, ot)
	for _, f := range frags {
		first, last := f.End, f.Start
		for _, tl := range ot {
			if tl.Start >= f.Start && tl.End <= f.End {
				first, last = min(first, tl.Start), max(last, tl.End)
			}
		}
		f.Start = wordStart(orig, f.Start, first)
		f.End = wordEnd(orig, f.End, last)
	}
	return frags
}

// wordStart moves a fragment start that falls inside a word to the next
// word, unless that passes limit or maxEdgeShift.
func wordStart(orig []byte, s, limit int) int {
	if s <= 0 || s >= len(orig) {
		return s
	}
	prev, _ := utf8.DecodeLastRune(orig[:s])
	i := s
	if isWordRune(prev) {
		for i < len(orig) {
			r, size := utf8.DecodeRune(orig[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
	}
	for i < len(orig) {
		r, size := utf8.DecodeRune(orig[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i > limit || i-s > maxEdgeShift {
		return s
	}
	return i
}

// wordEnd moves a fragment end that falls inside a word back to the end of
// the previous word, unless that passes limit or maxEdgeShift.
func wordEnd(orig []byte, e, limit int) int {
	if e <= 0 || e >= len(orig) {
		return e
	}
	next, _ := utf8.DecodeRune(orig[e:])
	i := e
	if isWordRune(next) {
		for i > 0 {
			r, size := utf8.DecodeLastRune(orig[:i])
			if !isWordRune(r) {
				break
			}
			i -= size
		}
	}
	for i > 0 {
		r, size := utf8.DecodeLastRune(orig[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	if i < limit || e-i > maxEdgeShift {
		return e
	}
	return i
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// Of returns the snippets of a field: its highlighted fragments, adjacent
// marks joined, or, when there are none, the HTML-escaped opening of the
// field's text (max runes, 0 for all of it), or no snippet for no text.
func Of(fragments []string, text interface{}, max int) []string {
	if len(fragments) > 0 {
		out := make([]string, len(fragments))
		for i, f := range fragments {
			// Japanese words are separate tokens: 岸田 and 文雄 become one mark.
			out[i] = strings.ReplaceAll(f, "</mark><mark>", "")
		}
		return out
	}
	s, _ := text.(string)
	if s == "" {
		return []string{}
	}
	return []string{html.EscapeString(corpus.Shorten(s, max))}
}
