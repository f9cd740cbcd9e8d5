// Package groonga evaluates Groonga, the full-text search engine behind
// Mroonga and PGroonga, as an eval.Engine. It drives the groonga command
// (Debian's groonga-bin; TokenMecab needs groonga-tokenizer-mecab): one
// long-running `groonga -n DB` process per engine, in standalone mode,
// reads commands on its standard input and writes one JSON response per
// command on its standard output.
//
// The schema is a Docs table (TABLE_HASH_KEY ShortText, the document id as
// key) with title (Text) and text (LongText) columns, and a Terms lexicon
// (TABLE_PAT_KEY ShortText, NormalizerAuto, the chosen tokenizer) holding
// one index column over both (COLUMN_INDEX|WITH_POSITION|WITH_SECTION Docs
// title,text). A query is a select over title and text, sorted by -_score
// (ties by load order). Groonga has no BM25: the score is by default its
// scorer_tf_idf over both columns ('scorer_tf_idf(title) ||
// scorer_tf_idf(text)'); Options.Scorer can pick Groonga's own default
// instead, 'title || text' scored by how many times the query's terms occur
// (TF), which is a weak baseline for verbose queries: it ranks them by
// their stopwords (in a rough check on Cranfield's 225 queries, binary
// relevance, MAP over the top 100 was 0.02 with TF, 0.21 with TF-IDF).
package groonga

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/sagasu-search/sagasu/lab/eval"
	"github.com/sagasu-search/sagasu/internal/procout"
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
	// TFIDF is Groonga's scorer_tf_idf, applied to title and text: the
	// default here, since Groonga has no BM25 and its plain TF ranks
	// verbose OR queries by their stopwords.
	TFIDF = "scorer_tf_idf"
	// TF is Groonga's own default score: how many times the query's terms
	// occur in the matched columns, whatever the terms.
	TF = "tf"
)

// ErrNotInstalled is returned (wrapped) by New when the groonga command is
// not on the PATH.
var ErrNotInstalled = errors.New("groonga is not installed (apt-get install groonga-bin)")

// ErrNoTokenizer is returned (wrapped) by New when Groonga does not know the
// tokenizer: for TokenMecab, its plugin is not installed.
var ErrNoTokenizer = errors.New("groonga does not have the tokenizer (for TokenMecab: apt-get install groonga-tokenizer-mecab)")

// Options configure an Engine.
type Options struct {
	// Tokenizer is Bigram or Mecab; empty means Bigram.
	Tokenizer string
	// Scorer is TFIDF or TF; empty means TFIDF.
	Scorer string
	// Command is the groonga executable; empty means "groonga" on the
	// PATH.
	Command string
}

// loadBatch bounds one load command, in documents and in bytes of JSON.
const (
	loadBatchDocs  = 1000
	loadBatchBytes = 8 << 20
)

// Engine is a Groonga database in a temporary directory, served by a groonga
// process, as an eval.Engine. Once Index has returned, Search may be called
// from several goroutines; the process answers one command at a time.
type Engine struct {
	opts    Options
	dir     string
	indexed atomic.Bool // whether the index column exists: Index creates it after its first load
	cmd     *exec.Cmd
	stderr  *procout.Tail
	waited  chan struct{} // closed when cmd.Wait has returned

	mu     sync.Mutex // guards what follows, and the conversation with the process
	stdin  *bufio.Writer
	pipe   io.WriteCloser
	dec    *json.Decoder
	broken error // set when the process can no longer be trusted
	closed bool
}

// New is NewWithOptions with the tokenizer and the default scorer, TFIDF.
func New(tokenizer string) (*Engine, error) {
	return NewWithOptions(Options{Tokenizer: tokenizer})
}

