package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/api"
)

// serveFlags are the flags of "sagasu serve".
type serveFlags struct {
	commonFlags
	addr         string
	corpus       listFlag
	apiKey       string
	maxBodyBytes int64
	maxBatch     int
}

// runServe opens or creates the index, fills a new one with the seeds (or
// indexes --corpus), and serves the API until ctx is cancelled.
func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f serveFlags
	fs := newFlagSet("serve", stderr)
	f.register(fs)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.Var(&f.corpus, "corpus", "file or folder of .txt/.json/.jsonl articles to index at start instead of the embedded seeds (repeatable)")
	fs.StringVar(&f.apiKey, "api-key", "", "key that enables POST and DELETE (prefer the SAGASU_API_KEY environment variable)")
	fs.Int64Var(&f.maxBodyBytes, "max-body-bytes", api.DefaultMaxBodyBytes, "largest request body accepted")
	fs.IntVar(&f.maxBatch, "max-batch", api.DefaultMaxBatch, "most articles accepted in one POST")
	if err := parseFlags(fs, args, getenv); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments (got %q); use --corpus PATH to index files: %w", fs.Args(), errUsage)
	}
	logger, err := f.logger(stderr)
	if err != nil {
		return err
	}
	eng, err := f.openEngine()
	if err != nil {
		return err
	}
	defer closeIndex(eng, logger)
	if err := f.fill(ctx, eng, logger, stderr); err != nil {
		return err
	}
	go analysis.Preload() // the first Japanese query should not wait seconds for the dictionary
	cfg := api.Config{APIKey: f.apiKey, MaxBodyBytes: f.maxBodyBytes, MaxBatch: f.maxBatch, Version: version}
	return serveHTTP(ctx, f.addr, api.NewServer(logger, cfg, eng.index, eng.searcher), logger)
}

// fill indexes --corpus, or the embedded seeds when the index is new.
func (f *serveFlags) fill(ctx context.Context, eng *engine, logger zerolog.Logger, stderr io.Writer) error {
	var st ingestStats
	var err error
	switch {
	case len(f.corpus) > 0:
		st, err = ingestPaths(ctx, eng.index, f.corpus, stderr)
	case eng.created:
		st, err = ingestSeeds(ctx, eng.index, stderr)
	default:
		n, _ := eng.index.Count()
		logger.Info().Str("data", f.data).Uint64("articles", n).Msg("opened index")
		return nil
	}
	if err != nil {
		return fmt.Errorf("index articles at start: %w", err)
	}
	ev := logger.Info()
	if st.Errors > 0 {
		ev = logger.Warn()
	}
	ev.Str("data", f.data).Int("articles", st.Articles).Int("errors", st.Errors).
		Dur("took", st.Elapsed).Msg("indexed articles")
	return nil
}

// serveHTTP serves h on addr until ctx is cancelled, then lets in-flight
// requests finish (for up to 15 s).
func serveHTTP(ctx context.Context, addr string, h http.Handler, logger zerolog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	logger.Info().Str("addr", "http://"+ln.Addr().String()).Str("version", version).Msg("listening")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info().Msg("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

func closeIndex(eng *engine, logger zerolog.Logger) {
	if err := eng.index.Close(); err != nil {
		logger.Error().Err(err).Msg("close index")
	}
}
