// Package loadtest drives a Sagasu server over HTTP with a mix of requests
// from many concurrent clients, optionally with a writer posting articles
// at the same time, and reports throughput, latency percentiles and
// statuses per kind of request. It is the load half of "sagasu-lab load" and
// of the benchmarks; it knows the API only as URLs and JSON bodies.
package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"sync"
	"time"
)

// Request is one kind of request of the mix.
type Request struct {
	Name   string // what the report calls it, e.g. "common word"
	Method string // GET when empty
	Path   string // path and query, e.g. "/api/v1/search?q=japan"
	Body   []byte
	Key    string // sent as "Authorization: Bearer <Key>" when set
}

// Config is a load test.
type Config struct {
	BaseURL     string        // e.g. "http://127.0.0.1:8080"
	Concurrency int           // clients sending reads in a loop
	Duration    time.Duration // how long the clients run
	Requests    int           // or, when > 0, how many reads in all
	Reads       []Request     // the mix; client k sends Reads[(k+i) % len] as its i-th
	// Writer, when not nil, is called in turn by one more client, as fast
	// as the server answers, with 0, 1, 2, …, for the next write.
	Writer func(i int) Request
	Client *http.Client // http.DefaultClient when nil
}

// Stats are the figures of one kind of request.
type Stats struct {
	Name      string        `json:"name"`
	Count     int           `json:"count"`
	Errors    int           `json:"errors"` // transport errors: no HTTP answer
	Status    map[int]int   `json:"status"` // answers by HTTP status
	PerSecond float64       `json:"per_second"`
	P50       time.Duration `json:"p50_ns"`
	P95       time.Duration `json:"p95_ns"`
	P99       time.Duration `json:"p99_ns"`
	Max       time.Duration `json:"max_ns"`
}

// Report is the result of a load test.
type Report struct {
	Concurrency int           `json:"concurrency"`
	Elapsed     time.Duration `json:"elapsed_ns"`
	Reads       Stats         `json:"reads"`   // all reads together
	ByName      []Stats       `json:"by_name"` // each kind of read, in the mix's order
	Writes      *Stats        `json:"writes,omitempty"`
}

// ServerErrors counts 5xx answers and transport errors, reads and writes.
func (r *Report) ServerErrors() int {
	n := r.Reads.Errors
	for code, c := range r.Reads.Status {
		if code >= 500 {
			n += c
		}
	}
	if r.Writes != nil {
		n += r.Writes.Errors
		for code, c := range r.Writes.Status {
			if code >= 500 {
				n += c
			}
		}
	}
	return n
}

// sample is one answered (or failed) request.
type sample struct {
	kind    int // index in Reads, or -1 for a write
	status  int // 0: transport error
	latency time.Duration
}

// Run runs the load test until cfg.Duration has passed, cfg.Requests reads
// have been sent, or ctx ends.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if len(cfg.Reads) == 0 || cfg.Concurrency < 1 || cfg.Duration <= 0 && cfg.Requests <= 0 {
		return nil, fmt.Errorf("load test: need reads, a concurrency of at least 1, and a duration or a request count")
	}
	client := cfg.Client
	if client == nil {
		client = http.DefaultClient
	}
	if cfg.Duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.Duration)
		defer cancel()
	}
	var (
		mu      sync.Mutex
		samples []sample
		sent    int
		wg      sync.WaitGroup
		readsWG sync.WaitGroup
	)
	next := func() bool { // takes a read from the budget
		mu.Lock()
		defer mu.Unlock()
		if cfg.Requests > 0 && sent >= cfg.Requests {
			return false
		}
		sent++
		return true
	}
	record := func(s sample) { mu.Lock(); samples = append(samples, s); mu.Unlock() }
	start := time.Now()
	for k := 0; k < cfg.Concurrency; k++ {
		readsWG.Add(1)
		go func(k int) {
			defer readsWG.Done()
			for i := 0; ctx.Err() == nil && next(); i++ {
				kind := (k + i) % len(cfg.Reads)
				record(do(ctx, client, cfg.BaseURL, cfg.Reads[kind], kind))
			}
		}(k)
	}
	writerCtx, stopWriter := context.WithCancel(ctx)
	if cfg.Writer != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; writerCtx.Err() == nil; i++ {
				record(do(writerCtx, client, cfg.BaseURL, cfg.Writer(i), -1))
			}
		}()
	}
	readsWG.Wait()
	elapsed := time.Since(start)
	stopWriter()
	wg.Wait()
	return report(cfg, samples, elapsed), nil
}

// do sends r and times it. A request cut short by the end of the test is
// not counted (kind -2).
func do(ctx context.Context, client *http.Client, base string, r Request, kind int) sample {
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(ctx, method, base+r.Path, bytes.NewReader(r.Body))
	if err != nil {
		return sample{kind: kind}
	}
	if r.Key != "" {
		req.Header.Set("Authorization", "Bearer "+r.Key)
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return sample{kind: -2}
		}
		return sample{kind: kind, latency: time.Since(start)}
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return sample{kind: kind, status: resp.StatusCode, latency: time.Since(start)}
}

// report sums the samples up.
func report(cfg Config, samples []sample, elapsed time.Duration) *Report {
	r := &Report{Concurrency: cfg.Concurrency, Elapsed: elapsed}
	var all []sample
	var writes []sample
	for _, s := range samples {
		switch {
		case s.kind >= 0:
			all = append(all, s)
		case s.kind == -1:
			writes = append(writes, s)
		}
	}
	r.Reads = stats("all reads", all, elapsed)
	for k, req := range cfg.Reads {
		var mine []sample
		for _, s := range all {
			if s.kind == k {
				mine = append(mine, s)
			}
		}
		r.ByName = append(r.ByName, stats(req.Name, mine, elapsed))
	}
	if cfg.Writer != nil {
		w := stats("writes", writes, elapsed)
		r.Writes = &w
	}
	return r
}

// stats computes the figures of samples over elapsed.
func stats(name string, samples []sample, elapsed time.Duration) Stats {
	st := Stats{Name: name, Count: len(samples), Status: map[int]int{}}
	lat := make([]time.Duration, 0, len(samples))
	for _, s := range samples {
		if s.status == 0 {
			st.Errors++
			continue
		}
		st.Status[s.status]++
		lat = append(lat, s.latency)
	}
	if elapsed > 0 {
		st.PerSecond = float64(len(samples)) / elapsed.Seconds()
	}
	slices.Sort(lat)
	st.P50, st.P95, st.P99 = percentile(lat, 50), percentile(lat, 95), percentile(lat, 99)
	if len(lat) > 0 {
		st.Max = lat[len(lat)-1]
	}
	return st
}

// percentile returns the p-th percentile of the sorted durations (nearest
// rank), 0 for none.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := sort.Search(len(sorted), func(i int) bool { return (i+1)*100 >= p*len(sorted) })
	return sorted[min(i, len(sorted)-1)]
}
