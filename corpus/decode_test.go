package corpus

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func decodeString(s string, strict bool) ([]Article, error) {
	return Decode(strings.NewReader(s), DecodeOptions{Strict: strict})
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in string
		wantIDs  []string
	}{
		{"object", `{"id":"a","title":"T","body":"B"}`, []string{"a"}},
		{"pretty object", "{\n  \"id\": \"a\",\n  \"title\": \"T\"\n}\n", []string{"a"}},
		{"array", `[{"id":"a","title":"T"},{"id":"b","title":"U"}]`, []string{"a", "b"}},
		{"pretty array", "[\n  {\"id\": \"a\", \"title\": \"T\"},\n  {\"id\": \"b\", \"title\": \"U\"}\n]\n", []string{"a", "b"}},
		{"JSON Lines", "{\"id\":\"a\",\"title\":\"T\"}\n{\"id\":\"b\",\"title\":\"U\"}\n", []string{"a", "b"}},
		{"JSON Lines with blank lines and CRLF", "\r\n{\"id\":\"a\",\"title\":\"T\"}\r\n\r\n\n{\"id\":\"b\",\"title\":\"U\"}\r\n", []string{"a", "b"}},
		{"byte order mark", "\xef\xbb\xbf{\"id\":\"a\",\"title\":\"T\"}", []string{"a"}},
		{"no id: content hash", `{"title":"T","body":"B"}`, []string{ContentID("T", "B")}},
		{"nulls", `{"id":"a","title":"T","published":null,"entities":null,"source":null}`, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := decodeString(tt.in, true)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if !reflect.DeepEqual(ids, tt.wantIDs) {
				t.Errorf("ids %q, want %q", ids, tt.wantIDs)
			}
		})
	}
}

func TestDecodeFields(t *testing.T) {
	arts, err := decodeString(`{"id":"a","title":"  Spaced   title ","body":"Para one.\r\n\r\n\r\nPara two.","published":"2024-04-10",
		"source":"Wire","url":"https://example.com/a","lang":"EN","entities":{"person":["Joe Biden","Fumio Kishida","Joe Biden",""],"place":[" Tokyo "]}}`, true)
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	want := Entities{Person: []string{"Fumio Kishida", "Joe Biden"}, Place: []string{"Tokyo"}}
	if a.Title != "Spaced title" || a.Body != "Para one.\n\nPara two." || formatTime(a.Published) != "2024-04-10T00:00:00Z" ||
		a.Source != "Wire" || a.URL != "https://example.com/a" || a.Lang != "en" || !reflect.DeepEqual(a.Entities, want) {
		t.Errorf("decoded %+v", a)
	}
	arts, err = decodeString(`{"title":"t","published":"2024-04-10T12:00:00+09:00"}`, true)
	if err != nil || formatTime(arts[0].Published) != "2024-04-10T03:00:00Z" {
		t.Errorf("RFC 3339 with an offset: %v, %v", err, arts)
	}
	ja, err := decodeString(`{"body":"岸田文雄首相はワシントンを訪れた。会談は二時間に及んだ。"}`, true)
	if err != nil {
		t.Fatal(err)
	}
	if ja[0].Lang != "ja" || ja[0].Title != "岸田文雄首相はワシントンを訪れた。" {
		t.Errorf("Japanese article without title: lang %q title %q", ja[0].Lang, ja[0].Title)
	}
}

// decodeErrorCase is malformed input and the *InputError decoding it
// must give.
type decodeErrorCase struct {
	name, in  string
	strict    bool
	wantIndex int
	wantLine  int
	wantField string
	wantMsg   string
}

