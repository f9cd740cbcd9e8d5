package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, FTS5 included

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/lab/loadtest"
	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// fts5Engine is SQLite's FTS5, through the pure-Go modernc.org/sqlite
// driver, in this process, served over HTTP on loopback by a small
// net/http handler that answers like Sagasu: the page of hits with a
// highlighted title (highlight()) and body snippet (snippet()), ranked by
// bm25() (FTS5's rank) or by date, each hit's entities, the total, and
// the top values of six facets counted over every match.
//
// Schema: docs, an FTS5 table of title and body (porter unicode61: Porter
// stemming, as Sagasu's English analysis stems); articles, a table of
// what else an article has, its rowid the docs rowid, indexed on
// published; facets, one row per (article, field, value) for the three
// entity types, source, language and month, indexed both ways. The load
// commits every 500 articles (Sagasu's batch) in WAL mode with
// synchronous=FULL (each commit is on disk, as each Sagasu batch is),
// builds the facet and date indexes after the load, and merges FTS5's
// segments into one ('optimize').
type fts5Engine struct {
	conns int // connections for queries: the highest concurrency
	db    *sql.DB
	stmts fts5Stmts
	srv   *http.Server
	url   string
}

// fts5Stmts are the prepared statements of a search. The page statements
// take the ten rowids of a page (padded with -1).
type fts5Stmts struct {
	pageRank, pageRankEntity, pageDate, pageDateEntity *sql.Stmt
	count, countEntity                                 *sql.Stmt
	facets, facetsEntity                               *sql.Stmt
	highlight, meta, entities                          *sql.Stmt
}

// fts5Batch is how many articles one transaction of the load holds.
const fts5Batch = 500

func (e *fts5Engine) name() string { return FTS5 }

func (e *fts5Engine) pid() int { return 0 }

func (e *fts5Engine) baseURL() string { return e.url }

func (e *fts5Engine) ingest(ctx context.Context, c *prepared, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("fts5: %w", err)
	}
	path := filepath.Join(dir, "fts5.db")
	if err := fts5Load(ctx, c, path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)&_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("fts5: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(e.conns)
	db.SetMaxIdleConns(e.conns)
	e.db = db
	if err := e.prepare(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("fts5: listen: %w", err)
	}
	e.url = "http://" + ln.Addr().String()
	e.srv = &http.Server{Handler: http.HandlerFunc(e.serveSearch), ReadHeaderTimeout: 10 * time.Second}
	go e.srv.Serve(ln)
	return nil
}

