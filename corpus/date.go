package corpus

import (
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the forms of a publication date standing alone on a line.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	"2006/01/02 15:04", "2006/01/02", "January 2, 2006 15:04", "January 2, 2006", "Jan 2, 2006",
	"Jan. 2, 2006", "2 January 2006", "2 Jan 2006", "Monday, January 2, 2006",
	"2006年1月2日 15:04", "2006年1月2日15時04分", "2006年1月2日",
}

// datePrefix is a label that may precede a date line.
var datePrefix = regexp.MustCompile(`(?i)^(published|updated|posted|posted on|date|last updated)\s*(on)?\s*:?\s*`)

// takeDate finds the first line that is only a date, removes it, and
// returns the date. Dates inside sentences are not publication dates.
func takeDate(lines []string) ([]string, *time.Time) {
	for i, l := range lines {
		if t, ok := parseDateLine(l); ok {
			rest := append(append([]string(nil), lines[:i]...), lines[i+1:]...)
			return rest, &t
		}
	}
	return lines, nil
}

func parseDateLine(line string) (time.Time, bool) {
	s := strings.TrimSpace(datePrefix.ReplaceAllString(line, ""))
	s = strings.TrimSuffix(strings.TrimSuffix(s, " UTC"), " GMT")
	if len(s) < 8 || len(s) > 40 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
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
