package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/internal/cli"
)

// runCmd runs the program in-process and returns its output and error.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), append([]string{"sagasu"}, args...), func(string) string { return "" }, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestIndexCommand(t *testing.T) {
	data := filepath.Join(t.TempDir(), "idx")
	stdout, stderr, err := runCmd(t, "index", "--data", data, "testdata/ingest")
	if err == nil || !strings.Contains(err.Error(), "1 inputs could not be read") {
		t.Fatalf("index with a bad line: err %v, want one unreadable input", err)
	}
	if !strings.Contains(stderr, "testdata/ingest/bad.jsonl:2:") || !strings.Contains(stderr, "published") {
		t.Errorf("stderr %q does not name bad.jsonl:2 and the field", stderr)
	}
	if !strings.Contains(stdout, "indexed 5 articles") || !strings.Contains(stdout, "1 errors") {
		t.Errorf("stdout %q, want a summary of 5 articles and 1 error", stdout)
	}

	out, _, err := runCmd(t, "search", "--data", data, "--color", "never", "robotics")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 articles match \"robotics\"", "SoftBank Group Bets on »Robots«", "»robotics«", "2025-02-03"} {
		if !strings.Contains(out, want) {
			t.Errorf("search output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCmd(t, "search", "--data", data, "--color", "never", "--entity", "person:Masayoshi Son", "--json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"total": 1`) || !strings.Contains(out, `"title": "SoftBank Group Bets on Robots"`) {
		t.Errorf("--json output:\n%s", out)
	}
}

func TestCommandErrors(t *testing.T) {
	data := t.TempDir()
	news1, news2 := filepath.Join(t.TempDir(), "news"), filepath.Join(t.TempDir(), "news")
	for _, dir := range []string{news1, news2} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args      []string
		wantUsage bool
		wantMsg   string
	}{
		{nil, true, "no command"},
		{[]string{"frobnicate"}, true, "unknown command"},
		{[]string{"eval"}, true, "moved to the lab binary: run sagasu-lab eval"},
		{[]string{"bench", "--articles", "10"}, true, "moved to the lab binary: run sagasu-lab bench"},
		{[]string{"load"}, true, "sagasu-lab load"},
		{[]string{"gen"}, true, "sagasu-lab gen"},
		{[]string{"index", "--data", data}, true, "at least one file"},
		{[]string{"index", "--data", data, "testdata/missing.jsonl"}, false, "missing.jsonl"},
		{[]string{"index", "--data", data, news1, news2}, false, `same name "news": ` + news1 + " and " + news2},
		{[]string{"serve", "--data", data, "extra"}, true, "no arguments"},
		{[]string{"serve", "--data", data, "--log-format", "xml"}, true, "log-format"},
		{[]string{"search", "--data", data, "--size", "500", "x"}, false, "size"},
		{[]string{"search", "--data", data, `"unclosed`}, false, "unclosed quote"},
		{[]string{"search", "--data", data, "--no-such-flag"}, true, "no-such-flag"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := runCmd(t, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("err = %v, want one mentioning %q", err, tt.wantMsg)
			}
			if got := errors.Is(err, cli.ErrUsage); got != tt.wantUsage {
				t.Errorf("usage error = %v, want %v (exit code %d)", got, tt.wantUsage, cli.ExitCode(err))
			}
		})
	}
}

func TestEnvironmentSetsFlags(t *testing.T) {
	data := filepath.Join(t.TempDir(), "idx")
	env := map[string]string{"SAGASU_DATA": data, "SAGASU_COLOR": "never"}
	var out bytes.Buffer
	getenv := func(k string) string { return env[k] }
	if err := run(context.Background(), []string{"sagasu", "index", "testdata/ingest/good.jsonl"}, getenv, &out, &out); err != nil {
		t.Fatalf("index: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"sagasu", "search", "Kentucky"}, getenv, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "»Kentucky«") {
		t.Errorf("search via SAGASU_DATA found nothing:\n%s", out.String())
	}
}

func TestVersion(t *testing.T) {
	out, _, err := runCmd(t, "version")
	if err != nil || !strings.HasPrefix(out, "sagasu dev (go") {
		t.Errorf("version: %q, %v", out, err)
	}
}

// TestIndexNamesSkippedFiles: a folder's files that are not articles, and
// hidden ones, are named with the reason and counted, never passed over
// in silence; the articles beside them are indexed.
func TestIndexNamesSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"story.txt":     "Quolls return to the mainland\n\nConservationists released forty quolls on Tuesday.",
		"scan.pdf":      "%PDF-1.4 not an article",
		".draft.txt":    "A hidden draft",
		".git/config":   "[core]",
		"notes/readme":  "no extension",
		"notes/old.txt": "An old note\n\nKept for the record.",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, err := runCmd(t, "index", "--data", filepath.Join(t.TempDir(), "idx"), "--entities", "off", dir)
	if err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		filepath.Join(dir, "scan.pdf") + ": skipped: not an article file",
		filepath.Join(dir, ".draft.txt") + ": skipped: hidden file",
		filepath.Join(dir, ".git") + ": skipped: hidden folder",
		filepath.Join(dir, "notes", "readme") + ": skipped: not an article file",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, "indexed 2 articles") || !strings.Contains(stdout, "4 files not article files or hidden") {
		t.Errorf("stdout %q, want 2 articles and 4 skipped files counted", stdout)
	}
}

