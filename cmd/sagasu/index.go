package main

import (
	"context"
	"fmt"
	"io"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/cli"
)

// runIndex ingests files and folders into the index at --data, skipping
// the files that did not change since they were indexed; with --sync it
// also removes the articles of files that are gone.
func runIndex(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f commonFlags
	fs := newFlagSet("index", stderr)
	f.register(fs)
	syncFiles := fs.Bool("sync", false, "also delete the articles of files under the paths that are gone (articles posted through the API are kept)")
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("index needs at least one file or folder: sagasu index --data DIR PATH...: %w", cli.ErrUsage)
	}
	eng, err := f.openEngine(false)
	if err != nil {
		return err
	}
	st, err := indexer.LoadPathsWith(ctx, eng.Index, fs.Args(), indexer.LoadOptions{Sync: *syncFiles}, stderr)
	if cerr := eng.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "indexed %s in %.1fs into %s\n", st, st.Elapsed.Seconds(), f.data)
	if st.Errors > 0 {
		return fmt.Errorf("%d inputs could not be read (listed above); the rest were indexed", st.Errors)
	}
	return nil
}