// decodeErrorCases is TestDecodeErrors' table; read only.
var decodeErrorCases = []decodeErrorCase{
	{"empty", "", true, 0, 0, "", "no articles in the input"},
	{"blank lines", "\n  \n", true, 0, 0, "", "no articles in the input"},
	{"empty array", "[]", true, 0, 0, "", "no articles in the input"},
	{"no title or body", `[{"id":"a","title":"x"},` + "\n" + `{"id":"b"}]`, true, 1, 2, "title", "both are empty"},
	{"wrong type", `{"title":1}`, true, 0, 1, "title", `field "title": must be a string, not a JSON number`},
	{"wrong type in array", "[\n{\"title\":\"a\"},\n{\"title\":\"b\",\"body\":[\"x\"]}]", true, 1, 3, "body", "must be a string, not a JSON array"},
	{"entities wrong type", `{"title":"t","entities":{"person":"Kishida"}}`, true, 0, 1, "entities.person", "must be a list of strings, not a JSON string"},
	{"entities not an object", `{"title":"t","entities":["Kishida"]}`, true, 0, 1, "entities", "must be an object, not a JSON array"},
	{"entity name too long", `{"title":"t","entities":{"place":["` + strings.Repeat("x", 201) + `"]}}`, true, 0, 1, "entities.place", "names must be"},
	{"bad date", "{\"title\":\"a\"}\n{\"title\":\"b\",\"published\":\"yesterday\"}", true, 1, 2, "published",
		`article 1 (line 2): field "published": not an RFC 3339 time: "yesterday"`},
	{"published not a string", `{"title":"a","published":20240410}`, true, 0, 1, "published", "must be a string"},
	{"year out of range", `{"title":"a","published":"0001-01-01T00:00:00Z"}`, true, 0, 1, "published", "out of range"},
	{"unknown field, strict", `{"title":"a","colour":"red","author":"x"}`, true, 0, 1, "author", "unknown field"},
	{"unknown entity type, strict", `{"title":"a","entities":{"event":["G7"]}}`, true, 0, 1, "entities.event", "unknown field"},
	{"truncated", "{\"title\":\"a\"}\n{\"title\":", true, 1, 2, "", "ends in the middle of a value"},
	{"truncated array", `[{"title":"a"}`, true, 1, 1, "", "ends in the middle of a value"},
	{"garbage after array", "[{\"title\":\"a\"}]\nx", true, 1, 2, "", "unexpected text after the array"},
	{"garbage after object", `{"title":"a"} x`, true, 1, 1, "", "invalid JSON"},
	{"garbage line in JSON Lines", "{\"title\":\"a\"}\n{\"title\":\"b\"}\nnot json", true, 2, 3, "", "invalid JSON"},
	{"syntax error inside a pretty object", "[\n{\n\"title\": \"a\",\n\"body\": x\n}]", true, 0, 2, "", "(on line 4)"},
	{"not an object", `[{"title":"a"}, 42]`, true, 1, 1, "", "not a JSON object but a number"},
	{"top-level string", `"hello"`, true, 0, 1, "", "not a JSON object but a string"},
	{"deep nesting", strings.Repeat("[", 20000), true, 0, 1, "", "invalid JSON"},
	{"deep nesting in a field", `{"title":` + strings.Repeat("[", 20000), true, 0, 1, "", "invalid JSON"},
	{"invalid UTF-8", "{\"title\":\"a\"}\n{\"title\":\"\xff\"}", true, 1, 2, "", "invalid UTF-8 at byte 10"},
	{"NUL in body", `{"title":"a","body":"x\u0000y"}`, true, 0, 1, "body", "control character U+0000"},
	{"duplicate id", "{\"id\":\"a\",\"title\":\"x\"}\n\n{\"id\":\"a\",\"title\":\"y\"}", true, 1, 3, "id",
		`article 1 (line 3): field "id": "a" repeats the id of article 0 (line 1)`},
	{"duplicate content", `[{"title":"x"},{"title":"x"}]`, false, 1, 1, "id", "repeats the id of article 0"},
	{"bad lang", `{"title":"a","lang":"fr"}`, false, 0, 1, "lang", "not a supported language"},
	{"bad url", `{"title":"a","url":"ftp://x"}`, false, 0, 1, "url", "http"},
	{"relative url", `{"title":"a","url":"/news/1"}`, false, 0, 1, "url", "absolute"},
	{"slash in id", `{"id":"a/b","title":"a"}`, false, 0, 1, "id", "'/'"},
	{"source on two lines", `{"title":"a","source":"` + strings.Repeat("x", 201) + `"}`, false, 0, 1, "source", "one line"},
}

// TestDecodeErrors checks the index, line, field and message of the error
// for each input of decodeErrorCases.
func TestDecodeErrors(t *testing.T) {
	for _, tt := range decodeErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := decodeString(tt.in, tt.strict)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v (%d articles), want *InputError", err, len(arts))
			}
			if arts != nil {
				t.Errorf("articles returned with an error")
			}
			if ie.Index != tt.wantIndex || ie.Line != tt.wantLine || ie.Field != tt.wantField || !strings.Contains(ie.Error(), tt.wantMsg) {
				t.Errorf("got index %d line %d field %q: %v\nwant index %d line %d field %q containing %q",
					ie.Index, ie.Line, ie.Field, ie, tt.wantIndex, tt.wantLine, tt.wantField, tt.wantMsg)
			}
		})
	}
}

// limits returns an Accept that validates with l.
func limits(l Limits) func(*Article) error {
	return func(a *Article) error { return a.Validate(l) }
}

func TestDecodeLimits(t *testing.T) {
	in := `{"title":"` + strings.Repeat("x", 3000) + `"}`
	if _, err := Decode(strings.NewReader(in), DecodeOptions{Accept: limits(Limits{MaxTitleBytes: 4096})}); err != nil {
		t.Errorf("a 3000-byte title under a 4096-byte limit: %v", err)
	}
	in = `{"title":"t","body":"` + strings.Repeat("x", 200) + `"}`
	_, err := Decode(strings.NewReader(in), DecodeOptions{Accept: limits(Limits{MaxBodyBytes: 100})})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "body" {
		t.Errorf("a 200-byte body under a 100-byte limit: %v", err)
	}
}

