package corpus

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// validArticle returns an article that passes Validate; each case of
// validateCases changes one thing in it.
func validArticle() Article {
	at := time.Date(2024, 4, 10, 3, 33, 0, 0, time.UTC)
	return Article{ID: "a1", Title: "T", Body: "Para one.\n\n\tPara two.", Published: &at, Source: "Wire",
		URL: "https://example.com/a?b=c", Lang: "en", Entities: Entities{Person: []string{"Joe Biden"}}}
}

// newYear returns 1 January of year y, UTC.
func newYear(y int) *time.Time { t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); return &t }

// validateCase changes one thing in validArticle and names the field
// Validate must then reject, or "" when the article stays valid.
type validateCase struct {
	name   string
	change func(a *Article)
	field  string // "" when valid
}

// validateCases is TestValidate's table; read only.
var validateCases = []validateCase{
	{"valid", func(*Article) {}, ""},
	{"title only", func(a *Article) { a.Body = "" }, ""},
	{"body only", func(a *Article) { a.Title = "" }, ""},
	{"http URL", func(a *Article) { a.URL = "http://example.com" }, ""},
	{"no URL", func(a *Article) { a.URL = "" }, ""},
	{"Japanese", func(a *Article) { a.Lang = "ja" }, ""},
	{"year 1800", func(a *Article) { a.Published = newYear(1800) }, ""},
	{"year 2200", func(a *Article) { a.Published = newYear(2200) }, ""},
	{"id of 256 bytes", func(a *Article) { a.ID = strings.Repeat("x", 256) }, ""},
	{"both empty", func(a *Article) { a.Title, a.Body = "", "" }, "title"},
	{"invalid UTF-8 title", func(a *Article) { a.Title = "a\xffb" }, "title"},
	{"newline in title", func(a *Article) { a.Title = "a\nb" }, "title"},
	{"NUL in body", func(a *Article) { a.Body = "a\x00b" }, "body"},
	{"escape in body", func(a *Article) { a.Body = "a\x1bb" }, "body"},
	{"CR in body", func(a *Article) { a.Body = "a\r\nb" }, "body"},
	{"title too long", func(a *Article) { a.Title = strings.Repeat("x", DefaultMaxTitleBytes+1) }, "title"},
	{"body too long", func(a *Article) { a.Body = strings.Repeat("x", DefaultMaxBodyBytes+1) }, "body"},
	{"empty id", func(a *Article) { a.ID = "" }, "id"},
	{"id of 257 bytes", func(a *Article) { a.ID = strings.Repeat("x", 257) }, "id"},
	{"slash in id", func(a *Article) { a.ID = "a/b" }, "id"},
	{"space in id", func(a *Article) { a.ID = "a b" }, "id"},
	{"tab in id", func(a *Article) { a.ID = "a\tb" }, "id"},
	{"unknown lang", func(a *Article) { a.Lang = "fr" }, "lang"},
	{"upper-case lang", func(a *Article) { a.Lang = "EN" }, "lang"},
	{"empty lang", func(a *Article) { a.Lang = "" }, "lang"},
	{"year 1799", func(a *Article) { a.Published = newYear(1799) }, "published"},
	{"year 2201", func(a *Article) { a.Published = newYear(2201) }, "published"},
	{"ftp URL", func(a *Article) { a.URL = "ftp://example.com/a" }, "url"},
	{"relative URL", func(a *Article) { a.URL = "/a/b" }, "url"},
	{"URL without host", func(a *Article) { a.URL = "https:///a" }, "url"},
	{"URL with a space", func(a *Article) { a.URL = "https://example.com/a b" }, "url"},
	{"source of 201 characters", func(a *Article) { a.Source = strings.Repeat("源", 201) }, "source"},
	{"source on two lines", func(a *Article) { a.Source = "a\nb" }, "source"},
	{"empty entity name", func(a *Article) { a.Entities.Place = []string{""} }, "entities.place"},
	{"entity name of 201 characters", func(a *Article) { a.Entities.Organization = []string{strings.Repeat("x", 201)} }, "entities.organization"},
	{"entity name on two lines", func(a *Article) { a.Entities.Person = []string{"a\nb"} }, "entities.person"},
}

// TestValidate checks that Validate accepts or rejects, naming the right
// field, each change of validateCases.
func TestValidate(t *testing.T) {
	for _, tt := range validateCases {
		t.Run(tt.name, func(t *testing.T) {
			a := validArticle()
			tt.change(&a)
			err := a.Validate(Limits{})
			var fe *FieldError
			switch {
			case tt.field == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field):
				t.Errorf("Validate = %v, want a *FieldError for %q", err, tt.field)
			case fe != nil && !strings.HasPrefix(err.Error(), `field "`+tt.field+`": `):
				t.Errorf("Error() = %q", err)
			}
		})
	}
}

func TestValidateLimits(t *testing.T) {
	a := Article{ID: "a", Title: strings.Repeat("x", 100), Body: strings.Repeat("y", 100), Lang: "en"}
	tests := []struct {
		limits Limits
		field  string
	}{
		{Limits{}, ""},
		{Limits{MaxTitleBytes: 100, MaxBodyBytes: 100}, ""},
		{Limits{MaxTitleBytes: 99}, "title"},
		{Limits{MaxBodyBytes: 99}, "body"},
		{Limits{MaxTitleBytes: -1, MaxBodyBytes: -1}, ""},
	}
	for _, tt := range tests {
		err := a.Validate(tt.limits)
		var fe *FieldError
		if (tt.field == "") != (err == nil) || (err != nil && (!errors.As(err, &fe) || fe.Field != tt.field)) {
			t.Errorf("Validate(%+v) = %v, want field %q", tt.limits, err, tt.field)
		}
	}
	if DefaultLimits != (Limits{MaxTitleBytes: 2048, MaxBodyBytes: 1 << 20}) {
		t.Errorf("DefaultLimits = %+v", DefaultLimits)
	}
}
