package searcher

import (
	"context"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
)

// TestJapaneseHeadlineQuery checks that a Japanese headline typed as a
// query finds the article that tells the story in other words, ranked
// first, where matching it as one phrase found nothing.
func TestJapaneseHeadlineQuery(t *testing.T) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	docs := []corpus.Article{
		{ID: "j1", Title: "格闘技", Body: "総合格闘家の秋山成勲が、引退試合を控えた吉田秀彦にメールで対戦を申し込んでいたことが分かった。", Lang: "ja"},
		{ID: "j2", Title: "野球", Body: "吉田投手は対戦相手の打線を抑え、チームは三連勝した。", Lang: "ja"},
		{ID: "j3", Title: "天気", Body: "関東地方は明日、広い範囲で雨が降る見込みです。", Lang: "ja"},
	}
	if err := ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	s := New(ix, entity.Default())
	res, err := s.Search(context.Background(), Request{Query: "秋山成勲、メールで吉田に対戦迫った!?", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); len(got) == 0 || got[0] != "j1" || slices.Contains(got, "j3") || !res.Relaxed {
		t.Errorf("got %v relaxed %v; want j1 first, j3 absent, relaxed", got, res.Relaxed)
	}
}
