package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of a headline: a longer first line is article text.
const (
	maxHeadlineWords         = 30
	maxHeadlineRunes         = 150
	maxJapaneseHeadlineRunes = 90
)

// closers are the quotes and brackets that may follow a sentence's end.
const closers = `"'”’»)]）」』`

// abbreviations end with a full stop without ending a sentence; they are
// listed in lower case between bars for a cheap lookup. Single letters
// (initials) and dotted acronyms ("U.S.") are recognized without a list.
const abbreviations = "|mr|mrs|ms|dr|prof|st|jr|sr|inc|corp|co|ltd|no|vs|gov|sen|rep|gen|lt|col|capt|sgt|mt|ft|dept|approx|fig|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"

// bulletRe matches the sign that starts a list item: a dash, star or
// bullet, or a number followed by "." or ")".
var bulletRe = regexp.MustCompile(`^(?:[-*+–—]\s+|[•‣▪◦●■・]\s*|\d{1,3}[.)]\s+)\S`)

// isBullet reports whether line is a list item.
func isBullet(line string) bool {
	return bulletRe.MatchString(line)
}

// isLabel reports whether line ends with a colon, as "Key Points:" does:
// it introduces what follows rather than saying something itself.
func isLabel(line string) bool {
	return strings.HasSuffix(line, ":") || strings.HasSuffix(line, "：")
}

// isHeadline reports whether a page's first line is its headline. It is
// when more text follows and the line reads like a title rather than a
// sentence: short (at most 30 words and 150 characters, 90 in Japanese),
// not a list item or a label, one sentence at most, and not ending with a
// full stop, "!", comma, semicolon or ellipsis (a question mark is fine).
// Title case is not required: "Japan: Microsoft will invest nearly $3
// billion" is a headline.
func isHeadline(line string, more bool) bool {
	if !more || isBullet(line) || isLabel(line) || FirstSentence(line) != line {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, closers))
	if strings.ContainsRune(".。!！,，、;；…", last) {
		return false
	}
	if DetectLang(line) == LangJapanese {
		return utf8.RuneCountInString(line) <= maxJapaneseHeadlineRunes
	}
	return len(strings.Fields(line)) <= maxHeadlineWords && utf8.RuneCountInString(line) <= maxHeadlineRunes
}

// LeadTitle makes a title from a body that has none: the lead sentence,
// that is the first sentence (see FirstSentence) of the first line that is
// not a list item or a label, cut at a word boundary to at most
// MaxTitleRunes characters with a trailing "…" when cut. Japanese, without
// spaces, is cut at the limit.
func LeadTitle(body string) string {
	for _, line := range strings.Split(body, "\n") {
		line = collapseSpace(line)
		if line == "" || isBullet(line) || isLabel(line) {
			continue
		}
		return Shorten(FirstSentence(line), MaxTitleRunes)
	}
	return ""
}

// Shorten cuts s at a word boundary to at most max runes, adding "…"; the
// cut is at max-1 runes when no space falls in the second half (Japanese).
// A max of 0 or less returns s whole.
func Shorten(s string, max int) string {
	rs := []rune(s)
	if max <= 0 || len(rs) <= max {
		return s
	}
	cut := max - 1
	for cut > max/2 && !unicode.IsSpace(rs[cut]) {
		cut--
	}
	if cut <= max/2 {
		cut = max - 1
	}
	return strings.TrimRightFunc(string(rs[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}

// FirstSentence returns the first sentence of a paragraph: up to the first
// 。！？, or the first . ! ? (with its closing quotes) that is followed by a
// space and then a capital, a digit or an opening quote, and that does not
// end an abbreviation, an initial or a dotted acronym ("Mr.", "J.", "U.S.").
// A paragraph of one sentence is returned whole.
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
		for end < len(rs) && strings.ContainsRune(closers, rs[end]) {
			end++
		}
		if end+1 < len(rs) && unicode.IsSpace(rs[end]) && startsSentence(rs[end+1]) && !(r == '.' && endsAbbreviation(rs[:i])) {
			return string(rs[:end])
		}
	}
	return para
}

// startsSentence reports whether r can start a sentence.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“‘'(`, r)
}

// endsAbbreviation reports whether the word just before a full stop is an
// abbreviation, an initial or a dotted acronym.
func endsAbbreviation(before []rune) bool {
	start := len(before)
	for start > 0 && !unicode.IsSpace(before[start-1]) {
		start--
	}
	word := strings.ToLower(strings.TrimLeft(string(before[start:]), `"“‘'(`))
	return utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") ||
		(word != "" && strings.Contains(abbreviations, "|"+word+"|"))
}

// Bounds of the short lines around a headline: a kicker or site name
// before it ("AP NEWS", "速報"), a byline or reading time after it
// ("Alex Lin", "5 min read").
const (
	maxKickerWords        = 2
	maxJapaneseKicker     = 5
	maxHeaderWords        = 4
	maxJapaneseHeaderRune = 10
)

// takeHeadline returns the page's title and the lines left once it is
// taken. The title is the first line that reads like a headline (see
// isHeadline) with only kickers before it: lines of at most two words, or
// five Japanese characters, that leave with it; when the text follows
// kickers only, the last of them is the headline ("World", "Yen slumps").
// The short lines between the title and the text (a byline, a reading
// time) leave too (see dropHeaderLines). A page whose first line is no
// headline has no title.
func takeHeadline(lines []string) (string, []string) {
	for i, l := range lines {
		more := i+1 < len(lines)
		if isShortLine(l, maxKickerWords, maxJapaneseKicker) && more {
			continue
		}
		if isHeadline(l, more) {
			return l, dropHeaderLines(lines[i+1:])
		}
		if i > 0 && isHeadline(lines[i-1], true) {
			return lines[i-1], lines[i:]
		}
		break
	}
	if len(lines) > 0 && isHeadline(lines[0], len(lines) > 1) {
		return lines[0], lines[1:]
	}
	return "", lines
}

// dropHeaderLines removes the header lines that start lines (see
// isHeaderLine), unless nothing would be left.
func dropHeaderLines(lines []string) []string {
	i := 0
	for i < len(lines) && isHeaderLine(lines[i]) {
		i++
	}
	if i == len(lines) {
		return lines
	}
	return lines[i:]
}

// isHeaderLine reports whether a line between a headline and the text is
// a byline, a credit or a reading time rather than a subheading: at most
// ten Japanese characters, or four English words that are all capitalized
// ("Alex Lin", "Staff Writer", "AFP") or hold a digit ("5 min read"); an
// end marker such as "Related" is no header line.
func isHeaderLine(line string) bool {
	if !isShortLine(line, maxHeaderWords, maxJapaneseHeaderRune) || endMarkerRe.MatchString(line) {
		return false
	}
	if DetectLang(line) == LangJapanese || strings.ContainsAny(line, "0123456789") {
		return true
	}
	for _, w := range strings.Fields(line) {
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) {
			return false
		}
	}
	return true
}

// isShortLine reports whether line is at most words words long (runes
// characters in Japanese) and is not a sentence, a list item or a label.
func isShortLine(line string, words, runes int) bool {
	if isBullet(line) || isLabel(line) || endsSentence(line) {
		return false
	}
	if DetectLang(line) == LangJapanese {
		return utf8.RuneCountInString(line) <= runes
	}
	return len(strings.Fields(line)) <= words
}
