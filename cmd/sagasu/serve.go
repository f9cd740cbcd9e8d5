package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/api"
	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/internal/memlimit"
	"github.com/sagasu-search/sagasu/searcher"
)

// serveFlags are the flags of "sagasu serve".
type serveFlags struct {
	commonFlags
	addr            string
	corpus          cli.ListFlag
	syncCorpus      bool
	apiKey          string
	apiKeys         string
	apiKeysFile     string
	readKeyRequired bool
	corsOrigins     cli.ListFlag
	maxBodyBytes    int64
	maxBatch        int
	queryTimeout    time.Duration
	shutdownTimeout time.Duration
	backupDir       string
	cluster         clusterFlags
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	f.commonFlags.register(fs)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.Var(&f.corpus, "corpus", "file or folder of .txt/.json/.jsonl articles to index at start instead of the embedded seeds (repeatable)")
	fs.BoolVar(&f.syncCorpus, "sync", false, "with --corpus, also delete the articles of files under it that are gone")
	fs.StringVar(&f.apiKey, "api-key", "", "a key with write scope (prefer the SAGASU_API_KEY environment variable)")
	fs.StringVar(&f.apiKeys, "api-keys", "", `keys as "secret:read,secret:write" (prefer the SAGASU_API_KEYS environment variable)`)
	fs.StringVar(&f.apiKeysFile, "api-keys-file", "", `file of keys, one "secret read|write" a line`)
	fs.BoolVar(&f.readKeyRequired, "read-key-required", false, "searches and every other read need a key too")
	fs.Var(&f.corsOrigins, "cors-origins", `origins whose browsers may call the API, comma-separated, or "*" (off by default)`)
	fs.Int64Var(&f.maxBodyBytes, "max-body-bytes", api.DefaultMaxBodyBytes, "largest request body accepted")
	fs.IntVar(&f.maxBatch, "max-batch", api.DefaultMaxBatch, "most articles accepted in one POST")
	fs.DurationVar(&f.queryTimeout, "query-timeout", api.DefaultQueryTimeout, "longest a search or other read may take before a 503")
	fs.DurationVar(&f.shutdownTimeout, "shutdown-timeout", 30*time.Second, "longest in-flight requests may take to finish at shutdown")
	fs.StringVar(&f.backupDir, "backup-dir", "", "folder for POST /api/v1/admin/backup (disabled when empty)")
	f.cluster.register(fs)
}

// keys gathers the API keys of --api-key, --api-keys and --api-keys-file.
func (f *serveFlags) keys() ([]api.Key, error) {
	text := f.apiKeys
	if f.apiKeysFile != "" {
		b, err := os.ReadFile(f.apiKeysFile)
		if errors.Is(err, fs.ErrPermission) {
			// Typically a secrets file bind-mounted into the container as
			// it is on the host, owned by root with mode 0600.
			return nil, fmt.Errorf("--api-keys-file: %w (sagasu runs as uid %d: let it read the file)", err, os.Getuid())
		}
		if err != nil {
			return nil, fmt.Errorf("--api-keys-file: %w", err)
		}
		text += "\n" + string(b)
	}
	keys, err := api.ParseKeys(text)
	if err != nil {
		return nil, fmt.Errorf("API keys: %w: %w", err, cli.ErrUsage)
	}
	if f.apiKey != "" {
		keys = append(keys, api.Key{Secret: f.apiKey, Scope: api.ScopeWrite})
	}
	return keys, nil
}

// config is the API's configuration from the flags.
func (f *serveFlags) config(keys []api.Key) api.Config {
	return api.Config{
		Keys: keys, ReadKeyRequired: f.readKeyRequired, CORSOrigins: f.corsOrigins,
		MaxBodyBytes: f.maxBodyBytes, MaxBatch: f.maxBatch,
		QueryTimeout: f.queryTimeout, BackupDir: f.backupDir, Version: version,
	}
}

// runServe listens at once (answering 503 until ready), opens or creates
// the index, fills a new one with the seeds (or indexes --corpus), and
// serves the API until ctx is cancelled; then it drains in-flight requests
// and closes the index.
func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f serveFlags
	fs := newFlagSet("serve", stderr)
	f.register(fs)
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if f.syncCorpus && len(f.corpus) == 0 {
		return fmt.Errorf("--sync needs --corpus: %w", cli.ErrUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments (got %q); use --corpus PATH to index files: %w", fs.Args(), cli.ErrUsage)
	}
	logger, err := f.logger(stderr)
	if err != nil {
		return err
	}
	applyMemLimit(logger, getenv)
	keys, err := f.keys()
	if err != nil {
		return err
	}
	if f.readKeyRequired && len(keys) == 0 {
		return fmt.Errorf("--read-key-required needs API keys (SAGASU_API_KEYS): %w", cli.ErrUsage)
	}
	if keys, err = localWriteKey(keys, f.addr, logger, stderr); err != nil {
		return err
	}
	gate := api.NewGate()
	srv, err := listen(f.addr, gate, logger)
	if err != nil {
		return err
	}
	if f.cluster.on() {
		return f.serveCluster(ctx, srv, gate, keys, logger)
	}
	eng, err := f.openEngine(false)
	if err != nil {
		srv.close()
		return err
	}
	defer closeIndex(eng, logger)
	if err := f.fill(ctx, eng, logger, stderr); err != nil {
		srv.close()
		return err
	}
	warm(ctx, eng.Searcher, logger)
	gate.Open(api.NewServer(logger, f.config(keys), eng.Index, eng.Searcher))
	logger.Info().Int("keys", len(keys)).Bool("read_key_required", f.readKeyRequired).Msg("ready")
	return srv.wait(ctx, gate, f.shutdownTimeout)
}

