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
		{"JSON Lines", "{\"id\":\"a\",\"title\":\"T\"}\n{\"id\":\"b\",\"title\":\"U\"}\n", []string{"a", "b"}},
		{"JSON Lines with blank lines and CRLF", "\r\n{\"id\":\"a\",\"title\":\"T\"}\r\n\r\n{\"id\":\"b\",\"title\":\"U\"}\r\n", []string{"a", "b"}},
		{"byte order mark", "\xef\xbb\xbf{\"id\":\"a\",\"title\":\"T\"}", []string{"a"}},
		{"no id: content hash", `{"title":"T","body":"B"}`, []string{ContentID("T", "B")}},
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
		"source":"Wire","url":"https://example.com/a","lang":"EN","entities":{"person":["Joe Biden","Fumio Kishida","Joe Biden",""]}}`, true)
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "Spaced title" || a.Body != "Para one.\n\nPara two." || formatTime(a.Published) != "2024-04-10T00:00:00Z" ||
		a.Lang != "en" || !reflect.DeepEqual(a.Entities.Person, []string{"Fumio Kishida", "Joe Biden"}) {
		t.Errorf("decoded %+v", a)
	}
	ja, err := decodeString(`{"body":"岸田文雄首相はワシントンを訪れた。会談は二時間に及んだ。"}`, true)
	if err != nil {
		t.Fatal(err)
	}
	if ja[0].Lang != "ja" || ja[0].Title != "岸田文雄首相はワシントンを訪れた。" {
		t.Errorf("Japanese article without title: lang %q title %q", ja[0].Lang, ja[0].Title)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in  string
		strict    bool
		wantIndex int
		wantLine  int
		wantField string
		wantMsg   string
	}{
		{"empty", "", true, 0, 1, "", "no articles"},
		{"empty array", "[]", true, 0, 1, "", "no articles"},
		{"no title or body", `[{"id":"a","title":"x"},` + "\n" + `{"id":"b"}]`, true, 1, 2, "title", "both are empty"},
		{"wrong type", `{"title":1}`, true, 0, 1, "title", "must be a string"},
		{"entities wrong type", `{"title":"t","entities":{"person":"Kishida"}}`, true, 0, 1, "entities.person", "list of strings"},
		{"bad date", "{\"title\":\"a\"}\n{\"title\":\"b\",\"published\":\"yesterday\"}", true, 1, 2, "published", "RFC 3339"},
		{"year out of range", `{"title":"a","published":"0001-01-01T00:00:00Z"}`, true, 0, 1, "published", "out of range"},
		{"unknown field, strict", `{"title":"a","colour":"red"}`, true, 0, 1, "colour", "unknown field"},
		{"truncated", "{\"title\":\"a\"}\n{\"title\":", true, 1, 2, "", "ends in the middle"},
		{"truncated array", `[{"title":"a"}`, true, 1, 1, "", "ends in the middle"},
		{"garbage after array", `[{"title":"a"}] x`, true, 1, 1, "", "after the array"},
		{"not an object", `[{"title":"a"}, 42]`, true, 1, 1, "", "not a JSON object"},
		{"deep nesting", strings.Repeat("[", 20000), true, 0, 1, "", "invalid JSON"},
		{"invalid UTF-8", "{\"title\":\"a\"}\n{\"title\":\"\xff\"}", true, 0, 2, "", "not valid UTF-8"},
		{"NUL in body", `{"title":"a","body":"x\u0000y"}`, true, 0, 1, "body", "control character"},
		{"duplicate id", "{\"id\":\"a\",\"title\":\"x\"}\n{\"id\":\"a\",\"title\":\"y\"}", true, 1, 2, "id", "repeats the id of article 0"},
		{"bad lang", `{"title":"a","lang":"fr"}`, false, 0, 1, "lang", "not a supported language"},
		{"bad url", `{"title":"a","url":"ftp://x"}`, false, 0, 1, "url", "http"},
		{"slash in id", `{"id":"a/b","title":"a"}`, false, 0, 1, "id", "'/'"},
		{"huge title", `{"title":"` + strings.Repeat("x", 3000) + `"}`, false, 0, 1, "title", "limit"},
	}
	for _, tt := range tests {
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

func TestDecodeLenientIgnoresUnknownFields(t *testing.T) {
	if _, err := decodeString(`{"title":"a","author":"someone"}`, false); err != nil {
		t.Errorf("lenient decoding refused an unknown field: %v", err)
	}
}

func TestWalk(t *testing.T) {
	type rec struct {
		File, ID string
		Line     int
		Err      string
	}
	var got []rec
	err := Walk([]string{"testdata/walk", "testdata/walk/notes.md"}, func(r Record) error {
		e := ""
		if r.Err != nil {
			e = r.Err.Error()
		}
		got = append(got, rec{r.File, r.Article.ID, r.Line, e})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []rec{
		{"testdata/walk/page.txt", ContentID("Quake hits Osaka", "A strong quake hit Osaka on Tuesday."), 0, ""},
		{"testdata/walk/sub/array.json", "w1", 1, ""},
		{"testdata/walk/sub/array.json", "", 2, `field "title": an article needs a title or a body; both are empty`},
		{"testdata/walk/sub/lines.jsonl", "l1", 1, ""},
		{"testdata/walk/sub/lines.jsonl", "", 3, `field "published": "soon" is not an RFC 3339 time (2024-04-10T09:00:00Z) or a date (2024-04-10)`},
		{"testdata/walk/sub/lines.jsonl", "l3", 4, ""},
		{"testdata/walk/notes.md", "", 0, "not an article file: use .txt, .json, .jsonl or .ndjson"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk records:\n%+v\nwant\n%+v", got, want)
	}
	if err := Walk([]string{"testdata/missing"}, func(Record) error { return nil }); err == nil {
		t.Error("Walk of a missing path: no error")
	}
	stop := errors.New("stop")
	if err := Walk([]string{"testdata/walk"}, func(Record) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Walk did not return fn's error: %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(`{"id":"a","title":"T","body":"B","published":"2024-04-10"}`)
	f.Add("[{\"title\":\"a\"},\n{\"title\":\"b\"}]")
	f.Add("{\"title\":\"a\"}\n{\"title\":")
	f.Fuzz(func(t *testing.T, in string) {
		arts, err := decodeString(in, true)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Decode(%q) error %T, want *InputError", in, err)
			}
			return
		}
		for _, a := range arts {
			if err := a.Validate(Limits{}); err != nil {
				t.Fatalf("Decode(%q) returned an invalid article: %v", in, err)
			}
		}
	})
}
