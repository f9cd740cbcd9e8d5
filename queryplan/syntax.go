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
//	honda AND nissan         AND is the space: both words
//	nissan NOT honda         NOT word is -word
//	+nissan                  required, as every word is
//	title:nissan             the word (or title:"a phrase") in one field:
//	                         title, body, source, lang, person,
//	                         organization (org), place, country
//	semicond*                words that start with semicond (two letters or more)
//	panasonnic~  word~1      words within 2 (or 1) edits
//	"chip plant"~2           the words at most two positions apart
//
// OR, AND and NOT must be written in capitals; in lower case they are
// ordinary words. Lucene syntax Sagasu does not support (boosts ^, /regex/,
// ranges [a TO b], wildcards inside a word, unknown fields, && and ||) is
// refused with a *QueryError that says what to type instead.

// Term is one word or quoted phrase of a query, as typed.
type Term struct {
	Text   string // the word, or the phrase without its quotes
	Phrase bool   // quoted
	Field  string // "" (title or body), or one of Fields' values
	Prefix bool   // word*: any word that starts with Text
	Fuzzy  int    // word~N: edits allowed (0: exact)
	Slop   int    // "phrase"~N: positions the words may stray
}

// simple reports whether t is a word or phrase without an operator.
func (t Term) simple() bool { return t.Field == "" && !t.Prefix && t.Fuzzy == 0 && t.Slop == 0 }

// Clause is a required group of alternatives (one term unless joined by
// OR), or an excluded term.
type Clause struct {
	Alternatives []Term // the terms joined by OR, at least one
	Excluded     bool   // written with a leading minus or NOT
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

// token is a lexical item: a term, or the operator OR, AND or NOT.
type token struct {
	term     Term
	op       string // "OR", "AND", "NOT" or ""
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
	if toks, err = applyAndNot(toks); err != nil {
		return ParsedQuery{}, err
	}
	return group(toks)
}

// applyAndNot drops each AND between two terms and turns NOT before a
// term into an exclusion.
func applyAndNot(toks []token) ([]token, error) {
	out := toks[:0:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.op {
		case "AND":
			if i == 0 || i+1 == len(toks) || toks[i-1].op != "" || toks[i+1].op == "OR" || toks[i+1].op == "AND" {
				return nil, &QueryError{Pos: t.pos, Msg: "AND needs a term on each side (AND is the same as a space)"}
			}
			continue
		case "NOT":
			if i+1 == len(toks) || toks[i+1].op != "" || toks[i+1].excluded {
				return nil, &QueryError{Pos: t.pos, Msg: "NOT needs a term after it: NOT honda (or -honda)"}
			}
			toks[i+1].excluded, toks[i+1].pos = true, t.pos
			continue
		}
		out = append(out, t)
	}
	return out, nil
}

// group joins terms separated by OR into clauses.
func group(toks []token) (ParsedQuery, error) {
	var pq ParsedQuery
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.op == "OR" {
			return pq, &QueryError{Pos: t.pos, Msg: "OR needs a term on each side"}
		}
		c := Clause{Alternatives: []Term{t.term}, Excluded: t.excluded}
		for i+1 < len(toks) && toks[i+1].op == "OR" {
			or := toks[i+1]
			if i+2 >= len(toks) || toks[i+2].op == "OR" {
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

// lex splits q into terms and operators.
func lex(q string) ([]token, error) {
	rs := []rune(q)
	var toks []token
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		start := i
		sign := rune(0)
		if (rs[i] == '-' || rs[i] == '+') && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			sign = rs[i]
			i++
		}
		t, next, err := lexTerm(rs, i)
		if err != nil {
			return nil, err
		}
		i = next
		t.pos, t.excluded = start, sign == '-'
		if sign != 0 && t.op != "" {
			t.op, t.term = "", Term{Text: t.op} // -OR, +AND: the word
		}
		toks = append(toks, t)
	}
	return toks, nil
}

// lexTerm reads a term starting at rs[i]: an optional field name and
// colon, then a phrase or a word, with its operator suffix.
func lexTerm(rs []rune, i int) (token, int, error) {
	field, at := fieldName(rs, i)
	if field != "" {
		name, ok := Fields[strings.ToLower(field)]
		if !ok {
			return token{}, 0, &QueryError{Pos: i, Msg: fmt.Sprintf("unknown field %q: search a field with title:, body:, source:, lang:, person:, organization:, place: or country:, or quote the word: \"%s\"", field, string(rs[i:wordEnd(rs, i)]))}
		}
		field, i = name, at
	}
	var t token
	var err error
	if rs[i] == '"' {
		t, i, err = lexPhrase(rs, i)
	} else {
		t, i, err = lexWord(rs, i, field != "")
	}
	t.term.Field = field
	return t, i, err
}

// Fields maps the field names a query may use (field:value), in lower
// case, to the index fields they search.
var Fields = map[string]string{"title": "title", "body": "body", "source": "source", "lang": "lang",
	"language": "lang", "person": "person", "organization": "organization", "org": "organization", "place": "place",
	"country": "country"}

// fieldName returns the letters before a colon at rs[i] that is followed
// by a word or phrase, and where that word starts; or "".
func fieldName(rs []rune, i int) (string, int) {
	j := i
	for j < len(rs) && (rs[j] >= 'a' && rs[j] <= 'z' || rs[j] >= 'A' && rs[j] <= 'Z' || rs[j] == '_') {
		j++
	}
	if j == i || j+1 >= len(rs) || rs[j] != ':' || unicode.IsSpace(rs[j+1]) {
		return "", i
	}
	return string(rs[i:j]), j + 1
}

// wordEnd returns where the word from rs[i] ends: at white space.
func wordEnd(rs []rune, i int) int {
	for i < len(rs) && !unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

// lexPhrase reads a quoted phrase starting at the quote at rs[i], and an
// optional ~N after it.
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
	t := token{term: Term{Text: text, Phrase: true}}
	end++
	if end < len(rs) && rs[end] == '~' {
		stop := wordEnd(rs, end)
		n, ok := editsOrSlop(string(rs[end+1:stop]), MaxSlop)
		if !ok {
			return token{}, 0, &QueryError{Pos: end, Msg: fmt.Sprintf(`a phrase's ~ takes a number of positions from 0 to %d: "%s"~2`, MaxSlop, text)}
		}
		t.term.Slop, end = n, stop
	}
	return t, end, nil
}

// MaxSlop is the most positions "phrase"~N lets its words stray.
const MaxSlop = 10

// isControl reports whether r is a control character other than the
// white space a pasted query may carry (tab, line breaks).
func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
