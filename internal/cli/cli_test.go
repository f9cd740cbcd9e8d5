package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		env       map[string]string
		wantAddr  string
		wantList  []string
		wantUsage bool
	}{
		{"defaults", nil, nil, "127.0.0.1:8080", nil, false},
		{"flag", []string{"--addr", ":9"}, nil, ":9", nil, false},
		{"environment", nil, map[string]string{"SAGASU_ADDR": ":7", "SAGASU_CORS_ORIGINS": "a, b"}, ":7", []string{"a", "b"}, false},
		{"flag wins over environment", []string{"--addr", ":9"}, map[string]string{"SAGASU_ADDR": ":7"}, ":9", nil, false},
		{"repeated list flag", []string{"--cors-origins", "a", "--cors-origins", "b,c"}, nil, "127.0.0.1:8080", []string{"a", "b", "c"}, false},
		{"unknown flag", []string{"--nope"}, nil, "", nil, true},
		{"bad environment value", nil, map[string]string{"SAGASU_MAX_BATCH": "many"}, "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := NewFlagSet("sagasu", "serve", io.Discard)
			addr := fs.String("addr", "127.0.0.1:8080", "")
			fs.Int("max-batch", 1, "")
			var list ListFlag
			fs.Var(&list, "cors-origins", "")
			err := ParseFlags(fs, tt.args, func(k string) string { return tt.env[k] })
			if tt.wantUsage {
				if !errors.Is(err, ErrUsage) || ExitCode(err) != 2 {
					t.Fatalf("err %v (exit %d), want a usage error (exit 2)", err, ExitCode(err))
				}
				return
			}
			if err != nil || *addr != tt.wantAddr || !slices.Equal(list, tt.wantList) {
				t.Errorf("err %v, addr %q, list %q; want %q, %q", err, *addr, list, tt.wantAddr, tt.wantList)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{{nil, 0}, {ErrUsage, 2}, {fmt.Errorf("x: %w", ErrUsage), 2}, {flag.ErrHelp, 0},
		{&HelpError{Usage: "u"}, 0}, {errors.New("disk full"), 1}} {
		if got := ExitCode(tt.err); got != tt.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestHelp: -h, -help and --help give the usage for stdout (a *HelpError,
// exit 0) and print nothing to stderr; Help prints it and returns nil.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"--addr", ":9", "--help"}} {
		t.Run(fmt.Sprint(args), func(t *testing.T) {
			var stderr, stdout bytes.Buffer
			fs := NewFlagSet("sagasu", "serve", &stderr)
			fs.String("addr", "127.0.0.1:8080", "address to listen on")
			err := ParseFlags(fs, args, func(string) string { return "" })
			var h *HelpError
			if !errors.As(err, &h) || !errors.Is(err, flag.ErrHelp) || ExitCode(err) != 0 {
				t.Fatalf("err %v (exit %d), want a *HelpError (exit 0)", err, ExitCode(err))
			}
			if stderr.Len() != 0 {
				t.Errorf("stderr %q, want nothing", stderr.String())
			}
			if err := Help(err, &stdout); err != nil || !strings.Contains(stdout.String(), "address to listen on") {
				t.Errorf("Help: %v, stdout %q, want the flags", err, stdout.String())
			}
		})
	}
	other := errors.New("disk full")
	if err := Help(other, io.Discard); err != other {
		t.Errorf("Help(%v) = %v, want it unchanged", other, err)
	}
}

// TestParseFlagsInterspersed: flags are read wherever they stand; "--"
// ends them; a single-dash word that names no flag is a positional
// argument (an excluded query word), an unknown "--word" a usage error.
func TestParseFlagsInterspersed(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantSize  int
		wantJSON  bool
		wantData  string
		wantArgs  []string
		wantUsage bool
	}{
		{"flags first", []string{"--data", "d", "--size", "3", "kishida"}, 3, false, "d", []string{"kishida"}, false},
		{"flags after", []string{"--data", "d", "kishida", "--size", "3"}, 3, false, "d", []string{"kishida"}, false},
		{"between words", []string{"ai", "--json", "nvidia", "-size=2", "OR", "amazon"}, 2, true, "./data", []string{"ai", "nvidia", "OR", "amazon"}, false},
		{"bool flag does not take the next word", []string{"--json", "kishida"}, 10, true, "./data", []string{"kishida"}, false},
		{"excluded word", []string{"ai", "-microsoft", "--size", "1"}, 1, false, "./data", []string{"ai", "-microsoft"}, false},
		{"excluded phrase word", []string{`-"south`, `korea"`}, 10, false, "./data", []string{`-"south`, `korea"`}, false},
		{"double dash ends flags", []string{"--size", "4", "--", "--size", "-json"}, 4, false, "./data", []string{"--size", "-json"}, false},
		{"lone dash", []string{"-", "x"}, 10, false, "./data", []string{"-", "x"}, false},
		{"negative value", []string{"--size", "-5", "x"}, -5, false, "./data", []string{"x"}, false},
		{"unknown double-dash flag after the query", []string{"kishida", "--sise", "3"}, 0, false, "", nil, true},
		{"missing value at the end", []string{"kishida", "--size"}, 0, false, "", nil, true},
		{"bad value after the query", []string{"kishida", "--size", "many"}, 0, false, "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := NewFlagSet("sagasu", "search", io.Discard)
			size := fs.Int("size", 10, "")
			asJSON := fs.Bool("json", false, "")
			data := fs.String("data", "./data", "")
			err := ParseFlags(fs, tt.args, func(string) string { return "" })
			if tt.wantUsage {
				if !errors.Is(err, ErrUsage) {
					t.Fatalf("err %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if *size != tt.wantSize || *asJSON != tt.wantJSON || *data != tt.wantData || !slices.Equal(fs.Args(), tt.wantArgs) {
				t.Errorf("size %d, json %v, data %q, args %q; want %d, %v, %q, %q",
					*size, *asJSON, *data, fs.Args(), tt.wantSize, tt.wantJSON, tt.wantData, tt.wantArgs)
			}
		})
	}
}

// TestDispatch: help forms print the usage on stdout; "help cmd" runs
// cmd with -h; no command is a usage error with the usage on stderr; a
// command's help request is answered; its other errors pass through.
func TestDispatch(t *testing.T) {
	const usage = "usage: prog COMMAND\n"
	boom := errors.New("boom")
	tests := []struct {
		name       string
		args       []string
		wantCmd    string
		wantArgs   string
		wantStdout string
		wantStderr string
		wantErr    error
	}{
		{"no command", []string{"prog"}, "", "", "", usage, ErrUsage},
		{"help", []string{"prog", "help"}, "", "", usage, "", nil},
		{"--help", []string{"prog", "--help"}, "", "", usage, "", nil},
		{"help cmd", []string{"prog", "help", "index"}, "index", "[-h]", "index usage", "", nil},
		{"command", []string{"prog", "index", "a", "b"}, "index", "[a b]", "", "", nil},
		{"command error", []string{"prog", "fail"}, "fail", "[]", "", "", boom},
		{"unknown", []string{"prog", "nope"}, "nope", "[]", "", usage, ErrUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			var gotCmd, gotArgs string
			err := Dispatch(tt.args, usage, &stdout, &stderr, func(cmd string, args []string) error {
				gotCmd, gotArgs = cmd, fmt.Sprint(args)
				switch {
				case len(args) == 1 && args[0] == "-h":
					return &HelpError{Usage: cmd + " usage"}
				case cmd == "fail":
					return boom
				case cmd == "nope":
					return UnknownCommand(cmd, usage, &stderr)
				}
				return nil
			})
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Errorf("err %v, want %v", err, tt.wantErr)
			}
			if gotCmd != tt.wantCmd || (tt.wantCmd != "" && gotArgs != tt.wantArgs) {
				t.Errorf("ran %q %s, want %q %s", gotCmd, gotArgs, tt.wantCmd, tt.wantArgs)
			}
			if stdout.String() != tt.wantStdout || stderr.String() != tt.wantStderr {
				t.Errorf("stdout %q stderr %q, want %q and %q", stdout.String(), stderr.String(), tt.wantStdout, tt.wantStderr)
			}
		})
	}
}
