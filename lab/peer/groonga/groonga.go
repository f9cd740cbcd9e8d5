// Package groonga drives Groonga, the full-text search engine behind
// Mroonga and PGroonga, as a peer of Sagasu: the one driver that both the
// evaluation (package eval: index documents, ranked ids) and the
// benchmark (package bench: ingest speed, searches with an entity filter,
// drilldowns and highlights, at several concurrencies) use. It runs the
// groonga command (Debian's groonga-bin; TokenMecab needs
// groonga-tokenizer-mecab) as an HTTP server, a process of its own on a
// loopback port (groonga -s --protocol http), with its query cache off
// (--cache-limit 0: every request does its work, as Sagasu's do), and
// sends it commands as GET or POST /d/COMMAND.
//
// A Server holds one schema: a Docs table (hash key: the document id) with
// title (Text), body (LongText), published (Time), source, lang, month and
// url (ShortText), and person, organization and place as vectors
// referencing one table per entity type; and a Terms lexicon (TABLE_PAT_KEY,
// NormalizerAuto, the chosen tokenizer: TokenBigram, whole words for
// English, bigrams for Japanese, or TokenMecab; Groonga has no stemmer
// plugin here). Load posts JSON in batches of at most 1,000 documents or
// 8 MiB; BuildIndexes then creates the index of title and body (with
// positions) and one on each entity column: Groonga's offline index
// construction, faster than indexing as it loads.
//
// Groonga has no BM25: searches score with scorer_tf_idf over title and
// body ('scorer_tf_idf(title) || scorer_tf_idf(body)') by default;
// Options.Scorer can pick Groonga's own default instead, 'title || body'
// scored by how many times the query's terms occur (TF), which is a weak
// baseline for verbose queries: it ranks them by their stopwords (in a
// rough check on Cranfield's 225 queries, binary relevance, MAP over the
// top 100 was 0.02 with TF, 0.21 with TF-IDF). Queries never reach
// Groonga as typed: Query, Any, All and Phrase build them of
// double-quoted words, and Select builds the select command.
package groonga

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The tokenizers Options accept.
const (
	// Bigram is TokenBigram: character bigrams of CJK text, whole words of
	// alphabetic and numeric runs (no stemming).
	Bigram = "TokenBigram"
	// Mecab is TokenMecab: morphemes as MeCab (with the system dictionary,
	// naist-jdic on Debian) segments them. It needs the
	// groonga-tokenizer-mecab package.
	Mecab = "TokenMecab"
)

// The scorers Options accept.
const (
	// TFIDF is Groonga's scorer_tf_idf, applied to title and body: the
	// default here, since Groonga has no BM25 and its plain TF ranks
	// verbose OR queries by their stopwords.
	TFIDF = "scorer_tf_idf"
	// TF is Groonga's own default score: how many times the query's terms
	// occur in the matched columns, whatever the terms.
	TF = "tf"
)

// ErrNotInstalled is returned (wrapped) by Start when the groonga command
// is not on the PATH.
var ErrNotInstalled = errors.New("groonga is not installed (apt-get install groonga-bin)")

// ErrNoTokenizer is returned (wrapped) by Start when Groonga does not know
// the tokenizer: for TokenMecab, its plugin is not installed.
var ErrNoTokenizer = errors.New("groonga does not have the tokenizer (for TokenMecab: apt-get install groonga-tokenizer-mecab)")

// Options configure a Server.
type Options struct {
	// Tokenizer is Bigram or Mecab; empty means Bigram.
	Tokenizer string
	// Scorer is TFIDF or TF; empty means TFIDF.
	Scorer string
	// Command is the groonga executable; empty means "groonga" on the
	// PATH.
	Command string
	// Dir is the folder of the database and the log; empty means a new
	// temporary one that Close removes.
	Dir string
	// Threads is how many requests the server handles at once (at least
	// 2).
	Threads int
}

