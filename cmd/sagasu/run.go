package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/sagasu-search/sagasu/internal/cli"
)

// usage is printed for help (on stdout) and for an unknown command.
const usage = `sagasu: full-text search for English and Japanese news

Usage:
  sagasu serve   [--addr ADDR] [--data DIR] [--corpus PATH]...   run the API (indexes the embedded seeds into a new index)
  sagasu index   [--data DIR] PATH...                            ingest .txt, .json and .jsonl files or folders
  sagasu search  [--data DIR] [flags] QUERY...                   search from the terminal
  sagasu backup  --data DIR --to DIR                             copy an index not in use (a server: POST /api/v1/admin/backup)
  sagasu healthcheck [--addr ADDR] [--url URL]                   exit 0 when a running server's /readyz answers 200
  sagasu version                                                 print the version

Flags may come before or after the query (or paths): in
"sagasu search kishida -microsoft --size 3" a word starting with one
dash that names no flag is a query word, and after "--" every word is.

Run "sagasu COMMAND --help" (or "sagasu help COMMAND") for a command's
flags. Every flag can also be set by an environment variable
SAGASU_<FLAG> (e.g. SAGASU_ADDR, SAGASU_DATA). The lab tools (eval,
bench, load, gen) are in the sagasu-lab command.
`

// run is the whole program, with its environment passed in so that tests
// can run it in-process. Help (help, -h, --help, for the program or a
// command) prints the usage on stdout and is no error.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	return cli.Dispatch(args, usage, stdout, stderr, func(cmd string, rest []string) error {
		return runCommand(ctx, cmd, rest, getenv, stdout, stderr)
	})
}

// runCommand runs one command of sagasu with its arguments.
func runCommand(ctx context.Context, cmd string, rest []string, getenv func(string) string, stdout, stderr io.Writer) error {
	switch cmd {
	case "serve":
		return runServe(ctx, rest, getenv, stdout, stderr)
	case "index":
		return runIndex(ctx, rest, getenv, stdout, stderr)
	case "search":
		return runSearch(ctx, rest, getenv, stdout, stderr)
	case "backup":
		return runBackup(ctx, rest, getenv, stdout, stderr)
	case "healthcheck":
		return runHealthcheck(ctx, rest, getenv, stdout, stderr)
	case "eval", "bench", "load", "gen":
		return fmt.Errorf("%q moved to the lab binary: run sagasu-lab %s (go run ./cmd/sagasu-lab %s): %w", cmd, cmd, cmd, cli.ErrUsage)
	case "version":
		fmt.Fprintln(stdout, versionString())
		return nil
	}
	return cli.UnknownCommand(cmd, usage, stderr)
}

// newFlagSet returns the flag set of a command of sagasu.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	return cli.NewFlagSet("sagasu", name, stderr)
}
