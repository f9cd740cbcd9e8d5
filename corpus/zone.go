package corpus

import (
	"regexp"
	"strings"
	"time"
)

// zoneRe matches the time zone abbreviation a news site prints after a
// time ("10.15 GMT", "3:04 PM EST", "10:15 AM ET", "10時15分 JST").
var zoneRe = regexp.MustCompile(`\s*\b(UTC|GMT|BST|IST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|JST|KST|HKT|SGT|AEST|AEDT)\b`)

// zoneOffsets are the offsets from UTC, in hours, of the fixed zones of
// zoneRe. IST is India's (news sites mean it far more than Ireland's).
var zoneOffsets = map[string]float64{
	"UTC": 0, "GMT": 0, "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11,
}

// usZones are the standard offsets of the US zones printed without
// saying whether daylight saving time is on ("ET"): it is, in those
// zones, from the second Sunday of March to the first Sunday of November.
var usZones = map[string]int{"ET": -5, "CT": -6, "MT": -7, "PT": -8}

// takeZone removes a zone abbreviation (zoneRe) from a date line and
// returns what is left and a function that reads a wall-clock time in
// that zone, parsed as UTC, as the instant it is; nil when the line names
// no zone.
func takeZone(s string) (string, func(time.Time) time.Time) {
	m := zoneRe.FindStringSubmatchIndex(s)
	if m == nil {
		return s, nil
	}
	name := s[m[2]:m[3]]
	rest := strings.TrimSpace(s[:m[0]] + s[m[1]:])
	if std, ok := usZones[name]; ok {
		return rest, func(t time.Time) time.Time {
			off := std
			if usDaylightSaving(t) {
				off++
			}
			return t.Add(-time.Duration(off) * time.Hour)
		}
	}
	off := time.Duration(zoneOffsets[name] * float64(time.Hour))
	return rest, func(t time.Time) time.Time { return t.Add(-off) }
}

// usDaylightSaving reports whether US daylight saving time is on at the
// wall-clock time t: from 2:00 on the second Sunday of March to 2:00 on
// the first Sunday of November (the rule since 2007).
func usDaylightSaving(t time.Time) bool {
	start := nthSunday(t.Year(), time.March, 2).Add(2 * time.Hour)
	end := nthSunday(t.Year(), time.November, 1).Add(2 * time.Hour)
	return !t.Before(start) && t.Before(end)
}

// nthSunday returns midnight UTC of the n-th Sunday of month.
func nthSunday(year int, month time.Month, n int) time.Time {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	days := (7 - int(first.Weekday())) % 7
	return first.AddDate(0, 0, days+7*(n-1))
}
