package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/api"
	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/cli"
)

// runCmd runs "sagasu-lab args…" in-process with an empty environment.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), append([]string{"sagasu-lab"}, args...), func(string) string { return "" }, &out, &errOut)
	return out.String(), errOut.String(), err
}

// TestUsage: help prints the usage of every command, and a command's
// --help its flags, on stdout with exit 0; no command, or an
// unknown one (a server command among them), is a usage error (exit 2).
func TestUsage(t *testing.T) {
	for _, cmd := range [][]string{{"eval", "--help"}, {"bench", "-h"}, {"load", "--help"}, {"gen", "--help"}, {"help", "gen"}} {
		out, stderr, err := runCmd(t, cmd...)
		if err != nil || cli.ExitCode(err) != 0 || !strings.Contains(out, "Usage of sagasu-lab") || stderr != "" {
			t.Errorf("%q: err %v (exit %d), stdout %q, stderr %q; want the usage on stdout, exit 0",
				cmd, err, cli.ExitCode(err), out, stderr)
		}
	}
	for _, help := range []string{"help", "-h", "--help"} {
		out, _, err := runCmd(t, help)
		if err != nil {
			t.Fatalf("%s: %v", help, err)
		}
		for _, cmd := range []string{"eval", "bench", "load", "gen"} {
			if !strings.Contains(out, "sagasu-lab "+cmd) {
				t.Errorf("%s: the usage lacks %q:\n%s", help, cmd, out)
			}
		}
	}
	for _, args := range [][]string{nil, {"serve"}, {"frobnicate"}, {"gen", "--no-such-flag"}} {
		_, stderr, err := runCmd(t, args...)
		if !errors.Is(err, cli.ErrUsage) || cli.ExitCode(err) != 2 {
			t.Errorf("%q: err %v (exit %d), want a usage error (exit 2)", args, err, cli.ExitCode(err))
		}
		if len(args) < 2 && !strings.Contains(stderr, "Usage:") {
			t.Errorf("%q: no usage on stderr:\n%s", args, stderr)
		}
	}
}

// TestLoadCommand runs "sagasu-lab load" against Sagasu's API over the
// seeds, with a writer: every search and write must be answered without
// a 5xx.
func TestLoadCommand(t *testing.T) {
	const key = "test-key-0123456789"
	eng, err := engine.Open(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if _, err := indexer.LoadFS(context.Background(), eng.Index, corpus.SeedFS(), ".", io.Discard); err != nil {
		t.Fatal(err)
	}
	cfg := api.Config{Keys: []api.Key{{Secret: key, Scope: api.ScopeWrite}}}
	srv := httptest.NewServer(api.NewServer(zerolog.Nop(), cfg, eng.Index, eng.Searcher))
	defer srv.Close()
	out, errOut, err := runCmd(t, "load", "--url", srv.URL, "--requests", "300", "--concurrency", "8", "--api-key", key)
	if err != nil {
		t.Fatalf("load: %v\n%s\n%s", err, out, errOut)
	}
	for _, want := range []string{"all reads", "entity filter", "writes", "200×300"} {
		if !strings.Contains(out, want) {
			t.Errorf("load report lacks %q:\n%s", want, out)
		}
	}
}
