package corpus

import (
	"fmt"
	"math"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Default sizes, used for a zero field of Limits.
const (
	DefaultMaxTitleBytes = 2 << 10
	DefaultMaxBodyBytes  = 1 << 20
)

// Limits bound the size of an article's title and body. A zero (or
// negative) field means its default.
type Limits struct {
	// MaxTitleBytes bounds the title, in bytes; DefaultMaxTitleBytes when 0.
	MaxTitleBytes int
	// MaxBodyBytes bounds the body, in bytes; DefaultMaxBodyBytes when 0.
	MaxBodyBytes int
}

// DefaultLimits are the limits a zero Limits stands for: 2 KiB of title and
// 1 MiB of body. Zero fields take their defaults from the constants
// DefaultMaxTitleBytes and DefaultMaxBodyBytes, so changing this variable
// changes nothing: read it, never write it.
var DefaultLimits = Limits{MaxTitleBytes: DefaultMaxTitleBytes, MaxBodyBytes: DefaultMaxBodyBytes}

// Unbounded are limits no article exceeds: the parsers (Decode, Walk,
// ParsePage) check every other rule with them and leave bounding the size
// of an article to the index that accepts it, so that one limit, the
// index's, holds on every path in.
var Unbounded = Limits{MaxTitleBytes: math.MaxInt, MaxBodyBytes: math.MaxInt}

// Other bounds on fields.
const (
	// MaxIDBytes bounds an article ID.
	MaxIDBytes = 256
	// MaxSourceRunes bounds the source, in characters.
	MaxSourceRunes = 200
	// MaxEntityRunes bounds an entity name, in characters.
	MaxEntityRunes = 200
	// MaxTitleRunes bounds a title made from a lead sentence, "…" included.
	MaxTitleRunes    = 100
	minPublishedYear = 1800
	maxPublishedYear = 2200
)

// withDefaults returns l with each zero or negative field set to its default.
func (l Limits) withDefaults() Limits {
	if l.MaxTitleBytes <= 0 {
		l.MaxTitleBytes = DefaultMaxTitleBytes
	}
	if l.MaxBodyBytes <= 0 {
		l.MaxBodyBytes = DefaultMaxBodyBytes
	}
	return l
}

// FieldError says which field of an article is invalid and why.
type FieldError struct {
	// Field is the field's JSON name; "entities.person" and the like for
	// entity names.
	Field string
	// Msg says what is wrong with it.
	Msg string
}

// Error returns `field "name": message`.
func (e *FieldError) Error() string { return fmt.Sprintf("field %q: %s", e.Field, e.Msg) }

// Validate checks a normalized article against l and returns a *FieldError
// for the first invalid field, nil when a is valid. The rules:
//
//   - title or body is not empty; every text is valid UTF-8 without NUL or
//     other control characters, except newlines and tabs in the body;
//   - title and body fit l (zero fields of l mean the defaults);
//   - id is not empty, at most MaxIDBytes, without '/', white space or
//     control characters;
//   - lang is "en" or "ja"; the published year is within 1800..2200;
//   - url, when set, is an absolute http or https URL;
//   - source is one line of at most MaxSourceRunes characters;
//   - entity names are not empty, one line, at most MaxEntityRunes
//     characters each.
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

// validateText checks that there is a title or a body, that both are clean
// text and that they fit l.
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

// ValidateID checks an article ID on its own, as Validate does: not
// empty, at most MaxIDBytes, valid UTF-8, without '/', spaces or control
// characters.
func ValidateID(id string) error {
	if fe := (Article{ID: id}).validateID(); fe != nil {
		return fe
	}
	return nil
}

// validateID checks that the ID is a short, non-empty, path-safe token.
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

// validateMeta checks language, publication time, URL and source.
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
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsFunc(a.URL, unicode.IsSpace) {
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

// validateEntities checks that each entity name is one short line of text.
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
