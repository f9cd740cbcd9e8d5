package bench

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
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/internal/procout"
	"github.com/sagasu-search/sagasu/lab/loadtest"
)

// groongaEngine is Groonga's HTTP server (groonga -s --protocol http,
// Debian's groonga-bin), a process of its own.
//
// Schema: a Docs table (hash key: the article ID) with title (Text), body
// (LongText), published (Time), source, lang and month (ShortText), url,
// and person, organization and place as vectors referencing one table per
// entity type. The load posts JSON in batches of 1,000 articles to
// /d/load, then builds the indexes (Groonga's offline index construction,
// faster than indexing as it loads): a Terms lexicon (TokenBigram, whole
// words for English, bigrams for Japanese; NormalizerAuto; Groonga has no
// stemmer plugin here) indexing title and body with positions, and an
// index on each entity column for the filter. A search is one select:
// --match_columns 'scorer_tf_idf(title) || scorer_tf_idf(body)' (Groonga
// has no BM25; TF-IDF ranks as eval/groonga does), --query with the words
// quoted (Groonga ANDs them) or the phrase, --filter for the entity,
// highlight_html(title) and snippet_html(body) in the output, and six
// labelled drilldowns (the entity types, source, lang, month), the top 10
// of each by count. Groonga's query cache is off (--cache-limit 0): every
// request does its work, as Sagasu's do.
type groongaEngine struct {
	command string // the executable
	threads int    // --max-threads: the highest concurrency
	cmd     *exec.Cmd
	waited  chan struct{}
	stderr  *procout.Tail
	url     string
	client  *http.Client
}

// groongaBatch bounds one load, in articles and bytes of JSON.
const (
	groongaBatchDocs  = 1000
	groongaBatchBytes = 8 << 20
)

// groongaEntityTables are the tables of the entity types' values.
var groongaEntityTables = map[string]string{
	corpus.TypePerson: "Persons", corpus.TypeOrganization: "Organizations", corpus.TypePlace: "Places",
}

func (e *groongaEngine) name() string { return Groonga }

func (e *groongaEngine) baseURL() string { return e.url }

func (e *groongaEngine) pid() int {
	if e.cmd == nil || e.cmd.Process == nil {
		return -1
	}
	return e.cmd.Process.Pid
}

func (e *groongaEngine) ingest(ctx context.Context, c *prepared, dir string) error {
	if err := e.startServer(ctx, dir); err != nil {
		return err
	}
	schema := []string{
		"table_create?name=Persons&flags=TABLE_HASH_KEY&key_type=ShortText",
		"table_create?name=Organizations&flags=TABLE_HASH_KEY&key_type=ShortText",
		"table_create?name=Places&flags=TABLE_HASH_KEY&key_type=ShortText",
		"table_create?name=Docs&flags=TABLE_HASH_KEY&key_type=ShortText",
		"column_create?table=Docs&name=title&flags=COLUMN_SCALAR&type=Text",
		"column_create?table=Docs&name=body&flags=COLUMN_SCALAR&type=LongText",
		"column_create?table=Docs&name=published&flags=COLUMN_SCALAR&type=Time",
		"column_create?table=Docs&name=source&flags=COLUMN_SCALAR&type=ShortText",
		"column_create?table=Docs&name=lang&flags=COLUMN_SCALAR&type=ShortText",
		"column_create?table=Docs&name=month&flags=COLUMN_SCALAR&type=ShortText",
		"column_create?table=Docs&name=url&flags=COLUMN_SCALAR&type=ShortText",
		"column_create?table=Docs&name=person&flags=COLUMN_VECTOR&type=Persons",
		"column_create?table=Docs&name=organization&flags=COLUMN_VECTOR&type=Organizations",
		"column_create?table=Docs&name=place&flags=COLUMN_VECTOR&type=Places",
	}
	for _, s := range schema {
		if _, err := e.call(ctx, "/d/"+s, nil); err != nil {
			return fmt.Errorf("groonga: create schema: %w", err)
		}
	}
	if err := e.load(ctx, c); err != nil {
		return err
	}
	indexes := []string{
		"table_create?name=Terms&flags=TABLE_PAT_KEY&key_type=ShortText&default_tokenizer=TokenBigram&normalizer=NormalizerAuto",
		"column_create?table=Terms&name=docs_index&flags=COLUMN_INDEX|WITH_POSITION|WITH_SECTION&type=Docs&source=title,body",
		"column_create?table=Persons&name=docs_person&flags=COLUMN_INDEX&type=Docs&source=person",
		"column_create?table=Organizations&name=docs_organization&flags=COLUMN_INDEX&type=Docs&source=organization",
		"column_create?table=Places&name=docs_place&flags=COLUMN_INDEX&type=Docs&source=place",
	}
	for _, s := range indexes {
		if _, err := e.call(ctx, "/d/"+s, nil); err != nil {
			return fmt.Errorf("groonga: build indexes: %w", err)
		}
	}
	return nil
}