// NewWithOptions creates an empty database in a new temporary directory,
// starts a groonga process on it and defines the schema. Close stops the
// process and removes the directory.
func NewWithOptions(opts Options) (*Engine, error) {
	if opts.Tokenizer == "" {
		opts.Tokenizer = Bigram
	}
	if opts.Tokenizer != Bigram && opts.Tokenizer != Mecab {
		return nil, fmt.Errorf("groonga: unknown tokenizer %q (want %q or %q)", opts.Tokenizer, Bigram, Mecab)
	}
	if opts.Scorer == "" {
		opts.Scorer = TFIDF
	}
	if opts.Scorer != TF && opts.Scorer != TFIDF {
		return nil, fmt.Errorf("groonga: unknown scorer %q (want %q or %q)", opts.Scorer, TF, TFIDF)
	}
	if opts.Command == "" {
		opts.Command = "groonga"
	}
	bin, err := exec.LookPath(opts.Command)
	if err != nil {
		return nil, fmt.Errorf("groonga: find %s: %w: %w", opts.Command, ErrNotInstalled, err)
	}
	dir, err := os.MkdirTemp("", "sagasu-groonga-*")
	if err != nil {
		return nil, fmt.Errorf("groonga: create temporary directory: %w", err)
	}
	e := &Engine{opts: opts, dir: dir, stderr: procout.NewTail(4096), waited: make(chan struct{})}
	e.cmd = exec.Command(bin,
		"--log-path", filepath.Join(dir, "groonga.log"),
		"--log-level", "warning",
		"-n", filepath.Join(dir, "db"))
	e.cmd.Stderr = e.stderr
	pipe, err := e.cmd.StdinPipe()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("groonga: stdin pipe: %w", err)
	}
	out, err := e.cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("groonga: stdout pipe: %w", err)
	}
	if err := e.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("groonga: start %s: %w", bin, err)
	}
	go func() {
		e.cmd.Wait()
		close(e.waited)
	}()
	e.pipe = pipe
	e.stdin = bufio.NewWriterSize(pipe, 1<<20)
	e.dec = json.NewDecoder(bufio.NewReaderSize(out, 1<<20))
	e.dec.UseNumber()

	schema := []string{
		"table_create --name Docs --flags TABLE_HASH_KEY --key_type ShortText",
		"column_create --table Docs --name title --flags COLUMN_SCALAR --type Text",
		"column_create --table Docs --name text --flags COLUMN_SCALAR --type LongText",
		"table_create --name Terms --flags TABLE_PAT_KEY --key_type ShortText" +
			" --default_tokenizer " + opts.Tokenizer + " --normalizer NormalizerAuto",
	}
	ctx := context.Background()
	for _, c := range schema {
		if _, err := e.call(ctx, c, nil); err != nil {
			e.Close()
			if strings.Contains(err.Error(), "unknown tokenizer") {
				return nil, fmt.Errorf("groonga: %s: %w: %w", opts.Tokenizer, ErrNoTokenizer, err)
			}
			return nil, fmt.Errorf("groonga: define schema: %w", err)
		}
	}
	return e, nil
}

// Name implements eval.Engine: "groonga (" + tokenizer + ", " + scorer +
// ")", as "groonga (TokenBigram, scorer_tf_idf)".
func (e *Engine) Name() string {
	return "groonga (" + e.opts.Tokenizer + ", " + e.opts.Scorer + ")"
}

