package analysis

import "testing"

func TestRomajiKey(t *testing.T) {
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
		key, ok := RomajiKey(tt.word)
		if ok != tt.ok || key != tt.key {
			t.Errorf("RomajiKey(%q) = %q, %v; want %q, %v", tt.word, key, ok, tt.key, tt.ok)
		}
	}
}

// TestRomajiFoldInAnalyzer checks that name variants meet and that ordinary
// English does not blur: the shoot/shot, book/bok, hot/hoto, and
// English words a romaji reading would change (time, house).
func TestRomajiFoldInAnalyzer(t *testing.T) {
	same := [][]string{
		{"Shinzō", "Shinzo", "Shinzou", "Shinzoh", "SHINZOU"},
		{"Chiba", "Tiba"}, {"Fushimi", "Husimi"}, {"Shimbun", "Shinbun"}, {"Ōno", "Ohno", "Oono", "Ono"},
		{"Tōkyō", "Tokyo", "Toukyou"},
	}
	for _, group := range same {
		want := analyze(t, group[0])
		for _, w := range group[1:] {
			if got := analyze(t, w); len(got) != 1 || got[0] != want[0] {
				t.Errorf("%q analyzes to %q, %q to %q; want the same", group[0], want, w, got)
			}
		}
	}
	apart := [][2]string{{"shoot", "shot"}, {"book", "bok"}, {"hot", "hoto"}, {"time", "chime"}, {"house", "hose"}, {"tube", "tsube"}}
	for _, pair := range apart {
		a, b := analyze(t, pair[0]), analyze(t, pair[1])
		if len(a) == 1 && len(b) == 1 && a[0] == b[0] {
			t.Errorf("%q and %q both analyze to %q", pair[0], pair[1], a[0])
		}
	}
}

// TestMayBeRomajiAgreesWithRomajiKey checks that the fast rejection never
// rejects a word RomajiKey would parse.
func TestMayBeRomajiAgreesWithRomajiKey(t *testing.T) {
	words := []string{"shinzou", "shinzoh", "tiba", "husimi", "shimbun", "mattya", "matcha", "ohno", "shin'ichi",
		"kishida", "tokyo", "chiba", "time", "house", "shoot", "hot", "hoto", "clear", "voice", "banana", "ken", "kenta"}
	for _, w := range words {
		if _, ok := RomajiKey(w); ok && !mayBeRomaji([]byte(w)) {
			t.Errorf("mayBeRomaji(%q) = false, but RomajiKey parses it", w)
		}
	}
}
