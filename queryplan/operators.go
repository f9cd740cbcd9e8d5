package queryplan

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinPrefixRunes is the fewest characters a prefix (word*) must have.
const MinPrefixRunes = 2

// lexWord reads a word starting at rs[i], up to white space or a quote:
// an operator (OR, AND, NOT, unless fielded is set: title:OR is the word),
// or a word with its suffix (word*, word~N). Syntax from Lucene that Sagasu
// does not support is refused, saying what to type instead.
func lexWord(rs []rune, i int, fielded bool) (token, int, error) {
	end := i
	for end < len(rs) && !unicode.IsSpace(rs[end]) && rs[end] != '"' {
		end++
	}
	text := string(rs[i:end])
	switch {
	case fielded:
	case text == "OR" || text == "AND" || text == "NOT":
		return token{op: text}, end, nil
	case text == "&&":
		return token{}, 0, &QueryError{Pos: i, Msg: "&& is not supported: write AND, or just a space"}
	case text == "||":
		return token{}, 0, &QueryError{Pos: i, Msg: "|| is not supported: write OR (in capitals)"}
	}
	t, err := wordTerm(text)
	if err != nil {
		return token{}, 0, &QueryError{Pos: i, Msg: err.Error()}
	}
	if (text[0] == '[' || text[0] == '{') && strings.Contains(string(rs[end:]), " TO ") {
		return token{}, 0, &QueryError{Pos: i, Msg: "ranges [a TO b] are not supported: for dates use the since and until parameters"}
	}
	return token{term: t}, end, nil
}

// wordTerm reads the operator suffix of a word: word* or word~N.
func wordTerm(text string) (Term, error) {
	switch {
	case len(text) > 2 && text[0] == '/' && text[len(text)-1] == '/':
		return Term{}, fmt.Errorf("regular expressions are not supported: write the word, a prefix (semicond*) or word~ for spelling variants")
	case strings.Contains(text, "^") && len(text) > 1:
		return Term{}, fmt.Errorf("boosts (^) are not supported: write the word without ^ (%s)", strings.SplitN(text, "^", 2)[0])
	}
	if tilde := strings.LastIndexByte(text, '~'); tilde > 0 {
		n, ok := editsOrSlop(text[tilde+1:], 2)
		if !ok {
			return Term{}, fmt.Errorf("word~ takes 1 or 2 edits: %s~ or %s~1", text[:tilde], text[:tilde])
		}
		if text[tilde+1:] == "" {
			n = autoEdits(text[:tilde])
		}
		return Term{Text: text[:tilde], Fuzzy: n}, nil
	}
	star := strings.IndexByte(text, '*')
	switch {
	case star < 0:
		return Term{Text: text}, nil
	case star != len(text)-1:
		return Term{}, fmt.Errorf("* is only a prefix at the end of a word, e.g. semicond*; to search for the word, quote it: %q", text)
	case utf8.RuneCountInString(strings.TrimFunc(text[:star], isPunct)) < MinPrefixRunes:
		return Term{}, fmt.Errorf("a prefix needs at least %d letters before *, e.g. se*", MinPrefixRunes)
	}
	return Term{Text: text[:star], Prefix: true}, nil
}

// editsOrSlop parses the number after ~: empty (the default), or 0 to
// most.
func editsOrSlop(s string, most int) (int, bool) {
	if s == "" {
		return most, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n <= most
}

// autoEdits is the edits word~ allows, by the word's length, as
// Elasticsearch's AUTO: none up to 2 characters, 1 up to 5, 2 beyond.
func autoEdits(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

func isPunct(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
