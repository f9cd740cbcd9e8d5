package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// DecodeOptions configure Decode.
type DecodeOptions struct {
	// Strict refuses fields that an article does not have (the HTTP API is
	// strict; file ingest is not).
	Strict bool
	// Accept, when set, is the rule an article must pass once normalized,
	// usually the accepting index's (indexer.Index.Accept): its error is
	// reported with the article's position. Without it, every rule but the
	// size limits is checked (see Unbounded): bounding size is the index's.
	Accept func(*Article) error
}

// articleFields are the JSON fields of an article, in the order they are
// checked, between bars for a cheap lookup.
const articleFields = "|id|title|body|published|source|url|lang|entities|"

// Decode reads articles from one JSON object, a JSON array of objects or
// JSON Lines (one object a line, blank lines skipped), telling them apart
// by their first character and layout. Fields are id, title, body,
// published (RFC 3339, or a date alone for midnight UTC; null or absent for
// unknown), source, url, lang and entities ({"person": [...],
// "organization": [...], "place": [...]}).
//
// Each article is normalized and checked by opts.Accept. Decode
// returns every article or an *InputError for the first problem (syntax,
// a wrong type, an invalid field, an id used twice, no article at all),
// never a partial result.
func Decode(r io.Reader, opts DecodeOptions) ([]Article, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	raws, err := splitArticles(data)
	if err != nil {
		return nil, err
	}
	articles := make([]Article, len(raws))
	for i, raw := range raws {
		a, err := decodeArticle(raw.JSON, opts)
		if err != nil {
			return nil, inputError(i, raw.Line, err)
		}
		articles[i] = a
	}
	if err := checkUniqueIDs(articles, raws); err != nil {
		return nil, err
	}
	return articles, nil
}

// checkUniqueIDs returns an *InputError for the first article that has the
// ID of an earlier one.
func checkUniqueIDs(articles []Article, raws []rawArticle) error {
	seen := make(map[string]int, len(articles))
	for i, a := range articles {
		if j, dup := seen[a.ID]; dup {
			return &InputError{Index: i, Line: raws[i].Line, Field: "id",
				Err: fmt.Errorf("%q repeats the id of article %d (line %d)", a.ID, j, raws[j].Line)}
		}
		seen[a.ID] = i
	}
	return nil
}

// decodeArticle decodes, normalizes and validates one article's JSON text.
// Errors about a field are *FieldErrors.
func decodeArticle(raw []byte, opts DecodeOptions) (Article, error) {
	if !utf8.Valid(raw) {
		return Article{}, fmt.Errorf("invalid UTF-8 at byte %d of the article", invalidUTF8At(string(raw)))
	}
	a, err := unmarshalArticle(raw, opts.Strict)
	if err != nil {
		return Article{}, err
	}
	a.Normalize()
	accept := opts.Accept
	if accept == nil {
		accept = func(a *Article) error { return a.Validate(Unbounded) }
	}
	if err := accept(&a); err != nil {
		return Article{}, err
	}
	return a, nil
}

// unmarshalArticle decodes the JSON object raw into an Article, field by
// field so that an error names the field.
func unmarshalArticle(raw []byte, strict bool) (Article, error) {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return Article{}, fmt.Errorf("not a JSON object but %s", jsonKind(raw))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return Article{}, fmt.Errorf("invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if strict {
		if err := unknownField(fields, articleFields, ""); err != nil {
			return Article{}, err
		}
	}
	var a Article
	var published *string
	for _, f := range []struct {
		name string
		dst  any
	}{{"id", &a.ID}, {"title", &a.Title}, {"body", &a.Body}, {"published", &published},
		{"source", &a.Source}, {"url", &a.URL}, {"lang", &a.Lang}} {
		if err := unmarshalField(fields, "", f.name, f.dst); err != nil {
			return Article{}, err
		}
	}
	var err error
	if a.Published, err = parsePublished(published); err != nil {
		return Article{}, err
	}
	a.Entities, err = unmarshalEntities(fields["entities"], strict)
	return a, err
}

// unmarshalEntities decodes the entities object, null or absent for none.
func unmarshalEntities(raw json.RawMessage, strict bool) (Entities, error) {
	var e Entities
	if raw == nil {
		return e, nil
	}
	var lists map[string]json.RawMessage
	if err := json.Unmarshal(raw, &lists); err != nil {
		return e, typeError("entities", err)
	}
	if strict {
		if err := unknownField(lists, "|"+strings.Join(EntityTypes, "|")+"|", "entities."); err != nil {
			return e, err
		}
	}
	for _, typ := range EntityTypes {
		var names []string
		if err := unmarshalField(lists, "entities.", typ, &names); err != nil {
			return e, err
		}
		e.Set(typ, names)
	}
	return e, nil
}

// unmarshalField decodes fields[name], when present, into dst; an error
// names the field as prefix+name.
func unmarshalField(fields map[string]json.RawMessage, prefix, name string, dst any) error {
	raw, ok := fields[name]
	if !ok {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return typeError(prefix+name, err)
	}
	return nil
}

// unknownField returns a *FieldError for the first field (in sorted order)
// whose name is not in known, a list between bars.
func unknownField(fields map[string]json.RawMessage, known, prefix string) error {
	var unknown []string
	for name := range fields {
		if !strings.Contains(known, "|"+name+"|") {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return &FieldError{Field: prefix + unknown[0],
		Msg: fmt.Sprintf("unknown field (the fields are %s)", strings.ReplaceAll(strings.Trim(known, "|"), "|", ", "))}
}

// typeError turns a decoding error of field into a *FieldError saying
// which JSON type was expected and which was found.
func typeError(field string, err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return &FieldError{Field: field, Msg: fmt.Sprint(err)}
	}
	want := map[string]string{"string": "a string", "ptr": "a string", "slice": "a list of strings",
		"map": "an object"}[te.Type.Kind().String()]
	return &FieldError{Field: field, Msg: fmt.Sprintf("must be %s, not a JSON %s", want, te.Value)}
}

// jsonKind names the kind of JSON value raw starts with.
func jsonKind(raw []byte) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// parsePublished parses the published field: RFC 3339, or a date alone for
// midnight UTC. Nil and "" mean unknown.
func parsePublished(s *string) (*time.Time, error) {
	if s == nil || strings.TrimSpace(*s) == "" {
		return nil, nil
	}
	v := strings.TrimSpace(*s)
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		var dateErr error
		if t, dateErr = time.Parse(time.DateOnly, v); dateErr != nil {
			return nil, &FieldError{Field: "published",
				Msg: fmt.Sprintf("not an RFC 3339 time: %q (want 2024-04-10T09:00:00Z, or a date alone: 2024-04-10)", v)}
		}
	}
	t = t.UTC()
	return &t, nil
}
