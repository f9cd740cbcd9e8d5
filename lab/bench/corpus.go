package bench

import (
	"context"
	"fmt"
	"os"

	"github.com/sagasu-search/sagasu/lab/synth"
)

// SynthOptions are the options of the synthetic corpus "sagasu-lab bench
// --articles n --seed seed" writes: the default share of Japanese.
func SynthOptions(articles int, seed int64) synth.Options {
	return synth.Options{Seed: seed, Articles: articles, JapaneseShare: synth.DefaultJapaneseShare}
}

// WriteSynth writes the synthetic corpus of opts as JSON Lines to a new
// file in dir, the file the bench reads, and returns its path.
func WriteSynth(ctx context.Context, dir string, opts synth.Options) (string, error) {
	return writeSynth(ctx, dir, opts)
}

// MixOf returns the query mix "sagasu-lab bench --corpus path" sends to
// every engine: it reads the corpus as the bench does (Sagasu's entity
// extractor on every article, word counts) and chooses the queries from
// what it found (see corpusStats.Mix). Other tools use it to send the
// bench's very queries, e.g. to compare two deployments' answers.
func MixOf(ctx context.Context, path string) ([]Query, error) {
	dir, err := os.MkdirTemp("", "sagasu-mix-*")
	if err != nil {
		return nil, fmt.Errorf("bench: mix of %s: %w", path, err)
	}
	defer os.RemoveAll(dir)
	c, err := prepare(ctx, path, dir)
	if err != nil {
		return nil, err
	}
	defer c.close()
	return c.stats.Mix()
}
