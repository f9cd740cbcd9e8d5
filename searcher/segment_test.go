package searcher

import (
	"context"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
)

// TestSegmentJapanese checks how unquoted Japanese query words are split
// into words: long runs are, names and short compounds are not.
func TestSegmentJapanese(t *testing.T) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	s := New(ix, entity.Default())
	tests := []struct {
		query string
		want  []string
	}{
		{"岸田文雄", []string{"岸田文雄"}},                   // a name the gazetteer knows
		{"岸田文雄首相が訪米", []string{"岸田文雄首相", "が", "訪米"}}, // the name, with its title, stays one word
		{"半導体", []string{"半導体"}},                     // one word
		{"秋山成勲、メールで吉田に対戦迫った", []string{"秋山", "成勲", "メール", "で", "吉田", "に", "対戦", "迫っ", "た"}},
		{`"日米首脳会談の成果"`, []string{"日米首脳会談の成果"}}, // quoted: a phrase
		{"Kishida 訪米", []string{"Kishida", "訪米"}},
	}
	for _, tt := range tests {
		pq, err := ParseQuery(tt.query)
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		got, err := s.segmentJapanese(pq)
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		var words []string
		for _, c := range got.Clauses {
			words = append(words, c.Alternatives[0].Text)
		}
		if !slices.Equal(words, tt.want) {
			t.Errorf("%q → %q, want %q", tt.query, words, tt.want)
		}
	}
}

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
