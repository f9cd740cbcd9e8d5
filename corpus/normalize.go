package corpus

import (
	"sort"
	"strings"
)

// Normalize tidies an article in place:
//
//   - ID and URL are trimmed; title, source and entity names are trimmed
//     with inner white space collapsed to one space (they are one line);
//   - the body gets LF line ends and trimmed lines, paragraphs one blank
//     line apart;
//   - an empty title is made from the body's lead sentence (LeadTitle);
//   - lang is lower-cased and cut to its primary subtag ("en-US" → "en");
//     an empty lang is detected with DetectLang;
//   - an empty ID becomes ContentID(title, body);
//   - published is converted to UTC;
//   - entity names are sorted, without duplicates and empty names.
//
// Normalizing twice changes nothing. Normalize does not validate.
func (a *Article) Normalize() {
	a.ID = strings.TrimSpace(a.ID)
	a.Title = collapseSpace(a.Title)
	a.Body = normalizeBody(a.Body)
	a.Source = collapseSpace(a.Source)
	a.URL = strings.TrimSpace(a.URL)
	a.Lang = normalizeLang(a.Lang)
	if a.Title == "" {
		a.Title = LeadTitle(a.Body)
	}
	if a.Lang == "" {
		a.Lang = DetectLang(a.Title + "\n" + a.Body)
	}
	if a.ID == "" && (a.Title != "" || a.Body != "") {
		a.ID = ContentID(a.Title, a.Body)
	}
	if a.Published != nil {
		t := a.Published.UTC()
		a.Published = &t
	}
	for _, typ := range EntityTypes {
		a.Entities.Set(typ, uniqueSorted(a.Entities.ByType(typ)))
	}
}

// normalizeBody trims each line and keeps paragraphs apart by one blank line.
func normalizeBody(body string) string {
	body = normalizeNewlines(body)
	var paras []string
	for _, p := range strings.Split(body, "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
		}
	}
	return strings.Join(paras, "\n\n")
}

// uniqueSorted returns names with white space collapsed, sorted, without
// duplicates and empty names, or nil when none is left.
func uniqueSorted(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(names))
	out := make([]string, 0, len(names))
	for _, n := range names {
		n = collapseSpace(n)
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// normalizeLang lower-cases a language tag and keeps its primary subtag.
func normalizeLang(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	return lang
}
