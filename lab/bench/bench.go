// Package bench measures Sagasu side by side with two peers, SQLite FTS5
// (through the pure-Go modernc.org/sqlite driver) and Groonga (its HTTP
// server), on the same corpus, in the same run: how fast each ingests a
// JSON Lines corpus (articles/s, MB/s), how large its index is on disk
// against the raw bytes, its peak resident memory while ingesting, then
// the latency percentiles (p50, p95, p99) and throughput of a fixed mix of
// searches sent over HTTP on loopback, each with facets and highlights, at
// several concurrencies. It is the engine of "sagasu-lab bench".
//
// The corpus is a file of JSON Lines, or a synthetic one (package synth)
// written to a file first, so that every engine reads the same bytes. It
// is read once before any engine runs: to extract the entities of every
// article with Sagasu's own extractor (gazetteer and discovery, as "sagasu
// serve" does by default) into a sidecar file that the peers load into
// their facet tables, and to choose the words of the query mix (see Mix).
// Sagasu extracts entities again as it ingests, as it always does; the
// peers get them for nothing.
//
// Engines run one after the other, never two at once: each indexes the
// corpus, answers every query of the mix once (a check, and a warm-up),
// then each query for a while at each concurrency, and stops. Sagasu is
// its real server, started by the command through Options.StartSagasu
// (the sagasu executable run as "sagasu serve --corpus FILE", or the same
// server assembled in this process); FTS5 runs in this process behind
// its driver's net/http handler; Groonga is a process of its own. The
// peers' drivers (packages lab/peer/fts5 and lab/peer/groonga) are the
// ones the evaluation uses. An article is in the corpus when Sagasu's
// index accepts it (indexer.Index.Accept), for every engine alike.
package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"github.com/sagasu-search/sagasu/lab/loadtest"
	"github.com/sagasu-search/sagasu/lab/peer/fts5"
)

