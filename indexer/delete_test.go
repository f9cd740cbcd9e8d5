package indexer

import (
	"context"
	"errors"
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
