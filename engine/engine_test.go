package engine

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestMustExist: with MustExist, Open refuses a folder without an index
// (ErrNoIndex) and creates nothing; without it, Open creates the index;
// either way an existing index opens.
func TestMustExist(t *testing.T) {
	dir := t.TempDir()
	made := filepath.Join(dir, "made")
	tests := []struct {
		name        string
		data        string
		mustExist   bool
		wantErr     error
		wantCreated bool
	}{
		{"absent, must exist", filepath.Join(dir, "nowhere"), true, ErrNoIndex, false},
		{"absent, created", made, false, nil, true},
		{"existing, must exist", made, true, nil, false},
		{"existing", made, false, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng, err := Open(Config{Data: tt.data, MustExist: tt.mustExist, Entities: EntitiesOff})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err %v, want %v", err, tt.wantErr)
				}
				if _, serr := os.Stat(tt.data); !errors.Is(serr, os.ErrNotExist) {
					t.Errorf("%s exists afterwards (%v), want nothing created", tt.data, serr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer eng.Close()
			if eng.Created != tt.wantCreated {
				t.Errorf("Created = %v, want %v", eng.Created, tt.wantCreated)
			}
		})
	}
}
