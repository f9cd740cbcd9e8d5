package score

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
)

// TestExpandQuery checks which articles a prefix or a near spelling finds:
// the words kept are those in most articles (Max), Skip leaves words out,
// UnlessFound leaves a word that finds enough as typed alone, and Popular
// keeps only the near spellings far commoner than the word.
func TestExpandQuery(t *testing.T) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	bodies := map[string]string{"a": "kishida spoke", "b": "kishida again", "c": "kishi river", "d": "kiss goodbye",
		"e": "kernel battery", "f": "kernal typo", "g": "unrelated"}
	var articles []corpus.Article
	for id, body := range bodies {
		articles = append(articles, corpus.Article{ID: id, Title: "t", Body: body})
	}
	if err := ix.Put(context.Background(), articles); err != nil {
		t.Fatal(err)
	}
	body := indexer.FieldBody
	tests := []struct {
		name string
		q    ExpandQuery
		want []string
	}{
		{"prefix", ExpandQuery{Term: "kis", Prefix: true, Max: 50}, []string{"a", "b", "c", "d"}},
		{"prefix, the word in most articles", ExpandQuery{Term: "kis", Prefix: true, Max: 1}, []string{"a", "b"}},
		{"prefix without the exact word", ExpandQuery{Term: "kishi", Prefix: true, Max: 50, Skip: []string{"kishi"}}, []string{"a", "b"}},
		{"one edit", ExpandQuery{Term: "kernnel", Edits: 1, Max: 50}, []string{"e"}},
		{"two edits", ExpandQuery{Term: "kernnel", Edits: 2, Max: 50}, []string{"e", "f"}},
		{"near spellings without the word", ExpandQuery{Term: "kernel", Edits: 1, Max: 50, Skip: []string{"kernel"}}, []string{"f"}},
		{"the word finds enough", ExpandQuery{Term: "kernel", Edits: 1, Max: 50, Skip: []string{"kernel"}, UnlessFound: 1}, nil},
		{"the word finds too few", ExpandQuery{Term: "kernel", Edits: 1, Max: 50, Skip: []string{"kernel"}, UnlessFound: 2}, []string{"f"}},
		// Near spellings are counted: the one in most articles is kept.
		{"near spellings, Max 1", ExpandQuery{Term: "kishid", Edits: 2, Max: 1, Skip: []string{"kishid"}}, []string{"a", "b"}},
		// kishid finds nothing: any near spelling in one article or more.
		{"popular, the word finds nothing", ExpandQuery{Term: "kishid", Edits: 1, Max: 50, Skip: []string{"kishid"}, Popular: 10}, []string{"a", "b", "c"}},
		// kishi is in one article: kishida (two) is twice as common, kiss (one) is not.
		{"popular, twice as common", ExpandQuery{Term: "kishi", Edits: 2, Max: 50, Skip: []string{"kishi"}, Popular: 2}, []string{"a", "b"}},
		{"popular, none three times as common", ExpandQuery{Term: "kishi", Edits: 2, Max: 50, Skip: []string{"kishi"}, Popular: 3}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Field, q.Boost, q.BM25 = body, 1, DefaultBM25()
			res, err := ix.Bleve().Search(bleve.NewSearchRequestOptions(&q, 100, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("hits %q, want %q", got, tt.want)
			}
		})
	}
}
