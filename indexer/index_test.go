package indexer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/corpus"
)

// fixedAnnotator tags every article with the same entities, to check that
// Put stores what the annotator returns.
type fixedAnnotator struct{ e corpus.Entities }

func (f fixedAnnotator) Annotate(corpus.Article) corpus.Entities { return f.e }

func published(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestPutGetRoundTrip(t *testing.T) {
	ctx := context.Background()
	ann := fixedAnnotator{corpus.Entities{Person: []string{"Fumio Kishida"}, Place: []string{"Japan", "Tokyo"}}}
	ix, err := NewInMemory(Options{Annotator: ann})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	in := corpus.Article{ID: "a1", Title: "Kishida in Tokyo", Body: "The prime minister spoke.",
		Published: published("2024-04-10T03:33:00Z"), Source: "Test Wire", URL: "https://example.com/a1", Lang: "en"}
	if err := ix.Put(ctx, []corpus.Article{in}); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Get(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.Entities = ann.e
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Get = %+v\nwant %+v", got, want)
	}
	if n, _ := ix.Count(context.Background()); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
}

func TestPutIsAtomic(t *testing.T) {
	ctx := context.Background()
	ix, err := NewInMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		name      string
		batch     []corpus.Article
		wantIndex int
		wantMsg   string
	}{
		{"empty article", []corpus.Article{{ID: "ok", Title: "fine"}, {ID: "bad"}}, 1, "title"},
		{"duplicate id", []corpus.Article{{ID: "d", Title: "one"}, {ID: "x", Title: "two"}, {ID: "d", Title: "three"}}, 2, "same id as article 0"},
		{"bad lang", []corpus.Article{{ID: "l", Title: "t", Lang: "fr"}}, 0, "lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ix.Put(ctx, tt.batch)
			var be *BatchError
			if !errors.As(err, &be) {
				t.Fatalf("Put error = %v, want *BatchError", err)
			}
			if be.Index != tt.wantIndex || !strings.Contains(be.Error(), tt.wantMsg) {
				t.Errorf("BatchError = %q (index %d), want index %d mentioning %q", be, be.Index, tt.wantIndex, tt.wantMsg)
			}
			if n, _ := ix.Count(context.Background()); n != 0 {
				t.Errorf("%d articles indexed from a refused batch", n)
			}
		})
	}
}

func TestReplaceAndDelete(t *testing.T) {
	ctx := context.Background()
	ix, err := NewInMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	put := func(title string) {
		t.Helper()
		if err := ix.Put(ctx, []corpus.Article{{ID: "r", Title: title}}); err != nil {
			t.Fatal(err)
		}
	}
	put("first")
	put("second")
	if a, _ := ix.Get(ctx, "r"); a.Title != "second" {
		t.Errorf("after re-put, title %q, want second", a.Title)
	}
	if n, _ := ix.Count(context.Background()); n != 1 {
		t.Errorf("Count = %d after replacing, want 1", n)
	}
	if err := ix.Delete(ctx, "r"); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Get(ctx, "r"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := ix.Delete(ctx, "r"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v, want ErrNotFound", err)
	}
}

// TestOpen checks creating, locking, reopening and refusing an index folder.
func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	ix, created, err := Open(dir, Options{})
	if err != nil || !created {
		t.Fatalf("Open new: created %v, err %v", created, err)
	}
	if err := ix.Put(ctx, []corpus.Article{{ID: "p", Title: "persisted"}}); err != nil {
		t.Fatal(err)
	}

	t.Run("a second opener fails fast with a clear message", func(t *testing.T) {
		start := time.Now()
		_, _, err := Open(dir, Options{})
		if err == nil || !strings.Contains(err.Error(), "in use by another process") {
			t.Errorf("second Open: %v, want 'in use by another process'", err)
		}
		if time.Since(start) > 30*time.Second {
			t.Errorf("second Open took %v", time.Since(start))
		}
	})

	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, created, err = Open(dir, Options{})
	if err != nil || created {
		t.Fatalf("reopen: created %v, err %v", created, err)
	}
	if a, err := ix.Get(ctx, "p"); err != nil || a.Title != "persisted" {
		t.Errorf("after reopen: %+v, %v", a, err)
	}
	ix.Close()

	t.Run("mapping version mismatch", func(t *testing.T) { checkMappingVersionMismatch(t, dir) })
	t.Run("empty folder is created into, a foreign folder is refused", checkEmptyAndForeignFolders)
}