// Index implements eval.Engine: it loads the documents as JSON, in batches
// of at most 1,000 documents or 8 MiB, then, the first time, creates the
// index column over what it loaded (Groonga's offline index construction,
// faster than indexing record by record; later loads update the index as
// they go). A document whose id is already there replaces it. NUL characters
// become spaces: Groonga's normalizer would end the text at the first.
func (e *Engine) Index(ctx context.Context, docs []eval.Doc) error {
	type record struct {
		Key   string `json:"_key"`
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // one record a line, so no line is longer than a document
	enc.SetEscapeHTML(false)
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		buf.WriteString("]\n")
		body, err := e.call(ctx, "load --table Docs", buf.Bytes())
		if err != nil {
			return err
		}
		var loaded int
		if err := json.Unmarshal(body, &loaded); err != nil {
			return fmt.Errorf("groonga: load: read count %s: %w", body, err)
		}
		if loaded != n {
			return fmt.Errorf("groonga: load: %d of %d documents loaded (log: %s)", loaded, n, e.logTail())
		}
		buf.Reset()
		n = 0
		return nil
	}
	for _, d := range docs {
		if d.ID == "" {
			return fmt.Errorf("groonga: load: a document has an empty id")
		}
		if n == 0 {
			buf.WriteString("[\n")
		} else {
			buf.WriteString(",")
		}
		if err := enc.Encode(record{d.ID, noNUL(d.Title), noNUL(d.Text)}); err != nil {
			return fmt.Errorf("groonga: load: encode %s: %w", d.ID, err)
		}
		n++
		if n >= loadBatchDocs || buf.Len() >= loadBatchBytes {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if e.indexed.Load() {
		return nil
	}
	// Building the index over loaded records (Groonga's offline index
	// construction) is faster than updating it record by record.
	if _, err := e.call(ctx, "column_create --table Terms --name docs_index"+
		" --flags COLUMN_INDEX|WITH_POSITION|WITH_SECTION --type Docs --source title,text", nil); err != nil {
		return fmt.Errorf("groonga: build the index: %w", err)
	}
	e.indexed.Store(true)
	return nil
}

// Search implements eval.Engine: a select with Query(q) as --query, over
// title || text, best score first. A query without a usable word, or any
// query before Index, finds nothing.
func (e *Engine) Search(ctx context.Context, q string, k int) ([]string, error) {
	query := Query(q)
	if query == "" || k <= 0 || !e.indexed.Load() {
		return nil, nil
	}
	columns := "title || text"
	if e.opts.Scorer == TFIDF {
		columns = "scorer_tf_idf(title) || scorer_tf_idf(text)"
	}
	cmd := "select --table Docs" +
		" --match_columns " + quoteArg(columns) +
		" --query " + quoteArg(query) +
		" --query_flags NONE" +
		" --output_columns _key" +
		" --sort_keys -_score,_id" +
		" --limit " + strconv.Itoa(k)
	body, err := e.call(ctx, cmd, nil)
	if err != nil {
		return nil, fmt.Errorf("groonga: search %q: %w", q, err)
	}
	// [[[hits], [[column, type]...], [key], [key]...]]
	var result [][]json.RawMessage
	if err := json.Unmarshal(body, &result); err != nil || len(result) == 0 || len(result[0]) < 2 {
		return nil, fmt.Errorf("groonga: search %q: unexpected response %.200s", q, body)
	}
	rows := result[0][2:]
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		var row []string
		if err := json.Unmarshal(r, &row); err != nil || len(row) != 1 {
			return nil, fmt.Errorf("groonga: search %q: unexpected row %.200s", q, r)
		}
		ids = append(ids, row[0])
	}
	return ids, nil
}

// Close implements eval.Engine: it ends the groonga process (closing its
// input, which makes it exit; killing it after 10 seconds) and removes the
// database directory. Closing twice is harmless.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	var errs []error
	if e.cmd != nil && e.cmd.Process != nil {
		e.pipe.Close()
		select {
		case <-e.waited:
		case <-time.After(10 * time.Second):
			e.cmd.Process.Kill()
			<-e.waited
			errs = append(errs, fmt.Errorf("groonga: process %d did not exit on end of input; killed", e.cmd.Process.Pid))
		}
	}
	if err := os.RemoveAll(e.dir); err != nil {
		errs = append(errs, fmt.Errorf("groonga: remove %s: %w", e.dir, err))
	}
	return errors.Join(errs...)
}

