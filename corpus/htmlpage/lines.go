package htmlpage

import (
	"regexp"
	"strings"
)

// boilerLineRe matches a whole line of news boilerplate: links to other
// stories ("Related: …", "Read more: …"), calls to subscribe, follow or
// share, reading-time and "Filed under" lines, credits.
var boilerLineRe = regexp.MustCompile(`(?i)^(?:(?:related(?: post| story| article)?|read more|see more|see also|also|more|watch|listen|source)\s*:|subscribe(?: now| to our\b.*)?$|sign up (?:for|to) (?:our|the) .*newsletter|follow (?:us|\S+ on)\b|share (?:this|on)\b|like this story\b|filed under\b|tempo de leitura\b|reading time\b|advertisement$|don'?t miss$|\(?photo\s*:|image (?:copyright|caption)\b|関連記事|この記事をシェア)`)

// endMarkerRe matches a heading after which a page lists other stories:
// it and everything after it go when it comes in the second half of the
// text.
var endMarkerRe = regexp.MustCompile(`(?i)^(?:you (?:may|might) also like|more great .* stories|popular on .*|related (?:stories|articles|posts|content|coverage|links|news)|more (?:stories )?from .*|recommended(?: for you)?|read next|most (?:read|popular|viewed)|trending(?: now)?|what to read next|関連記事|おすすめ記事|あわせて読みたい|こちらもおすすめ)\s*[:.…!]*$`)

// cleanLines drops boilerplate lines (boilerLineRe, isShortBoiler, and
// promotions shouted in capitals that say "click"), lines equal to the headline, and
// a list of other stories from its heading on (endMarkerRe, in the text's
// second half). Lists, all-capital subheadings and copyright lines stay:
// articles have them.
func cleanLines(lines []string, title string) []string {
	var out []string
	for i, l := range lines {
		if endMarkerRe.MatchString(l) && 2*i >= len(lines) {
			break
		}
		if l == title || boilerLineRe.MatchString(l) || isClickPromo(l) || isShortBoiler(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// isClickPromo reports whether line is a promotion in capitals that asks
// for a click ("CLICK HERE TO GET THE APP").
func isClickPromo(line string) bool {
	return strings.Contains(line, "CLICK") && strings.ToUpper(line) == line
}

// shortBoilerLines are lines of news boilerplate when they are shorter
// than max bytes (a longer one is prose that happens to match): a time
// stamp ("Updated at 1:23 p.m."), a call to subscribe to a newsletter
// (a sentence that starts "Subscribe", "Sign up" or "Get"), a
// reporter's contact line ("Have a tip? … may be reached at …"), a call
// to follow someone on social media (as an author's bio ends), a wire
// story's credits ("(Reporting by …; Editing by …)"), and a
// WordPress shortcode left in the text ("[button …]…[/button]").
var shortBoilerLines = []struct {
	max int
	re  *regexp.Regexp
}{
	{60, regexp.MustCompile(`(?i)^(?:(?:last )?updated|published|posted)(?: at| on)?:?\s.*\d`)},
	{200, regexp.MustCompile(`(?i)(?:^|[.!?]\s+)(?:get|subscribe|sign up)\b[^.!?]*\b(?:newsletters?|inbox)\b`)},
	{300, regexp.MustCompile(`(?i)^have a (?:news )?tip\b|\b(?:may|can) be reached at\b`)},
	{400, regexp.MustCompile(`(?i)^\(?(?:additional )?(?:reporting|writing|editing) by\b`)},
	{400, regexp.MustCompile(`(?i)\bfollow (?:him|her|them|us|me)\b.*\b(?:twitter|facebook|instagram)\b|^follow .*\bon (?:facebook|twitter|instagram)\b`)},
	{1 << 30, regexp.MustCompile(`^\[[a-z_]+\b[^\]]*\].*\[/[a-z_]+\]$`)},
}

// isShortBoiler reports whether line is one of shortBoilerLines.
func isShortBoiler(line string) bool {
	for _, r := range shortBoilerLines {
		if len(line) < r.max && r.re.MatchString(line) {
			return true
		}
	}
	return false
}
