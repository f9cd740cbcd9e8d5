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
const usage = `sagasu-lab: Sagasu's lab tools (evaluation, benchmarks, load tests)

Usage:
  sagasu-lab eval    [--data-dir ../shared/data] [--collections …]   measure ranking on test collections, beside SQLite FTS5 and Groonga
  sagasu-lab bench   [--articles N] [--engines …] [--concurrency …]  ingest and query speed beside SQLite FTS5 and Groonga
  sagasu-lab load    [--url URL] [--concurrency N] [--duration D]    drive a running server with searches (and writes with --api-key)
  sagasu-lab gen     [--articles N] [--seed S] [--out FILE]          write a synthetic news corpus as JSON Lines for benchmarks

Run "sagasu-lab COMMAND -h" for a command's flags. Every flag can also be
set by an environment variable SAGASU_<FLAG> (e.g. SAGASU_DATA_DIR).
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
	case "eval":
		return runEval(ctx, rest, getenv, stdout, stderr)
	case "bench":
		return runBench(ctx, rest, getenv, stdout, stderr)
	case "load":
		return runLoad(ctx, rest, getenv, stdout, stderr)
	case "gen":
		return runGen(ctx, rest, getenv, stdout, stderr)
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
	fs := flag.NewFlagSet("sagasu-lab "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args, letting SAGASU_<NAME> environment variables set
// any flag not given on the command line (flags win), as cmd/sagasu does.
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