// withDefaults fills o's zero fields and checks the rest.
func (o Options) withDefaults() (Options, error) {
	if o.Tokenizer == "" {
		o.Tokenizer = Bigram
	}
	if o.Tokenizer != Bigram && o.Tokenizer != Mecab {
		return o, fmt.Errorf("groonga: unknown tokenizer %q (want %q or %q)", o.Tokenizer, Bigram, Mecab)
	}
	if o.Scorer == "" {
		o.Scorer = TFIDF
	}
	if o.Scorer != TF && o.Scorer != TFIDF {
		return o, fmt.Errorf("groonga: unknown scorer %q (want %q or %q)", o.Scorer, TF, TFIDF)
	}
	if o.Command == "" {
		o.Command = "groonga"
	}
	o.Threads = max(o.Threads, 2)
	return o, nil
}

// Server is a groonga HTTP server over a database with the package's
// schema. Its methods may be called from several goroutines.
type Server struct {
	opts    Options
	temp    bool // Dir is temporary: Close removes it
	cmd     *exec.Cmd
	waited  chan struct{} // closed when cmd.Wait has returned
	stderr  *tail
	url     string
	client  *http.Client
	indexed atomic.Bool // whether BuildIndexes has run
	close   sync.Once
	closed  atomic.Bool
}

