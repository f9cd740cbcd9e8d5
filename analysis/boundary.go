package analysis

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// BoundaryGap is how many positions a sentence or clause boundary adds
// between two tokens, so that a phrase query ("Fumio Kishida") never matches
// words on either side of one ("…met Fumio. Kishida said…").
const BoundaryGap = 1

// clauseMarks end a clause wherever they stand between two words.
const clauseMarks = ",;:!?()[]\"“”«»—–。、！？；：「」『』（）"

// markBoundaries shifts positions after each boundary, and joins
// hyphenated pairs ("Suk-yeol" also yields "sukyeol", "high-tech"
// "hightech") and pairs of short capitalized words ("Suk Yeol" also yields
// "sukyeol", the way Korean given names are written in three ways) at the
// first part's position.
func markBoundaries(input []byte, toks analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(toks)+len(toks)/16)
	shift := 0
	var prev *analysis.Token // the last token at an earlier position
	for _, tok := range toks {
		if prev != nil && tok.Position != prev.Position-shift {
			between := input[prev.End:tok.Start]
			if isBoundary(between, prev, input[tok.Start:tok.End]) {
				shift += BoundaryGap
			}
			if joinable(between, prev.Term, tok.Term) {
				out = append(out, &analysis.Token{Term: append(append([]byte{}, prev.Term...), tok.Term...),
					Start: prev.Start, End: tok.End, Position: prev.Position, Type: analysis.AlphaNumeric})
			}
		}
		tok.Position += shift
		out = append(out, tok)
		if prev == nil || tok.Position != prev.Position {
			prev = tok
		}
	}
	return out
}

// isBoundary reports whether the text between two tokens ends a sentence
// or clause: a clause mark, a paragraph break, or a full stop that is not
// the dot of an abbreviation ("U.S.", "Mr.") followed by a lower-case word.
func isBoundary(between []byte, prev *analysis.Token, next []byte) bool {
	if len(between) == 1 && between[0] == ' ' {
		return false // most words are one space apart
	}
	if bytes.ContainsAny(between, clauseMarks) || bytes.Count(between, []byte("\n")) > 0 {
		return true
	}
	if !bytes.Contains(between, []byte(".")) {
		return false
	}
	r, _ := utf8.DecodeRune(next)
	if !unicode.IsUpper(r) {
		return false // "the U.S. and Japan"
	}
	return !isAbbreviation(string(prev.Term))
}

// abbreviations end with a dot inside a sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"jr": true, "sr": true, "prof": true, "gen": true, "gov": true, "sen": true, "rep": true, "lt": true, "col": true}

func isAbbreviation(term string) bool {
	t := strings.ToLower(term)
	return abbreviations[t] || utf8.RuneCountInString(t) == 1 || strings.Contains(t, ".")
}

// joinable reports whether two adjacent words are also indexed as one:
// joined by a hyphen, or two capitalized Latin words of at most four
// letters separated by one space.
func joinable(between, a, b []byte) bool {
	if len(a) == 0 || len(b) == 0 || !isASCII(a) || !isASCII(b) {
		return false
	}
	if string(between) == "-" {
		return true
	}
	return string(between) == " " && isShortCapitalized(a) && isShortCapitalized(b)
}

// isShortCapitalized reports whether w is a capital followed by one to
// three lower-case letters: "Suk", "Yeol", "Jae".
func isShortCapitalized(w []byte) bool {
	if len(w) < 2 || len(w) > 4 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, c := range w[1:] {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
