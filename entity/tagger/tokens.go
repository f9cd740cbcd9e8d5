package tagger

import (
	"unicode"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/text"
)

// tok is a word's byte span in a text.
type tok struct{ start, end int }

// isJapaneseText reports whether text is mostly Japanese: at least as
// many kanji and kana as Latin letters.
func isJapaneseText(s string) bool {
	ja, latin := 0, 0
	for _, r := range s {
		switch {
		case text.IsJapaneseScript(r):
			ja++
		case r < 0x2E80 && unicode.IsLetter(r):
			latin++
		}
	}
	return ja > 0 && ja >= latin
}

// sentences calls f with the tokens of each sentence of s: Japanese
// characters one by one, or English words and punctuation marks the way
// the CoNLL and GMB data cut them ("U.S.", "Volcker", "'s", ",").
func sentences(s string, ja bool, toks []tok, f func([]tok)) []tok {
	toks = toks[:0]
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		end := i + n
		if !ja && isWordRune(r) {
			end = wordEnd(s, i)
		} else if !ja && (r == '\'' || r == '’') && end < len(s) && isWordRune(firstRune(s[end:])) {
			end = wordEnd(s, end) // 's, 're
		}
		if !unicode.IsSpace(foldWidth(r)) {
			toks = append(toks, tok{i, end})
		}
		if r == '\n' || isSentenceEnd(r) && (ja || end == len(s) || s[end] == ' ' || s[end] == '\n') {
			if len(toks) > 0 {
				f(toks)
			}
			toks = toks[:0]
		}
		i = end
	}
	if len(toks) > 0 {
		f(toks)
	}
	return toks
}

// isSentenceEnd reports whether r ends a sentence.
func isSentenceEnd(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '。' || r == '？' || r == '！'
}

// isWordRune reports whether r belongs in an English word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// wordEnd returns the end of the English word starting at i: letters and
// digits, joined by hyphens, dots between single letters (U.S., a.m.),
// decimal points and thousands commas between digits.
func wordEnd(s string, i int) int {
	j, seg := i, 0
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case isWordRune(r):
			j, seg = j+n, seg+1
			continue
		case r == '.' && seg == 1 && unicode.IsLetter(firstRune(s[j-1:])):
			j, seg = j+1, 0 // U.S. keeps its dots
			continue
		case (r == '-' || r == '.' || r == ',') && j+1 < len(s) && joins(s, j, r):
			j, seg = j+1, 0
			continue
		}
		break
	}
	return j
}

// joins reports whether the mark r at s[j] joins two parts of a word.
func joins(s string, j int, r rune) bool {
	next := firstRune(s[j+1:])
	if r == '-' {
		return isWordRune(next) && isWordRune(lastRune(s[:j]))
	}
	return unicode.IsDigit(next) && unicode.IsDigit(lastRune(s[:j]))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
