package corpus

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// minTeaserRunes is the length below which a line is never taken for a
// teaser of a later paragraph.
const minTeaserRunes = 20

// ParsePage cleans one raw scraped news page (plain text, one block per
// line) into an article:
//
//   - Site boilerplate goes (see lineRules): navigation lines and
//     breadcrumbs, cookie banners and their buttons, share and print bars
//     (English and Japanese), newsletter boxes, bylines, "Advertisement"
//     and 広告 labels, photo credits, footers (©, "All rights reserved",
//     無断転載を禁じます), "Read More", "- 4 reads.", comment forms and
//     their legal warning; a heading such as "Related stories", "You may
//     also like" or 関連記事 with the other articles' headlines under it,
//     what follows such a heading when no prose does, and a trailing list
//     of unrelated headlines (three or more headline-like lines ending the
//     page).
//   - A line that repeats the headline, and a teaser that is the start of a
//     later paragraph, go too.
//   - A date standing alone on a line, optionally labelled ("Published:"),
//     is the published time (UTC when the page gives no zone); the first
//     such line counts, and all of them leave the body. Dates inside
//     sentences are not publication dates.
//   - The headline is the first line that reads like one (see
//     isHeadline) with only short kickers before it, a site name or a
//     section ("AP NEWS", "速報"), which go; the short lines between it
//     and the text (a byline, "5 min read") go too (see takeHeadline).
//     A page without one has no title here; the title is then the lead
//     sentence, shortened (see LeadTitle).
//   - Each remaining line is a paragraph; paragraphs are joined by a blank
//     line.
//
// The article is normalized (ID and language filled) and validated but for
// its size, which is the accepting index's to bound (see Unbounded).
// A line that is only a URL, optionally labelled ("URL:", "Source:"), as
// scrapers write the page's address, is the article's URL, its host the
// source; such lines leave the body. Invalid UTF-8, NUL bytes, a page without
// article text and an invalid article are errors.
func ParsePage(text string) (Article, error) {
	if err := checkInput(text); err != nil {
		return Article{}, fmt.Errorf("page: %w", err)
	}
	lines := pageLines(text)
	var a Article
	lines, a.URL = takeURL(lines)
	a.Source = hostSource(a.URL)
	lines, a.Published = takeDate(lines)
	lines = dropBoilerplate(lines)
	a.Title, lines = takeHeadline(lines)
	lines = dropRepeats(lines, a.Title)
	a.Body = strings.Join(lines, "\n\n")
	if a.Title == "" && a.Body == "" {
		return Article{}, errors.New("page: no article text once boilerplate is removed")
	}
	a.Normalize()
	if err := a.Validate(Unbounded); err != nil {
		return Article{}, fmt.Errorf("page: %w", err)
	}
	return a, nil
}

// pageLines splits text into trimmed, non-empty lines.
func pageLines(text string) []string {
	var out []string
	for _, l := range strings.Split(normalizeNewlines(text), "\n") {
		if l = collapseSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
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

// isTeaser reports whether line, less a final full stop or ellipsis, is
// the start of a longer later line, as a truncated teaser is.
func isTeaser(line string, later []string) bool {
	stem := strings.TrimRight(line, ".…")
	if utf8.RuneCountInString(stem) < minTeaserRunes {
		return false
	}
	for _, l := range later {
		if len(l) > len(line) && strings.HasPrefix(l, stem) {
			return true
		}
	}
	return false
}