// fts5Load creates the database at path and loads the corpus into it.
func fts5Load(ctx context.Context, c *prepared, path string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)")
	if err != nil {
		return fmt.Errorf("fts5: open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range []string{
		"CREATE TABLE articles (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, published TEXT, source TEXT, lang TEXT, url TEXT)",
		"CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61')",
		"CREATE TABLE facets (doc INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL)",
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: create schema: %s: %w", s, err)
		}
	}
	nextEntities, closeEntities, err := readEntities(c.entities)
	if err != nil {
		return err
	}
	defer closeEntities()

	var (
		tx                  *sql.Tx
		insArt, insDoc, ins *sql.Stmt
		n                   int
	)
	begin := func() error {
		var err error
		if tx, err = db.BeginTx(ctx, nil); err != nil {
			return err
		}
		if insArt, err = tx.PrepareContext(ctx, "INSERT INTO articles (doc, id, published, source, lang, url) VALUES (?, ?, ?, ?, ?, ?)"); err != nil {
			return err
		}
		if insDoc, err = tx.PrepareContext(ctx, "INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)"); err != nil {
			return err
		}
		ins, err = tx.PrepareContext(ctx, "INSERT INTO facets (doc, field, value) VALUES (?, ?, ?)")
		return err
	}
	commit := func() error {
		if tx == nil {
			return nil
		}
		err := tx.Commit()
		tx = nil
		return err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	_, err = walkArticles(c.path, func(a corpus.Article) error {
		ents, err := nextEntities(a.ID)
		if err != nil {
			return err
		}
		if tx == nil {
			if err := begin(); err != nil {
				return fmt.Errorf("begin: %w", err)
			}
		}
		n++
		published, month := "", ""
		if a.Published != nil {
			published = a.Published.UTC().Format(time.RFC3339)
			month = published[:7]
		}
		if _, err := insArt.ExecContext(ctx, n, a.ID, nullable(published), nullable(a.Source), a.Lang, nullable(a.URL)); err != nil {
			return fmt.Errorf("insert %s: %w", a.ID, err)
		}
		if _, err := insDoc.ExecContext(ctx, n, a.Title, a.Body); err != nil {
			return fmt.Errorf("insert %s: %w", a.ID, err)
		}
		for _, f := range articleFacets(a, month, ents) {
			if _, err := ins.ExecContext(ctx, n, f[0], f[1]); err != nil {
				return fmt.Errorf("insert facets of %s: %w", a.ID, err)
			}
		}
		if n%fts5Batch == 0 {
			if err := commit(); err != nil {
				return fmt.Errorf("commit: %w", err)
			}
		}
		return nil
	})
	if err == nil {
		err = commit()
	}
	if err != nil {
		return fmt.Errorf("fts5: load: %w", err)
	}
	for _, s := range []string{
		"CREATE INDEX facets_doc ON facets (doc, field, value)",
		"CREATE INDEX facets_value ON facets (field, value, doc)",
		"CREATE INDEX articles_published ON articles (published)",
		"INSERT INTO docs (docs) VALUES ('optimize')",
		"ANALYZE",
		"PRAGMA wal_checkpoint(TRUNCATE)",
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: after the load: %s: %w", s, err)
		}
	}
	return nil
}

// articleFacets returns the (field, value) pairs an article is counted
// under: source, language, month and its entities.
func articleFacets(a corpus.Article, month string, ents corpus.Entities) [][2]string {
	var out [][2]string
	if a.Source != "" {
		out = append(out, [2]string{"source", a.Source})
	}
	out = append(out, [2]string{"lang", a.Lang})
	if month != "" {
		out = append(out, [2]string{"published", month})
	}
	for _, typ := range corpus.EntityTypes {
		for _, name := range ents.ByType(typ) {
			out = append(out, [2]string{typ, name})
		}
	}
	return out
}

// nullable returns nil for "", so that SQL stores NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// tenSlots is the placeholder list of a page's rowids.
var tenSlots = "(" + strings.TrimSuffix(strings.Repeat("?,", pageSize), ",") + ")"

// prepare prepares the statements of a search.
func (e *fts5Engine) prepare(ctx context.Context) error {
	const (
		match = "SELECT rowid FROM docs WHERE docs MATCH ?"
		// "+rowid" keeps SQLite from handing the IN list to FTS5, which
		// would run the full-text match once per article of the entity.
		matchEntity = match + " AND +rowid IN (SELECT doc FROM facets WHERE field = ? AND value = ?)"
		facets      = "SELECT field, value, n FROM (SELECT field, value, count(*) AS n," +
			" row_number() OVER (PARTITION BY field ORDER BY count(*) DESC, value) AS rk" +
			" FROM facets WHERE doc IN (%s) GROUP BY field, value) WHERE rk <= ?"
	)
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&e.stmts.pageRank, "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ? OFFSET ?"},
		{&e.stmts.pageRankEntity, "SELECT rowid FROM docs WHERE docs MATCH ?" +
			" AND +rowid IN (SELECT doc FROM facets WHERE field = ? AND value = ?) ORDER BY rank LIMIT ? OFFSET ?"},
		{&e.stmts.pageDate, "SELECT doc FROM articles WHERE doc IN (" + match + ") ORDER BY published DESC, doc LIMIT ? OFFSET ?"},
		{&e.stmts.pageDateEntity, "SELECT doc FROM articles WHERE doc IN (" + matchEntity + ") ORDER BY published DESC, doc LIMIT ? OFFSET ?"},
		{&e.stmts.count, "SELECT count(*) FROM (" + match + ")"},
		{&e.stmts.countEntity, "SELECT count(*) FROM (" + matchEntity + ")"},
		{&e.stmts.facets, fmt.Sprintf(facets, match)},
		{&e.stmts.facetsEntity, fmt.Sprintf(facets, matchEntity)},
		{&e.stmts.highlight, "SELECT rowid, title, highlight(docs, 0, '<mark>', '</mark>'), snippet(docs, 1, '<mark>', '</mark>', '…', 32)" +
			" FROM docs WHERE docs MATCH ? AND rowid IN " + tenSlots},
		{&e.stmts.meta, "SELECT doc, id, published, source, lang, url FROM articles WHERE doc IN " + tenSlots},
		{&e.stmts.entities, "SELECT doc, field, value FROM facets WHERE doc IN " + tenSlots +
			" AND field IN ('person', 'organization', 'place') ORDER BY doc, field, value"},
	} {
		st, err := e.db.PrepareContext(ctx, s.sql)
		if err != nil {
			return fmt.Errorf("fts5: prepare %s: %w", s.sql, err)
		}
		*s.dst = st
	}
	return nil
}

