package score

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// TestLengthsExactAtEverySnapshot changes an index step by step (batches
// that make new segments, one more article among a hundred, deletes,
// replacements) and checks after each that one Lengths, kept across the
// steps as a searcher keeps it, counts the tokens of the title and the
// body exactly as a count of the whole snapshot does: not a tenth stale.
func TestLengthsExactAtEverySnapshot(t *testing.T) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	article := func(i, words int) corpus.Article {
		return corpus.Article{ID: fmt.Sprint("a", i), Title: strings.Repeat("turbine harbour ", 1+i%3),
			Body: strings.Repeat("blades crack under heat ", words), Lang: "en"}
	}
	batch := func(from, to, words int) func() error {
		return func() error {
			var docs []corpus.Article
			for i := from; i < to; i++ {
				docs = append(docs, article(i, words))
			}
			return ix.Put(ctx, docs)
		}
	}
	l := NewLengths()
	for _, step := range []struct {
		name   string
		change func() error
		docs   uint64
	}{
		{"first batch", batch(0, 60, 2), 60},
		{"second batch", batch(60, 100, 3), 100},
		{"one more of a hundred", batch(100, 101, 50), 101},
		{"deletes", func() error { return ix.DeleteMany(ctx, []string{"a3", "a70", "a100"}) }, 98},
		{"replacements", batch(10, 20, 7), 98},
	} {
		if err := step.change(); err != nil {
			t.Fatal(err)
		}
		checkTokens(t, ix, l, step.name, step.docs)
	}
}

// checkTokens compares l's tokens of ix's title and body with a count of
// the whole snapshot, and its documents with docs.
func checkTokens(t *testing.T, ix *indexer.Index, l *Lengths, step string, docs uint64) {
	t.Helper()
	adv, err := ix.Bleve().Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n, err := r.DocCount(); err != nil || n != docs {
		t.Fatalf("%s: %d documents (%v), want %d", step, n, err, docs)
	}
	for _, field := range []string{indexer.FieldTitle, indexer.FieldBody} {
		got, err := l.Tokens(context.Background(), r, field, docs)
		want, werr := fieldTokens(context.Background(), r, field)
		if err != nil || werr != nil || got != want || want == 0 {
			t.Errorf("%s: %s tokens %d (%v), a whole count %d (%v)", step, field, got, err, want, werr)
		}
	}
}
