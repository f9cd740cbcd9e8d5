package indexer

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// TestConcurrentDeletesOfOneArticle checks that of several deletes of the
// same article racing each other exactly one succeeds and the others
// answer ErrNotFound: the check and the removal are one step.
func TestConcurrentDeletesOfOneArticle(t *testing.T) {
	ix, err := NewInMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	for round := 0; round < 20; round++ {
		if err := ix.Put(ctx, []corpus.Article{{ID: "a1", Title: "Harbour", Body: "Boats in the harbour."}}); err != nil {
			t.Fatal(err)
		}
		const n = 8
		errs := make(chan error, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() { defer wg.Done(); errs <- ix.Delete(ctx, "a1") }()
		}
		wg.Wait()
		close(errs)
		ok, notFound := 0, 0
		for err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, ErrNotFound):
				notFound++
			default:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if ok != 1 || notFound != n-1 {
			t.Fatalf("round %d: %d deletes succeeded and %d found nothing; want 1 and %d", round, ok, notFound, n-1)
		}
	}
}

// TestDeleteMany checks that a bulk delete removes every article named, or,
// when one is missing, none and names the missing ones.
func TestDeleteMany(t *testing.T) {
	ix, err := NewInMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	var docs []corpus.Article
	for _, id := range []string{"a", "b", "c"} {
		docs = append(docs, corpus.Article{ID: id, Title: "Harbour " + id, Body: "Boats in the harbour."})
	}
	if err := ix.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	err = ix.DeleteMany(ctx, []string{"a", "x", "b", "y"})
	var me *MissingError
	if !errors.As(err, &me) || !errors.Is(err, ErrNotFound) || !slices.Equal(me.IDs, []string{"x", "y"}) {
		t.Fatalf("delete with missing ids: %v, want a MissingError naming x and y", err)
	}
	for _, id := range []string{"a", "b", "c"} {
		if _, err := ix.Get(ctx, id); err != nil {
			t.Errorf("after a refused delete, %s: %v", id, err)
		}
	}
	if err := ix.DeleteMany(ctx, []string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"a": false, "b": false, "c": true} {
		if _, err := ix.Get(ctx, id); (err == nil) != want {
			t.Errorf("after deleting a and b, %s present %v", id, err == nil)
		}
	}
}
