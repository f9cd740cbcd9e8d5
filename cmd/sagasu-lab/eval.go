package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/eval"
	"github.com/sagasu-search/sagasu/lab/eval/sagasu"
	"github.com/sagasu-search/sagasu/lab/peer/blevecjk"
	"github.com/sagasu-search/sagasu/lab/peer/fts5"
	"github.com/sagasu-search/sagasu/lab/peer/groonga"
)

// evalFlags are the flags of "sagasu-lab eval".
type evalFlags struct {
	dataDir     string
	collections cli.ListFlag
	engines     cli.ListFlag
	jsonOut     bool
	runs        string
	minNDCG     float64
	k           int
	livedoorMax int
	configs     cli.ListFlag
}

// evalResult is one engine's figures on one collection.
type evalResult struct {
	Collection string        `json:"collection"`
	Engine     string        `json:"engine"`
	Measures   eval.Measures `json:"measures"`
	Failed     int           `json:"failed_queries,omitempty"`
	IndexSec   float64       `json:"index_seconds"`
	SearchSec  float64       `json:"search_seconds"`
	// PValue is the paired randomization test's p of this configuration
	// of Sagasu against the first one listed (--configs), over the
	// per-query nDCG@10 (MRR@10 on livedoor).
	PValue *float64 `json:"p_value,omitempty"`

	perQuery []float64 // nDCG@10 (RR@10 on livedoor) per judged query
}

// runEval evaluates Sagasu and its peers on the test collections in
// --data-dir and prints the measures. With --min-ndcg it fails when
// Sagasu's nDCG@10 on any collection evaluated is below that figure.
func runEval(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f evalFlags
	fs := newFlagSet("eval", stderr)
	fs.StringVar(&f.dataDir, "data-dir", "../shared/data", "folder holding ir/ and livedoor/")
	fs.Var(&f.collections, "collections", "cran, cisi, med, npl, livedoor (comma-separated; all by default)")
	fs.Var(&f.engines, "engines", "sagasu, fts5, groonga, bleve-cjk (comma-separated; all by default)")
	fs.BoolVar(&f.jsonOut, "json", false, "print JSON instead of a table")
	fs.StringVar(&f.runs, "runs", "", "folder to write TREC run and qrels files into")
	fs.Float64Var(&f.minNDCG, "min-ndcg", 0, "fail if Sagasu's nDCG@10 is below this on an English collection")
	fs.IntVar(&f.k, "k", 100, "results per query")
	fs.IntVar(&f.livedoorMax, "livedoor-max", 0, "evaluate about this many livedoor articles, the same ones every run (0: all)")
	fs.Var(&f.configs, "configs", "rankings of Sagasu to compare on one index, each tested against the first (see lab/eval/sagasu.Configs)")
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if len(f.collections) == 0 {
		f.collections = append(append(cli.ListFlag{}, eval.Collections...), "livedoor")
	}
	if len(f.engines) == 0 {
		f.engines = cli.ListFlag{"sagasu", "fts5", "groonga", "bleve-cjk"}
	}
	if _, err := os.Stat(f.dataDir); err != nil {
		return fmt.Errorf("eval: no test collections at %s (set --data-dir or SAGASU_DATA_DIR): %w", f.dataDir, err)
	}
	var results []evalResult
	for _, name := range f.collections {
		c, err := loadEvalCollection(f.dataDir, name, f.livedoorMax)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s: %d documents, %d queries\n", name, len(c.Docs), len(c.Queries))
		for _, engName := range f.engines {
			res, err := f.evalEngine(ctx, c, engName, stderr)
			if errors.Is(err, errNotApplicable) {
				continue
			}
			if err != nil {
				return fmt.Errorf("%s on %s: %w", engName, name, err)
			}
			results = append(results, res...)
		}
	}
	if err := writeEvalResults(stdout, results, f.jsonOut); err != nil {
		return err
	}
	return checkNDCG(results, f.minNDCG)
}

// errNotApplicable marks an engine that does not run on a collection
// (bleve-cjk on English text).
var errNotApplicable = errors.New("not applicable")

// loadEvalCollection reads collection name from dataDir.
func loadEvalCollection(dataDir, name string, livedoorMax int) (*eval.Collection, error) {
	if name == "livedoor" {
		return eval.LoadLivedoor(filepath.Join(dataDir, "livedoor"), livedoorMax)
	}
	return eval.LoadCollection(name, filepath.Join(dataDir, "ir", name))
}

