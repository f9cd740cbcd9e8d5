package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/internal/cli"
)

// runGenCmd runs "sagasu-lab gen args…" in-process with the environment env.
func runGenCmd(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err = run(context.Background(), append([]string{"sagasu-lab", "gen"}, args...), getenv, &out, &errOut)
	return out.String(), errOut.String(), err
}

// TestGenCommand writes a small corpus to a file and decodes it.
func TestGenCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	stdout, stderr, err := runGenCmd(t, nil, "--articles", "50", "--seed", "7", "--ja-share", "0.2", "--out", path)
	if err != nil {
		t.Fatalf("gen: %v\n%s", err, stderr)
	}
	if stdout != "" {
		t.Errorf("gen --out wrote to stdout: %q", stdout)
	}
	for _, want := range []string{"generated 50 articles", "seed 7", "MB/s", path} {
		if !strings.Contains(stderr, want) {
			t.Errorf("summary %q lacks %q", stderr, want)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	articles, err := corpus.Decode(bytes.NewReader(data), corpus.DecodeOptions{Strict: true})
	if err != nil {
		t.Fatalf("the corpus does not decode as the API decodes: %v", err)
	}
	if len(articles) != 50 || articles[0].ID != "syn-000000001" || articles[49].ID != "syn-000000050" {
		t.Fatalf("decoded %d articles, from %s", len(articles), articles[0].ID)
	}
	langs := map[string]int{}
	for _, a := range articles {
		langs[a.Lang]++
	}
	if langs[corpus.LangEnglish] == 0 || langs[corpus.LangJapanese] == 0 {
		t.Errorf("languages %v, want English and Japanese", langs)
	}

	// The same seed on stdout writes the same bytes; the environment sets
	// flags as for every command.
	env := map[string]string{"SAGASU_ARTICLES": "50", "SAGASU_SEED": "7", "SAGASU_JA_SHARE": "0.2"}
	stdout, _, err = runGenCmd(t, env, "--out", "-")
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(data) {
		t.Errorf("gen to stdout wrote %d bytes unlike the %d of the file", len(stdout), len(data))
	}
	stdout, _, err = runGenCmd(t, nil, "--articles", "50", "--seed", "8")
	if err != nil || stdout == string(data) || strings.Count(stdout, "\n") != 50 {
		t.Errorf("another seed: %d lines, same bytes %v, err %v", strings.Count(stdout, "\n"), stdout == string(data), err)
	}
}

func TestGenErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args      []string
		wantUsage bool
		wantMsg   string
	}{
		{[]string{"extra"}, true, "no arguments"},
		{[]string{"--articles", "-1"}, true, "--articles"},
		{[]string{"--ja-share", "1.5"}, true, "--ja-share"},
		{[]string{"--ja-share", "NaN"}, true, "--ja-share"},
		{[]string{"--articles", "ten"}, true, "invalid value"},
		{[]string{"--articles", "1", "--out", filepath.Join(dir, "missing", "c.jsonl")}, false, "missing"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := runGenCmd(t, nil, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("err = %v, want one mentioning %q", err, tt.wantMsg)
			}
			if got := errors.Is(err, cli.ErrUsage); got != tt.wantUsage {
				t.Errorf("usage error = %v, want %v", got, tt.wantUsage)
			}
		})
	}
}
