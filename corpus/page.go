package corpus

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParsePage cleans one raw scraped news page (plain text, one block per
// line) into an article:
//
//   - Site boilerplate goes: share and print bars, "Read More", "- 4 reads.",
//     comment forms and their legal warning, photo credits, "Related
//     Articles" and what follows it, and a trailing list of unrelated
//     headlines (three or more headline-like lines ending the page).
//   - A line that repeats the headline, and a teaser that is the start of a
//     later paragraph, go too.
//   - A date standing alone on a line is the published time (UTC when the
//     page gives no zone) and leaves the body.
//   - The first line is the headline when it reads like one (see
//     isHeadline); otherwise the title is the lead sentence, shortened.
//   - Each remaining line is a paragraph.
//
// ID and language are filled as Normalize does. Pages carry no source or URL.
func ParsePage(text string) (Article, error) {
	if !utf8.ValidString(text) {
		return Article{}, errors.New("page is not valid UTF-8")
	}
	if strings.ContainsRune(text, 0) {
		return Article{}, errors.New("page contains NUL bytes")
	}
	lines := pageLines(text)
	var a Article
	lines, a.Published = takeDate(lines)
	lines = dropBoilerplate(lines)
	if len(lines) > 0 && isHeadline(lines[0], len(lines) > 1) {
		a.Title = lines[0]
		lines = lines[1:]
	}
	lines = dropRepeats(lines, a.Title)
	a.Body = strings.Join(lines, "\n\n")
	if a.Title == "" && a.Body == "" {
		return Article{}, errors.New("page has no article text once boilerplate is removed")
	}
	a.Normalize()
	return a, nil
}

// pageLines splits text into trimmed, non-empty lines.
func pageLines(text string) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// isHeadline reports whether line reads like a headline: followed by more
// text, at most 30 words (90 characters in Japanese), not a bullet or a
// label ending in ':', and not ending like a sentence.
func isHeadline(line string, more bool) bool {
	if !more || strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "• ") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".。!?！？:：", last) && !strings.HasSuffix(line, "?") {
		return false
	}
	if DetectLang(line) == LangJapanese {
		return utf8.RuneCountInString(line) <= 90
	}
	return len(strings.Fields(line)) <= 30
}

// dropRepeats removes lines equal to the title and teasers: a line that is
// the start of a later, longer line.
func dropRepeats(lines []string, title string) []string {
	var out []string
	for i, l := range lines {
		if title != "" && l == title {
			continue
		}
		if isTeaser(l, lines[i+1:]) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func isTeaser(line string, later []string) bool {
	stem := strings.TrimRight(line, ".…")
	if utf8.RuneCountInString(stem) < 20 {
		return false
	}
	for _, l := range later {
		if len(l) > len(line) && strings.HasPrefix(l, stem) {
			return true
		}
	}
	return false
}

// LeadTitle makes a title from a body's lead: the first sentence of the
// first paragraph that is not a bullet or a label, cut at a word boundary
// to at most MaxTitleRunes characters with "…" when cut.
func LeadTitle(body string) string {
	for _, para := range strings.Split(body, "\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.HasPrefix(para, "- ") || strings.HasPrefix(para, "• ") || strings.HasSuffix(para, ":") {
			continue
		}
		return shorten(FirstSentence(para), MaxTitleRunes)
	}
	return ""
}

// shorten cuts s at a word boundary to at most max runes, adding "…".
func shorten(s string, max int) string {
	rs := []rune(s)
	if len(rs) <= max {
		return s
	}
	cut := max - 1
	for cut > max/2 && !unicode.IsSpace(rs[cut]) {
		cut--
	}
	if cut <= max/2 { // no space (Japanese): cut at the limit
		cut = max - 1
	}
	return strings.TrimRightFunc(string(rs[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}

// abbreviations end with a dot without ending a sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true,
	"sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "no": true, "vs": true, "gov": true,
	"sen": true, "rep": true, "gen": true, "prof": true, "u.s": true, "u.k": true, "e.g": true, "i.e": true}

// FirstSentence returns the first sentence of a paragraph: up to the first
// 。, or the first . ! ? (with closing quotes) followed by a space and a
// capital, that does not end an abbreviation such as "Mr." or "U.S.".
func FirstSentence(para string) string {
	rs := []rune(para)
	for i, r := range rs {
		if r == '。' || r == '！' || r == '？' {
			return string(rs[:i+1])
		}
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i + 1
		for end < len(rs) && strings.ContainsRune(`"”’')`, rs[end]) {
			end++
		}
		if end+1 < len(rs) && unicode.IsSpace(rs[end]) && startsSentence(rs[end+1]) && !(r == '.' && endsAbbreviation(rs[:i])) {
			return string(rs[:end])
		}
	}
	return para
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“‘'(`, r)
}

// endsAbbreviation reports whether the word before a dot is an
// abbreviation or a single letter (an initial).
func endsAbbreviation(before []rune) bool {
	start := len(before)
	for start > 0 && !unicode.IsSpace(before[start-1]) {
		start--
	}
	word := strings.ToLower(string(before[start:]))
	return abbreviations[word] || utf8.RuneCountInString(word) == 1
}
