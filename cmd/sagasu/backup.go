package main

import (
	"context"
	"fmt"
	"io"

	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/cli"
)

// runBackup copies the index at --data to --to. The index must not be in
// use: a running server backs itself up with POST /api/v1/admin/backup.
func runBackup(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var data, to string
	fs := newFlagSet("backup", stderr)
	fs.StringVar(&data, "data", "./data", "index folder to back up")
	fs.StringVar(&to, "to", "", "new folder for the copy (must not exist)")
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if to == "" || fs.NArg() > 0 {
		return fmt.Errorf("backup needs --to DIR and no arguments: sagasu backup --data DIR --to DIR: %w", cli.ErrUsage)
	}
	exists, err := indexer.Exists(data)
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	if !exists {
		return noIndexError(data)
	}
	ix, _, err := indexer.Open(data, indexer.Options{})
	if err != nil {
		return fmt.Errorf("%w (a running server is backed up with POST /api/v1/admin/backup)", err)
	}
	defer ix.Close()
	if err := ix.Backup(ctx, to); err != nil {
		return err
	}
	n, _ := ix.Count(ctx)
	size, _ := indexer.FolderSize(ctx, to)
	fmt.Fprintf(stdout, "backed up %d articles (%d bytes) from %s to %s\n", n, size, data, to)
	return nil
}
