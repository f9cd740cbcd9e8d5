package bench

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMixOf: MixOf gives the bench's eight queries for a synthetic corpus
// written by WriteSynth, the same twice, and a clear error for a corpus it
// cannot use.
func TestMixOf(t *testing.T) {
	dir := t.TempDir()
	synthPath, err := WriteSynth(context.Background(), dir, SynthOptions(2000, 1))
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantKeys := []string{"common_word", "rare_word", "two_words", "phrase", "name_other_order", "entity_filter", "date_sorted", "deep_page"}
	for _, tc := range []struct {
		name, path, wantErr string
	}{
		{"synthetic", synthPath, ""},
		{"missing file", filepath.Join(dir, "none.jsonl"), "no such file"},
		{"no article", bad, "holds no article"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mix, err := MixOf(context.Background(), tc.path)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("MixOf: %v, want an error with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, q := range mix {
				keys = append(keys, q.Key)
			}
			if !slices.Equal(keys, wantKeys) {
				t.Fatalf("keys %q, want %q", keys, wantKeys)
			}
			if mix[7].From != DeepFrom || mix[7].Words[0] != mix[0].Words[0] || mix[5].Entity == nil || !mix[6].SortDate {
				t.Errorf("mix %+v: want the deep page of the common word, an entity filter, a date sort", mix)
			}
			again, err := MixOf(context.Background(), tc.path)
			if err != nil || !slices.EqualFunc(mix, again, func(a, b Query) bool { return a.Describe() == b.Describe() }) {
				t.Errorf("a second MixOf gave %+v, %v; want %+v", again, err, mix)
			}
		})
	}
}
