package corpus

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Bounds of the text of a date line once its label is removed.
const (
	minDateBytes = 8
	maxDateBytes = 40
)

// datePrefixRe matches a label that may precede a date line, in English
// ("Published:", "Posted on") or Japanese ("公開日：").
var datePrefixRe = regexp.MustCompile(`(?i)^(?:(?:published|updated|posted|date|last updated)\s*(?:on)?\s*:?\s*|(?:公開|更新|掲載|配信)(?:日時|日)?\s*[:：]?\s*)`)

// weekdayRe matches a Japanese weekday in brackets after a date, as in
// "2025年3月3日（月） 10:15"; the date is kept (group 1).
var weekdayRe = regexp.MustCompile(`(日)\s*[（(][月火水木金土日][）)]`)

// dateLayouts are the forms of a publication date standing alone on a
// line; numeric month and day fields accept one or two digits.
func dateLayouts() []string {
	return []string{
		time.RFC3339, "2006-01-02T15:04:05", "2006-1-2 15:04:05", "2006-1-2 15:04", "2006-1-2",
		"2006/1/2 15:04:05", "2006/1/2 15:04", "2006/1/2",
		"January 2, 2006 15:04", "January 2, 2006 3:04 PM", "January 2, 2006",
		"Jan 2, 2006 15:04", "Jan 2, 2006 3:04 PM", "Jan 2, 2006", "Jan. 2, 2006",
		"2 January 2006 15:04", "2 January 2006, 15:04", "2 January 2006 at 15:04", "2 January 2006",
		"3:04 PM MST, January 2, 2006", "Monday 2 January 2006 15:04", "Monday 2 January 2006", "Monday, 2 January 2006", "2 Jan 2006", "Monday, January 2, 2006",
		"2006年1月2日 15:04", "2006年1月2日15:04", "2006年1月2日 15時04分", "2006年1月2日15時04分", "2006年1月2日",
	}
}

// maxDatedLineRunes bounds a byline line that may hold a date among its
// parts (see parseDateSegment).
const maxDatedLineRunes = 100

// parseDateSegment parses a short line of parts separated like a menu
// ("By Jane Doe · Published 3 March 2025 · 4 min read") of which one is a
// date line (see parseDateLine). A sentence holds no such date.
func parseDateSegment(line string) (time.Time, bool) {
	if utf8.RuneCountInString(line) > maxDatedLineRunes || endsSentence(line) {
		return time.Time{}, false
	}
	parts := navSeparatorRe.Split(line, -1)
	if len(parts) < 2 {
		return time.Time{}, false
	}
	for _, p := range parts {
		if t, ok := parseDateLine(strings.TrimSpace(p)); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// takeDate removes the lines that are a date alone, or a byline with a
// date among its parts, and returns the first such date as the
// publication time, nil when there is none. Dates inside sentences are
// not publication dates.
func takeDate(lines []string) ([]string, *time.Time) {
	var published *time.Time
	var rest []string
	for _, l := range lines {
		t, ok := parseDateLine(l)
		if !ok {
			t, ok = parseDateSegment(l)
		}
		if !ok {
			rest = append(rest, l)
			continue
		}
		if published == nil {
			published = &t
		}
	}
	return rest, published
}

// parseDateLine parses a line that is only a date, optionally labelled
// ("Published:", "Updated", "Posted on" …) and followed by " UTC" or
// " GMT". A date without a zone is UTC; the result is in UTC. A year
// outside 1800..2200 is no publication date.
func parseDateLine(line string) (time.Time, bool) {
	s := strings.TrimSpace(datePrefixRe.ReplaceAllString(line, ""))
	s = strings.TrimSuffix(strings.TrimSuffix(s, " UTC"), " GMT")
	s = weekdayRe.ReplaceAllString(s, "$1")
	if len(s) < minDateBytes || len(s) > maxDateBytes {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts() {
		if t, err := time.Parse(layout, s); err == nil {
			t = t.UTC()
			if y := t.Year(); y < minPublishedYear || y > maxPublishedYear {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}
