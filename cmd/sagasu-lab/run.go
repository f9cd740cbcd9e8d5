package main

import (
	"context"
	"flag"
	"io"

	"github.com/sagasu-search/sagasu/internal/cli"
)

// usage is printed for help (on stdout) and for an unknown command.
const usage = `sagasu-lab: Sagasu's lab tools (evaluation, benchmarks, load tests)

Usage:
  sagasu-lab eval    [--data-dir ../shared/data] [--collections …]   measure ranking on test collections, beside SQLite FTS5 and Groonga
  sagasu-lab bench   [--articles N] [--engines …] [--concurrency …]  ingest and query speed beside SQLite FTS5 and Groonga
  sagasu-lab load    [--url URL] [--concurrency N] [--duration D]    drive a running server with searches (and writes with --api-key)
  sagasu-lab extract [--data-dir ../shared/data] [--json]              article extraction from HTML beside go-trafilatura and go-readability
  sagasu-lab gen     [--articles N] [--seed S] [--out FILE]          write a synthetic news corpus as JSON Lines for benchmarks
  sagasu-lab ner     [--data-dir ../shared/data]                     entity recognition (rules, rules+tagger, tagger) on the NER dev sets

Run "sagasu-lab COMMAND --help" (or "sagasu-lab help COMMAND") for a
command's flags. Every flag can also be set by an environment variable
SAGASU_<FLAG> (e.g. SAGASU_DATA_DIR).
`

// run is the whole program, with its environment passed in so that tests
// can run it in-process. Help (help, -h, --help, for the program or a
// command) prints the usage on stdout and is no error.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	return cli.Dispatch(args, usage, stdout, stderr, func(cmd string, rest []string) error {
		return runCommand(ctx, cmd, rest, getenv, stdout, stderr)
	})
}

// runCommand runs one command of sagasu-lab with its arguments.
func runCommand(ctx context.Context, cmd string, rest []string, getenv func(string) string, stdout, stderr io.Writer) error {
	switch cmd {
	case "eval":
		return runEval(ctx, rest, getenv, stdout, stderr)
	case "bench":
		return runBench(ctx, rest, getenv, stdout, stderr)
	case "load":
		return runLoad(ctx, rest, getenv, stdout, stderr)
	case "extract":
		return runExtract(ctx, rest, getenv, stdout, stderr)
	case "gen":
		return runGen(ctx, rest, getenv, stdout, stderr)
	case "ner":
		return runNER(ctx, rest, getenv, stdout, stderr)
	}
	return cli.UnknownCommand(cmd, usage, stderr)
}

// newFlagSet returns the flag set of a command of sagasu-lab.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	return cli.NewFlagSet("sagasu-lab", name, stderr)
}
