package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sagasu-search/sagasu/lab/loadtest"
	"github.com/sagasu-search/sagasu/lab/synth"
)

// Report is the result of a run: every figure of every engine, and
// Sagasu's ratio to the best peer for each.
type Report struct {
	Started time.Time `json:"started"`
	Elapsed float64   `json:"elapsed_s"`
	Machine Machine   `json:"machine"`
	Corpus  Corpus    `json:"corpus"`
	// Concurrency lists the levels each query ran at.
	Concurrency []int `json:"concurrency"`
	// Duration is how long each query ran at each level, in seconds; 0
	// when QueriesPerCell was set instead.
	Duration       float64 `json:"duration_s,omitempty"`
	QueriesPerCell int     `json:"queries_per_cell,omitempty"`
	// Queries is the mix, in its order.
	Queries []QueryInfo    `json:"queries"`
	Engines []EngineReport `json:"engines"`
	// Ratios are Sagasu's figure divided by the best peer's, one per
	// figure where Sagasu and a peer both have one.
	Ratios []Ratio `json:"sagasu_to_best_peer"`
}

// Machine says where a run happened.
type Machine struct {
	OS           string `json:"os"`
	Arch         string `json:"arch"`
	CPUs         int    `json:"cpus"`
	CPU          string `json:"cpu,omitempty"`
	Go           string `json:"go"`
	Bleve        string `json:"bleve,omitempty"`
	SQLite       string `json:"sqlite,omitempty"`
	SQLiteDriver string `json:"sqlite_driver,omitempty"` // modernc.org/sqlite's version
	Groonga      string `json:"groonga,omitempty"`
}

// Corpus describes the corpus of a run.
type Corpus struct {
	Path string `json:"path"`
	// Synthetic is set for a corpus the run generated.
	Synthetic *synth.Options `json:"synthetic,omitempty"`
	// Articles is how many articles the engines index: those Sagasu's
	// ingest accepts; Skipped records it refuses are skipped by all.
	Articles int   `json:"articles"`
	Japanese int   `json:"japanese"`
	Skipped  int   `json:"skipped"`
	Bytes    int64 `json:"bytes"`
	// Entities says where the peers' entities come from; EntityPass is
	// how long extracting them took, in seconds (on every core).
	Entities   string  `json:"entities"`
	EntityPass float64 `json:"entity_pass_s"`
}

// QueryInfo is a query of the mix and the request Sagasu gets for it.
type QueryInfo struct {
	Query
	Sagasu string `json:"sagasu_request"`
}

// EngineReport holds one engine's figures.
type EngineReport struct {
	Engine string `json:"engine"`
	// Skipped says why the engine did not run.
	Skipped string `json:"skipped,omitempty"`
	// Error is what stopped the engine before it finished.
	Error  string `json:"error,omitempty"`
	Ingest Ingest `json:"ingest"`
	// Cells are the query figures, by concurrency then query.
	Cells []Cell `json:"cells"`
	// PeakRSSAll is the peak resident memory over ingest and queries,
	// measured as PeakRSS is.
	PeakRSSAll int64 `json:"peak_rss_with_queries_bytes,omitempty"`
}

// Ingest are the figures of indexing the corpus, from the start of the
// engine until it answers queries: for Sagasu "sagasu serve --corpus"
// until ready, for FTS5 the load, its indexes and 'optimize', for Groonga
// the server's start, the loads and the index construction.
type Ingest struct {
	Articles          int     `json:"articles"`
	RawBytes          int64   `json:"raw_bytes"`
	Seconds           float64 `json:"seconds"`
	ArticlesPerSecond float64 `json:"articles_per_s"`
	MBPerSecond       float64 `json:"mb_per_s"` // raw JSON Lines bytes, 10⁶ a MB
	// IndexBytes is what the index takes on disk (allocated blocks) after
	// the queries, when background merges have had time to finish.
	IndexBytes  int64   `json:"index_bytes"`
	IndexPerRaw float64 `json:"index_per_raw"`
	// PeakRSS is the peak resident memory (VmHWM) while ingesting: of
	// the server's process when it has its own, else of this process less
	// BaselineRSS, its resident memory before the engine started.
	// PeakRSSScope says which.
	PeakRSS      int64  `json:"peak_rss_bytes"`
	BaselineRSS  int64  `json:"baseline_rss_bytes,omitempty"`
	PeakRSSScope string `json:"peak_rss_scope"`
	// PeakAnon is the largest anonymous resident memory (RssAnon: heap,
	// not mapped index files) seen while ingesting, sampled four times a
	// second, of the same process and less the same baseline as PeakRSS.
	PeakAnon     int64 `json:"peak_anon_rss_bytes,omitempty"`
	BaselineAnon int64 `json:"baseline_anon_rss_bytes,omitempty"`
}

