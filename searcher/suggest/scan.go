package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// part is a piece of a query: a run of Latin letters (a word, which may
// be correctable) or a run of anything else, kept as typed.
type part struct {
	text string
	word bool // a Latin word the suggester may correct
}

// MinLetters is the shortest word the suggester corrects.
const MinLetters = 3

// scan cuts a query into parts. A correctable word is a run of Latin
// letters (apostrophes inside: Kishida's) of at least MinLetters, standing
// alone: not an operator (AND, OR, NOT), not a field name before ':' (its
// value after it is a word), not followed by '*', '~' or '^', not glued to
// digits or other scripts.
func scan(q string) []part {
	var parts []part
	for len(q) > 0 {
		n := wordLen(q)
		if n == 0 {
			n = runLen(q, func(r rune) bool { return !isLatinLetter(r) })
			parts = append(parts, part{text: q[:n]})
			q = q[n:]
			continue
		}
		w, rest := q[:n], q[n:]
		parts = append(parts, part{text: w, word: correctable(w, parts, rest)})
		q = rest
	}
	return parts
}

// correctable tells whether w, between the parts before it and the text
// after it, is a plain word.
func correctable(w string, before []part, after string) bool {
	if utf8.RuneCountInString(w) < MinLetters || isOperator(w) {
		return false
	}
	if next, _ := utf8.DecodeRuneInString(after); strings.ContainsRune(":*~^", next) || isGlue(next) {
		return false
	}
	if len(before) > 0 {
		last, _ := utf8.DecodeLastRuneInString(before[len(before)-1].text)
		if isGlue(last) {
			return false
		}
	}
	return true
}

func isOperator(w string) bool { return w == "AND" || w == "OR" || w == "NOT" || w == "TO" }

// isLatinLetter is a letter of the Latin blocks up to Latin Extended-B
// (macrons and circumflexes included).
func isLatinLetter(r rune) bool { return r <= 0x24F && unicode.IsLetter(r) }

// isGlue is a digit or a letter of another script: a word glued to one
// (Toyota自動車, g7) is left alone.
func isGlue(r rune) bool { return unicode.IsDigit(r) || unicode.IsLetter(r) && !isLatinLetter(r) }

// wordLen is the length of the word that starts s: Latin letters with
// apostrophes inside, none at its ends; 0 if s does not start with a letter.
func wordLen(s string) int {
	if r, _ := utf8.DecodeRuneInString(s); !isLatinLetter(r) {
		return 0
	}
	n := runLen(s, func(r rune) bool { return isLatinLetter(r) || r == '\'' || r == '’' })
	for {
		r, size := utf8.DecodeLastRuneInString(s[:n])
		if isLatinLetter(r) {
			return n
		}
		n -= size
	}
}

func runLen(s string, in func(rune) bool) int {
	for i, r := range s {
		if !in(r) {
			return i
		}
	}
	return len(s)
}

// spaceBetween tells whether parts i and i+2 are words with spaces only
// between them.
func spaceBetween(parts []part, i int) bool {
	j := i + 2
	return j < len(parts) && parts[i].word && parts[j].word && strings.TrimSpace(parts[i+1].text) == ""
}

func join(parts []part) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.text)
	}
	return b.String()
}
