package snippet

import "testing"

func TestWordEdges(t *testing.T) {
	text := []byte("the Prime Minister Kishida Fumio has announced plans")
	tests := []struct {
		name       string
		start, end int
		wantStart  int
		wantEnd    int
	}{
		{"start mid-word moves to the next word", 6, len(text), 10, len(text)},
		{"start at a word stays", 10, len(text), 10, len(text)},
		{"end mid-word moves back", 0, 40, 0, 36},
		{"end at a space stays put but trims it", 0, 33, 0, 32},
	}
	for _, tt := range tests {
		if got := wordStart(text, tt.start, 19); got != tt.wantStart {
			t.Errorf("%s: wordStart = %d (%q), want %d", tt.name, got, text[got:], tt.wantStart)
		}
		if got := wordEnd(text, tt.end, 26); got != tt.wantEnd {
			t.Errorf("%s: wordEnd = %d (%q), want %d", tt.name, got, text[:got], tt.wantEnd)
		}
	}
	if got := wordStart(text, 21, 19); got != 21 {
		t.Errorf("a start is never moved past the first term: got %d", got)
	}
	ja := []byte("岸田文雄首相はワシントンでバイデン大統領と会談した")
	if got := wordStart(ja, 6, 30); got != 6 {
		t.Errorf("Japanese start moved to %d; text without spaces keeps its edges", got)
	}
}
