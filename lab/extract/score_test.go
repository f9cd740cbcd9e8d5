package extract

import (
	"math"
	"testing"
)

// TestScorePage checks the benchmark README's test vectors.
func TestScorePage(t *testing.T) {
	const g = "The quick brown fox jumps over the lazy dog."
	tests := []struct {
		gold, pred string
		tp, fp, fn int
		p, r       float64
	}{
		{g, "The quick brown fox jumps over the lazy cat.", 5, 1, 1, 5.0 / 6, 5.0 / 6},
		{g, "the quick brown fox jumps over the lazy dog", 5, 1, 1, 5.0 / 6, 5.0 / 6},
		{g, g + " Subscribe now to our newsletter", 6, 5, 0, 6.0 / 11, 1},
		{g, g + " " + g, 6, 9, 0, 0.4, 1},
		{g, "", 0, 0, 6, 0, 0},
		{"Hello world", "Hello world!", 1, 0, 0, 1, 1},
		{"Hello world", "Hello big world", 0, 1, 1, 0, 0},
		{"", "", 0, 0, 0, 1, 1},
		{"東京は晴れ。大阪は雨。", "東京は晴れ 大阪は雨", 1, 0, 0, 1, 1},
	}
	for _, tt := range tests {
		s := ScorePage(tt.gold, tt.pred)
		if s.TP != tt.tp || s.FP != tt.fp || s.FN != tt.fn || !near(s.Precision, tt.p) || !near(s.Recall, tt.r) {
			t.Errorf("ScorePage(%q, %q) = %+v, want TP %d FP %d FN %d P %.3f R %.3f", tt.gold, tt.pred, s, tt.tp, tt.fp, tt.fn, tt.p, tt.r)
		}
	}
}

// TestScore checks the two-page corpus vector: P = 1, R = 0.25, F1 = 0.4,
// the empty prediction left out of precision.
func TestScore(t *testing.T) {
	pages := []PageScore{
		{TP: 1, FP: 0, FN: 1, Precision: 1, Recall: 0.5},
		{TP: 0, FP: 0, FN: 6, Precision: 0, Recall: 0},
	}
	m := Score(pages)
	if !near(m.Precision, 1) || !near(m.Recall, 0.25) || !near(m.F1, 0.4) || m.Predicted != 1 {
		t.Errorf("Score = %+v, want P 1, R 0.25, F1 0.4 over 1 predicted page", m)
	}
}

// TestTokens checks that tokens are Unicode words, not ASCII \w.
func TestTokens(t *testing.T) {
	got := Tokens("don’t café U.S. 1,000.5 東京は晴れ。")
	want := []string{"don", "t", "café", "U", "S", "1", "000", "5", "東京は晴れ"}
	if len(got) != len(want) {
		t.Fatalf("Tokens = %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("Tokens = %q, want %q", got, want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