// Options configure a run. The zero value of a field means its default.
type Options struct {
	// Corpus is a JSON Lines file of articles; empty means a synthetic
	// corpus of Articles articles from Seed.
	Corpus string
	// Articles is the size of the synthetic corpus (default 10,000).
	Articles int
	// Seed selects the synthetic corpus.
	Seed int64
	// Engines to run, of Sagasu, FTS5 and Groonga (default all three).
	// Groonga is skipped, with a note in the report, when its command is
	// not on the PATH.
	Engines []string
	// Concurrency levels: clients sending one query at a time (default
	// 1 and 16).
	Concurrency []int
	// Duration each query runs at each concurrency (default 3s), unless
	// Queries is set.
	Duration time.Duration
	// Queries, when above 0, is how many times each query runs at each
	// concurrency instead.
	Queries int
	// DataDir is where the corpus file, the entity sidecar and the indexes
	// go; empty means a new temporary folder, removed at the end. Given,
	// it is kept, and must not already hold an engine's folder.
	DataDir string
	// StartSagasu starts Sagasu's server; it is needed when Engines has
	// Sagasu.
	StartSagasu StartFunc
	// GroongaCommand is the groonga executable (default "groonga").
	GroongaCommand string
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// withDefaults fills o's zero fields and checks the rest.
func (o Options) withDefaults() (Options, error) {
	if o.Articles == 0 {
		o.Articles = 10000
	}
	if len(o.Engines) == 0 {
		o.Engines = []string{Sagasu, FTS5, Groonga}
	}
	if len(o.Concurrency) == 0 {
		o.Concurrency = []int{1, 16}
	}
	if o.Duration == 0 {
		o.Duration = 3 * time.Second
	}
	if o.GroongaCommand == "" {
		o.GroongaCommand = "groonga"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	switch {
	case o.Corpus == "" && o.Articles < 1:
		return o, fmt.Errorf("bench: %d articles: want 1 or more", o.Articles)
	case o.Duration < 0 || o.Queries < 0:
		return o, fmt.Errorf("bench: want a positive duration or query count")
	}
	for _, c := range o.Concurrency {
		if c < 1 {
			return o, fmt.Errorf("bench: concurrency %d: want 1 or more", c)
		}
	}
	seen := map[string]bool{}
	for _, e := range o.Engines {
		switch {
		case e != Sagasu && e != FTS5 && e != Groonga:
			return o, fmt.Errorf("bench: unknown engine %q: use %s, %s or %s", e, Sagasu, FTS5, Groonga)
		case seen[e]:
			return o, fmt.Errorf("bench: engine %q given twice", e)
		case e == Sagasu && o.StartSagasu == nil:
			return o, fmt.Errorf("bench: Options.StartSagasu is needed to run %s", Sagasu)
		}
		seen[e] = true
	}
	return o, nil
}

// Run runs the benchmark and returns its report. An engine that fails is
// reported with its error and the run goes on with the next; Run fails
// only when the corpus cannot be prepared or ctx ends.
func Run(ctx context.Context, opts Options) (*Report, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	work, cleanup, err := workDir(opts)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	rep := &Report{Started: time.Now().UTC(), Machine: machine(opts.GroongaCommand)}
	c, mix, err := rep.prepareCorpus(ctx, opts, work)
	if err != nil {
		return nil, err
	}
	defer c.close()
	for _, name := range opts.Engines {
		rep.Engines = append(rep.Engines, runNamed(ctx, name, c, mix, opts, work))
		if ctx.Err() != nil {
			return nil, fmt.Errorf("bench: %w", ctx.Err())
		}
		if opts.DataDir == "" {
			os.RemoveAll(filepath.Join(work, name))
		}
	}
	rep.ratios()
	rep.Elapsed = time.Since(rep.Started).Seconds()
	return rep, nil
}

// workDir returns the folder of the run: opts.DataDir, kept, or a new
// temporary one that cleanup removes. It must not hold an engine's
// folder yet.
func workDir(opts Options) (work string, cleanup func(), err error) {
	work, cleanup = opts.DataDir, func() {}
	if work == "" {
		if work, err = os.MkdirTemp("", "sagasu-bench-*"); err != nil {
			return "", nil, fmt.Errorf("bench: %w", err)
		}
		cleanup = func() { os.RemoveAll(work) }
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return "", nil, fmt.Errorf("bench: data dir: %w", err)
	}
	for _, e := range opts.Engines {
		if _, err := os.Stat(filepath.Join(work, e)); err == nil {
			cleanup()
			return "", nil, fmt.Errorf("bench: %s already exists: give an empty --data-dir", filepath.Join(work, e))
		}
	}
	return work, cleanup, nil
}

// prepareCorpus writes the synthetic corpus unless opts names one, reads
// it once (see prepare), chooses the mix, and fills the report's corpus
// and query sections. The caller closes the prepared corpus.
func (rep *Report) prepareCorpus(ctx context.Context, opts Options, work string) (*prepared, []Query, error) {
	path := opts.Corpus
	if path == "" {
		fmt.Fprintf(opts.Log, "bench: writing %d synthetic articles (seed %d)\n", opts.Articles, opts.Seed)
		so := SynthOptions(opts.Articles, opts.Seed)
		var err error
		if path, err = writeSynth(ctx, work, so); err != nil {
			return nil, nil, err
		}
		rep.Corpus.Synthetic = &so
	}
	fmt.Fprintf(opts.Log, "bench: reading %s: entities for the peers, words for the mix\n", path)
	c, err := prepare(ctx, path, work)
	if err != nil {
		return nil, nil, err
	}
	mix, err := c.stats.Mix()
	if err != nil {
		c.close()
		return nil, nil, err
	}
	rep.Corpus.Path, rep.Corpus.Bytes, rep.Corpus.Articles = path, c.bytes, c.articles
	rep.Corpus.Japanese, rep.Corpus.Skipped = c.japanese, c.skipped
	rep.Corpus.EntityPass = c.extract.Seconds()
	rep.Corpus.Entities = "extracted once by Sagasu's extractor (gazetteer and discovery) before any engine runs; " +
		"the peers load them, Sagasu extracts them again as it ingests"
	rep.Concurrency = opts.Concurrency
	rep.Duration, rep.QueriesPerCell = opts.Duration.Seconds(), opts.Queries
	if opts.Queries > 0 {
		rep.Duration = 0
	}
	for _, q := range mix {
		rep.Queries = append(rep.Queries, QueryInfo{Query: q, Sagasu: q.SagasuPath()})
	}
	return c, mix, nil
}

// runNamed runs the engine called name and returns its report: skipped
// (Groonga not installed), failed with its error, or its figures.
func runNamed(ctx context.Context, name string, c *prepared, mix []Query, opts Options, work string) EngineReport {
	er := EngineReport{Engine: name}
	var eng engine
	switch name {
	case Sagasu:
		eng = &sagasuEngine{start: opts.StartSagasu}
	case FTS5:
		eng = &fts5Engine{conns: slices.Max(opts.Concurrency)}
	case Groonga:
		if _, err := exec.LookPath(opts.GroongaCommand); err != nil {
			er.Skipped = errNoGroonga.Error()
			fmt.Fprintf(opts.Log, "bench: %s: skipped: %s\n", name, er.Skipped)
			return er
		}
		eng = &groongaEngine{command: opts.GroongaCommand, threads: slices.Max(opts.Concurrency)}
	}
	if err := runEngine(ctx, eng, c, mix, opts, filepath.Join(work, name), &er); err != nil {
		er.Error = err.Error()
		fmt.Fprintf(opts.Log, "bench: %s: %v\n", name, err)
	}
	return er
}

// runEngine ingests the corpus into eng, sends it the mix and fills er.
func runEngine(ctx context.Context, eng engine, c *prepared, mix []Query, opts Options, dir string, er *EngineReport) (err error) {
	defer func() {
		if cerr := eng.close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	baseline, err := ingest(ctx, eng, c, dir, &er.Ingest, opts.Log)
	if err != nil {
		return err
	}
	if err := runMix(ctx, eng, mix, opts, er); err != nil {
		return err
	}
	if peak, err := procStatus(eng.pid(), "VmHWM"); err == nil {
		er.PeakRSSAll = peak
		if eng.pid() == 0 {
			er.PeakRSSAll -= baseline
		}
	}
	in := &er.Ingest
	if in.IndexBytes, err = diskUsage(dir); err != nil {
		return err
	}
	in.IndexPerRaw = float64(in.IndexBytes) / float64(c.bytes)
	return nil
}

// ingest has eng index the corpus into dir, timing it and watching its
// memory, and fills in. It returns this process's resident memory before
// the engine started, which an engine in this process is measured above.
func ingest(ctx context.Context, eng engine, c *prepared, dir string, in *Ingest, log io.Writer) (baseline int64, err error) {
	in.Articles, in.RawBytes = c.articles, c.bytes
	reset := resetPeakRSS()
	baseline, _ = procStatus(0, "VmRSS")
	baseAnon, _ := procStatus(0, "RssAnon")
	fmt.Fprintf(log, "bench: %s: ingesting %d articles\n", eng.name(), c.articles)
	start := time.Now()
	stopAnon := sampleAnonRSS(eng.pid, 250*time.Millisecond)
	err = eng.ingest(ctx, c, dir)
	in.PeakAnon = stopAnon()
	if err != nil {
		return 0, fmt.Errorf("ingest: %w", err)
	}
	in.Seconds = time.Since(start).Seconds()
	if eng.pid() == 0 && in.PeakAnon > 0 {
		in.PeakAnon, in.BaselineAnon = max(in.PeakAnon-baseAnon, 0), baseAnon
	}
	in.ArticlesPerSecond = float64(c.articles) / in.Seconds
	in.MBPerSecond = float64(c.bytes) / 1e6 / in.Seconds
	peak, err := procStatus(eng.pid(), "VmHWM")
	switch {
	case err != nil:
		in.PeakRSSScope = "unknown: " + err.Error()
	case eng.pid() != 0:
		in.PeakRSS, in.PeakRSSScope = peak, "the server process"
	default:
		in.PeakRSS, in.BaselineRSS = peak-baseline, baseline
		in.PeakRSSScope = "in this process: its peak less its resident memory before the engine started"
		if !reset {
			in.PeakRSSScope += " (the peak could not be reset: it may be an earlier one)"
		}
	}
	fmt.Fprintf(log, "bench: %s: ingested in %.1fs, %.0f articles/s, %.1f MB/s, peak RSS %.0f MB (anonymous %s MB)\n",
		eng.name(), in.Seconds, in.ArticlesPerSecond, in.MBPerSecond, float64(in.PeakRSS)/1e6, megabytes(in.PeakAnon))
	return baseline, nil
}

// runMix sends each query of the mix once (a check, and a warm-up), then
// each for a while at each concurrency, adding a cell to er for each.
func runMix(ctx context.Context, eng engine, mix []Query, opts Options, er *EngineReport) error {
	maxConc := slices.Max(opts.Concurrency)
	client := &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{
		MaxIdleConnsPerHost: maxConc + 1, MaxIdleConns: maxConc + 1, DisableCompression: true}}
	defer client.CloseIdleConnections()
	totals := make([]int, len(mix))
	checkErr := make([]string, len(mix))
	for i, q := range mix {
		var err error
		if totals[i], err = check(ctx, client, eng, q); err != nil {
			checkErr[i] = err.Error()
			fmt.Fprintf(opts.Log, "bench: %s: %s: %v\n", eng.name(), q.Name, err)
		}
	}
	for _, conc := range opts.Concurrency {
		for i, q := range mix {
			cell := Cell{Query: q.Key, Concurrency: conc, Total: totals[i], Error: checkErr[i]}
			if cell.Error == "" {
				cfg := loadtest.Config{BaseURL: eng.baseURL(), Concurrency: conc, Duration: opts.Duration,
					Requests: opts.Queries, Reads: []loadtest.Request{eng.request(q)}, Client: client}
				if opts.Queries > 0 {
					cfg.Duration = 0
				}
				lr, err := loadtest.Run(ctx, cfg)
				if err != nil {
					return fmt.Errorf("%s at concurrency %d: %w", q.Name, conc, err)
				}
				cell.fill(lr.Reads)
			}
			er.Cells = append(er.Cells, cell)
			fmt.Fprintf(opts.Log, "bench: %s: %-18s c=%-3d %6d queries, p50 %7.2f ms, p99 %7.2f ms, %7.1f/s, %d errors\n",
				eng.name(), q.Name, conc, cell.Count, cell.P50, cell.P99, cell.PerSecond, cell.Errors)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	return nil
}

// check sends q once and reads how many articles matched: every engine
// must answer it with 200 before it is timed.
func check(ctx context.Context, client *http.Client, eng engine, q Query) (int, error) {
	r := eng.request(q)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, eng.baseURL()+r.Path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("check: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, fmt.Errorf("check: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("check: HTTP %d: %.300s", resp.StatusCode, body)
	}
	n, err := eng.total(body)
	if err != nil {
		return 0, fmt.Errorf("check: %w", err)
	}
	return n, nil
}

// machine describes where the run happens.
func machine(groongaCommand string) Machine {
	m := Machine{OS: runtime.GOOS, Arch: runtime.GOARCH, CPUs: runtime.NumCPU(), Go: runtime.Version()}
	if out, err := exec.Command(groongaCommand, "--version").Output(); err == nil {
		line, _, _ := bytes.Cut(out, []byte("\n"))
		m.Groonga = string(line)
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range bytes.Split(data, []byte("\n")) {
			if k, v, ok := bytes.Cut(l, []byte(":")); ok && string(bytes.TrimSpace(k)) == "model name" {
				m.CPU = string(bytes.TrimSpace(v))
				break
			}
		}
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			switch d.Path {
			case "github.com/blevesearch/bleve/v2":
				m.Bleve = d.Version
			case "modernc.org/sqlite":
				m.SQLiteDriver = d.Version
			}
		}
	}
	m.SQLite = fts5.Version()
	return m
}
