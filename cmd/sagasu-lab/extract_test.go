package main

import (
	"slices"
	"strings"
	"testing"
)

// TestParseSplits checks --split and that --worst is refused on any split
// but dev, so that no held-out page is ever listed.
func TestParseSplits(t *testing.T) {
	tests := []struct {
		list    string
		worst   int
		want    []string
		wantErr string
	}{
		{"all", 0, []string{"all"}, ""},
		{"dev, heldout,all", 0, []string{"dev", "heldout", "all"}, ""},
		{"dev", 10, []string{"dev"}, ""},
		{"heldout", 10, nil, "dev pages only"},
		{"dev,all", 10, nil, "dev pages only"},
		{"test", 0, nil, `--split "test"`},
	}
	for _, tt := range tests {
		got, err := parseSplits(tt.list, tt.worst)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("parseSplits(%q, %d): err %v, want one holding %q", tt.list, tt.worst, err, tt.wantErr)
		case tt.wantErr == "" && (err != nil || !slices.Equal(got, tt.want)):
			t.Errorf("parseSplits(%q, %d) = %q, %v; want %q", tt.list, tt.worst, got, err, tt.want)
		}
	}
}
