package searcher

import (
	"context"
	"fmt"
	"testing"

	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/searcher/internal/testindex"
)

// BenchmarkShards searches one word over the synthetic index in one
// shard and in three, to measure what the statistics round and the
// merge add to a search.
func BenchmarkShards(b *testing.B) {
	for _, n := range []int{1, 3} {
		s := New(testindex.SyntheticShards(b, n), entity.Default())
		for _, q := range []string{"said", "minstr", `"prime minister"`} {
			b.Run(fmt.Sprintf("%s/shards=%d", q, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.Search(context.Background(), Request{Query: q}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
