package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNERSkipsWithoutData: without the NER data, "sagasu-lab ner" names
// each file it looked for, prints no table and succeeds.
func TestNERSkipsWithoutData(t *testing.T) {
	dir := t.TempDir()
	out, stderr, err := runCmd(t, "ner", "--data-dir", dir)
	if err != nil || out != "" {
		t.Fatalf("err %v, stdout %q; want no error and no table", err, out)
	}
	for _, f := range []string{"conll2003/eng.testa", "ja-gsd/dev.bio", "ja-kwdlc/dev.knp"} {
		if want := filepath.Join(dir, "ner", f); !strings.Contains(stderr, "skipped: no data at "+want) {
			t.Errorf("stderr %q does not name %s", stderr, want)
		}
	}
}
