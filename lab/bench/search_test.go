package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	sagasu "github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/lab/synth"
)

// benchArticles is the size of the synthetic corpus the Go benchmarks
// index: SAGASU_BENCH_ARTICLES, 5,000 by default.
func benchArticles(b *testing.B) int {
	if s := os.Getenv("SAGASU_BENCH_ARTICLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 100 {
			b.Fatalf("SAGASU_BENCH_ARTICLES=%q: want a whole number of 100 or more", s)
		}
		return n
	}
	return 5000
}

// fixture is a synthetic corpus indexed by Sagasu, with its query mix.
type fixture struct {
	dir      string
	articles []corpus.Article
	bytes    int64
	mix      []Query
	eng      *sagasu.Engine
	err      error
}

var (
	fixtureOnce sync.Once
	shared      fixture
)

// TestMain removes the shared fixture's folder after the benchmarks.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.eng != nil {
		shared.eng.Close()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// sharedFixture builds, once per test binary, the corpus of
// benchArticles(b) articles (seed 1), its mix, and a Sagasu index on disk
// built as "sagasu serve --corpus" builds it.
func sharedFixture(b *testing.B) *fixture {
	b.Helper()
	n := benchArticles(b)
	fixtureOnce.Do(func() { shared.err = shared.build(n) })
	if shared.err != nil {
		b.Fatal(shared.err)
	}
	return &shared
}

func (f *fixture) build(n int) error {
	dir, err := os.MkdirTemp("", "sagasu-bench-")
	if err != nil {
		return err
	}
	f.dir = dir
	path, err := writeSynth(context.Background(), dir, synth.Options{Articles: n, Seed: 1})
	if err != nil {
		return err
	}
	p, err := prepare(context.Background(), path, dir)
	if err != nil {
		return err
	}
	defer p.close()
	if f.mix, err = p.stats.Mix(); err != nil {
		return err
	}
	if _, err := p.walk(func(a corpus.Article) error {
		f.articles = append(f.articles, a)
		f.bytes += int64(len(a.Title) + len(a.Body))
		return nil
	}); err != nil {
		return err
	}
	if f.eng, err = openSagasu(filepath.Join(dir, "index")); err != nil {
		return err
	}
	_, err = indexer.LoadArticles(context.Background(), f.eng.Index, f.articles)
	return err
}

// openSagasu opens a new index as "sagasu serve" does by default (package
// engine: the gazetteer with discovery, the default limits), of
// SAGASU_BENCH_SHARDS shards when set.
func openSagasu(path string) (*sagasu.Engine, error) {
	shards, _ := strconv.Atoi(os.Getenv("SAGASU_BENCH_SHARDS"))
	eng, err := sagasu.Open(sagasu.Config{Data: path, Shards: shards})
	if err != nil {
		return nil, fmt.Errorf("open sagasu at %s: %w", path, err)
	}
	return eng, nil
}

// BenchmarkSearch runs each query of the mix through Sagasu's searcher,
// with facets and highlights, over the shared index (no HTTP). Set
// SAGASU_BENCH_ARTICLES for a larger corpus.
func BenchmarkSearch(b *testing.B) {
	f := sharedFixture(b)
	for _, q := range f.mix {
		b.Run(q.Key, func(b *testing.B) {
			req := q.Request()
			for i := 0; i < b.N; i++ {
				res, err := f.eng.Searcher.Search(context.Background(), req)
				if err != nil {
					b.Fatal(err)
				}
				if res.Total == 0 {
					b.Fatalf("%s found nothing", q.Describe())
				}
			}
		})
	}
}

// BenchmarkIngest indexes the shared corpus into a new index on disk, with
// entity extraction, in batches of 500 (indexer.LoadArticles), and reports articles/s (bytes/s
// counts title and body).
func BenchmarkIngest(b *testing.B) {
	f := sharedFixture(b)
	b.SetBytes(f.bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(f.dir, fmt.Sprint("ingest-", i))
		eng, err := openSagasu(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := indexer.LoadArticles(context.Background(), eng.Index, f.articles); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		eng.Close()
		os.RemoveAll(path)
		b.StartTimer()
	}
	b.ReportMetric(float64(len(f.articles))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
