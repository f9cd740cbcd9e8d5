package blevecjk

import (
	"context"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/lab/eval"
)

func TestEngine(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	docs := []eval.Doc{
		{ID: "a", Text: "東京都内で新しい携帯電話が発売された。"},
		{ID: "b", Text: "大阪の天気は晴れ。"},
	}
	if err := e.Index(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    string
		want []string
	}{{"携帯電話の発売", []string{"a"}}, {"大阪", []string{"b"}}, {"ロンドン", nil}} {
		got, err := e.Search(context.Background(), tt.q, 10)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, %v; want %v", tt.q, got, err, tt.want)
		}
	}
}
