package corpus

import (
	"bufio"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// rec is a Record reduced to what the walk tests compare.
type rec struct {
	File, ID string
	Line     int
	Err      string
}

// collect walks with w and returns the records it yields.
func collect(t *testing.T, walk func(fn func(Record) error) error) []rec {
	t.Helper()
	var got []rec
	err := walk(func(r Record) error {
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
	return got
}

func TestWalk(t *testing.T) {
	got := collect(t, func(fn func(Record) error) error {
		return Walk([]string{"testdata/walk", "testdata/walk/notes.md", "testdata/walk/sub/array.json"}, fn)
	})
	want := []rec{
		{"testdata/walk/page.txt", ContentID("Quake hits Osaka", "A strong quake hit Osaka on Tuesday."), 0, ""},
		{"testdata/walk/sub/array.json", "w1", 1, ""},
		{"testdata/walk/sub/array.json", "", 2, `field "title": an article needs a title or a body; both are empty`},
		{"testdata/walk/sub/broken.json", "", 3, "the JSON ends in the middle of a value: unexpected EOF"},
		{"testdata/walk/sub/lines.jsonl", "l1", 1, ""},
		{"testdata/walk/sub/lines.jsonl", "", 3, `field "published": not an RFC 3339 time: "soon" (want 2024-04-10T09:00:00Z, or a date alone: 2024-04-10)`},
		{"testdata/walk/sub/lines.jsonl", "l3", 4, ""},
		{"testdata/walk/notes.md", "", 0, "not an article file: use .txt, .html, .htm (or .html.gz), .json, .jsonl or .ndjson"},
		{"testdata/walk/sub/array.json", "w1", 1, ""},
		{"testdata/walk/sub/array.json", "", 2, `field "title": an article needs a title or a body; both are empty`},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk records:\n%+v\nwant\n%+v", got, want)
	}
}

func TestWalkFS(t *testing.T) {
	got := collect(t, func(fn func(Record) error) error {
		return WalkFS(os.DirFS("testdata/walk"), "sub", fn)
	})
	var files []string
	for _, r := range got {
		files = append(files, r.File)
	}
	want := []string{"sub/array.json", "sub/array.json", "sub/broken.json", "sub/lines.jsonl", "sub/lines.jsonl", "sub/lines.jsonl"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("WalkFS files %q, want %q", files, want)
	}
}

func TestWalkErrors(t *testing.T) {
	if err := Walk([]string{"testdata/missing"}, func(Record) error { return nil }); err == nil {
		t.Error("Walk of a missing path: no error")
	}
	if err := WalkFS(os.DirFS("testdata"), "missing", func(Record) error { return nil }); err == nil {
		t.Error("WalkFS of a missing path: no error")
	}
	stop := errors.New("stop")
	calls := 0
	err := Walk([]string{"testdata/walk"}, func(Record) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Walk returned %v after %d calls, want fn's error after 1", err, calls)
	}
}

func TestWalkLongLine(t *testing.T) {
	w := walker{fsys: os.DirFS("testdata/walk/sub"), display: func(n string) string { return n }, maxLine: 45}
	got := collect(t, func(fn func(Record) error) error {
		w.fn = fn
		return w.file("lines.jsonl", true)
	})
	want := []rec{
		{"lines.jsonl", "l1", 1, ""},
		{"lines.jsonl", "", 3, "line longer than 45 bytes"},
		{"lines.jsonl", "l3", 4, ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records %+v, want %+v", got, want)
	}
}

func TestReadLine(t *testing.T) {
	long := strings.Repeat("x", 40)
	in := "short\r\n" + long + "\n" + strings.Repeat("y", 20) + "\n\nlast"
	br := bufio.NewReaderSize(strings.NewReader(in), 16) // smaller than the lines
	type line struct {
		text string
		long bool
	}
	var got []line
	for {
		l, isLong, err := readLine(br, 30)
		if err != nil {
			break
		}
		got = append(got, line{string(l), isLong})
	}
	want := []line{{"short", false}, {"", true}, {strings.Repeat("y", 20), false}, {"", false}, {"last", false}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines %+v, want %+v", got, want)
	}
}
