package romaji

import "testing"

func TestKey(t *testing.T) {
	tests := []struct {
		word, key string
		ok        bool
	}{
		{"shinzo", "shinzo", true}, {"shinzou", "shinzo", true}, {"shinzoh", "shinzo", true}, {"shinzoo", "shinzo", true},
		{"tiba", "chiba", true}, {"chiba", "chiba", true}, {"husimi", "fushimi", true}, {"fushimi", "fushimi", true},
		{"shimbun", "shinbun", true}, {"shinbun", "shinbun", true}, {"ohno", "ono", true}, {"oono", "ono", true},
		{"mattya", "matcha", true}, {"matcha", "matcha", true}, {"toukyou", "tokyo", true}, {"syouzi", "shoji", true},
		{"tuda", "tsuda", true}, {"tsuda", "tsuda", true}, {"shin'ichi", "shinichi", true}, {"yuuko", "yuko", true},
		{"shoot", "", false}, {"shot", "", false}, {"book", "", false}, {"bok", "", false}, {"hot", "", false},
		{"hoto", "hoto", true}, {"kishida", "kishida", true}, {"yeol", "", false},
	}
	for _, tt := range tests {
		key, ok := Key(tt.word)
		if ok != tt.ok || key != tt.key {
			t.Errorf("Key(%q) = %q, %v; want %q, %v", tt.word, key, ok, tt.key, tt.ok)
		}
	}
}

func TestWordKey(t *testing.T) {
	tests := []struct {
		word, key string
		ok        bool
	}{
		{"Kōno", "kono", true}, {"Kouno", "kono", true}, {"KONO", "kono", true}, {"Shinzô", "shinzo", true},
		// The spellings of the unlisted-names evaluation (searcher/jnames_test.go).
		{"Saitoh", "saito", true}, {"KOHNO", "kono", true}, {"Ôno", "ono", true}, {"Syûzi", "shuji", true},
		{"Shuuji", "shuji", true}, {"Koono", "kono", true}, {"Zyuniti", "junichi", true}, {"Kisi", "kishi", true},
		{"Smith", "", false}, {"Zürich", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		key, ok := WordKey(tt.word)
		if ok != tt.ok || key != tt.key {
			t.Errorf("WordKey(%q) = %q, %v; want %q, %v", tt.word, key, ok, tt.key, tt.ok)
		}
	}
}
