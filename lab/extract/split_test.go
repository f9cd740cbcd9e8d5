package extract

import (
	"math"
	"testing"
)

// TestSplit checks the split rule: ids 0-7… are dev, 8-f… held out.
func TestSplit(t *testing.T) {
	pages := []Page{{ID: "0a"}, {ID: "7f"}, {ID: "80"}, {ID: "f1"}, {ID: "3c"}}
	tests := []struct {
		split string
		want  []string
	}{
		{"dev", []string{"0a", "7f", "3c"}},
		{"heldout", []string{"80", "f1"}},
		{"all", []string{"0a", "7f", "80", "f1", "3c"}},
	}
	for _, tt := range tests {
		got, err := Split(pages, tt.split)
		if err != nil {
			t.Fatalf("Split(%s): %v", tt.split, err)
		}
		var ids []string
		for _, p := range got {
			ids = append(ids, p.ID)
		}
		if len(ids) != len(tt.want) {
			t.Fatalf("Split(%s) = %v, want %v", tt.split, ids, tt.want)
		}
		for i := range ids {
			if ids[i] != tt.want[i] {
				t.Errorf("Split(%s) = %v, want %v", tt.split, ids, tt.want)
			}
		}
	}
	if _, err := Split(pages, "test"); err == nil {
		t.Error("Split(test): no error")
	}
}

// TestScoreSplit checks that a split's measures average its pages only.
func TestScoreSplit(t *testing.T) {
	scores := []PageScore{
		{ID: "1", TP: 1, Precision: 1, Recall: 1},
		{ID: "9", TP: 1, FP: 1, Precision: 0.5, Recall: 1},
	}
	tests := []struct {
		split string
		p     float64
		pages int
	}{{"dev", 1, 1}, {"heldout", 0.5, 1}, {"all", 0.75, 2}}
	for _, tt := range tests {
		m := ScoreSplit(scores, tt.split)
		if math.Abs(m.Precision-tt.p) > 1e-9 || m.Pages != tt.pages {
			t.Errorf("ScoreSplit(%s) = P %.3f over %d pages, want %.3f over %d", tt.split, m.Precision, m.Pages, tt.p, tt.pages)
		}
	}
}
