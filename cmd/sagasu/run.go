package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// usage is printed for -h and for an unknown command.
const usage = `sagasu: full-text search for English and Japanese news

Usage:
  sagasu serve   [--addr ADDR] [--data DIR] [--corpus PATH]...   run the API (indexes the embedded seeds into a new index)
  sagasu index   [--data DIR] PATH...                            ingest .txt, .json and .jsonl files or folders
  sagasu search  [--data DIR] [flags] QUERY...                   search from the terminal
  sagasu backup  --data DIR --to DIR                             copy an index not in use (a server: POST /api/v1/admin/backup)
  sagasu version                                                 print the version

Run "sagasu COMMAND -h" for a command's flags. Every flag can also be set
by an environment variable SAGASU_<FLAG> (e.g. SAGASU_ADDR, SAGASU_DATA).
The lab tools (eval, bench, load, gen) are in the sagasu-lab command.
`

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage")

// run is the whole program, with its environment passed in so that tests
// can run it in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("no command given: %w", errUsage)
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, getenv, stdout, stderr)
	case "index":
		return runIndex(ctx, rest, getenv, stdout, stderr)
	case "search":
		return runSearch(ctx, rest, getenv, stdout, stderr)
	case "backup":
		return runBackup(ctx, rest, getenv, stdout, stderr)
	case "eval", "bench", "load", "gen":
		return fmt.Errorf("%q moved to the lab binary: run sagasu-lab %s (go run ./cmd/sagasu-lab %s): %w", cmd, cmd, cmd, errUsage)
	case "version":
		fmt.Fprintln(stdout, versionString())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q: %w", cmd, errUsage)
}

// exitCode is 2 for usage errors and 1 for the rest.
func exitCode(err error) int {
	if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("sagasu "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args, letting SAGASU_<NAME> environment variables set
// any flag not given on the command line (flags win).
func parseFlags(fs *flag.FlagSet, args []string, getenv func(string) string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%v: %w", err, errUsage)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := "SAGASU_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := getenv(env); v != "" && !given[f.Name] && err == nil {
			if e := f.Value.Set(v); e != nil {
				err = fmt.Errorf("environment %s=%q: %v: %w", env, v, e, errUsage)
			}
		}
	})
	return err
}

// listFlag is a repeatable string flag; from the environment it takes a
// comma-separated list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}
