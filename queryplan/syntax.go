package queryplan

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query syntax, as a reader types it:
//
//	kishida microsoft        both words (every word is required)
//	"prime minister"         the words as a phrase
//	-china  -"south korea"   articles without the word or phrase
//	nvidia OR amazon         either; OR binds tighter than the implicit AND,
//	                         so `ai nvidia OR amazon` is ai AND (nvidia OR amazon)
//
// OR must be written in capitals; a lower-case "or" is an ordinary word.

// Term is one word or quoted phrase of a query, as typed.
type Term struct {
	Text   string // the word, or the phrase without its quotes
	Phrase bool   // quoted
}

// Clause is a required group of alternatives (one term unless joined by
// OR), or an excluded term.
type Clause struct {
	Alternatives []Term // the terms joined by OR, at least one
	Excluded     bool   // written with a leading minus
}

// ParsedQuery is a query's clauses in the order typed.
type ParsedQuery struct {
	Clauses []Clause // in the order typed
}

// QueryError describes a malformed query. Pos is the 0-based character
// position where the problem was found.
type QueryError struct {
	Pos int    // 0-based character (rune) position
	Msg string // what is wrong, for the reader
}

// Error implements error.
func (e *QueryError) Error() string {
	return fmt.Sprintf("malformed query at character %d: %s", e.Pos+1, e.Msg)
}

// token is a lexical item: a word, a phrase, or the OR operator.
type token struct {
	term     Term
	or       bool
	excluded bool
	pos      int // rune position
}

// ParseQuery parses the query syntax described above. An empty or blank
// query parses to no clauses.
func ParseQuery(q string) (ParsedQuery, error) {
	if !utf8.ValidString(q) {
		return ParsedQuery{}, &QueryError{Pos: 0, Msg: "the query is not valid UTF-8"}
	}
	if i := strings.IndexFunc(q, isControl); i >= 0 {
		return ParsedQuery{}, &QueryError{Pos: utf8.RuneCountInString(q[:i]), Msg: fmt.Sprintf("the query holds the control character %U", firstRune(q[i:]))}
	}
	toks, err := lex(q)
	if err != nil {
		return ParsedQuery{}, err
	}
	return group(toks)
}

// group joins terms separated by OR into clauses.
func group(toks []token) (ParsedQuery, error) {
	var pq ParsedQuery
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.or {
			return pq, &QueryError{Pos: t.pos, Msg: "OR needs a term on each side"}
		}
		c := Clause{Alternatives: []Term{t.term}, Excluded: t.excluded}
		for i+1 < len(toks) && toks[i+1].or {
			or := toks[i+1]
			if i+2 >= len(toks) || toks[i+2].or {
				return pq, &QueryError{Pos: or.pos, Msg: "OR needs a term on each side"}
			}
			next := toks[i+2]
			if c.Excluded || next.excluded {
				return pq, &QueryError{Pos: or.pos, Msg: "OR cannot join an excluded term; write -a -b to exclude both"}
			}
			c.Alternatives = append(c.Alternatives, next.term)
			i += 2
		}
		pq.Clauses = append(pq.Clauses, c)
	}
	return pq, nil
}

// lex splits q into words, phrases and OR operators.
func lex(q string) ([]token, error) {
	rs := []rune(q)
	var toks []token
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		start := i
		excluded := false
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			excluded = true
			i++
		}
		var t token
		var err error
		if rs[i] == '"' {
			t, i, err = lexPhrase(rs, i)
		} else {
			t, i = lexWord(rs, i)
		}
		if err != nil {
			return nil, err
		}
		t.pos, t.excluded = start, excluded
		if excluded && t.or {
			t.or, t.term = false, Term{Text: "OR"}
		}
		toks = append(toks, t)
	}
	return toks, nil
}

// lexPhrase reads a quoted phrase starting at the quote at rs[i].
func lexPhrase(rs []rune, i int) (token, int, error) {
	end := i + 1
	for end < len(rs) && rs[end] != '"' {
		end++
	}
	if end == len(rs) {
		return token{}, 0, &QueryError{Pos: i, Msg: `unclosed quote: end the phrase with "`}
	}
	text := strings.TrimSpace(string(rs[i+1 : end]))
	if text == "" {
		return token{}, 0, &QueryError{Pos: i, Msg: "empty phrase"}
	}
	return token{term: Term{Text: text, Phrase: true}}, end + 1, nil
}

// lexWord reads a word starting at rs[i], up to white space or a quote.
func lexWord(rs []rune, i int) (token, int) {
	end := i
	for end < len(rs) && !unicode.IsSpace(rs[end]) && rs[end] != '"' {
		end++
	}
	text := string(rs[i:end])
	if text == "OR" {
		return token{or: true}, end
	}
	return token{term: Term{Text: text}}, end
}

// isControl reports whether r is a control character other than the
// white space a pasted query may carry (tab, line breaks).
func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
