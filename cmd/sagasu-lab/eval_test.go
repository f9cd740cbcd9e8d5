package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/eval"
)

// evalData is a tiny MED-format collection (testdata/evaldata/ir/med):
// ten abstracts and four queries. Query 1 "crystalline lens proteins" is
// answered by doc 4 alone (doc 7 has "lens" only); query 2 "cerebrospinal
// fluid oxygen" by doc 2 (doc 9 has "oxygen" only); query 3
// "haemodialysis in renal failure" by docs 8 and 10 (doc 5 has "renal
// failure" only); query 4 is not judged and so not run.
const evalData = "testdata/evaldata"

// fts5Name is the name eval/fts5 gives its English engine, and fts5Tag
// the tag (and file name part) the run files use for it.
const (
	fts5Name = "sqlite-fts5 (porter unicode61)"
	fts5Tag  = "sqlite-fts5_porter_unicode61"
)

// evalResultJSON mirrors evalResult's JSON.
type evalResultJSON struct {
	Collection string        `json:"collection"`
	Engine     string        `json:"engine"`
	Measures   eval.Measures `json:"measures"`
	Failed     int           `json:"failed_queries"`
	IndexSec   *float64      `json:"index_seconds"`
	SearchSec  *float64      `json:"search_seconds"`
}

// TestEvalCommand runs both engines on the MED fixture and checks the
// JSON figures, the qrels and the run files written for trec_eval.
func TestEvalCommand(t *testing.T) {
	runs := t.TempDir()
	stdout, stderr, err := runCmd(t, "eval", "--data-dir", evalData, "--collections", "med",
		"--engines", "sagasu,fts5", "--json", "--runs", runs)
	if err != nil {
		t.Fatalf("eval: %v\nstderr:\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "med: 10 documents, 3 queries") {
		t.Errorf("stderr lacks the collection's summary:\n%s", stderr)
	}
	checkEvalJSON(t, stdout)
	checkRunFolder(t, runs)
	for _, tag := range []string{"sagasu", fts5Tag} {
		t.Run(tag, func(t *testing.T) { checkMedRun(t, runs, tag) })
	}
}

// checkEvalJSON checks that stdout holds one perfect result on med for
// sagasu and one for fts5, in that order.
func checkEvalJSON(t *testing.T, stdout string) {
	t.Helper()
	var results []evalResultJSON
	if err := json.Unmarshal([]byte(stdout), &results); err != nil {
		t.Fatalf("stdout is not a JSON array of results: %v\n%s", err, stdout)
	}
	// Each query's relevant documents rank first in both engines:
	//   nDCG@10 = MAP = recall@100 = MRR@10 = success@10 = 1
	//   P@10 = (1/10 + 1/10 + 2/10) / 3 = 4/30
	perfect := eval.Measures{Queries: 3, NDCG10: 1, MAP: 1, P10: 4.0 / 30, Recall100: 1, MRR10: 1, Success10: 1}
	wantEngines := []string{"sagasu", fts5Name}
	if len(results) != len(wantEngines) {
		t.Fatalf("%d results, want %d (%v):\n%s", len(results), len(wantEngines), wantEngines, stdout)
	}
	for i, r := range results {
		if r.Collection != "med" || r.Engine != wantEngines[i] {
			t.Errorf("result %d is %s on %s, want %s on med", i, r.Engine, r.Collection, wantEngines[i])
		}
		if !nearMeasures(r.Measures, perfect) {
			t.Errorf("%s: measures %+v, want %+v", r.Engine, r.Measures, perfect)
		}
		if r.Failed != 0 || r.IndexSec == nil || r.SearchSec == nil || *r.IndexSec < 0 || *r.SearchSec < 0 {
			t.Errorf("%s: failed %d, index_seconds %v, search_seconds %v", r.Engine, r.Failed, r.IndexSec, r.SearchSec)
		}
	}
}

// checkRunFolder checks that runs holds med's judgments, as trec_eval
// reads them, and one run per engine, and nothing else.
func checkRunFolder(t *testing.T, runs string) {
	t.Helper()
	qrels, err := os.ReadFile(filepath.Join(runs, "med.qrels"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "1 0 4 1\n2 0 2 1\n3 0 8 1\n3 0 10 1\n"; string(qrels) != want {
		t.Errorf("med.qrels:\n%s\nwant\n%s", qrels, want)
	}
	entries, err := os.ReadDir(runs)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := "med.qrels med.sagasu.run med." + fts5Tag + ".run"; strings.Join(names, " ") != want {
		t.Errorf("run folder holds %v, want %s", names, want)
	}
}

// checkMedRun checks the engine tag's run on med: "qid Q0 doc rank score
// tag", queries in order, ranks from 1, scores falling to 1, the relevant
// documents first.
func checkMedRun(t *testing.T, runs, tag string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(runs, "med."+tag+".run"))
	if err != nil {
		t.Fatal(err)
	}
	ranked := checkTRECRun(t, string(data), tag)
	if got := strings.Join(queryOrder(string(data)), " "); got != "1 2 3" {
		t.Errorf("queries in the run: %s, want 1 2 3", got)
	}
	first := func(q string, n int) []string { return append([]string(nil), ranked[q][:min(n, len(ranked[q]))]...) }
	if got := first("1", 1); len(got) != 1 || got[0] != "4" {
		t.Errorf("query 1 ranks %v first, want 4", got)
	}
	if got := first("2", 1); len(got) != 1 || got[0] != "2" {
		t.Errorf("query 2 ranks %v first, want 2", got)
	}
	if got := first("3", 2); len(got) != 2 || !(got[0] == "8" && got[1] == "10" || got[0] == "10" && got[1] == "8") {
		t.Errorf("query 3 ranks %v first, want 8 and 10", got)
	}
}

// checkTRECRun checks the lines of a TREC run file and returns each
// query's documents in rank order.
func checkTRECRun(t *testing.T, data, tag string) map[string][]string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	if data == "" || !strings.HasSuffix(data, "\n") {
		t.Fatalf("run file %q is empty or lacks its final newline", data)
	}
	ranked := map[string][]string{}
	scores := map[string][]int{}
	for i, line := range lines {
		f := strings.Split(line, " ")
		if len(f) != 6 || f[1] != "Q0" || f[5] != tag {
			t.Fatalf("line %d %q is not \"qid Q0 doc rank score %s\"", i+1, line, tag)
		}
		rank, err1 := strconv.Atoi(f[3])
		score, err2 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || rank != len(ranked[f[0]])+1 {
			t.Fatalf("line %d %q: rank %q, want %d; score %q", i+1, line, f[3], len(ranked[f[0]])+1, f[4])
		}
		ranked[f[0]] = append(ranked[f[0]], f[2])
		scores[f[0]] = append(scores[f[0]], score)
	}
	for q, s := range scores {
		for i, score := range s {
			if score != len(s)-i {
				t.Errorf("query %s: scores %v, want %d down to 1", q, s, len(s))
				break
			}
		}
	}
	return ranked
}

// queryOrder returns the query ids of a run file in the order they first
// appear.
func queryOrder(data string) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(data), "\n") {
		q, _, _ := strings.Cut(line, " ")
		if len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	return out
}

