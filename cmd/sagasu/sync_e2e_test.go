package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// syncPhase is one start of serve --corpus (or none) after changing the
// corpus folder, with the articles it must then hold or lack.
type syncPhase struct {
	name      string
	write     map[string]string // files to write
	remove    []string          // files to remove
	index     []string          // run "sagasu index" with these flags on the folder first
	corpus    bool              // serve with --corpus
	want      map[string]string // article id → title ("" for absent)
	log       string            // what serve's log or index's output must say
	del, post string            // id to delete and JSON to post through the API, after the checks
}

// TestCorpusStaysInSync restarts serve --corpus over a folder: an article
// deleted through the API stays deleted while its file is unchanged, an
// edited file replaces its article, an unchanged restart indexes nothing,
// and index --sync removes a gone file's article but not a posted one.
func TestCorpusStaysInSync(t *testing.T) {
	root := t.TempDir()
	dir, data := filepath.Join(root, "news"), filepath.Join(root, "idx")
	a, b := corpus.FileID("", "news/a.txt", 0, false), corpus.FileID("", "news/b.txt", 0, false)
	phases := []syncPhase{
		{name: "first start", corpus: true,
			write: map[string]string{"a.txt": "Quokka seen\n\nA quokka was seen.", "b.txt": "Wombat seen\n\nA wombat was seen."},
			want:  map[string]string{a: "Quokka seen", b: "Wombat seen"}, log: `"articles":2,`,
			del: a, post: `{"id":"posted-1","title":"Posted","body":"Posted through the API."}`},
		{name: "unchanged restart", corpus: true,
			want: map[string]string{a: "", b: "Wombat seen", "posted-1": "Posted"}, log: `"articles":0,"errors":0,"warnings":0,"unchanged_files_skipped":2`},
		{name: "edited file", corpus: true, write: map[string]string{"a.txt": "Quokka again\n\nThe quokka is back."},
			want: map[string]string{a: "Quokka again", b: "Wombat seen"}},
		{name: "index --sync after removing a file", remove: []string{"b.txt"}, index: []string{"--sync"},
			want: map[string]string{a: "Quokka again", b: "", "posted-1": "Posted"}, log: "articles of removed files deleted"},
	}
	for _, ph := range phases {
		for name, text := range ph.write {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range ph.remove {
			os.Remove(filepath.Join(dir, name))
		}
		runSyncPhase(t, ph, dir, data)
	}
}

// runSyncPhase runs one phase and checks it.
func runSyncPhase(t *testing.T, ph syncPhase, dir, data string) {
	t.Helper()
	out := ""
	if ph.index != nil {
		stdout, stderr, err := runCmd(t, append(append([]string{"index", "--data", data}, ph.index...), dir)...)
		if err != nil {
			t.Fatalf("%s: index: %v\n%s", ph.name, err, stderr)
		}
		out = stdout + stderr
	}
	var args []string
	if ph.corpus {
		args = []string{"--corpus", dir}
	}
	s := startServer(t, data, map[string]string{"SAGASU_API_KEY": testKey}, args...)
	defer s.stop()
	if !strings.Contains(out+s.logs.String(), ph.log) {
		t.Errorf("%s: output lacks %q:\n%s%s", ph.name, ph.log, out, s.logs)
	}
	for id, title := range ph.want {
		var got struct {
			Title string `json:"title"`
		}
		code := s.do(t, "GET", "/api/v1/articles/"+id, "", "", &got)
		if (title == "" && code != 404) || (title != "" && (code != 200 || got.Title != title)) {
			t.Errorf("%s: article %s: status %d title %q, want %q", ph.name, id, code, got.Title, title)
		}
	}
	if ph.del != "" && s.do(t, "DELETE", "/api/v1/articles/"+ph.del, testKey, "", nil) != 200 {
		t.Errorf("%s: delete %s failed", ph.name, ph.del)
	}
	if ph.post != "" && s.do(t, "POST", "/api/v1/articles", testKey, ph.post, nil) != 200 {
		t.Errorf("%s: post failed", ph.name)
	}
}
