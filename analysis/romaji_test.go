package analysis

import "testing"

func TestRomaji(t *testing.T) {
	tests := []struct{ kana, want string }{
		{"キシダ", "kishida"}, {"シンゾウ", "shinzo"}, {"トウキョウ", "tokyo"}, {"オオサカ", "osaka"},
		{"ユウコ", "yuko"}, {"ジョー", "jo"}, {"バイデン", "baiden"}, {"ホッカイドウ", "hokkaido"},
		{"マッチャ", "matcha"}, {"チバ", "chiba"}, {"フシミ", "fushimi"}, {"ティム", "timu"},
		{"ふみお", "fumio"}, {"しんいち", "shinichi"}, {"岸田", ""}, {"ABC", ""},
	}
	for _, tt := range tests {
		if got := Romaji(tt.kana); got != tt.want {
			t.Errorf("Romaji(%q) = %q, want %q", tt.kana, got, tt.want)
		}
	}
}

func TestScriptRuns(t *testing.T) {
	text := []byte("PM 岸田は US visit")
	runs := scriptRuns(text)
	var got []string
	for _, r := range runs {
		got = append(got, string(text[r.start:r.end]))
	}
	want := []string{"PM ", "岸田は", " US visit"}
	if len(got) != len(want) {
		t.Fatalf("runs %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d = %q, want %q", i, got[i], want[i])
		}
	}
}
