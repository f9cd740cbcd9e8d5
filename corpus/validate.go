package corpus

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits bound the size of an article's fields. A zero field means the
// DefaultLimits value.
type Limits struct {
	MaxTitleBytes int
	MaxBodyBytes  int
}

// DefaultLimits are the limits used where none are configured.
var DefaultLimits = Limits{MaxTitleBytes: 2 << 10, MaxBodyBytes: 1 << 20}

// Other bounds on fields.
const (
	MaxIDBytes       = 256
	MaxSourceRunes   = 200
	MaxEntityRunes   = 200
	MaxTitleRunes    = 100 // a title made from a lead sentence is cut to this
	minPublishedYear = 1800
	maxPublishedYear = 2200
)

func (l Limits) withDefaults() Limits {
	if l.MaxTitleBytes <= 0 {
		l.MaxTitleBytes = DefaultLimits.MaxTitleBytes
	}
	if l.MaxBodyBytes <= 0 {
		l.MaxBodyBytes = DefaultLimits.MaxBodyBytes
	}
	return l
}

// FieldError says which field of an article is invalid and why.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return fmt.Sprintf("field %q: %s", e.Field, e.Msg) }

// Normalize tidies an article in place: fields trimmed, newlines
// normalized, a missing title made from the lead sentence, a missing
// language detected, a missing ID derived from the content, entity names
// sorted without duplicates. Normalizing twice changes nothing.
func (a *Article) Normalize() {
	a.ID = strings.TrimSpace(a.ID)
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	a.Body = normalizeBody(a.Body)
	a.Source = strings.TrimSpace(a.Source)
	a.URL = strings.TrimSpace(a.URL)
	a.Lang = strings.ToLower(strings.TrimSpace(a.Lang))
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
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n")
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

func uniqueSorted(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(names))
	out := make([]string, 0, len(names))
	for _, n := range names {
		n = strings.Join(strings.Fields(n), " ")
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

// Validate checks a normalized article against l and returns a *FieldError
// for the first invalid field.
func (a Article) Validate(l Limits) error {
	l = l.withDefaults()
	checks := []func() *FieldError{
		func() *FieldError { return a.validateText(l) },
		a.validateID,
		a.validateMeta,
		a.validateEntities,
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func (a Article) validateText(l Limits) *FieldError {
	if a.Title == "" && a.Body == "" {
		return &FieldError{"title", "an article needs a title or a body; both are empty"}
	}
	if msg := badText(a.Title, false); msg != "" {
		return &FieldError{"title", msg}
	}
	if msg := badText(a.Body, true); msg != "" {
		return &FieldError{"body", msg}
	}
	if len(a.Title) > l.MaxTitleBytes {
		return &FieldError{"title", fmt.Sprintf("%d bytes; the limit is %d", len(a.Title), l.MaxTitleBytes)}
	}
	if len(a.Body) > l.MaxBodyBytes {
		return &FieldError{"body", fmt.Sprintf("%d bytes; the limit is %d", len(a.Body), l.MaxBodyBytes)}
	}
	return nil
}

func (a Article) validateID() *FieldError {
	switch {
	case a.ID == "":
		return &FieldError{"id", "empty"}
	case len(a.ID) > MaxIDBytes:
		return &FieldError{"id", fmt.Sprintf("longer than %d bytes", MaxIDBytes)}
	case !utf8.ValidString(a.ID):
		return &FieldError{"id", "not valid UTF-8"}
	case strings.ContainsFunc(a.ID, func(r rune) bool { return r == '/' || unicode.IsSpace(r) || unicode.IsControl(r) }):
		return &FieldError{"id", "must not contain '/', spaces or control characters"}
	}
	return nil
}

func (a Article) validateMeta() *FieldError {
	if a.Lang != LangEnglish && a.Lang != LangJapanese {
		return &FieldError{"lang", fmt.Sprintf("%q is not a supported language: use \"en\" or \"ja\", or leave it out to detect it", a.Lang)}
	}
	if a.Published != nil {
		if y := a.Published.Year(); y < minPublishedYear || y > maxPublishedYear {
			return &FieldError{"published", fmt.Sprintf("year %d is out of range (%d to %d)", y, minPublishedYear, maxPublishedYear)}
		}
	}
	if a.URL != "" {
		u, err := url.Parse(a.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return &FieldError{"url", fmt.Sprintf("%q is not an absolute http or https URL", a.URL)}
		}
	}
	if msg := badText(a.Source, false); msg != "" {
		return &FieldError{"source", msg}
	}
	if utf8.RuneCountInString(a.Source) > MaxSourceRunes || strings.Contains(a.Source, "\n") {
		return &FieldError{"source", fmt.Sprintf("must be one line of at most %d characters", MaxSourceRunes)}
	}
	return nil
}

func (a Article) validateEntities() *FieldError {
	for _, typ := range EntityTypes {
		for _, name := range a.Entities.ByType(typ) {
			if msg := badText(name, false); msg != "" || name == "" || utf8.RuneCountInString(name) > MaxEntityRunes {
				return &FieldError{"entities." + typ, fmt.Sprintf("%q: names must be 1 to %d characters of text", name, MaxEntityRunes)}
			}
		}
	}
	return nil
}

// badText says what is wrong with s: invalid UTF-8, or control characters
// (newlines and tabs are allowed where multiline is true).
func badText(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "not valid UTF-8"
	}
	for _, r := range s {
		if r == '\n' || r == '\t' {
			if multiline {
				continue
			}
		}
		if unicode.IsControl(r) {
			return fmt.Sprintf("contains the control character %U", r)
		}
	}
	return ""
}