// startServer starts groonga on a new database in dir and waits until it
// answers.
func (e *groongaEngine) startServer(ctx context.Context, dir string) error {
	bin, err := exec.LookPath(e.command)
	if err != nil {
		return fmt.Errorf("groonga: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "db"), 0o755); err != nil {
		return fmt.Errorf("groonga: %w", err)
	}
	port, err := freePort()
	if err != nil {
		return fmt.Errorf("groonga: %w", err)
	}
	e.stderr = procout.NewTail(4096)
	e.cmd = exec.Command(bin, "-n", "-s", "--protocol", "http", "--bind-address", "127.0.0.1", "-p", strconv.Itoa(port),
		"--max-threads", strconv.Itoa(max(e.threads, 2)), "--cache-limit", "0",
		"--log-path", filepath.Join(dir, "groonga.log"), "--log-level", "warning",
		filepath.Join(dir, "db", "db"))
	e.cmd.Stdout, e.cmd.Stderr = e.stderr, e.stderr
	if err := e.cmd.Start(); err != nil {
		return fmt.Errorf("groonga: start %s: %w", bin, err)
	}
	e.waited = make(chan struct{})
	go func() { e.cmd.Wait(); close(e.waited) }()
	e.url = "http://127.0.0.1:" + strconv.Itoa(port)
	e.client = &http.Client{Timeout: 10 * time.Minute}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := e.call(ctx, "/d/status", nil); err == nil {
			return nil
		} else if time.Now().After(deadline) {
			return fmt.Errorf("groonga: not answering after 30s: %w (stderr: %s)", err, e.stderr)
		}
		select {
		case <-e.waited:
			return fmt.Errorf("groonga: exited at start: %v (stderr: %s)", e.cmd.ProcessState, e.stderr)
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

// groongaDoc is a record of the load.
type groongaDoc struct {
	Key          string   `json:"_key"`
	Title        string   `json:"title"`
	Body         string   `json:"body"`
	Published    string   `json:"published,omitempty"`
	Source       string   `json:"source,omitempty"`
	Lang         string   `json:"lang"`
	Month        string   `json:"month,omitempty"`
	URL          string   `json:"url,omitempty"`
	Person       []string `json:"person"`
	Organization []string `json:"organization"`
	Place        []string `json:"place"`
}

// load posts the corpus to /d/load in batches.
func (e *groongaEngine) load(ctx context.Context, c *prepared) error {
	nextEntities, closeEntities, err := readEntities(c.entities)
	if err != nil {
		return err
	}
	defer closeEntities()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		buf.WriteString("]")
		body, err := e.call(ctx, "/d/load?table=Docs", buf.Bytes())
		if err != nil {
			return err
		}
		var loaded int
		if err := json.Unmarshal(body, &loaded); err != nil || loaded != n {
			return fmt.Errorf("groonga: load: %d articles sent, answer %.200s", n, body)
		}
		buf.Reset()
		n = 0
		return nil
	}
	_, err = walkArticles(c.path, func(a corpus.Article) error {
		ents, err := nextEntities(a.ID)
		if err != nil {
			return err
		}
		d := groongaDoc{Key: a.ID, Title: noNUL(a.Title), Body: noNUL(a.Body), Source: a.Source, Lang: a.Lang, URL: a.URL,
			Person: nonNil(ents.Person), Organization: nonNil(ents.Organization), Place: nonNil(ents.Place)}
		if a.Published != nil {
			d.Published = a.Published.UTC().Format(time.RFC3339)
			d.Month = d.Published[:7]
		}
		if n == 0 {
			buf.WriteString("[")
		} else {
			buf.WriteString(",")
		}
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("encode %s: %w", a.ID, err)
		}
		n++
		if n >= groongaBatchDocs || buf.Len() >= groongaBatchBytes {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("groonga: load: %w", err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// noNUL returns s with its NUL characters made spaces: Groonga's
// normalizer would end the text at the first.
func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", " ") }

// call sends a command (a GET, or a POST of body) and returns the body of
// a successful response: what follows the header.
func (e *groongaEngine) call(ctx context.Context, path string, body []byte) (json.RawMessage, error) {
	method := http.MethodGet
	var r io.Reader
	if body != nil {
		method, r = http.MethodPost, bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, e.url+path, r)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", procout.Head(path), err)
	}
	var out []json.RawMessage
	if err := json.Unmarshal(data, &out); err != nil || len(out) == 0 {
		return nil, fmt.Errorf("%s: HTTP %d: %.300s", procout.Head(path), resp.StatusCode, data)
	}
	var header []json.RawMessage
	if err := json.Unmarshal(out[0], &header); err != nil || len(header) < 1 {
		return nil, fmt.Errorf("%s: bad header %.200s", procout.Head(path), out[0])
	}
	if string(header[0]) != "0" || resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %d: %.300s", procout.Head(path), resp.StatusCode, out[0])
	}
	if len(out) < 2 {
		return nil, nil
	}
	return out[1], nil
}

// groongaQuery returns the --query of q: each word in double quotes
// (Groonga ANDs them), or the phrase in one pair, with backslash and
// double quote escaped.
func groongaQuery(q Query) string {
	quote := func(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }
	if q.Phrase {
		return quote(strings.Join(q.Words, " "))
	}
	parts := make([]string, len(q.Words))
	for i, w := range q.Words {
		parts[i] = quote(w)
	}
	return strings.Join(parts, " ")
}

// request is GET /d/select with the query, filter, order, page,
// highlights and drilldowns.
func (e *groongaEngine) request(q Query) loadtest.Request {
	v := url.Values{
		"table":         {"Docs"},
		"match_columns": {"scorer_tf_idf(title) || scorer_tf_idf(body)"},
		"query":         {groongaQuery(q)},
		"output_columns": {"_key,_score,title,published,source,lang,url,person,organization,place," +
			"highlight_html(title),snippet_html(body)"},
		"sort_keys": {"-_score,-published"},
		"offset":    {strconv.Itoa(q.From)},
		"limit":     {strconv.Itoa(q.Size)},
	}
	if q.SortDate {
		v.Set("sort_keys", "-published,-_score")
	}
	if q.Entity != nil {
		name := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(q.Entity.Name)
		v.Set("filter", q.Entity.Type+` @ "`+name+`"`)
	}
	for _, f := range []string{corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace, "source", "lang", "month"} {
		label := "drilldowns[" + f + "]."
		v.Set(label+"keys", f)
		v.Set(label+"sort_keys", "-_nsubrecs,_key")
		v.Set(label+"limit", strconv.Itoa(facetSize))
		v.Set(label+"output_columns", "_key,_nsubrecs")
	}
	return loadtest.Request{Name: q.Name, Path: "/d/select?" + v.Encode()}
}

// total reads the hit count of a select: [[header], [[[N], …], {…}]].
func (e *groongaEngine) total(body []byte) (int, error) {
	var resp []json.RawMessage
	if err := json.Unmarshal(body, &resp); err != nil || len(resp) < 2 {
		return 0, fmt.Errorf("not a select answer: %.200s", body)
	}
	var result []json.RawMessage // the hits, then the drilldowns
	if err := json.Unmarshal(resp[1], &result); err != nil || len(result) == 0 {
		return 0, fmt.Errorf("not a select answer: %.200s", body)
	}
	var hits []json.RawMessage // [N], the columns, the rows
	if err := json.Unmarshal(result[0], &hits); err != nil || len(hits) == 0 {
		return 0, fmt.Errorf("not a select answer: %.200s", body)
	}
	var n []int
	if err := json.Unmarshal(hits[0], &n); err != nil || len(n) != 1 {
		return 0, fmt.Errorf("no hit count in %.200s", body)
	}
	return n[0], nil
}

// close shuts the server down (killing it after 10 seconds).
func (e *groongaEngine) close() error {
	if e.cmd == nil || e.cmd.Process == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	e.call(ctx, "/d/shutdown", nil)
	select {
	case <-e.waited:
		return nil
	case <-time.After(10 * time.Second):
		e.cmd.Process.Kill()
		<-e.waited
		return fmt.Errorf("groonga: process %d did not shut down; killed", e.cmd.Process.Pid)
	}
}

// errNoGroonga says why the Groonga peer was skipped.
var errNoGroonga = errors.New("groonga is not on the PATH (apt-get install groonga-bin)")
