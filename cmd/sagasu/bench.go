package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/sagasu-search/sagasu/bench"
)

// benchFlags are the flags of "sagasu bench".
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
}

// runBench measures Sagasu beside SQLite FTS5 and Groonga (package bench):
// each ingests the same corpus, then answers the same mix of searches over
// HTTP on loopback at each concurrency. It prints the report as a table,
// or as JSON with --json, and fails when an engine failed or a query got
// an error.
func runBench(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f benchFlags
	fs := newFlagSet("bench", stderr)
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
	if err := parseFlags(fs, args, getenv); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bench takes no arguments (got %q): %w", fs.Args(), errUsage)
	}
	if f.table != "" {
		return printSavedReport(f.table, stdout)
	}
	levels, err := parseLevels(f.concurrency)
	if err != nil {
		return err
	}
	if f.articles < 1 || f.duration <= 0 || f.queries < 0 {
		return fmt.Errorf("bench needs --articles 1 or more, a positive --duration and --queries 0 or more: %w", errUsage)
	}
	opts := bench.Options{
		Corpus: f.corpus, Articles: f.articles, Seed: f.seed, Engines: splitList(f.engines),
		Concurrency: levels, Duration: f.duration, Queries: f.queries, DataDir: f.dataDir,
		StartSagasu: benchChild(stderr), Log: stderr,
	}
	if f.inProcess {
		opts.StartSagasu = benchServer(stderr)
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
		return err
	}
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
			return nil, fmt.Errorf("--concurrency %q: want whole numbers of 1 or more, comma-separated: %w", s, errUsage)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--concurrency is empty: %w", errUsage)
	}
	return out, nil
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var l listFlag
	l.Set(s)
	return l
}

// benchServeArgs are the arguments of the "sagasu serve" the bench
// drives: a free loopback port, a new index in dataDir filled with the
// corpus at start, and the defaults of every other flag but the log level
// (warn: no line per request).
func benchServeArgs(corpusPath, dataDir string) (addr string, args []string, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("find a free port: %w", err)
	}
	addr = ln.Addr().String()
	ln.Close()
	return addr, []string{"serve", "--addr", addr, "--data", dataDir, "--corpus", corpusPath, "--log-level", "warn"}, nil
}

// benchChild returns how the bench starts Sagasu by default: this
// executable run as "sagasu serve", a process of its own, with no
// SAGASU_ variable of the environment (every flag at its default).
func benchChild(stderr io.Writer) bench.StartFunc {
	return func(ctx context.Context, corpusPath, dataDir string, started func(int)) (*bench.Server, error) {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("find the sagasu executable: %w", err)
		}
		addr, args, err := benchServeArgs(corpusPath, dataDir)
		if err != nil {
			return nil, err
		}
		cmd := exec.Command(exe, args...)
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "SAGASU_") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Stdout, cmd.Stderr = io.Discard, stderr
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start %s serve: %w", exe, err)
		}
		started(cmd.Process.Pid)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		stop := func() error {
			cmd.Process.Signal(os.Interrupt)
			select {
			case err := <-done:
				return err
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				<-done
				return fmt.Errorf("sagasu serve (pid %d) did not stop within a minute of SIGINT: killed", cmd.Process.Pid)
			}
		}
		if err := waitServing(ctx, "http://"+addr, done); err != nil {
			cmd.Process.Kill()
			return nil, err
		}
		return &bench.Server{URL: "http://" + addr, PID: cmd.Process.Pid, Stop: stop}, nil
	}
}

// benchServer returns how the bench starts Sagasu with --in-process:
// "sagasu serve" run in this process, with no environment.
func benchServer(stderr io.Writer) bench.StartFunc {
	return func(ctx context.Context, corpusPath, dataDir string, started func(int)) (*bench.Server, error) {
		addr, args, err := benchServeArgs(corpusPath, dataDir)
		if err != nil {
			return nil, err
		}
		started(0)
		ctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		noEnv := func(string) string { return "" }
		go func() { done <- run(ctx, append([]string{"sagasu"}, args...), noEnv, io.Discard, stderr) }()
		if err := waitServing(ctx, "http://"+addr, done); err != nil {
			cancel()
			return nil, err
		}
		stop := func() error {
			cancel()
			return <-done
		}
		return &bench.Server{URL: "http://" + addr, Stop: stop}, nil
	}
}

// waitServing waits until the server at url is ready, or done says it
// stopped, or ctx ends.
func waitServing(ctx context.Context, url string, done chan error) error {
	client := &http.Client{Timeout: 5 * time.Second}
	for {
		select {
		case err := <-done:
			done <- err // for Stop
			return fmt.Errorf("sagasu serve stopped before it was ready: %v", err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
		if resp, err := client.Get(url + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
}

// printSavedReport prints the tables of a JSON report from an earlier run.
func printSavedReport(path string, stdout io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("bench --table: %w", err)
	}
	var rep bench.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		return fmt.Errorf("bench --table %s: not a report of sagasu bench --json: %w", path, err)
	}
	return rep.WriteTable(stdout)
}
