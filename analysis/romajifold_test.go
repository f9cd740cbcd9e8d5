package analysis

import (
	"testing"

	"github.com/sagasu-search/sagasu/romaji"
)

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
		if _, ok := romaji.Key(w); ok && !mayBeRomaji([]byte(w)) {
			t.Errorf("mayBeRomaji(%q) = false, but RomajiKey parses it", w)
		}
	}
}
