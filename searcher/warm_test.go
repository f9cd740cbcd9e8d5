package searcher

import (
	"context"
	"errors"
	"testing"
)

// TestWarm: Warm decodes the facet columns before any search, and a
// cancelled context stops it with the context's error.
func TestWarm(t *testing.T) {
	s := newTestSearcher(t)
	if n := s.cachedSegments(); n != 0 {
		t.Fatalf("%d segments cached before any search, want 0", n)
	}
	if err := s.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := s.cachedSegments(); n == 0 {
		t.Errorf("no segment cached after Warm")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := newTestSearcher(t).Warm(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Warm with a cancelled context: %v, want context.Canceled", err)
	}
}