// Cell holds the figures of one query at one concurrency.
type Cell struct {
	Query       string `json:"query"` // Query.Key
	Concurrency int    `json:"concurrency"`
	// Total is how many articles the engine found.
	Total int `json:"total"`
	// Count is how many times the query ran; Errors how many of those got
	// no answer or one other than 200.
	Count  int `json:"count"`
	Errors int `json:"errors"`
	// Latency percentiles and the slowest, in milliseconds.
	P50       float64 `json:"p50_ms"`
	P95       float64 `json:"p95_ms"`
	P99       float64 `json:"p99_ms"`
	Max       float64 `json:"max_ms"`
	PerSecond float64 `json:"per_s"`
	// Error is why the query did not run: the engine did not answer it
	// once with 200.
	Error string `json:"error,omitempty"`
}

// fill takes the figures of a load test's reads.
func (c *Cell) fill(s loadtest.Stats) {
	c.Count, c.Errors, c.PerSecond = s.Count, s.Errors, s.PerSecond
	for code, n := range s.Status {
		if code != http.StatusOK {
			c.Errors += n
		}
	}
	c.P50, c.P95, c.P99, c.Max = ms(s.P50), ms(s.P95), ms(s.P99), ms(s.Max)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Ratio is Sagasu's figure divided by the best peer's.
type Ratio struct {
	Figure      string `json:"figure"` // "articles/s", "p50 ms", …
	Query       string `json:"query,omitempty"`
	Concurrency int    `json:"concurrency,omitempty"`
	// HigherIsBetter says which way is better: a ratio above 1 means
	// Sagasu is better when it is set, worse when not.
	HigherIsBetter bool    `json:"higher_is_better"`
	Sagasu         float64 `json:"sagasu"`
	BestPeer       string  `json:"best_peer"`
	Peer           float64 `json:"peer"`
	Ratio          float64 `json:"ratio"`
}

// ratios computes r.Ratios.
func (r *Report) ratios() {
	r.Ratios = nil
	var sagasu *EngineReport
	var peers []*EngineReport
	for i := range r.Engines {
		e := &r.Engines[i]
		if e.Skipped != "" || e.Ingest.Seconds == 0 {
			continue
		}
		if e.Engine == Sagasu {
			sagasu = e
		} else {
			peers = append(peers, e)
		}
	}
	if sagasu == nil || len(peers) == 0 {
		return
	}
	add := func(figure, query string, conc int, higher bool, value func(*EngineReport) (float64, bool)) {
		if x, ok := bestRatio(sagasu, peers, Ratio{Figure: figure, Query: query, Concurrency: conc, HigherIsBetter: higher}, value); ok {
			r.Ratios = append(r.Ratios, x)
		}
	}
	ingest := func(f func(Ingest) float64) func(*EngineReport) (float64, bool) {
		return func(e *EngineReport) (float64, bool) { v := f(e.Ingest); return v, v > 0 }
	}
	add("articles/s", "", 0, true, ingest(func(i Ingest) float64 { return i.ArticlesPerSecond }))
	add("MB/s", "", 0, true, ingest(func(i Ingest) float64 { return i.MBPerSecond }))
	add("index/raw", "", 0, false, ingest(func(i Ingest) float64 { return i.IndexPerRaw }))
	add("peak RSS", "", 0, false, ingest(func(i Ingest) float64 { return float64(i.PeakRSS) }))
	add("peak anon", "", 0, false, ingest(func(i Ingest) float64 { return float64(i.PeakAnon) }))
	for _, conc := range r.Concurrency {
		for _, q := range r.Queries {
			cell := func(f func(Cell) float64) func(*EngineReport) (float64, bool) {
				return func(e *EngineReport) (float64, bool) {
					c := e.cell(q.Key, conc)
					if c == nil || c.Error != "" || c.Count == 0 || c.Errors > 0 {
						return 0, false
					}
					return f(*c), true
				}
			}
			add("p50 ms", q.Key, conc, false, cell(func(c Cell) float64 { return c.P50 }))
			add("p95 ms", q.Key, conc, false, cell(func(c Cell) float64 { return c.P95 }))
			add("p99 ms", q.Key, conc, false, cell(func(c Cell) float64 { return c.P99 }))
			add("queries/s", q.Key, conc, true, cell(func(c Cell) float64 { return c.PerSecond }))
		}
	}
}

// bestRatio fills x with Sagasu's figure, the best peer's and their
// ratio; ok is false when Sagasu or every peer lacks the figure.
func bestRatio(sagasu *EngineReport, peers []*EngineReport, x Ratio, value func(*EngineReport) (float64, bool)) (Ratio, bool) {
	s, ok := value(sagasu)
	if !ok {
		return x, false
	}
	x.Sagasu = s
	for _, p := range peers {
		v, ok := value(p)
		if !ok || v <= 0 {
			continue
		}
		if x.BestPeer == "" || x.HigherIsBetter && v > x.Peer || !x.HigherIsBetter && v < x.Peer {
			x.BestPeer, x.Peer = p.Engine, v
		}
	}
	if x.BestPeer == "" {
		return x, false
	}
	x.Ratio = s / x.Peer
	return x, true
}

// cell returns the figures of query key at concurrency conc, or nil.
func (e *EngineReport) cell(key string, conc int) *Cell {
	for i := range e.Cells {
		if e.Cells[i].Query == key && e.Cells[i].Concurrency == conc {
			return &e.Cells[i]
		}
	}
	return nil
}

// ratio returns the ratio of a figure, or nil.
func (r *Report) ratio(figure, query string, conc int) *Ratio {
	for i := range r.Ratios {
		x := &r.Ratios[i]
		if x.Figure == figure && x.Query == query && x.Concurrency == conc {
			return x
		}
	}
	return nil
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("bench: write JSON: %w", err)
	}
	return nil
}

