package indexer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/corpus"
)

// syncStep is one step of a sync scenario: change the corpus folder or
// the index, load the folder, and check what the index holds.
type syncStep struct {
	write  map[string]string // files to write, by name
	remove []string          // files to remove
	del    string            // file whose (only) article is deleted as the API does
	post   string            // title of an article posted as the API does
	sync   bool
	// want are the titles the index holds afterwards, and the counts.
	want                    []string
	articles, unchanged, rm int
}

func page(title string) string { return title + "\n\nA body about " + title + "." }

func TestLoaderSync(t *testing.T) {
	tests := []struct {
		name  string
		steps []syncStep
	}{
		{"an edited page replaces its article", []syncStep{
			{write: map[string]string{"a.txt": page("Old")}, want: []string{"Old"}, articles: 1},
			{write: map[string]string{"a.txt": page("New")}, want: []string{"New"}, articles: 1},
		}},
		{"an unchanged restart skips the file and indexes nothing", []syncStep{
			{write: map[string]string{"a.txt": page("A"), "b.txt": page("B")}, want: []string{"A", "B"}, articles: 2},
			{want: []string{"A", "B"}, unchanged: 2},
		}},
		{"a deleted article stays deleted until its file changes", []syncStep{
			{write: map[string]string{"a.txt": page("A"), "b.txt": page("B")}, want: []string{"A", "B"}, articles: 2},
			{del: "a.txt", want: []string{"B"}, unchanged: 2},
			{write: map[string]string{"a.txt": page("A2")}, want: []string{"A2", "B"}, articles: 1, unchanged: 1},
		}},
		{"an article gone from a JSON Lines file is deleted", []syncStep{
			{write: map[string]string{"l.jsonl": `{"id":"x","title":"X"}` + "\n" + `{"id":"y","title":"Y"}`}, want: []string{"X", "Y"}, articles: 2},
			{write: map[string]string{"l.jsonl": `{"id":"y","title":"Y2"}`}, want: []string{"Y2"}, articles: 1},
		}},
		{"an article moved to another file is kept", []syncStep{
			{write: map[string]string{"a.jsonl": `{"id":"x","title":"X"}`, "b.jsonl": `{"id":"y","title":"Y"}`}, want: []string{"X", "Y"}, articles: 2},
			{write: map[string]string{"a.jsonl": `{"id":"y","title":"Y"}` + "\n" + `{"id":"x","title":"X"}`, "b.jsonl": ""}, want: []string{"X", "Y"}, articles: 2},
		}},
		{"sync removes a gone file's articles and keeps posted ones", []syncStep{
			{write: map[string]string{"a.txt": page("A"), "sub/b.txt": page("B")}, post: "Posted", want: []string{"A", "B", "Posted"}, articles: 2},
			{remove: []string{"sub/b.txt"}, want: []string{"A", "B", "Posted"}, unchanged: 1},
			{remove: []string{"sub/b.txt"}, sync: true, want: []string{"A", "Posted"}, unchanged: 1, rm: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "corpus")
			ix := newTestIndex(t)
			for i, st := range tt.steps {
				runSyncStep(t, ix, dir, st, fmt.Sprintf("step %d", i+1))
			}
		})
	}
}

func newTestIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := NewInMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// runSyncStep applies st to the folder dir and ix, loads dir and checks.
func runSyncStep(t *testing.T, ix *Index, dir string, st syncStep, name string) {
	t.Helper()
	ctx := context.Background()
	for file, content := range st.write {
		writeFile(t, filepath.Join(dir, file), content)
	}
	for _, file := range st.remove {
		os.Remove(filepath.Join(dir, file))
	}
	if st.del != "" {
		id := corpus.FileID("", "corpus/"+st.del, 0, false)
		if err := ix.Delete(ctx, id); err != nil {
			t.Fatalf("%s: delete %s: %v", name, id, err)
		}
	}
	if st.post != "" {
		if err := ix.Put(ctx, []corpus.Article{{Title: st.post, Body: "posted"}}); err != nil {
			t.Fatal(err)
		}
	}
	stats, err := LoadPathsWith(ctx, ix, []string{dir}, LoadOptions{Sync: st.sync}, io.Discard)
	if err != nil {
		t.Fatalf("%s: load: %v", name, err)
	}
	if got := titles(t, ix); !reflect.DeepEqual(got, st.want) {
		t.Errorf("%s: index holds %q, want %q", name, got, st.want)
	}
	if stats.Articles != st.articles || stats.Unchanged != st.unchanged || stats.Removed != st.rm {
		t.Errorf("%s: stats %+v, want %d articles, %d unchanged, %d removed", name, stats, st.articles, st.unchanged, st.rm)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// titles returns the sorted titles of every article in ix.
func titles(t *testing.T, ix *Index) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1000, 0, false)
	req.Fields = []string{FieldTitle}
	res, err := ix.Bleve().Search(req)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, stringField(h.Fields[FieldTitle]))
	}
	sort.Strings(out)
	return out
}

// TestDigestOnlyWithItsArticles fails the second batch of a load: the
// file whose articles were all in the first batch has its digest, the
// file whose last articles were in the failed batch has none (so it is
// read again, whole), and a load without the fault completes it.
func TestDigestOnlyWithItsArticles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	writeFile(t, filepath.Join(dir, "a.txt"), page("A"))
	var lines []string
	for i := 0; i < LoadBatch+10; i++ {
		lines = append(lines, fmt.Sprintf(`{"id":"n%d","title":"N%d"}`, i, i))
	}
	writeFile(t, filepath.Join(dir, "big.jsonl"), strings.Join(lines, "\n"))
	ix := newTestIndex(t)
	batches, fault := 0, errors.New("disk full")
	ix.beforeBatch = func() error {
		if batches++; batches == 2 {
			return fault
		}
		return nil
	}
	ctx := context.Background()
	if _, err := LoadPaths(ctx, ix, []string{dir}, io.Discard); !errors.Is(err, fault) {
		t.Fatalf("load with a failing second batch: %v, want the fault", err)
	}
	for file, want := range map[string]bool{"a.txt": true, "big.jsonl": false} {
		d, err := ix.FileDigest(filepath.Join(dir, file))
		if err != nil || (d != "") != want {
			t.Errorf("after the fault, digest of %s = %q, %v; want recorded %v", file, d, err, want)
		}
	}
	ix.beforeBatch = nil
	st, err := LoadPaths(ctx, ix, []string{dir}, io.Discard)
	if err != nil || st.Unchanged != 1 || st.Articles != LoadBatch+10 {
		t.Fatalf("second load: %+v, %v; want a.txt unchanged and big.jsonl read whole", st, err)
	}
	if d, _ := ix.FileDigest(filepath.Join(dir, "big.jsonl")); d == "" {
		t.Error("after a complete load, big.jsonl has no digest")
	}
}
