// Package testindex builds the synthetic indexes that the tests of the
// searcher packages share.
package testindex

import (
	"context"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/lab/synth"
)

// Synthetic indexes 1,200 synthetic articles in batches of 150 (so the
// index has several segments), with copies that score alike, undated
// articles and deletes, with the gazetteer's entities. The index is closed
// with the test.
func Synthetic(t testing.TB) *indexer.Index {
	t.Helper()
	return SyntheticShards(t, 1)
}

// SyntheticShards is Synthetic in an index of n shards.
func SyntheticShards(t testing.TB, n int) *indexer.Index {
	t.Helper()
	return SyntheticSize(t, 1200, n)
}

// SyntheticSize is Synthetic with the given number of articles (in
// batches of a twentieth of them, at least 150), in an index of n shards:
// the first 1,200 are Synthetic's.
func SyntheticSize(t testing.TB, size, n int) *indexer.Index {
	t.Helper()
	g, err := synth.NewGenerator(synth.Options{Seed: 7, Articles: size, JapaneseShare: synth.DefaultJapaneseShare})
	if err != nil {
		t.Fatal(err)
	}
	var articles []corpus.Article
	for i := 0; i < size; i++ {
		a := g.Next()
		switch i % 100 {
		case 3: // undated
			a.Published = nil
		case 4: // the same text and date as the article before: equal scores, ordered by ID
			prev := articles[len(articles)-1]
			a.Title, a.Body, a.Published, a.Lang = prev.Title, prev.Body, prev.Published, prev.Lang
		}
		articles = append(articles, a)
	}
	ix, err := indexer.NewInMemory(indexer.Options{Annotator: entity.NewExtractor(entity.Default()), Shards: n})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	batch := max(150, size/20)
	for start := 0; start < len(articles); start += batch {
		if err := ix.Put(context.Background(), articles[start:min(start+batch, len(articles))]); err != nil {
			t.Fatal(err)
		}
	}
	for i := 10; i < len(articles); i += 97 {
		if err := ix.Delete(context.Background(), articles[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}
