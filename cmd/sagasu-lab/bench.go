package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/bench"
)

// benchFlags are the flags of "sagasu-lab bench".
type benchFlags struct {
	articles    int
	corpus      string
	seed        int64
	engines     string
	concurrency string
	duration    time.Duration
	queries     int
	jsonOut     bool
	table       string
	dataDir     string
	inProcess   bool
	sagasu      string
	shards      int
}

func (f *benchFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.articles, "articles", 10000, "articles of the synthetic corpus (the benchmark sizes are 10000, 100000 and 1000000)")
	fs.StringVar(&f.corpus, "corpus", "", "a JSON Lines file of articles to use instead of a synthetic corpus")
	fs.Int64Var(&f.seed, "seed", 1, "the synthetic corpus to use")
	fs.StringVar(&f.engines, "engines", "sagasu,fts5,groonga", "engines to run, comma-separated (groonga is skipped when not installed)")
	fs.StringVar(&f.concurrency, "concurrency", "1,16", "concurrency levels, comma-separated")
	fs.DurationVar(&f.duration, "duration", 3*time.Second, "how long each query runs at each concurrency")
	fs.IntVar(&f.queries, "queries", 0, "or: how many times each query runs at each concurrency")
	fs.BoolVar(&f.jsonOut, "json", false, "print the report as JSON instead of tables")
	fs.StringVar(&f.table, "table", "", "print the tables of a report saved with --json, and run nothing")
	fs.StringVar(&f.dataDir, "data-dir", "", "folder for the corpus file and the indexes, kept afterwards (default: a temporary one, removed)")
	fs.BoolVar(&f.inProcess, "in-process", false, "run Sagasu's server inside this process instead of as a child "+
		"\"sagasu serve\" (its peak memory is then estimated, less the bench's own)")
	fs.StringVar(&f.sagasu, "sagasu", "", "the sagasu executable run as \"sagasu serve\" (default: the sagasu beside this "+
		"executable, else one built from this module with go build)")
	fs.IntVar(&f.shards, "shards", 1, "shards of Sagasu's index (sagasu serve --shards)")
}

// runBench measures Sagasu beside SQLite FTS5 and Groonga (package bench):
// each ingests the same corpus, then answers the same mix of searches over
// HTTP on loopback at each concurrency. It prints the report as a table,
// or as JSON with --json, and fails when an engine failed or a query got
// an error.
func runBench(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f benchFlags
	fs := newFlagSet("bench", stderr)
	f.register(fs)
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bench takes no arguments (got %q): %w", fs.Args(), cli.ErrUsage)
	}
	if f.table != "" {
		return printSavedReport(f.table, stdout)
	}
	opts, err := f.options(stderr)
	if err != nil {
		return err
	}
	if slices.Contains(opts.Engines, bench.Sagasu) {
		start, cleanup, err := f.startSagasu(ctx, stderr)
		if err != nil {
			return err
		}
		defer cleanup()
		opts.StartSagasu = start
	}
	rep, err := bench.Run(ctx, opts)
	if err != nil {
		return err
	}
	if f.jsonOut {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteTable(stdout)
	}
	if err != nil {
		return fmt.Errorf("bench: print the report: %w", err)
	}
	return benchFailures(rep)
}

// options checks the flags and turns them into the bench's options, all
// but how to start Sagasu.
func (f *benchFlags) options(stderr io.Writer) (bench.Options, error) {
	levels, err := parseLevels(f.concurrency)
	if err != nil {
		return bench.Options{}, err
	}
	if f.articles < 1 || f.duration <= 0 || f.queries < 0 {
		return bench.Options{}, fmt.Errorf("bench needs --articles 1 or more, a positive --duration and --queries 0 or more: %w", cli.ErrUsage)
	}
	return bench.Options{
		Corpus: f.corpus, Articles: f.articles, Seed: f.seed, Engines: splitList(f.engines),
		Concurrency: levels, Duration: f.duration, Queries: f.queries, DataDir: f.dataDir, Log: stderr,
	}, nil
}

// startSagasu returns how the bench starts Sagasu's server: in this
// process with --in-process, else as a child "sagasu serve" of the
// executable findSagasu picks. cleanup removes an executable it built.
func (f *benchFlags) startSagasu(ctx context.Context, stderr io.Writer) (bench.StartFunc, func(), error) {
	if f.inProcess {
		return sagasuInProcess(f.shards, stderr), func() {}, nil
	}
	exe, cleanup, err := findSagasu(ctx, f.sagasu, stderr)
	if err != nil {
		return nil, nil, err
	}
	return sagasuChild(exe, f.shards, stderr), cleanup, nil
}

// benchFailures is an error naming every engine that failed and every
// query that got an error, or nil.
func benchFailures(rep *bench.Report) error {
	var failed []string
	for _, e := range rep.Engines {
		if e.Error != "" {
			failed = append(failed, e.Engine+": "+e.Error)
		}
		for _, c := range e.Cells {
			if c.Error != "" || c.Errors > 0 {
				failed = append(failed, fmt.Sprintf("%s: %s at concurrency %d: %d errors %s", e.Engine, c.Query, c.Concurrency, c.Errors, c.Error))
			}
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("bench: %s", strings.Join(failed, "; "))
	}
	return nil
}

// parseLevels reads "1,16".
func parseLevels(s string) ([]int, error) {
	var out []int
	for _, part := range splitList(s) {
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("--concurrency %q: want whole numbers of 1 or more, comma-separated: %w", s, cli.ErrUsage)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--concurrency is empty: %w", cli.ErrUsage)
	}
	return out, nil
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var l cli.ListFlag
	l.Set(s)
	return l
}

// printSavedReport prints the tables of a JSON report from an earlier run.
func printSavedReport(path string, stdout io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("bench --table: %w", err)
	}
	var rep bench.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		return fmt.Errorf("bench --table %s: not a report of sagasu-lab bench --json: %w", path, err)
	}
	return rep.WriteTable(stdout)
}
