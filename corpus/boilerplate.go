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

// Bounds of the lines that boilerplate rules look at: a longer line is
// article text whatever it says.
const (
	maxFurnitureWords = 50
	maxFurnitureRunes = 200
)

// lineRule is one named kind of site furniture that fills a whole line.
// Most rules look at short lines only (see isBoilerplate); a rule with
// long set also looks at longer ones.
type lineRule struct {
	name  string
	match func(line string) bool
	long  bool
}

// lineRules are the kinds of boilerplate line, each a function or a
// regular expression; a line that any of them matches leaves the page.
func lineRules() []lineRule {
	return []lineRule{
		{"widget", boilerplateRe.MatchString, false},
		{"share bar", shareBarRe.MatchString, false},
		{"counter", counterRe.MatchString, false},
		{"comment notice", commentNoticeRe.MatchString, true},
		{"photo credit", isPhotoCredit, false},
		{"navigation", isNavigation, false},
		{"cookie banner", isCookieBanner, false},
		{"newsletter box", newsletterRe.MatchString, false},
		{"byline", isByline, false},
		{"advertisement", advertisementRe.MatchString, false},
		{"footer", isFooter, false},
		{"source tag", sourceTagRe.MatchString, false},
	}
}

var (
	// boilerplateRe matches whole lines that news sites add around an
	// article: links, widget titles, comment form fields and menus.
	boilerplateRe = regexp.MustCompile(`(?i)^(?:read more…?|print(?: this (?:page|article))?|share|share this(?: article| story)?|post a comment|avatar|your name|your email|characters left:?|comments?(?: \(\d+\))?|find ai tools in ybx|refresh articles|menu|メニュー|skip to (?:main )?content|sign in|log in|breaking news|listen to this article|link copied|\d+ min(?:ute)? read|この記事の写真を見る|our standards:.*)$`)
	// shareBarRe matches a share and print bar: share buttons in any order,
	// one or several, in English or Japanese.
	shareBarRe = regexp.MustCompile(`(?i)^(?:(?:post a comment|print|e-?mail|copy(?: link)?|link|share(?: this(?: article| story)?| on (?:facebook|twitter|x|linkedin|whatsapp|reddit|line|pinterest|email))?|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|line|tweet|(?:この(?:記事|ニュース)を)?シェア(?:する)?|ツイート|lineで送る|はてなブックマーク|(?:x（旧twitter）|x|facebook|line)で(?:シェア|共有)|リンクをコピー)[\s|·•/]*)+$`)
	// counterRe matches a view counter such as "- 4 reads.".
	counterRe = regexp.MustCompile(`(?i)^-?\s*[\d,]+ (?:reads?|views?|comments?)\.?$`)
	// commentNoticeRe matches the start of a comment form's notices and its
	// legal warning.
	commentNoticeRe = regexp.MustCompile(`(?i)^(?:your comment has been (?:forwarded|submitted)|warning! will constitute a criminal offense)`)
	// creditRe matches a photo credit such as "Photo: Microsoft Bing",
	// "Photo by Kyodo News via Getty Images" or "写真＝…".
	creditRe = regexp.MustCompile(`(?i)^(?:(?:photo|image|picture|photograph|source of image)(?: credit)?\s*[:：]|(?:photo|image|photograph)s? by |[（(]?写真[：:＝=]|【写真】)`)
	// agencyCreditRe matches a line that ends with a picture agency's name.
	agencyCreditRe = regexp.MustCompile(`(?i)(?:getty images|shutterstock|ap photo|afp photo|reuters/[\w .-]+)\)?$`)
	// newsletterRe matches the lines of a newsletter or subscription box.
	newsletterRe = regexp.MustCompile(`(?i)^(?:subscribe|sign up|newsletters?|enter your email(?: address)?|your email(?: address)?|email address)$|^(?:sign up|subscribe) (?:to|for) .*newsletter|newsletter.*(?:sign[ -]?up|subscribe)|sign up now\.?$|subscribe now\.?$|straight to your inbox|unsubscribe at any time|no spam`)
	// advertisementRe matches an advertisement's label.
	advertisementRe = regexp.MustCompile(`(?i)^(?:advertisement|advertising|sponsored(?: content)?|ad|広告|pr|スポンサーリンク)$`)
	// sourceTagRe matches a source standing alone: "-- AFP", "（京都新聞）".
	sourceTagRe = regexp.MustCompile(`^(?:--|—|―)\s*[\p{L} ]{1,20}$|^[（(][\p{L}・ ]{1,12}[）)]$`)
	// endMarkerRe matches a line that starts the trailer after an article:
	// a heading over other articles' headlines.
	endMarkerRe = regexp.MustCompile(`(?i)^(?:related(?: (?:articles|stories|news|content|coverage|reading|links))?|most people like|(?:stories |articles )?you (?:may|might) (?:also )?like|editor'?s picks|trending(?: now)?|popular now|more news|don't miss|recommended(?: for you)?|more from .{1,30}|more (?:stories|on this story)|read (?:more|also|next)|also read|see also|most (?:read|popular|viewed)|top stories|latest(?: news)?|topics|tags|関連(?:記事|ニュース)|(?:あわせて|併せて)読みたい|おすすめ(?:記事)?|この記事を読んだ人におすすめ|最新ニュース|よく読まれている記事|人気記事|アクセスランキング)[:：]?$`)
)

