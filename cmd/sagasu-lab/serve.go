package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/api"
	"github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/lab/bench"
)

// findSagasu returns the sagasu executable the bench runs as "sagasu
// serve": given (--sagasu) when set, else the sagasu beside this
// executable (where go install puts both), else one built from this
// module with go build into a temporary folder, which cleanup removes.
func findSagasu(ctx context.Context, given string, stderr io.Writer) (exe string, cleanup func(), err error) {
	if given != "" {
		exe, err := exec.LookPath(given)
		if err != nil {
			return "", nil, fmt.Errorf("bench --sagasu %s: %w", given, err)
		}
		return exe, func() {}, nil
	}
	if self, err := os.Executable(); err == nil {
		beside := filepath.Join(filepath.Dir(self), "sagasu")
		if info, err := os.Stat(beside); err == nil && info.Mode().IsRegular() && info.Mode()&0o111 != 0 {
			return beside, func() {}, nil
		}
	}
	dir, err := os.MkdirTemp("", "sagasu-lab-build-*")
	if err != nil {
		return "", nil, fmt.Errorf("bench: build sagasu: %w", err)
	}
	exe = filepath.Join(dir, "sagasu")
	fmt.Fprintf(stderr, "bench: no sagasu beside this executable: building one (go build -o %s ./cmd/sagasu)\n", exe)
	cmd := exec.CommandContext(ctx, "go", "build", "-o", exe, "github.com/sagasu-search/sagasu/cmd/sagasu")
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("bench: build sagasu (or give --sagasu PATH): %w", err)
	}
	return exe, func() { os.RemoveAll(dir) }, nil
}

// serveArgs are the arguments of the "sagasu serve" the bench drives: a
// free loopback port, a new index in dataDir filled with the corpus at
// start with the given shards, and the defaults of every other flag but the
// log level (warn: no line per request).
func serveArgs(corpusPath, dataDir string, shards int) (addr string, args []string, err error) {
	addr, err = freeAddr()
	if err != nil {
		return "", nil, err
	}
	return addr, []string{"serve", "--addr", addr, "--data", dataDir, "--corpus", corpusPath, "--log-level", "warn",
		"--shards", fmt.Sprint(shards)}, nil
}

// freeAddr returns a loopback address nothing listens on now.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// sagasuChild returns how the bench starts Sagasu by default: exe run as
// "sagasu serve", a process of its own, with no SAGASU_ variable of the
// environment (every flag at its default).
func sagasuChild(exe string, shards int, stderr io.Writer) bench.StartFunc {
	return func(ctx context.Context, corpusPath, dataDir string, started func(int)) (*bench.Server, error) {
		addr, args, err := serveArgs(corpusPath, dataDir, shards)
		if err != nil {
			return nil, err
		}
		cmd := exec.Command(exe, args...)
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "SAGASU_") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Stdout, cmd.Stderr = io.Discard, stderr
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start %s serve: %w", exe, err)
		}
		started(cmd.Process.Pid)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		if err := waitServing(ctx, "http://"+addr, done); err != nil {
			cmd.Process.Kill()
			return nil, err
		}
		return &bench.Server{URL: "http://" + addr, PID: cmd.Process.Pid, Stop: stopChild(cmd, done)}, nil
	}
}

// stopChild returns a function that stops a child "sagasu serve" with
// SIGINT, killing it if it has not stopped a minute later.
func stopChild(cmd *exec.Cmd, done chan error) func() error {
	return func() error {
		cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-done:
			return err
		case <-time.After(time.Minute):
			cmd.Process.Kill()
			<-done
			return fmt.Errorf("sagasu serve (pid %d) did not stop within a minute of SIGINT: killed", cmd.Process.Pid)
		}
	}
}

// sagasuInProcess returns how the bench starts Sagasu with --in-process:
// the server "sagasu serve" assembles, in this process, with every
// setting at its default: the engine (package engine) over a new index in
// dataDir, filled with the corpus, behind the API (package api).
func sagasuInProcess(shards int, stderr io.Writer) bench.StartFunc {
	return func(ctx context.Context, corpusPath, dataDir string, started func(int)) (*bench.Server, error) {
		started(0)
		eng, err := engine.Open(engine.Config{Data: dataDir, Shards: shards})
		if err != nil {
			return nil, fmt.Errorf("open the index: %w", err)
		}
		if _, err := indexer.LoadPaths(ctx, eng.Index, []string{corpusPath}, stderr); err != nil {
			eng.Close()
			return nil, fmt.Errorf("index %s: %w", corpusPath, err)
		}
		if err := eng.Searcher.Warm(ctx); err != nil { // as serve does before it is ready
			eng.Close()
			return nil, err
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			eng.Close()
			return nil, fmt.Errorf("listen: %w", err)
		}
		logger := zerolog.New(stderr).Level(zerolog.WarnLevel).With().Timestamp().Logger()
		srv := &http.Server{Handler: api.NewServer(logger, api.Config{Version: "lab"}, eng.Index, eng.Searcher),
			ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		stop := func() error {
			sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			return errors.Join(srv.Shutdown(sctx), eng.Close())
		}
		return &bench.Server{URL: "http://" + ln.Addr().String(), Stop: stop}, nil
	}
}

// waitServing waits until the server at url is ready, or done says it
// stopped, or ctx ends.
func waitServing(ctx context.Context, url string, done chan error) error {
	client := &http.Client{Timeout: 5 * time.Second}
	for {
		select {
		case err := <-done:
			done <- err // for Stop
			return fmt.Errorf("sagasu serve stopped before it was ready: %v", err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
		if resp, err := client.Get(url + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
}