// fts5Match returns the FTS5 MATCH expression of q: its words quoted
// (FTS5 ANDs them), or the phrase in one pair of quotes.
func fts5Match(q Query) string {
	if q.Phrase {
		return `"` + strings.Join(q.Words, " ") + `"`
	}
	parts := make([]string, len(q.Words))
	for i, w := range q.Words {
		parts[i] = `"` + w + `"`
	}
	return strings.Join(parts, " ")
}

// request is GET /search?match=…&from=…&size=…[&sort=date][&type=…&name=…].
func (e *fts5Engine) request(q Query) loadtest.Request {
	v := url.Values{"match": {fts5Match(q)}, "from": {strconv.Itoa(q.From)}, "size": {strconv.Itoa(q.Size)}}
	if q.SortDate {
		v.Set("sort", "date")
	}
	if q.Entity != nil {
		v.Set("type", q.Entity.Type)
		v.Set("name", q.Entity.Name)
	}
	return loadtest.Request{Name: q.Name, Path: "/search?" + v.Encode()}
}

// fts5Answer is the FTS5 server's answer, shaped like Sagasu's.
type fts5Answer struct {
	Total  int                      `json:"total"`
	Hits   []fts5Hit                `json:"hits"`
	Facets map[string][]facet.Value `json:"facets"`
}

type fts5Hit struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Published string            `json:"published,omitempty"`
	Source    string            `json:"source,omitempty"`
	Lang      string            `json:"lang"`
	URL       string            `json:"url,omitempty"`
	Snippets  searcher.Snippets `json:"snippets"`
	Entities  corpus.Entities   `json:"entities"`
}

func (e *fts5Engine) total(body []byte) (int, error) {
	var a fts5Answer
	if err := json.Unmarshal(body, &a); err != nil {
		return 0, fmt.Errorf("not an answer: %.200s", body)
	}
	return a.Total, nil
}

// serveSearch answers GET /search.
func (e *fts5Engine) serveSearch(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/search" {
		http.NotFound(w, r)
		return
	}
	v := r.URL.Query()
	from, err1 := strconv.Atoi(v.Get("from"))
	size, err2 := strconv.Atoi(v.Get("size"))
	if err1 != nil || err2 != nil || size < 1 || size > pageSize || from < 0 || v.Get("match") == "" {
		http.Error(w, "want match, from and size (1 to 10)", http.StatusBadRequest)
		return
	}
	a, err := e.search(r.Context(), v.Get("match"), v.Get("type"), v.Get("name"), v.Get("sort") == "date", from, size)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(a)
}