// call sends one command, with body (a load's JSON) after it, and returns
// the body of its response. An error response comes back as an error with
// Groonga's message. If ctx ends during the call, the process is killed:
// the engine is then unusable.
func (e *Engine) call(ctx context.Context, command string, body []byte) (json.RawMessage, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, errors.New("groonga: engine is closed")
	}
	if e.broken != nil {
		return nil, e.broken
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { e.cmd.Process.Kill() })
	defer stop()
	fail := func(what string, err error) (json.RawMessage, error) {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		e.broken = fmt.Errorf("groonga: %s %q: %w (stderr: %s)", what, procout.Head(command), err, e.stderr)
		return nil, e.broken
	}
	e.stdin.WriteString(command)
	e.stdin.WriteByte('\n')
	e.stdin.Write(body)
	if err := e.stdin.Flush(); err != nil {
		return fail("send", err)
	}
	var resp []json.RawMessage
	if err := e.dec.Decode(&resp); err != nil {
		return fail("read the response to", err)
	}
	if len(resp) == 0 {
		return fail("read the response to", errors.New("empty response"))
	}
	var header []json.RawMessage
	if err := json.Unmarshal(resp[0], &header); err != nil || len(header) < 3 {
		return fail("read the response to", fmt.Errorf("bad header %.200s", resp[0]))
	}
	var rc int
	if err := json.Unmarshal(header[0], &rc); err != nil {
		return fail("read the response to", fmt.Errorf("bad return code %s", header[0]))
	}
	if rc != 0 {
		msg := ""
		if len(header) > 3 {
			json.Unmarshal(header[3], &msg)
		}
		return nil, fmt.Errorf("groonga: %q: error %d: %s", procout.Head(command), rc, msg)
	}
	if len(resp) < 2 {
		return nil, nil
	}
	return resp[1], nil
}

// logTail returns the end of Groonga's log, for error messages.
func (e *Engine) logTail() string {
	b, err := os.ReadFile(filepath.Join(e.dir, "groonga.log"))
	if err != nil {
		return err.Error()
	}
	if len(b) > 1000 {
		b = b[len(b)-1000:]
	}
	return strings.TrimSpace(string(b))
}

// Query turns text a user typed into a Groonga query (the query syntax of
// select's --query), or "" when nothing in it can be searched for.
//
// Its pieces are the runs of letters and numbers (Unicode categories L and
// N; combining marks, category M, stay inside a run but do not start one);
// everything else, punctuation, quotes, symbols and spaces, only separates
// pieces. Each piece is double-quoted, so that OR, a leading - or +, a
// trailing *, parentheses or "column:" are searched for rather than read as
// syntax (a piece holds no '"' or '\', so needs no escape), and the quoted
// pieces are joined with " OR ", repeats kept: a document matches when it
// has any piece (Groonga's own default would be AND, which empties most
// verbose natural-language queries). A quoted piece is a phrase of the
// tokenizer's tokens: a whole word for English text, a substring (as
// bigrams, or as morphemes with TokenMecab) for Japanese text without
// punctuation.
//
// For example, `what's (the) "effect" OR -of AND: near/5?` becomes
// "what" OR "s" OR "the" OR "effect" OR "OR" OR "of" OR "AND" OR "near"
// OR "5".
func Query(text string) string {
	var b strings.Builder
	for _, p := range pieces(text) {
		if b.Len() > 0 {
			b.WriteString(" OR ")
		}
		b.WriteByte('"')
		b.WriteString(p)
		b.WriteByte('"')
	}
	return b.String()
}

// pieces returns the runs of letters and numbers of s, marks included in a
// run they follow.
func pieces(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if start < 0 {
				start = i
			}
		case unicode.IsMark(r) && start >= 0:
		default:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// quoteArg quotes a value for Groonga's command syntax: in single quotes,
// with backslash before backslash and single quote, and line breaks (which
// would end the command) made spaces.
func quoteArg(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", " ", "\r", " ")
	return "'" + r.Replace(s) + "'"
}

// noNUL returns s with its NUL characters made spaces.
func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", " ") }
