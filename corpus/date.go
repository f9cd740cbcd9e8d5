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
		"3:04 PM, January 2, 2006", "3:04 PM, Mon January 2, 2006", "3:04 PM, Monday January 2, 2006", "3:04 PM, Mon, January 2, 2006",
		"January 2, 2006, 3:04 PM", "Jan. 2, 2006, 3:04 PM", "Jan 2, 2006, 3:04 PM",
		"Monday 2 January 2006 15:04", "Monday 2 January 2006", "Monday, 2 January 2006", "2 Jan 2006", "Monday, January 2, 2006",
		"Mon 2 Jan 2006 15.04", "Mon 2 Jan 2006 15:04", "Mon 2 Jan 2006", "2 January 2006 15.04",
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

// meridiemReplacer writes "a.m." and "p.m." as time.Parse reads them.
var meridiemReplacer = strings.NewReplacer("a.m.", "AM", "p.m.", "PM", " am", " AM", " pm", " PM")

// parseDateLine parses a line that is only a date, optionally labelled
// ("Published:", "Updated", "Posted on" …), in the forms news sites print
// (see dateLayouts): "Mon 2 Dec 2024 10.15 GMT", "December 2, 2024
// 10:15 AM ET", "Updated 3:04 PM EST, Mon December 2, 2024",
// "2024年12月2日 10時15分", "2024/12/02 10:15". A zone abbreviation
// (see takeZone) is honoured; a date without one is UTC; the result is in
// UTC. A year outside 1800..2200 is no publication date, and a relative
// date ("2 hours ago") none either: there is no time to count from.
func parseDateLine(line string) (time.Time, bool) {
	s := strings.TrimSpace(datePrefixRe.ReplaceAllString(line, ""))
	s, inZone := takeZone(meridiemReplacer.Replace(s))
	s = weekdayRe.ReplaceAllString(s, "$1")
	if len(s) < minDateBytes || len(s) > maxDateBytes {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts() {
		if t, err := time.Parse(layout, s); err == nil {
			if inZone != nil {
				t = inZone(t)
			}
			t = t.UTC()
			if y := t.Year(); y < minPublishedYear || y > maxPublishedYear {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}