// localWriteKey returns keys, or, when none is configured and the server
// listens on loopback only, a write key made up for this run and printed
// once to stderr, so that a first local run can try the write examples.
// On any other address writes stay disabled, and the log says why.
func localWriteKey(keys []api.Key, addr string, logger zerolog.Logger, stderr io.Writer) ([]api.Key, error) {
	if len(keys) > 0 {
		return keys, nil
	}
	if !loopbackOnly(addr) {
		logger.Warn().Str("addr", addr).Msg("writes are disabled: no API key is set (SAGASU_API_KEY, SAGASU_API_KEYS " +
			"or --api-keys-file) and the server listens beyond loopback, where a key made up at start is not offered")
		return keys, nil
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("make a write key for this run: %w", err)
	}
	key := hex.EncodeToString(b)
	fmt.Fprintf(stderr, "sagasu: no API key set; for this run, writes take the key: %s (export SAGASU_API_KEY to choose one)\n", key)
	return []api.Key{{Secret: key, Scope: api.ScopeWrite}}, nil
}

// loopbackOnly reports whether addr (host:port) listens on a loopback
// address only: 127.0.0.0/8, ::1 or localhost. An empty host, 0.0.0.0 or
// :: listen everywhere.
func loopbackOnly(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// lowMemory is the cgroup limit under which serve warns: the Japanese
// dictionary alone is about 600 MB live.
const lowMemory = 1 << 30

// applyMemLimit sets the runtime's soft memory limit from the cgroup's
// (unless GOMEMLIMIT is set) and logs the decision; a cgroup file it
// cannot read leaves the limit unset and is only logged.
func applyMemLimit(logger zerolog.Logger, getenv func(string) string) {
	d, err := memlimit.Apply(os.DirFS("/"), getenv)
	if err != nil {
		logger.Warn().Err(err).Msg("GOMEMLIMIT left unset")
		return
	}
	ev := logger.Info()
	if d.Cgroup > 0 && d.Cgroup < lowMemory {
		ev = logger.Warn().Str("advice", "the Japanese dictionary alone is about 600 MB live: allow 1 GiB or more")
	}
	ev.Int64("gomemlimit", d.Limit).Int64("cgroup_memory_limit", d.Cgroup).Str("source", d.Source).Msg(d.Reason)
}

// fill indexes --corpus, or the embedded seeds when the index is new.
func (f *serveFlags) fill(ctx context.Context, eng *engine.Engine, logger zerolog.Logger, stderr io.Writer) error {
	var st indexer.LoadStats
	var err error
	switch {
	case len(f.corpus) > 0:
		st, err = indexer.LoadPathsWith(ctx, eng.Index, f.corpus, indexer.LoadOptions{Sync: f.syncCorpus}, stderr)
	case eng.Created:
		st, err = indexer.LoadFS(ctx, eng.Index, corpus.SeedFS(), ".", stderr)
	default:
		n, _ := eng.Index.Count(ctx)
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
	ev.Str("data", f.data).Int("articles", st.Articles).Int("errors", st.Errors).Int("warnings", st.Warnings).
		Int("unchanged_files_skipped", st.Unchanged).Int("removed", st.Removed).
		Int("other_files_skipped", st.Skipped).
		Dur("took", st.Elapsed).Msg("indexed articles")
	return nil
}

// server is the HTTP server of "sagasu serve".
type server struct {
	http   *http.Server
	errc   chan error
	logger zerolog.Logger
}

// listen starts serving h on addr with timeouts that a slow or stalled
// client (slowloris) cannot hold a connection open past.
func listen(addr string, h http.Handler, logger zerolog.Logger) (*server, error) {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(logger, "", 0),
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	logger.Info().Str("addr", "http://"+ln.Addr().String()).Str("version", version).Msg("listening")
	s := &server{http: srv, errc: make(chan error, 1), logger: logger}
	go func() { s.errc <- srv.Serve(ln) }()
	return s, nil
}

// wait serves until ctx is cancelled, then drains: /readyz turns 503,
// new connections are refused, and in-flight requests get up to timeout
// to finish.
func (s *server) wait(ctx context.Context, gate *api.Gate, timeout time.Duration) error {
	select {
	case err := <-s.errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	gate.Drain()
	s.logger.Info().Dur("timeout", timeout).Msg("shutting down: finishing in-flight requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := s.http.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	s.logger.Info().Msg("stopped serving")
	return nil
}

// close stops the server at once, when starting failed.
func (s *server) close() { s.http.Close() }

func closeIndex(eng *engine.Engine, logger zerolog.Logger) {
	if err := eng.Close(); err != nil {
		logger.Error().Err(err).Msg("close index")
	}
}

// warm readies the searcher (Searcher.Warm: the dictionary, the facet
// columns) before the server is ready, so that the first search, in
// either language, is as fast as the next; a failure only costs that
// speed.
func warm(ctx context.Context, s *searcher.Searcher, logger zerolog.Logger) {
	start := time.Now()
	if err := s.Warm(ctx); err != nil {
		logger.Warn().Err(err).Msg("warm the searcher: the first search will be slower")
		return
	}
	logger.Info().Dur("took", time.Since(start)).Msg("searcher warmed")
}
