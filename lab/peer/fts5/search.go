package fts5

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// MaxSize is the largest page Search returns: Sagasu's default page.
const MaxSize = searcher.DefaultSize

// stmts are the prepared statements of Ranked and Search. The page
// statements take the rowids of a page, padded with -1 to MaxSize.
type stmts struct {
	ranked                                             *sql.Stmt
	pageRank, pageRankEntity, pageDate, pageDateEntity *sql.Stmt
	count, countEntity                                 *sql.Stmt
	facets, facetsEntity                               *sql.Stmt
	highlight, meta, entities                          *sql.Stmt
}

// prepareSearch prepares the statements of a search.
func prepareSearch(ctx context.Context, db *sql.DB) (*stmts, error) {
	const (
		match = "SELECT rowid FROM docs WHERE docs MATCH ?"
		// "+rowid" keeps SQLite from handing the IN list to FTS5, which
		// would run the full-text match once per article of the entity.
		matchEntity = match + " AND +rowid IN (SELECT doc FROM facets WHERE field = ? AND value = ?)"
		facets      = "SELECT field, value, n FROM (SELECT field, value, count(*) AS n," +
			" row_number() OVER (PARTITION BY field ORDER BY count(*) DESC, value) AS rk" +
			" FROM facets WHERE doc IN (%s) GROUP BY field, value) WHERE rk <= ?"
	)
	slots := "(" + strings.TrimSuffix(strings.Repeat("?,", MaxSize), ",") + ")"
	st := &stmts{}
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.ranked, "SELECT (SELECT id FROM articles WHERE doc = docs.rowid) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs), rowid LIMIT ?"},
		{&st.pageRank, match + " ORDER BY rank LIMIT ? OFFSET ?"},
		{&st.pageRankEntity, matchEntity + " ORDER BY rank LIMIT ? OFFSET ?"},
		{&st.pageDate, "SELECT doc FROM articles WHERE doc IN (" + match + ") ORDER BY published DESC, doc LIMIT ? OFFSET ?"},
		{&st.pageDateEntity, "SELECT doc FROM articles WHERE doc IN (" + matchEntity + ") ORDER BY published DESC, doc LIMIT ? OFFSET ?"},
		{&st.count, "SELECT count(*) FROM (" + match + ")"},
		{&st.countEntity, "SELECT count(*) FROM (" + matchEntity + ")"},
		{&st.facets, fmt.Sprintf(facets, match)},
		{&st.facetsEntity, fmt.Sprintf(facets, matchEntity)},
		{&st.highlight, "SELECT rowid, title, highlight(docs, 0, '<mark>', '</mark>'), snippet(docs, 1, '<mark>', '</mark>', '…', 32)" +
			" FROM docs WHERE docs MATCH ? AND rowid IN " + slots},
		{&st.meta, "SELECT doc, id, published, source, lang, url FROM articles WHERE doc IN " + slots},
		{&st.entities, "SELECT doc, field, value FROM facets WHERE doc IN " + slots +
			" AND field IN ('person', 'organization', 'place') ORDER BY doc, field, value"},
	} {
		stmt, err := db.PrepareContext(ctx, s.sql)
		if err != nil {
			return nil, fmt.Errorf("fts5: prepare %s: %w", s.sql, err)
		}
		*s.dst = stmt
	}
	return st, nil
}

// Search is a search as the bench sends it: a MATCH expression, an
// optional entity filter (a facet field and value), relevance or date
// order, a page, and how many values of each facet to count.
type Search struct {
	Match                  string
	EntityType, EntityName string
	ByDate                 bool
	From, Size, FacetSize  int
}

// Path is the request of s to the Handler: GET
// /search?match=…&from=…&size=…&facets=…[&sort=date][&type=…&name=…].
func (s Search) Path() string {
	v := url.Values{"match": {s.Match}, "from": {strconv.Itoa(s.From)}, "size": {strconv.Itoa(s.Size)},
		"facets": {strconv.Itoa(s.FacetSize)}}
	if s.ByDate {
		v.Set("sort", "date")
	}
	if s.EntityType != "" {
		v.Set("type", s.EntityType)
		v.Set("name", s.EntityName)
	}
	return "/search?" + v.Encode()
}

// parseSearch reads a Search from the query of a request to Path.
func parseSearch(v url.Values) (Search, error) {
	s := Search{Match: v.Get("match"), EntityType: v.Get("type"), EntityName: v.Get("name"), ByDate: v.Get("sort") == "date"}
	var err1, err2, err3 error
	s.From, err1 = strconv.Atoi(v.Get("from"))
	s.Size, err2 = strconv.Atoi(v.Get("size"))
	s.FacetSize, err3 = strconv.Atoi(v.Get("facets"))
	if err1 != nil || err2 != nil || err3 != nil || s.Size < 1 || s.Size > MaxSize || s.From < 0 || s.FacetSize < 0 || s.Match == "" {
		return Search{}, fmt.Errorf("want match, from, facets and size (1 to %d)", MaxSize)
	}
	return s, nil
}