// WriteTable writes the report as text: what ran where, then a table of
// ingest figures and one of query figures, each engine a row and Sagasu's
// ratio to the best peer below them (Sagasu ÷ peer: above 1 is better
// for rates, below 1 for latency, size and memory).
func (r *Report) WriteTable(w io.Writer) error {
	r.writeHeader(w)
	if err := r.writeIngest(w); err != nil {
		return err
	}
	return r.writeQueries(w)
}

// writeHeader writes what ran where, on what corpus, and which engines
// were skipped or failed.
func (r *Report) writeHeader(w io.Writer) {
	m := r.Machine
	fmt.Fprintf(w, "machine: %s/%s, %d CPUs (%s), %s, bleve %s, SQLite %s (modernc.org/sqlite %s), %s\n",
		m.OS, m.Arch, m.CPUs, orDash(m.CPU), m.Go, orDash(m.Bleve), orDash(m.SQLite), orDash(m.SQLiteDriver), orDash(m.Groonga))
	c := r.Corpus
	what := c.Path
	if c.Synthetic != nil {
		what = fmt.Sprintf("synthetic, seed %d", c.Synthetic.Seed)
	}
	fmt.Fprintf(w, "corpus: %s articles (%s Japanese, %d skipped), %.1f MB of JSON Lines, %s\n",
		thousands(c.Articles), thousands(c.Japanese), c.Skipped, float64(c.Bytes)/1e6, what)
	fmt.Fprintf(w, "entities: %s (%.1fs)\n", c.Entities, c.EntityPass)
	for _, e := range r.Engines {
		switch {
		case e.Skipped != "":
			fmt.Fprintf(w, "%s: skipped: %s\n", e.Engine, e.Skipped)
		case e.Error != "":
			fmt.Fprintf(w, "%s: failed: %s\n", e.Engine, e.Error)
		}
	}
}

