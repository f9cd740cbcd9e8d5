package fts5

import (
	"strings"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/lab/peer"
)

// Query turns text a user typed into an FTS5 MATCH expression, or "" when
// nothing in it can be searched for: Any of its pieces.
//
// Its pieces are the runs of letters and numbers (Unicode categories L and
// N; combining marks, category M, stay inside a run but do not start one);
// everything else, punctuation, quotes, symbols and spaces, only separates
// pieces. Each piece becomes a double-quoted FTS5 string, so that words such
// as OR, NOT or NEAR are searched for rather than read as operators, and
// the strings are joined with OR, repeats kept (a word typed twice counts
// twice in bm25, as query-term frequency does in BM25): a document matches
// when it has any piece, and bm25 ranks it. Disjunction is the standard
// bag-of-words baseline: FTS5's own implicit AND would empty most verbose
// natural-language queries.
//
// With trigram set (the trigram tokenizer), pieces shorter than three
// characters are dropped, since the trigram tokenizer cannot match them,
// and each remaining piece is searched as a substring: a Japanese title
// typed as a query becomes the OR of its punctuation-free stretches.
//
// For example, `what's (the) "effect" OR -of AND: near/5?` becomes
// "what" OR "s" OR "the" OR "effect" OR "OR" OR "of" OR "AND" OR "near"
// OR "5".
func Query(text string, trigram bool) string {
	var words []string
	for _, p := range peer.Pieces(text) {
		if !trigram || utf8.RuneCountInString(p) >= 3 {
			words = append(words, p)
		}
	}
	return Any(words)
}

// Any matches a document with any of words: each quoted, joined with OR.
func Any(words []string) string { return peer.JoinQuoted(words, " OR ", quote) }

// All matches a document with every one of words: each quoted, joined by
// spaces (FTS5's implicit AND).
func All(words []string) string { return peer.JoinQuoted(words, " ", quote) }

// Phrase matches a document with words in this order, adjacent: one
// quoted string.
func Phrase(words []string) string { return quote(strings.Join(words, " ")) }

// quote makes s an FTS5 string: in double quotes, a double quote inside
// doubled.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