// evalEngine runs every variant of engine name that applies to c.
func (f *evalFlags) evalEngine(ctx context.Context, c *eval.Collection, name string, stderr io.Writer) ([]evalResult, error) {
	japanese := c.Name == "livedoor"
	var makers []func() (eval.Engine, error)
	switch {
	case name == "sagasu" && len(f.configs) > 0:
		return f.evalConfigs(ctx, c, stderr)
	case name == "sagasu":
		makers = append(makers, func() (eval.Engine, error) { return sagasu.New() })
	case name == "fts5" && japanese:
		makers = append(makers, func() (eval.Engine, error) { return fts5.New(fts5.Trigram) })
	case name == "fts5":
		makers = append(makers, func() (eval.Engine, error) { return fts5.New(fts5.Porter) })
	case name == "groonga":
		makers = append(makers, func() (eval.Engine, error) { return groonga.New(groonga.Bigram) })
		if japanese {
			makers = append(makers, func() (eval.Engine, error) { return groonga.New(groonga.Mecab) })
		}
	case name == "bleve-cjk" && japanese:
		makers = append(makers, func() (eval.Engine, error) { return blevecjk.New() })
	case name == "bleve-cjk":
		return nil, errNotApplicable
	default:
		return nil, fmt.Errorf("unknown engine %q: use sagasu, fts5, groonga or bleve-cjk: %w", name, cli.ErrUsage)
	}
	var out []evalResult
	for _, newEngine := range makers {
		e, err := newEngine()
		if err != nil {
			fmt.Fprintf(stderr, "  skipped: %v\n", err)
			continue
		}
		res, err := f.evalOne(ctx, c, e, stderr)
		e.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

// evalOne indexes c into e, runs its queries and measures the run.
func (f *evalFlags) evalOne(ctx context.Context, c *eval.Collection, e eval.Engine, stderr io.Writer) (evalResult, error) {
	start := time.Now()
	if err := e.Index(ctx, c.Docs); err != nil {
		return evalResult{}, err
	}
	indexSec := time.Since(start).Seconds()
	return f.searchAll(ctx, c, e, e.Name(), indexSec, stderr)
}

// searchAll runs c's queries on e, indexed in indexSec, and measures the
// run, named name.
func (f *evalFlags) searchAll(ctx context.Context, c *eval.Collection, e eval.Engine, name string, indexSec float64, stderr io.Writer) (evalResult, error) {
	start := time.Now()
	run := eval.Run{}
	for _, q := range c.Queries {
		ids, err := e.Search(ctx, q.Text, f.k)
		if err != nil {
			return evalResult{}, fmt.Errorf("query %s: %w", q.ID, err)
		}
		run[q.ID] = ids
	}
	res := evalResult{Collection: c.Name, Engine: name, Measures: eval.Evaluate(run, c.Qrels),
		IndexSec: indexSec, SearchSec: time.Since(start).Seconds()}
	ndcg, rr := eval.PerQuery(run, c.Qrels)
	res.perQuery = ndcg
	if c.Name == "livedoor" {
		res.perQuery = rr
	}
	if s, ok := e.(*sagasu.Engine); ok {
		res.Failed = s.Failures()
	}
	fmt.Fprintf(stderr, "  %-28s nDCG@10 %.4f  (index %.1fs, search %.1fs)\n", name, res.Measures.NDCG10, res.IndexSec, res.SearchSec)
	if f.runs != "" {
		if err := writeRunFiles(f.runs, c, name, run); err != nil {
			return evalResult{}, err
		}
	}
	return res, nil
}

// permutations is how many random assignments the randomization test
// draws; permutationSeed makes its p-values the same every run.
const (
	permutations    = 20000
	permutationSeed = 22
)

// evalConfigs runs c's queries with each ranking of --configs, each
// tested against the first. Configurations with the same analyzer share
// one index of c; an index is dropped after its analyzer's last one.
func (f *evalFlags) evalConfigs(ctx context.Context, c *eval.Collection, stderr io.Writer) ([]evalResult, error) {
	var cfgs []sagasu.Config
	last := map[string]int{} // analyzer → index of its last configuration
	for _, name := range f.configs {
		cfg, err := sagasu.FindConfig(name)
		if err != nil {
			return nil, fmt.Errorf("--configs: %w: %w", err, cli.ErrUsage)
		}
		last[cfg.Analyzer] = len(cfgs)
		cfgs = append(cfgs, cfg)
	}
	indexes := map[string]*configIndex{}
	defer func() {
		for _, ci := range indexes {
			ci.engine.Close()
		}
	}()
	var out []evalResult
	for i, cfg := range cfgs {
		ci, err := indexFor(ctx, c, cfg.Analyzer, indexes, stderr)
		if err != nil {
			return nil, err
		}
		ci.engine.SetRanking(cfg.Ranking)
		res, err := f.searchAll(ctx, c, ci.engine, "sagasu["+cfg.Name+"]", ci.seconds, stderr)
		if err != nil {
			return nil, fmt.Errorf("configuration %s: %w", cfg.Name, err)
		}
		base := res
		if len(out) > 0 {
			base = out[0]
		}
		p := eval.Randomization(res.perQuery, base.perQuery, permutations, permutationSeed)
		res.PValue = &p
		out = append(out, res)
		if last[cfg.Analyzer] == i {
			ci.engine.Close()
			delete(indexes, cfg.Analyzer)
		}
	}
	return out, nil
}

// configIndex is Sagasu with c indexed by one analyzer, and how long the
// indexing took.
type configIndex struct {
	engine  *sagasu.Engine
	seconds float64
}

// indexFor returns the index of c built with analyzer, from indexes or
// built now and added to them.
func indexFor(ctx context.Context, c *eval.Collection, analyzer string, indexes map[string]*configIndex, stderr io.Writer) (*configIndex, error) {
	if ci, ok := indexes[analyzer]; ok {
		return ci, nil
	}
	e, err := sagasu.NewWith(analyzer)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := e.Index(ctx, c.Docs); err != nil {
		e.Close()
		return nil, fmt.Errorf("index with analyzer %q: %w", analyzer, err)
	}
	ci := &configIndex{engine: e, seconds: time.Since(start).Seconds()}
	if analyzer != "" {
		fmt.Fprintf(stderr, "  indexed with analyzer %s in %.1fs\n", analyzer, ci.seconds)
	}
	indexes[analyzer] = ci
	return ci, nil
}

// writeRunFiles writes the run as DIR/<collection>.<engine>.run and the
// collection's judgments as DIR/<collection>.qrels, for trec_eval.
func writeRunFiles(dir string, c *eval.Collection, engine string, run eval.Run) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tag := strings.NewReplacer(" ", "_", "(", "", ")", "").Replace(engine)
	write := func(name string, fn func(io.Writer) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", name, err)
		}
		return f.Close()
	}
	if err := write(c.Name+"."+tag+".run", func(w io.Writer) error { return eval.WriteTREC(w, run, tag) }); err != nil {
		return err
	}
	return write(c.Name+".qrels", func(w io.Writer) error { return eval.WriteQrels(w, c.Qrels) })
}

