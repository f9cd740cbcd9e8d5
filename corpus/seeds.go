package corpus

import (
	"embed"
	"fmt"
	"io/fs"
)

// seedFiles are the five raw news pages Sagasu was created from, exactly as
// scraped: the default corpus.
//
//go:embed seeds/*.txt
var seedFiles embed.FS

// SeedFS returns the embedded seed pages, named like "000_54227f677efe69fd.txt".
func SeedFS() fs.FS {
	sub, err := fs.Sub(seedFiles, "seeds")
	if err != nil {
		panic(err) // the folder is embedded; this cannot fail
	}
	return sub
}

// Seeds returns the seed pages cleaned into articles, in file-name order.
func Seeds() ([]Article, error) {
	var out []Article
	err := WalkFS(SeedFS(), ".", func(r Record) error {
		if r.Err != nil {
			return fmt.Errorf("seed %s: %w", r.File, r.Err)
		}
		if r.Skipped != "" {
			return nil
		}
		out = append(out, r.Article)
		return nil
	})
	return out, err
}