// search runs one search: the page, its highlights, metadata and
// entities, the total and the facets.
func (e *fts5Engine) search(ctx context.Context, match, typ, name string, byDate bool, from, size int) (*fts5Answer, error) {
	filter := []any{match}
	if typ != "" {
		filter = append(filter, typ, name)
	}
	pick := func(plain, entity *sql.Stmt) *sql.Stmt {
		if typ != "" {
			return entity
		}
		return plain
	}
	page := pick(e.stmts.pageRank, e.stmts.pageRankEntity)
	if byDate {
		page = pick(e.stmts.pageDate, e.stmts.pageDateEntity)
	}
	rowids, err := queryInts(ctx, page, append(filter, size, from)...)
	if err != nil {
		return nil, fmt.Errorf("page: %w", err)
	}
	a := &fts5Answer{Hits: make([]fts5Hit, len(rowids)), Facets: map[string][]facet.Value{}}
	if err := pick(e.stmts.count, e.stmts.countEntity).QueryRowContext(ctx, filter...).Scan(&a.Total); err != nil {
		return nil, fmt.Errorf("count: %w", err)
	}
	if err := e.facets(ctx, pick(e.stmts.facets, e.stmts.facetsEntity), append(filter, facetSize), a); err != nil {
		return nil, err
	}
	if len(rowids) == 0 {
		return a, nil
	}
	at := map[int64]*fts5Hit{}
	slots := make([]any, pageSize)
	for i := range slots {
		slots[i] = int64(-1)
		if i < len(rowids) {
			slots[i] = rowids[i]
			at[rowids[i]] = &a.Hits[i]
		}
	}
	err = eachRow(ctx, e.stmts.highlight, append([]any{match}, slots...), func(rows *sql.Rows) error {
		var id int64
		var title, marked, body string
		if err := rows.Scan(&id, &title, &marked, &body); err != nil {
			return err
		}
		if h := at[id]; h != nil {
			h.Title, h.Snippets = title, searcher.Snippets{Title: []string{marked}, Body: []string{body}}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("highlight: %w", err)
	}
	err = eachRow(ctx, e.stmts.meta, slots, func(rows *sql.Rows) error {
		var id int64
		var h fts5Hit
		var published, source, lang, url sql.NullString
		if err := rows.Scan(&id, &h.ID, &published, &source, &lang, &url); err != nil {
			return err
		}
		if p := at[id]; p != nil {
			p.ID, p.Published, p.Source, p.Lang, p.URL = h.ID, published.String, source.String, lang.String, url.String
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	err = eachRow(ctx, e.stmts.entities, slots, func(rows *sql.Rows) error {
		var id int64
		var field, value string
		if err := rows.Scan(&id, &field, &value); err != nil {
			return err
		}
		if h := at[id]; h != nil {
			h.Entities.Set(field, append(h.Entities.ByType(field), value))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return a, nil
}

// facets counts the top values of each facet over the matches.
func (e *fts5Engine) facets(ctx context.Context, st *sql.Stmt, args []any, a *fts5Answer) error {
	err := eachRow(ctx, st, args, func(rows *sql.Rows) error {
		var field, value string
		var n int
		if err := rows.Scan(&field, &value, &n); err != nil {
			return err
		}
		a.Facets[field] = append(a.Facets[field], facet.Value{Value: value, Count: n})
		return nil
	})
	if err != nil {
		return fmt.Errorf("facets: %w", err)
	}
	return nil
}

// queryInts returns the first column of every row, as integers.
func queryInts(ctx context.Context, st *sql.Stmt, args ...any) ([]int64, error) {
	var out []int64
	err := eachRow(ctx, st, args, func(rows *sql.Rows) error {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return err
		}
		out = append(out, n)
		return nil
	})
	return out, err
}

// eachRow runs st and calls fn on each row.
func eachRow(ctx context.Context, st *sql.Stmt, args []any, fn func(*sql.Rows) error) error {
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (e *fts5Engine) close() error {
	var errs []error
	if e.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := e.srv.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("fts5: stop server: %w", err))
		}
	}
	if e.db != nil {
		if err := e.db.Close(); err != nil {
			errs = append(errs, fmt.Errorf("fts5: close database: %w", err))
		}
	}
	return errors.Join(errs...)
}
