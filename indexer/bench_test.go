package indexer

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/namedict"
)

// benchArticles returns n English articles made from the seeds, each made
// distinct by a numbered sentence, about 3 KB apiece like real news.
func benchArticles(b *testing.B, n int) []corpus.Article {
	b.Helper()
	seeds, err := corpus.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]corpus.Article, n)
	for i := range out {
		s := seeds[i%len(seeds)]
		out[i] = corpus.Article{ID: fmt.Sprint("b", i), Title: s.Title,
			Body: s.Body + fmt.Sprintf("\n\nReport number %d was filed by desk %d.", i, i%97), Lang: "en"}
	}
	return out
}

// BenchmarkIndexEnglish indexes the same English articles with Sagasu's
// analyzer and with Bleve's standard analyzer, in memory, 500 per batch.
// Compare the articles/s metrics: the README quotes their ratio.
func BenchmarkIndexEnglish(b *testing.B) {
	const n = 2000
	articles := benchArticles(b, n)
	for _, analyzer := range []string{analysis.Name, standard.Name} {
		b.Run(analyzer, func(b *testing.B) {
			b.SetBytes(textBytes(articles))
			for i := 0; i < b.N; i++ {
				indexInBatches(b, "", newMappingWith(analyzer), articles)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// textBytes returns the bytes of the articles' titles and bodies.
func textBytes(articles []corpus.Article) int64 {
	var n int64
	for _, a := range articles {
		n += int64(len(a.Title) + len(a.Body))
	}
	return n
}

// indexInBatches indexes articles, 500 per batch, into a new index with
// mapping m at path (in memory when path is empty), and closes it.
func indexInBatches(b *testing.B, path string, m *mapping.IndexMappingImpl, articles []corpus.Article) {
	b.Helper()
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		b.Fatal(err)
	}
	ix := &Index{bleve: idx}
	for start := 0; start < len(articles); start += 500 {
		batch := append([]corpus.Article(nil), articles[start:min(start+500, len(articles))]...)
		if err := ix.Put(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkAnalyzeEnglish measures the analyzers alone on seed text.
func BenchmarkAnalyzeEnglish(b *testing.B) {
	seeds, err := corpus.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for _, s := range seeds {
		text.WriteString(s.Body)
	}
	input := []byte(text.String())
	m := NewMapping()
	for _, name := range []string{analysis.Name, standard.Name} {
		b.Run(name, func(b *testing.B) {
			a := m.AnalyzerNamed(name)
			b.SetBytes(int64(len(input)))
			for i := 0; i < b.N; i++ {
				a.Analyze(input)
			}
		})
	}
}

// BenchmarkIndexEntities indexes the same English articles with Sagasu's
// analyzer and entity extraction off, with the gazetteer only, and with
// the gazetteer and discovery (the default), in memory, 500 per batch.
// The README quotes the ratio of the articles/s metrics.
func BenchmarkIndexEntities(b *testing.B) {
	const n = 2000
	articles := benchArticles(b, n)
	var bytes int64
	for _, a := range articles {
		bytes += int64(len(a.Title) + len(a.Body))
	}
	gaz := entity.Default()
	annotators := []struct {
		name string
		a    Annotator
	}{
		{"off", nil},
		{"gazetteer", entity.NewExtractor(gaz)},
		{"all", entity.NewExtractor(gaz, entity.Discover(namedict.Default()))},
	}
	for _, an := range annotators {
		b.Run(an.name, func(b *testing.B) {
			b.SetBytes(bytes)
			for i := 0; i < b.N; i++ {
				ix, err := NewInMemory(Options{Annotator: an.a})
				if err != nil {
					b.Fatal(err)
				}
				for start := 0; start < n; start += 500 {
					batch := append([]corpus.Article(nil), articles[start:start+500]...)
					if err := ix.Put(context.Background(), batch); err != nil {
						b.Fatal(err)
					}
				}
				ix.Close()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkIndexLayout indexes the same English articles on disk with
// Sagasu's mapping and with the pieces that cost the most taken out: term
// vectors (positions and offsets, which phrases and highlighting need),
// the stored body (which snippets need), and Sagasu's analyzer swapped
// for Bleve's English one (which drops stop words). It reports the index
// size on disk per byte of title and body, and articles/s: BENCHMARKS.md
// quotes them to say what the index's size is made of.
func BenchmarkIndexLayout(b *testing.B) {
	const n = 2000
	articles := benchArticles(b, n)
	raw := textBytes(articles)
	textFields := func(m *mapping.IndexMappingImpl, edit func(*mapping.FieldMapping)) *mapping.IndexMappingImpl {
		for _, name := range []string{FieldTitle, FieldBody} {
			edit(m.DefaultMapping.Properties[name].Fields[0])
		}
		return m
	}
	layouts := []struct {
		name    string
		mapping func() *mapping.IndexMappingImpl
	}{
		{"sagasu", NewMapping},
		{"no-term-vectors", func() *mapping.IndexMappingImpl {
			return textFields(NewMapping(), func(f *mapping.FieldMapping) { f.IncludeTermVectors = false })
		}},
		{"body-not-stored", func() *mapping.IndexMappingImpl {
			m := NewMapping()
			m.DefaultMapping.Properties[FieldBody].Fields[0].Store = false
			return m
		}},
		{"bleve-en", func() *mapping.IndexMappingImpl { return newMappingWith(en.AnalyzerName) }},
	}
	for _, l := range layouts {
		b.Run(l.name, func(b *testing.B) {
			b.SetBytes(raw)
			var size int64
			for i := 0; i < b.N; i++ {
				dir := filepath.Join(b.TempDir(), "index")
				indexInBatches(b, dir, l.mapping(), articles)
				var err error
				if size, err = FolderSize(context.Background(), dir); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(size)/float64(raw), "index/raw")
		})
	}
}
