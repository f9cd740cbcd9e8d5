package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// DecodeOptions configure Decode.
type DecodeOptions struct {
	// Strict refuses fields that an article does not have.
	Strict bool
	// Limits bound field sizes.
	Limits Limits
}

// InputError says which article of an input is wrong, where it starts, and
// what is wrong with it.
type InputError struct {
	Index int    // 0-based position of the article in the input
	Line  int    // 1-based line where it starts
	Field string // the offending field, when there is one
	Err   error
}

func (e *InputError) Error() string {
	return fmt.Sprintf("article %d (line %d): %v", e.Index, e.Line, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// wireArticle is an article as JSON spells it.
type wireArticle struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	Body      string        `json:"body"`
	Published *string       `json:"published"`
	Source    string        `json:"source"`
	URL       string        `json:"url"`
	Lang      string        `json:"lang"`
	Entities  *wireEntities `json:"entities"`
}

type wireEntities struct {
	Person       []string `json:"person"`
	Organization []string `json:"organization"`
	Place        []string `json:"place"`
}

// Decode reads articles from JSON (one object or an array of objects) or
// JSON Lines (one object per line). Every article is normalized and
// validated; the first problem is returned as an *InputError and then no
// article is returned. Duplicate IDs are an error.
func Decode(r io.Reader, opts DecodeOptions) ([]Article, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	var out []Article
	seen := map[string]int{}
	err = eachValue(data, func(raw []byte, index, line int) error {
		a, err := decodeArticle(raw, opts)
		if err != nil {
			return inputError(index, line, err)
		}
		if j, dup := seen[a.ID]; dup {
			return &InputError{Index: index, Line: line, Field: "id",
				Err: fmt.Errorf("field \"id\": %q repeats the id of article %d", a.ID, j)}
		}
		seen[a.ID] = index
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, &InputError{Index: 0, Line: 1, Err: errors.New("no articles in the input")}
	}
	return out, nil
}

// eachValue calls fn with each article object of data — the elements of a
// top-level array, or each top-level object — with its index and line.
func eachValue(data []byte, fn func(raw []byte, index, line int) error) error {
	if !utf8.Valid(data) {
		return &InputError{Line: lineAt(data, invalidUTF8At(data)), Err: errors.New("the input is not valid UTF-8")}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return eachElement(data, fn)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for index := 0; ; index++ {
		var raw json.RawMessage
		start := skipSpace(data, int(dec.InputOffset()))
		err := dec.Decode(&raw)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &InputError{Index: index, Line: lineAt(data, errOffset(err, start)), Err: syntaxErr(err)}
		}
		if err := fn(raw, index, lineAt(data, start)); err != nil {
			return err
		}
	}
}

// eachElement walks the elements of a top-level array.
func eachElement(data []byte, fn func(raw []byte, index, line int) error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return &InputError{Line: 1, Err: syntaxErr(err)}
	}
	index := 0
	for ; dec.More(); index++ {
		var raw json.RawMessage
		start := skipSpace(data, int(dec.InputOffset()))
		if start < len(data) && data[start] == ',' {
			start = skipSpace(data, start+1)
		}
		if err := dec.Decode(&raw); err != nil {
			return &InputError{Index: index, Line: lineAt(data, errOffset(err, start)), Err: syntaxErr(err)}
		}
		if err := fn(raw, index, lineAt(data, start)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return &InputError{Index: index, Line: lineAt(data, int(dec.InputOffset())), Err: syntaxErr(err)}
	}
	if rest := bytes.TrimSpace(data[dec.InputOffset():]); len(rest) > 0 {
		return &InputError{Index: index, Line: lineAt(data, int(dec.InputOffset())), Err: errors.New("unexpected text after the array")}
	}
	return nil
}

// decodeArticle decodes, normalizes and validates one JSON object.
func decodeArticle(raw []byte, opts DecodeOptions) (Article, error) {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return Article{}, errors.New("not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if opts.Strict {
		dec.DisallowUnknownFields()
	}
	var w wireArticle
	if err := dec.Decode(&w); err != nil {
		return Article{}, fieldErr(err)
	}
	a := Article{ID: w.ID, Title: w.Title, Body: w.Body, Source: w.Source, URL: w.URL, Lang: w.Lang}
	if w.Entities != nil {
		a.Entities = Entities{Person: w.Entities.Person, Organization: w.Entities.Organization, Place: w.Entities.Place}
	}
	if w.Published != nil && *w.Published != "" {
		t, err := parsePublished(*w.Published)
		if err != nil {
			return Article{}, err
		}
		a.Published = &t
	}
	a.Normalize()
	if err := a.Validate(opts.Limits); err != nil {
		return Article{}, err
	}
	return a, nil
}

// parsePublished accepts RFC 3339 or a date alone (midnight UTC).
func parsePublished(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, &FieldError{"published", fmt.Sprintf("%q is not an RFC 3339 time (2024-04-10T09:00:00Z) or a date (2024-04-10)", s)}
}

// fieldErr turns encoding/json's errors into a *FieldError where a field
// is to blame.
func fieldErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "(article)"
		}
		return &FieldError{field, fmt.Sprintf("must be %s, not a JSON %s", jsonKind(te.Type.Kind().String()), te.Value)}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &FieldError{strings.Trim(name, `"`), "unknown field (articles have id, title, body, published, source, url, lang, entities)"}
	}
	return syntaxErr(err)
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string", "ptr":
		return "a string"
	case "slice":
		return "a list of strings"
	case "struct":
		return "an object"
	}
	return goKind
}

// inputError places err at an article, keeping its field.
func inputError(index, line int, err error) *InputError {
	ie := &InputError{Index: index, Line: line, Err: err}
	var fe *FieldError
	if errors.As(err, &fe) {
		ie.Field = fe.Field
	}
	return ie
}

func syntaxErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("the JSON ends in the middle of a value")
	}
	return fmt.Errorf("invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// errOffset is where a decoding error happened, or start when unknown.
func errOffset(err error, start int) int {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return int(se.Offset)
	}
	return start
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	return i
}

// lineAt is the 1-based line of byte offset i.
func lineAt(data []byte, i int) int {
	if i > len(data) {
		i = len(data)
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