func nearMeasures(a, b eval.Measures) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 }
	return a.Queries == b.Queries && near(a.NDCG10, b.NDCG10) && near(a.MAP, b.MAP) && near(a.P10, b.P10) &&
		near(a.Recall100, b.Recall100) && near(a.MRR10, b.MRR10) && near(a.Success10, b.Success10)
}

func TestEvalCommandTable(t *testing.T) {
	// SAGASU_DATA_DIR stands for --data-dir; without --json the figures
	// are a table.
	env := map[string]string{"SAGASU_DATA_DIR": evalData, "SAGASU_ENGINES": "sagasu"}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"sagasu-lab", "eval", "--collections", "med", "--min-ndcg", "1"},
		func(k string) string { return env[k] }, &out, &errOut)
	if err != nil {
		t.Fatalf("eval --min-ndcg 1 with nDCG@10 = 1: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := [][]string{
		{"collection", "engine", "queries", "nDCG@10", "MAP", "P@10", "R@100", "MRR@10", "S@10", "index", "s", "search", "s"},
		{"med", "sagasu", "3", "1.0000", "1.0000", "0.1333", "1.0000", "1.0000", "1.0000"},
	}
	if len(lines) != len(want) {
		t.Fatalf("table has %d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, w := range want {
		got := strings.Fields(lines[i])
		if len(got) < len(w) || strings.Join(got[:len(w)], " ") != strings.Join(w, " ") {
			t.Errorf("table line %d = %q, want it to start with %q", i+1, lines[i], strings.Join(w, " "))
		}
	}
}

// evalErrorCase is an eval command line that must fail, and how.
type evalErrorCase struct {
	name      string
	args      []string
	wantMsg   []string
	wantUsage bool
	wantNo    bool // wraps eval.ErrNoData
}

// evalErrorCases returns TestEvalCommandErrors' table; absent is a folder
// that does not exist, empty one that holds no ir/med.
func evalErrorCases(absent, empty string) []evalErrorCase {
	return []evalErrorCase{
		{
			// nDCG@10 is 1: a guard above it fails, naming the figure.
			name:    "min-ndcg above the figure",
			args:    []string{"--data-dir", evalData, "--collections", "med", "--engines", "sagasu", "--min-ndcg", "1.01"},
			wantMsg: []string{"sagasu's nDCG@10 on med is 1.0000", "below the guard 1.0100"},
		},
		{
			name:    "missing data dir",
			args:    []string{"--data-dir", absent, "--collections", "med", "--engines", "sagasu"},
			wantMsg: []string{"no test collections at " + absent, "--data-dir"},
		},
		{
			name:    "data dir without the collection",
			args:    []string{"--data-dir", empty, "--collections", "med", "--engines", "sagasu"},
			wantMsg: []string{filepath.Join(empty, "ir", "med", "MED.ALL")},
			wantNo:  true,
		},
		{
			name:    "unknown collection",
			args:    []string{"--data-dir", evalData, "--collections", "trec", "--engines", "sagasu"},
			wantMsg: []string{`unknown collection "trec"`},
		},
		{
			name:      "unknown engine",
			args:      []string{"--data-dir", evalData, "--collections", "med", "--engines", "lucene"},
			wantMsg:   []string{`unknown engine "lucene"`},
			wantUsage: true,
		},
		{
			name:      "bad flag value",
			args:      []string{"--data-dir", evalData, "--min-ndcg", "high"},
			wantMsg:   []string{"min-ndcg"},
			wantUsage: true,
		},
	}
}

// TestEvalCommandErrors checks the message and the kind of each error of
// evalErrorCases.
func TestEvalCommandErrors(t *testing.T) {
	absent := filepath.Join(t.TempDir(), "absent")
	empty := t.TempDir() // exists, but holds no ir/med
	for _, tt := range evalErrorCases(absent, empty) {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCmd(t, append([]string{"eval"}, tt.args...)...)
			if err == nil {
				t.Fatal("eval succeeded, want an error")
			}
			for _, want := range tt.wantMsg {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
			if got := errors.Is(err, cli.ErrUsage); got != tt.wantUsage {
				t.Errorf("usage error = %v, want %v", got, tt.wantUsage)
			}
			if got := errors.Is(err, eval.ErrNoData); got != tt.wantNo {
				t.Errorf("wraps eval.ErrNoData = %v, want %v", got, tt.wantNo)
			}
		})
	}
}