// writeIngest writes the table of ingest figures and its notes.
func (r *Report) writeIngest(w io.Writer) error {
	fmt.Fprintf(w, "\ningest\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "engine\tseconds\tarticles/s\tMB/s\tindex MB\tindex/raw\tpeak RSS MB\tpeak anon MB\t\n")
	for _, e := range r.Engines {
		if e.Skipped != "" || e.Ingest.Seconds == 0 {
			continue
		}
		i := e.Ingest
		fmt.Fprintf(tw, "%s\t%.1f\t%.0f\t%.2f\t%.1f\t%.2f\t%.0f\t%s\t\n", e.Engine, i.Seconds, i.ArticlesPerSecond,
			i.MBPerSecond, float64(i.IndexBytes)/1e6, i.IndexPerRaw, float64(i.PeakRSS)/1e6, megabytes(i.PeakAnon))
	}
	if len(r.Ratios) > 0 {
		fmt.Fprintf(tw, "sagasu ÷ best peer\t\t%s\t%s\t\t%s\t%s\t%s\t\n", r.ratioText("articles/s", "", 0),
			r.ratioText("MB/s", "", 0), r.ratioText("index/raw", "", 0), r.ratioText("peak RSS", "", 0),
			r.ratioText("peak anon", "", 0))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range r.Engines {
		if e.Ingest.PeakRSSScope != "" && e.Ingest.Seconds > 0 {
			fmt.Fprintf(w, "  peak RSS of %s: %s", e.Engine, e.Ingest.PeakRSSScope)
			if e.Ingest.BaselineRSS > 0 {
				fmt.Fprintf(w, " (%.0f MB)", float64(e.Ingest.BaselineRSS)/1e6)
			}
			fmt.Fprintln(w)
		}
	}
	for _, e := range r.Engines {
		if e.Ingest.PeakAnon > 0 {
			fmt.Fprintln(w, "  peak anon: the largest anonymous resident memory (heap and stacks, not memory-mapped index files) seen while ingesting, sampled 4 times a second, of the same process")
			break
		}
	}
	return nil
}

// writeQueries writes the table of query figures: each query at each
// concurrency, a row per engine, Sagasu's ratios below.
func (r *Report) writeQueries(w io.Writer) error {
	per := fmt.Sprintf("%gs", r.Duration)
	if r.QueriesPerCell > 0 {
		per = fmt.Sprintf("%d queries", r.QueriesPerCell)
	}
	fmt.Fprintf(w, "\nqueries (%s per query and concurrency; latency in ms; every query with facets and highlights)\n", per)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "query\tconc\tengine\tfound\tqueries\terrors\tp50\tp95\tp99\tqueries/s\t\n")
	for _, conc := range r.Concurrency {
		for _, q := range r.Queries {
			r.writeQueryRows(tw, q, conc, per)
			if r.ratio("p50 ms", q.Key, conc) != nil {
				fmt.Fprintf(tw, "\t\tsagasu ÷ best peer\t\t\t\t%s\t%s\t%s\t%s\t\n",
					r.ratioText("p50 ms", q.Key, conc), r.ratioText("p95 ms", q.Key, conc),
					r.ratioText("p99 ms", q.Key, conc), r.ratioText("queries/s", q.Key, conc))
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "ratios are Sagasu ÷ the best peer (named): above 1 is better for rates, below 1 for latency, size and memory\n")
	return nil
}

// writeQueryRows writes a row per engine for q at concurrency conc.
func (r *Report) writeQueryRows(tw io.Writer, q QueryInfo, conc int, per string) {
	label := q.Name + ": " + q.Describe()
	for _, e := range r.Engines {
		cl := e.cell(q.Key, conc)
		if cl == nil {
			continue
		}
		switch {
		case cl.Error != "":
			fmt.Fprintf(tw, "%s\t%d\t%s\t\t\t\t\t\t\t%s\t\n", label, conc, e.Engine, "failed: "+short(cl.Error))
		case cl.Count == 0:
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t0\t%d\t\t\t\t%s\t\n", label, conc, e.Engine,
				thousands(cl.Total), cl.Errors, "no answer within "+per)
		default:
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.1f\t\n", label, conc, e.Engine,
				thousands(cl.Total), cl.Count, cl.Errors, cl.P50, cl.P95, cl.P99, cl.PerSecond)
		}
		label = ""
	}
}

// ratioText is "0.42 (fts5)", or "" when there is no such ratio.
func (r *Report) ratioText(figure, query string, conc int) string {
	x := r.ratio(figure, query, conc)
	if x == nil {
		return ""
	}
	return fmt.Sprintf("%.2f (%s)", x.Ratio, x.BestPeer)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// short returns the first line of s, cut to 60 characters.
func short(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// thousands writes n with commas: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// megabytes formats a byte count in MB, or "-" when it was not measured.
func megabytes(n int64) string {
	if n <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", float64(n)/1e6)
}