// dropBoilerplate removes boilerplate lines, the trailer after an end
// marker, lists of other articles' headlines under a heading, and a
// trailing list of unrelated headlines. End markers that are boilerplate
// too ("Read More") stay until the lists under them are found.
func dropBoilerplate(lines []string) []string {
	lines = keepLines(lines, func(l string) bool { return endMarkerRe.MatchString(l) || !isBoilerplate(l) })
	lines = dropHeadedLists(cutTrailer(lines))
	return dropHeadlineList(keepLines(lines, func(l string) bool { return !isBoilerplate(l) }))
}

// keepLines returns the lines for which keep is true.
func keepLines(lines []string, keep func(string) bool) []string {
	var out []string
	for _, l := range lines {
		if keep(l) {
			out = append(out, l)
		}
	}
	return out
}

// isBoilerplate reports whether a trimmed line is site furniture (see
// lineRules). A line too long for furniture is article text to all rules
// but those marked long.
func isBoilerplate(line string) bool {
	long := len(strings.Fields(line)) > maxFurnitureWords || utf8.RuneCountInString(line) > maxFurnitureRunes
	for _, r := range lineRules() {
		if (r.long || !long) && r.match(line) {
			return true
		}
	}
	return false
}

// isPhotoCredit reports whether line credits a picture: "Photo: …",
// "Photo by …", "写真＝…", or a short line ending with an agency's name
// ("Getty Images").
func isPhotoCredit(line string) bool {
	if creditRe.MatchString(line) {
		return true
	}
	return len(strings.Fields(line)) <= 8 && !endsSentence(line) && agencyCreditRe.MatchString(line)
}

// endsSentence reports whether line ends with a full stop, "!" or "。".
func endsSentence(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, closers))
	return strings.ContainsRune(".。!！", last)
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

// dropHeadedLists removes each end marker ("Related stories", "関連記事")
// that is followed by at least one line that looks like another article's
// headline, with the run of such lines under it.
func dropHeadedLists(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		if !endMarkerRe.MatchString(lines[i]) {
			out = append(out, lines[i])
			continue
		}
		end := i + 1
		for end < len(lines) && isListedHeadline(lines[end]) {
			end++
		}
		if end == i+1 {
			out = append(out, lines[i])
			continue
		}
		i = end - 1
	}
	return out
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

// Bounds of the items of a navigation line.
const (
	minNavItems           = 3
	minBreadcrumbItems    = 2
	maxNavItemWords       = 5
	maxNavItemRunes       = 12
	minWordMenuItems      = 4
	maxJapaneseMenuRunes  = 6
	maxBylineWords        = 15
	maxJapaneseBylineRune = 30
)

// sectionWords are the names of site sections and services that menus
// list, in lower case between bars.
const sectionWords = "|home|news|world|uk|us|u.s.|business|tech|technology|science|health|sport|sports|politics|opinion|culture|arts|lifestyle|travel|weather|local|traffic|entertainment|markets|economy|companies|money|video|videos|podcasts|podcast|reviews|features|deals|newsletters|latest|europe|asia|americas|africa|scores|schedule|standings|stats|teams|players|jobs|more|obituaries|" +
	"ニュース|政治|経済|国際|社会|スポーツ|文化|くらし|暮らし|動画|地域|道内|県内|速報|エンタメ|科学|天気|気象|オピニオン|特集|写真|"

