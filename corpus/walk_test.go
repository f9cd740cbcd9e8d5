package corpus

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// rec is a Record reduced to what the walk tests compare: Err holds the
// error's text, or "skipped: " and why.
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
		if r.Skipped != "" {
			e = "skipped: " + r.Skipped
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
		{"testdata/walk/.hidden", "", 0, "skipped: hidden folder, not read"},
		{"testdata/walk/notes.md", "", 0, "skipped: not an article file (read: .txt, .html, .htm (or .html.gz), .json, .jsonl or .ndjson)"},
		{"testdata/walk/page.txt", FileID("", "walk/page.txt", 0, false), 0, ""},
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

// TestFileIDs checks that an article read from a file without an id gets
// a stable id: from its URL when it has one, else from its file's name
// under the corpus folder (and its place in the file), so that editing
// the file keeps the id; a given id is kept.
func TestFileIDs(t *testing.T) {
	url := "HTTPS://News.Example.com/a?x=1#top"
	tests := []struct {
		name, file, content string
		want                []string
	}{
		{"page without URL", "p.txt", "Quake hits Osaka\n\nA strong quake hit Osaka.", []string{FileID("", "c/p.txt", 0, false)}},
		{"page edited", "p.txt", "Quake hits Kobe\n\nA strong quake hit Kobe.", []string{FileID("", "c/p.txt", 0, false)}},
		{"page with a URL line", "q.txt", "Quake hits Osaka\n\nA strong quake hit Osaka.\n\nURL: " + url, []string{"u" + hex16("https://news.example.com/a?x=1")}},
		{"JSON with and without id", "a.json", `[{"id":"given","title":"T"},{"title":"U"}]`,
			[]string{"given", FileID("", "c/a.json", 2, false)}},
		{"JSON with a URL", "u.json", `{"title":"T","url":"` + url + `"}`,
			[]string{"u" + hex16("https://news.example.com/a?x=1")}},
		{"JSON Lines by line", "l.jsonl", "{\"title\":\"T\"}\n\n{\"title\":\"U\",\"id\":\" \"}\n",
			[]string{FileID("", "c/l.jsonl", 1, true), FileID("", "c/l.jsonl", 3, true)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir() + "/c"
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dir+"/"+tt.file, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, root := range []string{dir, dir + "/" + tt.file} { // a folder and the file named alone agree
				var ids []string
				err := Walk([]string{root}, func(r Record) error {
					if r.Err != nil {
						return r.Err
					}
					if err := ValidateID(r.Article.ID); err != nil {
						t.Errorf("id %q: %v", r.Article.ID, err)
					}
					if r.Rel != "c/"+tt.file || len(r.Digest) != 64 || r.Path != dir+"/"+tt.file {
						t.Errorf("record Rel %q Digest %q Path %q", r.Rel, r.Digest, r.Path)
					}
					ids = append(ids, r.Article.ID)
					return nil
				})
				if err != nil || !reflect.DeepEqual(ids, tt.want) {
					t.Errorf("Walk(%s) ids %q, %v; want %q", root, ids, err, tt.want)
				}
			}
		})
	}
}

// TestWalkSameFolderNames checks that two corpus folders of the same name
// are refused before any file is read, naming both; the same folder
// twice, or a file in it, is no clash.
func TestWalkSameFolderNames(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a", "news"), filepath.Join(root, "b", "news")
	for _, dir := range []string{a, b} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte("Quake hits Osaka\nA quake hit Osaka."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		paths []string
		clash bool
	}{
		{"two folders named news", []string{a, b}, true},
		{"a folder and a file in another named news", []string{a, filepath.Join(b, "x.txt")}, true},
		{"the same folder twice", []string{a, a + string(filepath.Separator)}, false},
		{"a folder and a file in it", []string{a, filepath.Join(a, "x.txt")}, false},
		{"folders of different names", []string{a, filepath.Join(root, "b")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			records := 0
			err := Walk(tt.paths, func(Record) error { records++; return nil })
			if !tt.clash {
				if err != nil {
					t.Errorf("Walk: %v, want none", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), `same name "news": `+a+" and "+b) || !strings.Contains(err.Error(), "rename one folder") {
				t.Errorf("Walk: %v, want an error naming %s and %s and what to do", err, a, b)
			}
			if records != 0 {
				t.Errorf("%d records before the error, want none", records)
			}
		})
	}
}
