package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/lab/bench"
)

// TestBenchSmoke runs "sagasu-lab bench" on 300 synthetic articles, each
// query a few times, and checks that the report has every engine × query
// × concurrency cell, each with queries run and no error, in JSON that
// decodes, and that the table names every engine. No figure is checked:
// they depend on the machine.
func TestBenchSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a corpus into every engine; skipped with -short")
	}
	engines := []string{bench.Sagasu, bench.FTS5}
	if _, err := exec.LookPath("groonga"); err == nil {
		engines = append(engines, bench.Groonga)
	}
	var out, errOut bytes.Buffer
	args := []string{"--articles", "300", "--seed", "3", "--engines", strings.Join(engines, ","),
		"--concurrency", "1,4", "--queries", "8", "--json", "--in-process"}
	if err := runBench(context.Background(), args, func(string) string { return "" }, &out, &errOut); err != nil {
		t.Fatalf("bench: %v\nstderr:\n%s\nstdout:\n%s", err, errOut.String(), out.String())
	}
	var rep bench.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("the JSON report does not decode: %v\n%s", err, out.String())
	}
	if rep.Corpus.Articles != 300 || len(rep.Queries) != 8 {
		t.Fatalf("report of %d articles and %d queries, want 300 and 8", rep.Corpus.Articles, len(rep.Queries))
	}
	if len(rep.Engines) != len(engines) {
		t.Fatalf("report has %d engines, want %v", len(rep.Engines), engines)
	}
	for i, e := range rep.Engines {
		if e.Engine != engines[i] || e.Skipped != "" || e.Error != "" {
			t.Fatalf("engine %d: %s, skipped %q, error %q; want %s to run", i, e.Engine, e.Skipped, e.Error, engines[i])
		}
		if e.Ingest.Articles != 300 || e.Ingest.Seconds <= 0 || e.Ingest.IndexBytes <= 0 {
			t.Errorf("%s: ingest figures %+v", e.Engine, e.Ingest)
		}
		for _, conc := range []int{1, 4} {
			for _, q := range rep.Queries {
				c := findCell(e.Cells, q.Key, conc)
				switch {
				case c == nil:
					t.Errorf("%s: no cell for %s at concurrency %d", e.Engine, q.Key, conc)
				case c.Error != "" || c.Errors > 0 || c.Count != 8:
					t.Errorf("%s: %s at concurrency %d: %d queries, %d errors, %q; want 8 and none", e.Engine, q.Key, conc, c.Count, c.Errors, c.Error)
				}
			}
		}
	}
	if len(rep.Ratios) == 0 {
		t.Error("no ratio of Sagasu to a peer")
	}

	var table bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	for _, want := range append([]string{"ingest", "p99", "sagasu ÷ best peer"}, engines...) {
		if !strings.Contains(table.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, table.String())
		}
	}
}

func findCell(cells []bench.Cell, key string, conc int) *bench.Cell {
	for i := range cells {
		if cells[i].Query == key && cells[i].Concurrency == conc {
			return &cells[i]
		}
	}
	return nil
}

// TestBenchFlags refuses bad flags as usage errors.
func TestBenchFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--concurrency", "0"},
		{"--concurrency", "x"},
		{"--articles", "0"},
		{"--engines", "lucene", "--articles", "10"},
		{"extra"},
	} {
		err := runBench(context.Background(), args, func(string) string { return "" }, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil {
			t.Errorf("bench %v: no error", args)
		}
	}
}
