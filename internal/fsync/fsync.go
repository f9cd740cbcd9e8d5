// Package fsync makes what was written to a file or folder durable: it
// asks the operating system to put it on the disk before going on. Syncing
// a folder makes the names created in it (a rename, a new file) durable.
package fsync

import (
	"fmt"
	"os"
)

// Path syncs the file or folder at path.
func Path(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return nil
}