// checkMappingVersionMismatch stamps the index in dir with an old mapping
// version and checks that Open then refuses it.
func checkMappingVersionMismatch(t *testing.T, dir string) {
	t.Helper()
	ix, _, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.bleve.SetInternal(mappingVersionKey, []byte("0")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	_, _, err = Open(dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "mapping version") {
		t.Errorf("Open with old mapping: %v, want a mapping version error", err)
	}
}

// checkEmptyAndForeignFolders checks that Open creates an index in an
// empty folder and refuses a folder holding something else.
func checkEmptyAndForeignFolders(t *testing.T) {
	empty := t.TempDir()
	ix, created, err := Open(empty, Options{})
	if err != nil || !created {
		t.Fatalf("Open empty folder: created %v, err %v", created, err)
	}
	ix.Close()
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("x"), 0o644)
	if _, _, err := Open(foreign, Options{}); err == nil || !strings.Contains(err.Error(), "holds no index") {
		t.Errorf("Open foreign folder: %v", err)
	}
}

// TestOpenChecksAnalyzer checks that an index records the analyzer it was
// built with and that Open refuses another one, an unknown one, and takes
// an index that records none (built before variants) as the default's.
func TestOpenChecksAnalyzer(t *testing.T) {
	dir := t.TempDir()
	minimal := analysis.Variant{Stemmer: analysis.StemMinimal, StopWords: true}.Name()
	ix, created, err := Open(dir, Options{Analyzer: minimal})
	if err != nil || !created {
		t.Fatalf("create: created %v, err %v", created, err)
	}
	if ix.Analyzer() != minimal {
		t.Errorf("Analyzer() = %q, want %q", ix.Analyzer(), minimal)
	}
	ix.Close()
	tests := []struct {
		name, analyzer, wantErr string
		forget                  bool // remove the recorded analyzer first
	}{
		{"same analyzer", minimal, "", false},
		{"default asked, variant built", "", `built with analyzer "sagasu_minimal_stop", asked for "sagasu"`, false},
		{"other variant", "sagasu_none", `asked for "sagasu_none"`, false},
		{"unknown analyzer", "snowball", `unknown analyzer "snowball"`, false},
		{"nothing recorded is the default", "", "", true},
		{"nothing recorded, variant asked", minimal, `built with analyzer "sagasu", asked for "sagasu_minimal_stop"`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.forget {
				forgetAnalyzer(t, dir, minimal)
			}
			ix, _, err := Open(dir, Options{Analyzer: tt.analyzer})
			if err == nil {
				ix.Close()
			}
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("Open(%q): %v, want error %q", tt.analyzer, err, tt.wantErr)
			}
		})
	}
}

// forgetAnalyzer removes the analyzer recorded in the index in dir, built
// with analyzer, as an index from before variants would have none.
func forgetAnalyzer(t *testing.T, dir, analyzer string) {
	t.Helper()
	ix, _, err := Open(dir, Options{Analyzer: analyzer})
	if err != nil {
		// Already forgotten: the index now reads as the default's.
		return
	}
	defer ix.Close()
	if err := ix.bleve.DeleteInternal(analyzerKey); err != nil {
		t.Fatal(err)
	}
}

// TestInMemoryAnalyzer checks that an index analyzes with the variant it
// is given: the minimal stemmer keeps "investment" apart from "invest".
func TestInMemoryAnalyzer(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		analyzer string
		terms    map[string]uint64 // body term → articles holding it
	}{
		{"", map[string]uint64{"invest": 2, "investment": 0, "the": 1}},
		{"sagasu_minimal", map[string]uint64{"invest": 0, "investment": 1, "invested": 1, "the": 1}},
		{"sagasu_porter_stop", map[string]uint64{"invest": 2, "the": 0}},
	}
	for _, tt := range tests {
		t.Run(tt.analyzer, func(t *testing.T) {
			ix, err := NewInMemory(Options{Analyzer: tt.analyzer})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			arts := []corpus.Article{{ID: "a", Title: "t", Body: "The investments"}, {ID: "b", Title: "t", Body: "invested"}}
			if _, err := LoadArticles(ctx, ix, arts); err != nil {
				t.Fatal(err)
			}
			for term, want := range tt.terms {
				if got := bodyDocFreq(t, ix, term); got != want {
					t.Errorf("%q in %d articles, want %d", term, got, want)
				}
			}
		})
	}
}

// bodyDocFreq is the number of articles whose body holds term.
func bodyDocFreq(t *testing.T, ix *Index, term string) uint64 {
	t.Helper()
	r, err := ix.bleve.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	rd, err := r.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	tfr, err := rd.TermFieldReader(context.Background(), []byte(term), FieldBody, false, false, false)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	return tfr.Count()
}