// TestHelp: help, -h and --help, for the program and for every command,
// print the usage on stdout, nothing on stderr, and are no error (exit 0).
func TestHelp(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "sagasu serve"},
		{[]string{"-h"}, "sagasu serve"},
		{[]string{"--help"}, "sagasu serve"},
		{[]string{"help", "search"}, "-size"},
		{[]string{"serve", "--help"}, "-addr"},
		{[]string{"serve", "-h"}, "-addr"},
		{[]string{"index", "--help"}, "-sync"},
		{[]string{"search", "--help"}, "-entity"},
		{[]string{"search", "--data", "nowhere", "-h"}, "-entity"},
		{[]string{"backup", "--help"}, "-to"},
		{[]string{"healthcheck", "--help"}, "-url"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, err := runCmd(t, tt.args...)
			if err != nil || cli.ExitCode(err) != 0 {
				t.Fatalf("err %v (exit %d), want none (exit 0)", err, cli.ExitCode(err))
			}
			if !strings.Contains(stdout, tt.want) || stderr != "" {
				t.Errorf("stdout %q lacks %q, or stderr %q is not empty", stdout, tt.want, stderr)
			}
		})
	}
}

// TestReadCommandsNeedAnIndex: search and backup on a --data folder that
// holds no index say so, exit 1 and create nothing (a mistyped --data used
// to make an empty index and report 0 matches).
func TestReadCommandsNeedAnIndex(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	nowhere := filepath.Join(dir, "nowhere")
	tests := []struct {
		name string
		data string
		args []string
	}{
		{"search", nowhere, []string{"search", "--data", nowhere, "kishida"}},
		{"search --json", nowhere, []string{"search", "--json", "--data", nowhere, "kishida"}},
		{"search empty folder", empty, []string{"search", "--data", empty, "kishida"}},
		{"backup", nowhere, []string{"backup", "--data", nowhere, "--to", filepath.Join(dir, "copy")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCmd(t, tt.args...)
			want := "no index at " + tt.data + " (make one with sagasu index or sagasu serve)"
			if err == nil || err.Error() != want || cli.ExitCode(err) != 1 {
				t.Fatalf("err %v (exit %d), want %q (exit 1)", err, cli.ExitCode(err), want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 || entries[0].Name() != "empty" {
				t.Errorf("%s holds %v afterwards, want only the empty folder", dir, entries)
			}
			if inside, _ := os.ReadDir(empty); len(inside) != 0 {
				t.Errorf("%s holds %v afterwards, want nothing", empty, inside)
			}
		})
	}
}

// TestSearchFlagsAfterQuery: flags after the query are read, not searched
// for; an excluded word (-microsoft) stays a query word, before or after
// "--"; an unknown --flag after the query is a usage error.
func TestSearchFlagsAfterQuery(t *testing.T) {
	dir := t.TempDir()
	data, file := filepath.Join(dir, "idx"), filepath.Join(dir, "a.jsonl")
	articles := `{"id":"a1","title":"Kishida visits Microsoft","body":"Kishida met Microsoft in Redmond."}
{"id":"a2","title":"Kishida meets Biden","body":"Kishida met Biden in Washington."}
{"id":"a3","title":"Kishida in Tokyo","body":"Kishida spoke in Tokyo."}
`
	if err := os.WriteFile(file, []byte(articles), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runCmd(t, "index", "--data", data, "--entities", "off", file); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	tests := []struct {
		args      []string
		wantQuery string
		wantTotal int
		wantHits  int
	}{
		{[]string{"kishida", "--size", "2"}, "kishida", 3, 2},
		{[]string{"--size", "2", "kishida"}, "kishida", 3, 2},
		{[]string{"kishida", "-microsoft", "--size=1"}, "kishida -microsoft", 2, 1},
		{[]string{"--", "-microsoft", "kishida"}, "-microsoft kishida", 2, 2},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, stderr, err := runCmd(t, append([]string{"search", "--data", data, "--entities", "off", "--json"}, tt.args...)...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			var ans searchAnswer
			if err := json.Unmarshal([]byte(out), &ans); err != nil {
				t.Fatalf("decode %q: %v", out, err)
			}
			if ans.Query != tt.wantQuery || ans.Total != tt.wantTotal || len(ans.Hits) != tt.wantHits {
				t.Errorf("query %q, total %d, %d hits; want %q, %d, %d", ans.Query, ans.Total, len(ans.Hits), tt.wantQuery, tt.wantTotal, tt.wantHits)
			}
		})
	}
	_, _, err := runCmd(t, "search", "--data", data, "kishida", "--sise", "3")
	if !errors.Is(err, cli.ErrUsage) || !strings.Contains(err.Error(), "sise") {
		t.Errorf("unknown flag after the query: err %v, want a usage error naming it", err)
	}
}

// TestSearchSuggests: a misspelled search that finds nothing prints the
// corrected query; one that finds articles prints none.
func TestSearchSuggests(t *testing.T) {
	dir := t.TempDir()
	data, file := filepath.Join(dir, "idx"), filepath.Join(dir, "a.jsonl")
	articles := `{"id":"a1","title":"Kishida visits Microsoft","body":"Kishida met Microsoft in Redmond."}` + "\n"
	if err := os.WriteFile(file, []byte(articles), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runCmd(t, "index", "--data", data, "--entities", "off", file); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	for query, want := range map[string]string{
		"Kshidaa redmond": "0 articles match \"Kshidaa redmond\"",
		"kishida":         "1 articles match \"kishida\"",
	} {
		out, stderr, err := runCmd(t, "search", "--data", data, "--entities", "off", query)
		if err != nil {
			t.Fatalf("%s: %v\n%s", query, err, stderr)
		}
		if !strings.HasPrefix(out, want) {
			t.Errorf("%s: output %q, want it to start %q", query, out, want)
		}
		suggests := strings.Contains(out, "Did you mean")
		if wantSuggestion := strings.HasPrefix(want, "0 "); suggests != wantSuggestion ||
			wantSuggestion && !strings.Contains(out, "Did you mean \"Kishida redmond\"?\n") {
			t.Errorf("%s: output %q, want a suggestion: %v", query, out, wantSuggestion)
		}
	}
}

// TestAnalyzerFlag: an index built with --analyzer is searched with it,
// opening it with another analyzer (or none) is refused with both names,
// and an unknown analyzer is a usage error.
func TestAnalyzerFlag(t *testing.T) {
	dir := t.TempDir()
	data, file := filepath.Join(dir, "idx"), filepath.Join(dir, "a.jsonl")
	articles := `{"id":"a1","title":"New policy","body":"The policy was announced."}
{"id":"a2","title":"Politics","body":"Politics dominated the week."}
`
	if err := os.WriteFile(file, []byte(articles), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runCmd(t, "index", "--data", data, "--entities", "off", "--analyzer", "sagasu_minimal", file); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	out, stderr, err := runCmd(t, "search", "--data", data, "--analyzer", "sagasu_minimal", "--json", "policies")
	if err != nil {
		t.Fatalf("search: %v\n%s", err, stderr)
	}
	var ans searchAnswer
	if err := json.Unmarshal([]byte(out), &ans); err != nil || ans.Total != 1 || ans.Hits[0].ID != "a1" {
		t.Errorf("policies: %s (%v), want a1 alone", out, err)
	}
	_, _, err = runCmd(t, "search", "--data", data, "policies")
	if err == nil || !strings.Contains(err.Error(), `built with analyzer "sagasu_minimal", asked for "sagasu"`) {
		t.Errorf("default analyzer on a sagasu_minimal index: %v, want a refusal naming both", err)
	}
	_, _, err = runCmd(t, "search", "--data", data, "--analyzer", "snowball", "policies")
	if !errors.Is(err, cli.ErrUsage) || !strings.Contains(err.Error(), "sagasu_minimal_stop") {
		t.Errorf("unknown analyzer: %v, want a usage error listing the analyzers", err)
	}
}
