// Package peer holds what the drivers of the peer engines (fts5, groonga,
// blevecjk, in the folders below) share: how a query's text is cut into
// the words each peer's query syntax is built from, and how they are
// quoted and joined into a query string.
package peer

import (
	"strings"
	"unicode"
)

// Pieces returns the runs of letters and numbers of s, marks included in a
// run they follow: the words of a query as the peers are asked for them.
func Pieces(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if start < 0 {
				start = i
			}
		case unicode.IsMark(r) && start >= 0:
		default:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// JoinQuoted quotes each of words with quote and joins them with sep: the
// shape of the peers' query strings ("a" OR "b").
func JoinQuoted(words []string, sep string, quote func(string) string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(quote(w))
	}
	return b.String()
}