// Answer is the answer to a Search, shaped like Sagasu's.
type Answer struct {
	Total  int                      `json:"total"`
	Hits   []Hit                    `json:"hits"`
	Facets map[string][]facet.Value `json:"facets"`
}

// Hit is an article of a page, with its highlighted title and body
// snippet and its entities.
type Hit struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Published string            `json:"published,omitempty"`
	Source    string            `json:"source,omitempty"`
	Lang      string            `json:"lang"`
	URL       string            `json:"url,omitempty"`
	Snippets  searcher.Snippets `json:"snippets"`
	Entities  corpus.Entities   `json:"entities"`
}

// Handler serves GET /search (see Search.Path) over HTTP, answering with
// an Answer as JSON, as Sagasu's API would; FTS5 has no server of its own.
func (d *DB) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/search" {
			http.NotFound(w, r)
			return
		}
		s, err := parseSearch(r.URL.Query())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		a, err := d.Search(r.Context(), s)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(a)
	})
}

// Search runs s: the page (by rank() or date), the total, the facets
// counted over every match, and the page's highlights, metadata and
// entities.
func (d *DB) Search(ctx context.Context, s Search) (*Answer, error) {
	if d.stmts == nil {
		return nil, errors.New("fts5: search before Finish")
	}
	filter := []any{s.Match}
	if s.EntityType != "" {
		filter = append(filter, s.EntityType, s.EntityName)
	}
	pick := func(plain, entity *sql.Stmt) *sql.Stmt {
		if s.EntityType != "" {
			return entity
		}
		return plain
	}
	page := pick(d.stmts.pageRank, d.stmts.pageRankEntity)
	if s.ByDate {
		page = pick(d.stmts.pageDate, d.stmts.pageDateEntity)
	}
	rowids, err := queryInts(ctx, page, append(filter, s.Size, s.From)...)
	if err != nil {
		return nil, fmt.Errorf("fts5: page: %w", err)
	}
	a := &Answer{Hits: make([]Hit, len(rowids)), Facets: map[string][]facet.Value{}}
	if err := pick(d.stmts.count, d.stmts.countEntity).QueryRowContext(ctx, filter...).Scan(&a.Total); err != nil {
		return nil, fmt.Errorf("fts5: count: %w", err)
	}
	if err := d.facets(ctx, pick(d.stmts.facets, d.stmts.facetsEntity), append(filter, s.FacetSize), a); err != nil {
		return nil, err
	}
	if len(rowids) == 0 {
		return a, nil
	}
	if err := d.fillHits(ctx, s.Match, rowids, a.Hits); err != nil {
		return nil, err
	}
	return a, nil
}

// fillHits fills hits, the articles of rowids in order, with their
// highlights, metadata and entities.
func (d *DB) fillHits(ctx context.Context, match string, rowids []int64, hits []Hit) error {
	at := map[int64]*Hit{}
	slots := make([]any, MaxSize)
	for i := range slots {
		slots[i] = int64(-1)
		if i < len(rowids) {
			slots[i] = rowids[i]
			at[rowids[i]] = &hits[i]
		}
	}
	err := eachRow(ctx, d.stmts.highlight, append([]any{match}, slots...), func(rows *sql.Rows) error {
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
		return fmt.Errorf("fts5: highlight: %w", err)
	}
	if err := eachRow(ctx, d.stmts.meta, slots, func(rows *sql.Rows) error { return scanMeta(rows, at) }); err != nil {
		return fmt.Errorf("fts5: metadata: %w", err)
	}
	err = eachRow(ctx, d.stmts.entities, slots, func(rows *sql.Rows) error {
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
		return fmt.Errorf("fts5: entities: %w", err)
	}
	return nil
}

// scanMeta reads a row of the meta statement into the hit of its rowid.
func scanMeta(rows *sql.Rows, at map[int64]*Hit) error {
	var id int64
	var h Hit
	var published, source, lang, url sql.NullString
	if err := rows.Scan(&id, &h.ID, &published, &source, &lang, &url); err != nil {
		return err
	}
	if p := at[id]; p != nil {
		p.ID, p.Published, p.Source, p.Lang, p.URL = h.ID, published.String, source.String, lang.String, url.String
	}
	return nil
}

// facets counts the top values of each facet over the matches.
func (d *DB) facets(ctx context.Context, st *sql.Stmt, args []any, a *Answer) error {
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
		return fmt.Errorf("fts5: facets: %w", err)
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
