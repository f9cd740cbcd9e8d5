package romaji

import "testing"

func TestRomaji(t *testing.T) {
	tests := []struct{ kana, want string }{
		{"キシダ", "kishida"}, {"シンゾウ", "shinzo"}, {"トウキョウ", "tokyo"}, {"オオサカ", "osaka"},
		{"ユウコ", "yuko"}, {"ジョー", "jo"}, {"バイデン", "baiden"}, {"ホッカイドウ", "hokkaido"},
		{"マッチャ", "matcha"}, {"チバ", "chiba"}, {"フシミ", "fushimi"}, {"ティム", "timu"},
		{"ふみお", "fumio"}, {"しんいち", "shinichi"}, {"岸田", ""}, {"ABC", ""},
	}
	for _, tt := range tests {
		if got := FromKana(tt.kana); got != tt.want {
			t.Errorf("FromKana(%q) = %q, want %q", tt.kana, got, tt.want)
		}
	}
}
