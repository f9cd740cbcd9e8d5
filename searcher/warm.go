package searcher

import (
	"context"
	"fmt"

	"github.com/sagasu-search/sagasu/analysis"
)

// Warm loads the analyzer's Japanese dictionary and runs one search over
// the whole index with every facet, so that the per-segment facet columns
// (package facet) are decoded before the first user searches: a server
// calls it once the index is open. On 100,000 articles the first search
// after opening took 223 ms, a first Japanese one 780 ms, where the next
// took under 35 (BENCHMARKS.md).
func (s *Searcher) Warm(ctx context.Context) error {
	analysis.Preload()
	if _, err := s.Search(ctx, Request{Size: 1}); err != nil {
		return fmt.Errorf("warm the searcher: %w", err)
	}
	return nil
}

// cachedSegments reports how many segments' columns the cache holds.
func (s *Searcher) cachedSegments() int { return s.columns.Len() }
