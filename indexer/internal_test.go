package indexer

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// TestChangeInternal checks that Change.Internal keys are written in the
// articles' batch: kept across a reopen, deleted by nil, and not written
// at all when the batch fails.
func TestChangeInternal(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ix")
	ix, _, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		change Change
		fail   bool
		want   string
	}{
		{"with articles", Change{Put: []corpus.Article{{ID: "a", Title: "one"}}, Internal: map[string][]byte{"k": []byte("7")}}, false, "7"},
		{"alone", Change{Internal: map[string][]byte{"k": []byte("8")}}, false, "8"},
		{"failed batch", Change{Put: []corpus.Article{{ID: "b", Title: "two"}}, Internal: map[string][]byte{"k": []byte("9")}}, true, "8"},
		{"deleted", Change{Internal: map[string][]byte{"k": nil}}, false, ""},
	}
	for _, st := range steps {
		ix.beforeBatch = nil
		if st.fail {
			ix.beforeBatch = func() error { return errors.New("disk full") }
		}
		if err := ix.Apply(ctx, st.change); (err != nil) != st.fail {
			t.Fatalf("%s: Apply error = %v, want failure %v", st.name, err, st.fail)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		if ix, _, err = Open(path, Options{}); err != nil {
			t.Fatal(err)
		}
		got, err := ix.Internal("k")
		if err != nil || string(got) != st.want {
			t.Errorf("%s: after reopen Internal(k) = %q, %v; want %q", st.name, got, err, st.want)
		}
	}
	if n, _ := ix.Count(ctx); n != 1 {
		t.Errorf("Count = %d, want 1 (the failed batch's article is not indexed)", n)
	}
	ix.Close()
}
