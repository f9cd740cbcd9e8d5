package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerplateLines are whole lines that news sites add around an article,
// compared in lower case.
var boilerplateLines = map[string]bool{
	"read more": true, "read more…": true, "print": true, "share": true, "share this article": true,
	"post a comment": true, "avatar": true, "your name": true, "your email": true, "characters left:": true,
	"comments": true, "advertisement": true, "find ai tools in ybx": true, "refresh articles": true,
}

// boilerplatePatterns match lines that are boilerplate whatever their details.
var boilerplatePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^((post a comment|print|email|share( on (facebook|twitter|x|linkedin|whatsapp))?)\s*)+$`),
	regexp.MustCompile(`(?i)^-?\s*[\d,]+ (reads?|views?|comments?)\.?$`),
	regexp.MustCompile(`(?i)^your comment has been (forwarded|submitted)`),
	regexp.MustCompile(`(?i)^warning! will constitute a criminal offense`),
	regexp.MustCompile(`(?i)^(photo|image|picture|source of image)( credit)?\s*:`),
}

// endMarkers start the trailer after an article: everything from the
// marker on is dropped when it is all short lines.
var endMarkers = map[string]bool{
	"related articles": true, "related": true, "most people like": true, "you may also like": true,
	"recommended": true, "more from this section": true, "read more": true,
}

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

func isBoilerplate(line string) bool {
	if boilerplateLines[strings.ToLower(line)] {
		return true
	}
	for _, re := range boilerplatePatterns {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// cutTrailer drops everything from the first end marker after which no
// line looks like article prose.
func cutTrailer(lines []string) []string {
	for i, l := range lines {
		if !endMarkers[strings.ToLower(strings.TrimRight(l, ":"))] {
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

// isProse reports whether a line reads like article text: two sentences or
// more than 25 words.
func isProse(line string) bool {
	return len(strings.Fields(line)) > 25 || strings.Count(line, ". ") >= 1 || strings.Count(line, "。") >= 2
}

// dropHeadlineList removes a trailing run of three or more lines that look
// like headlines of other articles: short, capitalized, and not ending like
// a sentence.
func dropHeadlineList(lines []string) []string {
	start := len(lines)
	for start > 0 && isListedHeadline(lines[start-1]) {
		start--
	}
	if len(lines)-start >= 3 && start > 0 {
		return lines[:start]
	}
	return lines
}

func isListedHeadline(line string) bool {
	words := strings.Fields(line)
	if len(words) < 3 || len(words) > 20 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	return unicode.IsUpper(first) && !strings.ContainsRune(".。!:", last)
}