var (
	// navSeparatorRe splits a navigation line into its items: bars,
	// middle dots, bullets and angle quotes (full-width too), or a slash
	// or ・ between spaces.
	navSeparatorRe = regexp.MustCompile(`\s*[|｜·•›»>＞]\s*|\s+[/／・]\s+`)
	// breadcrumbRe matches the separators of a breadcrumb trail.
	breadcrumbRe = regexp.MustCompile(`[›»>＞]`)
	// cookieBannerRe matches the wording of a cookie or consent banner.
	cookieBannerRe = regexp.MustCompile(`(?i)(?:we|site|partners) uses? cookies|use of cookies|cookie (?:policy|settings|preferences)|accept cookies|we value your privacy|by (?:continuing|using)[^.]{0,40}\byou (?:accept|agree|consent)|cookieを(?:使用|利用)|cookieの(?:使用|利用)|クッキーを(?:使用|利用)`)
	// consentButtonsRe matches a line of consent buttons.
	consentButtonsRe = regexp.MustCompile(`(?i)^(?:(?:(?:accept|reject|allow|decline)(?: all| non-essential)?(?: cookies)?|manage (?:settings|preferences|cookies|options)|more options|i (?:agree|accept)|agree|got it|ok|同意する|同意しない|詳細設定|設定)[\s|·•/]*)+$`)
	// bylineRe matches the start of an English byline.
	bylineRe = regexp.MustCompile(`^(?:[Bb]y|Written by|Posted by|Reporting by|Reported by|Words by|Story by)\s+\p{Lu}`)
	// staffRe matches a writer's title standing alone.
	staffRe = regexp.MustCompile(`(?i)^(?:[\w ]{0,30} )?(?:staff writer|reporter|correspondent|contributor)$`)
	// japaneseBylineRe matches a Japanese byline: "記者 …", "文・写真：…".
	japaneseBylineRe = regexp.MustCompile(`^(?:文|写真|文・写真|取材・文|記者|筆者)[：:\s]|記者$`)
	// footerRe matches a page footer: a copyright notice or its terms.
	footerRe = regexp.MustCompile(`(?i)©|all rights reserved|^copyright\b|無断(?:転載|複製)|転載(?:することを|を)禁じ|may not be (?:published|reproduced|redistributed)|unauthori[sz]ed reproduction`)
)

// isNavigation reports whether line is a site menu or breadcrumb trail:
// three or more short items separated by |, ·, •, /, › (two for a
// breadcrumb), or a run of section names (see isWordMenu).
func isNavigation(line string) bool {
	var items []string
	for _, it := range navSeparatorRe.Split(line, -1) {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	min := minNavItems
	if breadcrumbRe.MatchString(line) {
		min = minBreadcrumbItems
	}
	if len(items) < min {
		return isWordMenu(line)
	}
	for _, it := range items {
		if !isNavItem(it) {
			return false
		}
	}
	return true
}

// isNavItem reports whether s is short enough for a menu item: five
// words, twelve Japanese characters, and no sentence end.
func isNavItem(s string) bool {
	if endsSentence(s) || strings.ContainsAny(s, ",，、") {
		return false
	}
	if DetectLang(s) == LangJapanese {
		return utf8.RuneCountInString(s) <= maxNavItemRunes
	}
	return len(strings.Fields(s)) <= maxNavItemWords
}

// isWordMenu reports whether line is a menu written as words separated by
// spaces: at least four single words, each capitalized (or a short
// Japanese word), at least half of them section names ("News Reviews
// Features Podcasts", "ニュース 政治 経済 国際").
func isWordMenu(line string) bool {
	words := strings.Fields(line)
	if len(words) < minWordMenuItems {
		return false
	}
	sections := 0
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		japanese := DetectLang(w) == LangJapanese && utf8.RuneCountInString(w) <= maxJapaneseMenuRunes
		if !japanese && !unicode.IsUpper(first) {
			return false
		}
		if strings.Contains(sectionWords, "|"+strings.ToLower(w)+"|") {
			sections++
		}
	}
	return 2*sections >= len(words)
}

// isCookieBanner reports whether line is a cookie or consent banner's text
// or its buttons ("Accept all", "Manage settings", "同意する").
func isCookieBanner(line string) bool {
	return cookieBannerRe.MatchString(line) || consentButtonsRe.MatchString(line)
}

// isByline reports whether line names the writers: "By …" or "Reporting
// by …" followed by names only, "Staff Writer", "記者 …" and the like,
// short and not a sentence.
func isByline(line string) bool {
	if endsSentence(line) {
		return false
	}
	if DetectLang(line) == LangJapanese {
		return utf8.RuneCountInString(line) <= maxJapaneseBylineRune && japaneseBylineRe.MatchString(line)
	}
	words := strings.Fields(line)
	if len(words) > maxBylineWords {
		return false
	}
	return staffRe.MatchString(line) || bylineRe.MatchString(line) && namesOnly(words[1:])
}

// nameConnectors are the lower-case words a list of names may hold, in
// lower case between bars: "Jane Doe and John Roe for The Times".
const nameConnectors = "|and|&|by|for|in|of|the|with|de|van|von|da|"

// namesOnly reports whether words are names: each capitalized or a
// connector ("and", "for" …), so "By Tuesday, the storm …" is no byline.
func namesOnly(words []string) bool {
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) && !strings.Contains(nameConnectors, "|"+strings.ToLower(w)+"|") {
			return false
		}
	}
	return true
}

// isFooter reports whether line is a page footer: a copyright notice, "All
// rights reserved", "無断転載を禁じます" and the like.
func isFooter(line string) bool {
	return footerRe.MatchString(line)
}
