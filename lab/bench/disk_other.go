//go:build !unix

package bench

import "io/fs"

// allocated returns a file's length: this system does not say how many
// blocks it takes.
func allocated(info fs.FileInfo) int64 { return info.Size() }