// TestEvalConfigs runs two rankings and an analysis variant of Sagasu on
// the MED fixture: each is a result of its own, in the order asked, the
// first tested against itself (p = 1), the variant on an index of its own;
// an unknown configuration is a usage error naming the known ones.
func TestEvalConfigs(t *testing.T) {
	stdout, stderr, err := runCmd(t, "eval", "--data-dir", evalData, "--collections", "med",
		"--engines", "sagasu", "--configs", "before,nostem+stop,default", "--json")
	if err != nil {
		t.Fatalf("eval: %v\nstderr:\n%s", err, stderr)
	}
	var results []struct {
		Engine   string        `json:"engine"`
		Measures eval.Measures `json:"measures"`
		PValue   *float64      `json:"p_value"`
	}
	if err := json.Unmarshal([]byte(stdout), &results); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if len(results) != 3 || results[0].Engine != "sagasu[before]" || results[1].Engine != "sagasu[nostem+stop]" ||
		results[2].Engine != "sagasu[default]" {
		t.Fatalf("results %+v, want sagasu[before], [nostem+stop], [default]", results)
	}
	if n := strings.Count(stderr, "indexed with analyzer"); n != 1 || !strings.Contains(stderr, "sagasu_none_stop") {
		t.Errorf("stderr says %d extra indexes, want one with sagasu_none_stop:\n%s", n, stderr)
	}
	for _, r := range results {
		// All rank every query's relevant documents first: identical
		// per-query figures, so p = 1.
		if r.Measures.NDCG10 != 1 || r.PValue == nil || *r.PValue != 1 {
			t.Errorf("%s: nDCG@10 %v, p %v; want 1 and 1", r.Engine, r.Measures.NDCG10, r.PValue)
		}
	}
	_, _, err = runCmd(t, "eval", "--data-dir", evalData, "--collections", "med", "--engines", "sagasu", "--configs", "nosuch")
	if !errors.Is(err, cli.ErrUsage) || !strings.Contains(err.Error(), "default") {
		t.Errorf("unknown configuration: %v, want a usage error listing the configurations", err)
	}
}