// writeEvalResults prints the results as a table or JSON.
func writeEvalResults(w io.Writer, results []evalResult, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(results)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "collection\tengine\tqueries\tnDCG@10\tMAP\tP@10\tR@100\tMRR@10\tS@10\tindex s\tsearch s\tp")
	for _, r := range results {
		m := r.Measures
		p := ""
		switch {
		case r.PValue == nil:
		case *r.PValue < 0.0001:
			p = "<0.0001"
		default:
			p = fmt.Sprintf("%.4f", *r.PValue)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.1f\t%.1f\t%s\n", r.Collection, r.Engine, m.Queries,
			m.NDCG10, m.MAP, m.P10, m.Recall100, m.MRR10, m.Success10, r.IndexSec, r.SearchSec, p)
	}
	return tw.Flush()
}

// checkNDCG fails when Sagasu's nDCG@10 on an English collection is below
// min: the regression guard CI runs.
func checkNDCG(results []evalResult, min float64) error {
	if min <= 0 {
		return nil
	}
	for _, r := range results {
		if r.Engine == "sagasu" && r.Collection != "livedoor" && r.Measures.NDCG10 < min {
			return fmt.Errorf("sagasu's nDCG@10 on %s is %.4f, below the guard %.4f", r.Collection, r.Measures.NDCG10, min)
		}
	}
	return nil
}
