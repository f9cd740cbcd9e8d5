package indexer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// TestBackup backs up an open index that keeps taking writes, and checks
// that the copy opens with exactly the articles acknowledged before it.
func TestBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix, _, err := Open(filepath.Join(dir, "live"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	put := func(ids ...string) {
		t.Helper()
		var batch []corpus.Article
		for _, id := range ids {
			batch = append(batch, corpus.Article{ID: id, Title: "Title " + id, Body: "Body of article " + id})
		}
		if err := ix.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	put("a1", "a2", "a3")
	dest := filepath.Join(dir, "backups", "b1")
	if err := ix.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	put("a4") // after the backup: only in the live index
	if err := ix.Backup(ctx, dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second backup to the same folder: %v, want 'already exists'", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("backups folder holds %d entries, want only b1 (no partial copies)", len(entries))
	}
	copyIx, created, err := Open(dest, Options{})
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer copyIx.Close()
	if created {
		t.Fatal("opening the backup created a new index")
	}
	if n, _ := copyIx.Count(context.Background()); n != 3 {
		t.Errorf("backup holds %d articles, want 3", n)
	}
	if a, err := copyIx.Get(ctx, "a2"); err != nil || a.Title != "Title a2" {
		t.Errorf("backup Get(a2) = %+v, %v", a, err)
	}
	if _, err := copyIx.Get(ctx, "a4"); err == nil {
		t.Error("backup holds a4, written after it")
	}
}

func TestBackupInMemory(t *testing.T) {
	ix, err := NewInMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Backup(context.Background(), filepath.Join(t.TempDir(), "b")); err == nil {
		t.Error("backup of an in-memory index succeeded")
	}
}

// TestReadInternal reads internal keys of a backup without opening it
// for writes, and refuses a folder that holds no index.
func TestReadInternal(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix, _, err := Open(filepath.Join(dir, "live"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Apply(ctx, Change{Internal: map[string][]byte{"test.seq": []byte("42")}}); err != nil {
		t.Fatal(err)
	}
	copyDir := filepath.Join(dir, "copy")
	if err := ix.Backup(ctx, copyDir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       map[string]string // nil: an error
	}{
		{"copy", copyDir, map[string]string{"test.seq": "42", "test.absent": ""}},
		{"empty folder", filepath.Join(dir, "empty"), nil},
		{"absent", filepath.Join(dir, "absent"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadInternal(tt.path, "test.seq", "test.absent")
			if tt.want == nil {
				if err == nil {
					t.Fatalf("ReadInternal(%s) = %v, want an error", tt.path, got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.want {
				if string(got[k]) != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}
