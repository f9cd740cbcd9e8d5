package fsync

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, file} {
		if err := Path(p); err != nil {
			t.Errorf("Path(%s): %v", p, err)
		}
	}
	missing := filepath.Join(dir, "missing")
	err := Path(missing)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("Path(%s) = %v, want a not-exist error naming the path", missing, err)
	}
}