// Start starts groonga on a new database in opts.Dir, waits until it
// answers and defines the schema. Close stops it.
func Start(ctx context.Context, opts Options) (*Server, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	bin, err := exec.LookPath(opts.Command)
	if err != nil {
		return nil, fmt.Errorf("groonga: find %s: %w: %w", opts.Command, ErrNotInstalled, err)
	}
	s := &Server{opts: opts, stderr: newTail(4096), waited: make(chan struct{}),
		client: &http.Client{Timeout: 10 * time.Minute}}
	if s.opts.Dir == "" {
		if s.opts.Dir, err = os.MkdirTemp("", "sagasu-groonga-*"); err != nil {
			return nil, fmt.Errorf("groonga: create temporary directory: %w", err)
		}
		s.temp = true
	}
	if err := s.start(ctx, bin); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.createSchema(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// start runs the server process and waits until it answers.
func (s *Server) start(ctx context.Context, bin string) error {
	if err := os.MkdirAll(filepath.Join(s.opts.Dir, "db"), 0o755); err != nil {
		return fmt.Errorf("groonga: %w", err)
	}
	port, err := freePort()
	if err != nil {
		return fmt.Errorf("groonga: %w", err)
	}
	s.cmd = exec.Command(bin, "-n", "-s", "--protocol", "http", "--bind-address", "127.0.0.1", "-p", strconv.Itoa(port),
		"--max-threads", strconv.Itoa(s.opts.Threads), "--cache-limit", "0",
		"--log-path", filepath.Join(s.opts.Dir, "groonga.log"), "--log-level", "warning",
		filepath.Join(s.opts.Dir, "db", "db"))
	s.cmd.Stdout, s.cmd.Stderr = s.stderr, s.stderr
	if err := s.cmd.Start(); err != nil {
		return fmt.Errorf("groonga: start %s: %w", bin, err)
	}
	go func() { s.cmd.Wait(); close(s.waited) }()
	s.url = "http://127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := s.Call(ctx, "status", nil, nil); err == nil {
			return nil
		} else if time.Now().After(deadline) {
			return fmt.Errorf("groonga: not answering after 30s: %w (stderr: %s)", err, s.stderr)
		}
		select {
		case <-s.waited:
			return fmt.Errorf("groonga: exited at start: %v (stderr: %s)", s.cmd.ProcessState, s.stderr)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// freePort returns a loopback port nothing listens on now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// URL is where the server listens: "http://127.0.0.1:PORT".
func (s *Server) URL() string { return s.url }

// PID is the server's process ID, -1 before it started.
func (s *Server) PID() int {
	if s == nil || s.cmd == nil || s.cmd.Process == nil {
		return -1
	}
	return s.cmd.Process.Pid
}

// Name is "groonga (" + tokenizer + ", " + scorer + ")", as "groonga
// (TokenBigram, scorer_tf_idf)".
func (s *Server) Name() string { return "groonga (" + s.opts.Tokenizer + ", " + s.opts.Scorer + ")" }

// Call sends command with params (a GET, or a POST of body) and returns
// the body of a successful response: what follows the header. An error
// response comes back as an error with Groonga's message.
func (s *Server) Call(ctx context.Context, command string, params url.Values, body []byte) (json.RawMessage, error) {
	if s.closed.Load() {
		return nil, errors.New("groonga: the server is closed")
	}
	path := "/d/" + command
	if len(params) > 0 {
		path += "?" + params.Encode()
	}
	data, status, err := s.send(ctx, path, body)
	if err != nil {
		return nil, fmt.Errorf("groonga: %s: %w", head(path), err)
	}
	var out []json.RawMessage
	if err := json.Unmarshal(data, &out); err != nil || len(out) == 0 {
		return nil, fmt.Errorf("groonga: %s: HTTP %d: %.300s", head(path), status, data)
	}
	var header []json.RawMessage
	if err := json.Unmarshal(out[0], &header); err != nil || len(header) < 1 {
		return nil, fmt.Errorf("groonga: %s: bad header %.200s", head(path), out[0])
	}
	if string(header[0]) != "0" || status != http.StatusOK {
		msg := ""
		if len(header) > 3 {
			json.Unmarshal(header[3], &msg)
		}
		return nil, fmt.Errorf("groonga: %s: HTTP %d: error %s: %s", head(path), status, header[0], msg)
	}
	if len(out) < 2 {
		return nil, nil
	}
	return out[1], nil
}

// send sends a GET of path, or a POST of body, and returns the response.
func (s *Server) send(ctx context.Context, path string, body []byte) ([]byte, int, error) {
	method := http.MethodGet
	var r io.Reader
	if body != nil {
		method, r = http.MethodPost, bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.url+path, r)
	if err != nil {
		return nil, 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, 0, err
	}
	return data, resp.StatusCode, nil
}

// Close shuts the server down (killing it after 10 seconds) and removes a
// temporary folder. Closing twice is harmless.
func (s *Server) Close() error {
	var errs []error
	s.close.Do(func() {
		if s.cmd != nil && s.cmd.Process != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			s.Call(ctx, "shutdown", nil, nil)
			cancel()
			select {
			case <-s.waited:
			case <-time.After(10 * time.Second):
				s.cmd.Process.Kill()
				<-s.waited
				errs = append(errs, fmt.Errorf("groonga: process %d did not shut down; killed", s.cmd.Process.Pid))
			}
		}
		s.closed.Store(true)
		if s.temp {
			if err := os.RemoveAll(s.opts.Dir); err != nil {
				errs = append(errs, fmt.Errorf("groonga: remove %s: %w", s.opts.Dir, err))
			}
		}
	})
	return errors.Join(errs...)
}

// logTail returns the end of Groonga's log, for error messages.
func (s *Server) logTail() string {
	b, err := os.ReadFile(filepath.Join(s.opts.Dir, "groonga.log"))
	if err != nil {
		return err.Error()
	}
	if len(b) > 1000 {
		b = b[len(b)-1000:]
	}
	return strings.TrimSpace(string(b))
}

// tail is an io.Writer that keeps the last bytes written to it, for
// error messages: the end of what the process wrote. It is safe for
// concurrent use.
type tail struct {
	mu  sync.Mutex
	max int
	b   []byte
}

// newTail returns a tail that keeps the last max bytes.
func newTail(max int) *tail { return &tail{max: max} }

// Write implements io.Writer.
func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

// String returns what is kept, trimmed.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(string(t.b))
}

// head returns the first 200 bytes of s, with an ellipsis when it is
// longer: enough of a command to recognize it in an error message.
func head(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