func TestDecodeStrictness(t *testing.T) {
	in := `{"title":"a","author":"someone","entities":{"event":["G7"],"place":["Tokyo"]}}`
	arts, err := decodeString(in, false)
	if err != nil {
		t.Fatalf("lenient decoding refused unknown fields: %v", err)
	}
	if !reflect.DeepEqual(arts[0].Entities.Place, []string{"Tokyo"}) {
		t.Errorf("entities %+v", arts[0].Entities)
	}
	if _, err := decodeString(in, true); err == nil {
		t.Error("strict decoding took unknown fields")
	}
}

func TestInputErrorFormat(t *testing.T) {
	tests := []struct {
		err  *InputError
		want string
	}{
		{&InputError{Index: 3, Line: 4, Field: "published", Err: errors.New("not an RFC 3339 time")},
			`article 3 (line 4): field "published": not an RFC 3339 time`},
		{&InputError{Index: 3, Line: 4, Field: "title", Err: &FieldError{Field: "title", Msg: "too long"}},
			`article 3 (line 4): field "title": too long`},
		{&InputError{Index: 0, Line: 1, Err: errors.New("invalid JSON")}, "article 0 (line 1): invalid JSON"},
		{&InputError{Err: errors.New("no articles in the input")}, "no articles in the input"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	inner := &FieldError{Field: "url", Msg: "bad"}
	var fe *FieldError
	if !errors.As(&InputError{Err: inner}, &fe) || fe != inner {
		t.Error("errors.As does not find the FieldError inside an InputError")
	}
}

// FuzzDecode checks that Decode never panics, fails only with an
// *InputError and no articles, and otherwise returns at least one article,
// each valid and with an ID of its own.
func FuzzDecode(f *testing.F) {
	f.Add(`{"id":"a","title":"T","body":"B","published":"2024-04-10"}`, true)
	f.Add("[{\"title\":\"a\"},\n{\"title\":\"b\",\"entities\":{\"person\":[\"X\",\"X\"]}}]", false)
	f.Add("{\"title\":\"a\"}\n\n{\"title\":", true)
	f.Add(`{"body":"岸田首相は訪米した。","lang":"JA","url":"https://x.jp/1"}`, false)
	for _, in := range []string{
		// Not articles at all.
		"", " \n\t", "null", "[]", "{}", "[{}]", "[null]", `"x"`, "1", "true", "[[]]", "\xef\xbb\xbf",
		// Truncated JSON.
		"{", "[", `{"title":"a`, `[{"title":"a"},`, `{"title":"a"}` + "\n{", `{"title":"\u00`, `{"title":"a\`,
		// Deeply nested JSON.
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
		`{"title":"a","entities":` + strings.Repeat(`{"x":`, 2000) + "1" + strings.Repeat("}", 2000) + "}",
		`{"title":"a","extra":` + strings.Repeat("[", 20000) + "}",
		// Invalid UTF-8, NUL and control characters, raw and escaped.
		"{\"title\":\"bad\xffutf8\"}", "{\"title\":\"a\x00b\"}", `{"title":"a\u0000b"}`, `{"title":"\ud800"}`,
		"{\"title\":\"tab\tand\x1bescape\"}", `{"title":"\u0007\u001b\u007f\u0085"}`, "{\"title\":\"a\"}\x00",
		// Huge words, fields and duplicates.
		`{"title":"` + strings.Repeat("x", DefaultMaxTitleBytes+1) + `"}`,
		`{"body":"` + strings.Repeat("あ", 10000) + `"}`,
		`{"id":"a","title":"T"}` + "\n" + `{"id":"a","title":"U"}`,
		`{"title":"a","title":"b"}`,
		// Wrong types and strange values.
		`{"title":1}`, `{"title":["a"]}`, `{"entities":{"person":"X"}}`, `{"entities":{"animal":["cat"]}}`,
		`{"title":"a","published":"2024-02-30"}`, `{"title":"a","published":"10000-01-01T00:00:00Z"}`, `{"title":"a","published":null}`,
		`{"title":"a","lang":"xx"}`, `{"title":"a","url":"javascript:alert(1)"}`, `{"title":" ","body":"\n"}`,
		// Layouts: JSON Lines with CRLF and blank lines, a pretty array, mixed scripts.
		"\r\n{\"title\":\"a\"}\r\n\r\n{\"title\":\"b\"}\r\n", "[\n {\"title\": \"a\"},\n {\"title\": \"b\"}\n]\n",
		`{"title":"AIとGPUの話 Kishida’s U.S. visit","body":"Привет 😀"}`,
	} {
		f.Add(in, true)
		f.Add(in, false)
	}
	f.Fuzz(func(t *testing.T, in string, strict bool) {
		arts, err := decodeString(in, strict)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || arts != nil {
				t.Fatalf("Decode(%q) = %d articles, error %T %v; want none and an *InputError", in, len(arts), err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, a := range arts {
			if err := a.Validate(Unbounded); err != nil || seen[a.ID] {
				t.Fatalf("Decode(%q) returned an invalid or repeated article: %v", in, err)
			}
			seen[a.ID] = true
		}
		if len(arts) == 0 {
			t.Fatalf("Decode(%q) returned no articles and no error", in)
		}
	})
}
