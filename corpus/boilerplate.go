package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of a line in a list of unrelated headlines.
const (
	minListedHeadlines        = 3
	minListedHeadlineWords    = 3
	maxListedHeadlineWords    = 20
	minListedJapaneseHeadline = 6
	maxListedJapaneseHeadline = 60
)

var (
	// boilerplateRe matches whole lines that news sites add around an
	// article: links, widget titles and comment form fields.
	boilerplateRe = regexp.MustCompile(`(?i)^(?:read more…?|print|share|share this article|post a comment|avatar|your name|your email|characters left:?|comments|advertisement|find ai tools in ybx|refresh articles)$`)
	// shareBarRe matches a share and print bar, one button or several.
	shareBarRe = regexp.MustCompile(`(?i)^(?:(?:post a comment|print|email|share(?: on (?:facebook|twitter|x|linkedin|whatsapp))?)\s*)+$`)
	// counterRe matches a view counter such as "- 4 reads.".
	counterRe = regexp.MustCompile(`(?i)^-?\s*[\d,]+ (?:reads?|views?|comments?)\.?$`)
	// commentNoticeRe matches the start of a comment form's notices and its
	// legal warning.
	commentNoticeRe = regexp.MustCompile(`(?i)^(?:your comment has been (?:forwarded|submitted)|warning! will constitute a criminal offense)`)
	// creditRe matches a photo credit such as "Photo: Microsoft Bing".
	creditRe = regexp.MustCompile(`(?i)^(?:photo|image|picture|source of image)(?: credit)?\s*:`)
	// endMarkerRe matches a line that starts the trailer after an article.
	endMarkerRe = regexp.MustCompile(`(?i)^(?:related articles|related|most people like|you may also like|recommended|more from this section|read more):?$`)
)

// dropBoilerplate removes boilerplate lines, the trailer after an end
// marker, and a trailing list of unrelated headlines.
func dropBoilerplate(lines []string) []string {
	lines = cutTrailer(lines)
	var out []string
	for _, l := range lines {
		if !isBoilerplate(l) {
			out = append(out, l)
		}
	}
	return dropHeadlineList(out)
}

// isBoilerplate reports whether a trimmed line is site furniture: a share
// or print bar, a "Read More" link, a view counter, a comment form's field
// or notice, a widget title or a photo credit.
func isBoilerplate(line string) bool {
	for _, re := range []*regexp.Regexp{boilerplateRe, shareBarRe, counterRe, commentNoticeRe, creditRe} {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// cutTrailer drops everything from the first end marker ("Related
// Articles", "Most people like" …) after which no line reads like prose.
func cutTrailer(lines []string) []string {
	for i, l := range lines {
		if !endMarkerRe.MatchString(l) {
			continue
		}
		prose := false
		for _, rest := range lines[i+1:] {
			prose = prose || isProse(rest)
		}
		if !prose {
			return lines[:i]
		}
	}
	return lines
}

// isProse reports whether a line reads like article text: more than 25
// words, or two sentences.
func isProse(line string) bool {
	return len(strings.Fields(line)) > 25 || strings.Count(line, ". ") >= 1 || strings.Count(line, "。") >= 2
}

// dropHeadlineList removes a list of unrelated headlines that ends a page:
// a trailing run of at least three lines that look like headlines (see
// isListedHeadline), after at least one line that does not.
func dropHeadlineList(lines []string) []string {
	start := len(lines)
	for start > 0 && isListedHeadline(lines[start-1]) {
		start--
	}
	if len(lines)-start >= minListedHeadlines && start > 0 {
		return lines[:start]
	}
	return lines
}

// isListedHeadline reports whether a line looks like another article's
// headline: not ending like a sentence, and in English 3 to 20 words
// starting with a capital, in Japanese 6 to 60 characters.
func isListedHeadline(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".。!！:：", last) || isBullet(line) {
		return false
	}
	if DetectLang(line) == LangJapanese {
		n := utf8.RuneCountInString(line)
		return n >= minListedJapaneseHeadline && n <= maxListedJapaneseHeadline
	}
	words := strings.Fields(line)
	first, _ := utf8.DecodeRuneInString(line)
	return len(words) >= minListedHeadlineWords && len(words) <= maxListedHeadlineWords && unicode.IsUpper(first)
}
