package peer

import (
	"slices"
	"testing"
)

func TestPieces(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Kishida's U.S. visit", []string{"Kishida", "s", "U", "S", "visit"}},
		{"  -china OR \"south korea\" ", []string{"china", "OR", "south", "korea"}},
		{"café naïve", []string{"café", "naïve"}},
		{"e\u0301clair", []string{"e\u0301clair"}},
		{"岸田首相、訪米へ", []string{"岸田首相", "訪米へ"}},
		{"1,000.5", []string{"1", "000", "5"}},
	}
	for _, tt := range tests {
		if got := Pieces(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Pieces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
