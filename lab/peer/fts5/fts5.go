// Package fts5 drives SQLite's FTS5 full-text index, through the pure-Go
// (cgo-free) modernc.org/sqlite driver, as a peer of Sagasu: the one
// driver that both the evaluation (package eval: index documents, ranked
// ids) and the benchmark (package bench: ingest speed, searches with an
// entity filter, facets and highlights over HTTP, at several
// concurrencies) use.
//
// A DB holds one schema: docs, an FTS5 table of title and body tokenized
// by Porter (unicode61 with Porter stemming, for English) or Trigram (for
// Japanese); articles, what else an article has (its id, published,
// source, language, URL), its doc the docs rowid; and facets, one row per
// (article, field, value) an article is counted under. Insert loads a
// batch of articles in one transaction; Finish indexes facets and dates,
// merges FTS5's segments into one ('optimize') and analyzes the tables, as
// a search-only index would be before it is queried.
//
// Ranking is FTS5's built-in bm25() (k1 = 1.2, b = 0.75) with both columns
// weighted 1: FTS5 computes BM25 over the whole row (a title hit counts as
// a body hit would, the document length is that of title and body
// together), as an engine indexing "title\nbody" as one field would.
//
// Queries never reach MATCH as typed (its syntax rejects stray quotes and
// reads AND, OR, NOT, NEAR as operators): Query, Any, All and Phrase build
// MATCH expressions of double-quoted words.
package fts5

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver, FTS5 included
)

// The tokenizers Options accept.
const (
	// Porter is FTS5's unicode61 tokenizer (Unicode letters and numbers,
	// case and diacritics folded) followed by the Porter stemmer: the
	// English configuration.
	Porter = "porter unicode61"
	// Trigram is FTS5's trigram tokenizer (every three consecutive
	// characters, case folded): the configuration for Japanese and other
	// text without spaces between words. It needs SQLite 3.34 or later.
	Trigram = "trigram"
)

// Options configure a DB.
type Options struct {
	// Tokenizer is Porter or Trigram; empty means Porter.
	Tokenizer string
	// Path is the database file, which must not exist yet; empty means a
	// file in a new temporary directory that Close removes.
	Path string
	// Durable makes every commit reach the disk (WAL, synchronous=FULL),
	// as each of Sagasu's batches does; otherwise there is no journal and
	// no fsync, for scratch databases.
	Durable bool
	// Conns is how many connections queries may use at once (default 1).
	Conns int
}

// DB is an FTS5 database with the package's schema. Insert and Finish
// are for one goroutine; once Finish has returned, Ranked, Search and
// the Handler may be used from Conns goroutines at once.
type DB struct {
	opts  Options
	temp  string // the temporary directory, removed by Close
	db    *sql.DB
	docs  int // the last doc number given
	stmts *stmts
}

// Open creates the database and its schema.
func Open(ctx context.Context, opts Options) (*DB, error) {
	if opts.Tokenizer == "" {
		opts.Tokenizer = Porter
	}
	if opts.Tokenizer != Porter && opts.Tokenizer != Trigram {
		return nil, fmt.Errorf("fts5: unknown tokenizer %q (want %q or %q)", opts.Tokenizer, Porter, Trigram)
	}
	d := &DB{opts: opts}
	if opts.Path == "" {
		dir, err := os.MkdirTemp("", "sagasu-fts5-*")
		if err != nil {
			return nil, fmt.Errorf("fts5: create temporary directory: %w", err)
		}
		d.temp, d.opts.Path = dir, filepath.Join(dir, "fts5.db")
	}
	db, err := sql.Open("sqlite", d.dsn())
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("fts5: open %s: %w", d.opts.Path, err)
	}
	db.SetMaxOpenConns(max(opts.Conns, 1))
	db.SetMaxIdleConns(max(opts.Conns, 1))
	d.db = db
	if err := d.createSchema(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// dsn is the data source name: the file and the pragmas every connection
// gets.
func (d *DB) dsn() string {
	pragmas := "?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=temp_store(MEMORY)"
	if d.opts.Durable {
		pragmas = "?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	}
	return "file:" + d.opts.Path + pragmas + "&_pragma=busy_timeout(10000)"
}

// createSchema creates the tables. The tokenizer is one of two constants,
// so building the statement from it is safe.
func (d *DB) createSchema(ctx context.Context) error {
	for _, s := range []string{
		"CREATE TABLE articles (doc INTEGER PRIMARY KEY, id TEXT NOT NULL, published TEXT, source TEXT, lang TEXT, url TEXT)",
		"CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = '" + d.opts.Tokenizer + "')",
		"CREATE TABLE facets (doc INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL)",
	} {
		if _, err := d.db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: create schema (%s): %s: %w", d.opts.Tokenizer, s, err)
		}
	}
	return nil
}

// Tokenizer is the tokenizer of the docs table.
func (d *DB) Tokenizer() string { return d.opts.Tokenizer }

// Article is a record to index. Published is RFC 3339 or empty; Facets
// are the (field, value) pairs the article is counted under.
type Article struct {
	ID, Title, Body         string
	Published, Source, Lang string
	URL                     string
	Facets                  []Facet
}

// Facet is one value of a facet field an article is counted under.
type Facet struct{ Field, Value string }

// Insert indexes articles in one transaction, in order: rowids follow the
// order of insertion across calls.
func (d *DB) Insert(ctx context.Context, articles []Article) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fts5: begin: %w", err)
	}
	defer tx.Rollback() // a no-op after Commit
	var ins [3]*sql.Stmt
	for i, s := range []string{
		"INSERT INTO articles (doc, id, published, source, lang, url) VALUES (?, ?, ?, ?, ?, ?)",
		"INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)",
		"INSERT INTO facets (doc, field, value) VALUES (?, ?, ?)",
	} {
		if ins[i], err = tx.PrepareContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: prepare %s: %w", s, err)
		}
		defer ins[i].Close()
	}
	n := d.docs
	for _, a := range articles {
		n++
		if err := insertOne(ctx, ins, n, a); err != nil {
			return fmt.Errorf("fts5: insert %s: %w", a.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("fts5: commit %d articles: %w", len(articles), err)
	}
	d.docs = n
	return nil
}

// insertOne inserts article a as doc n with the three statements of
// Insert.
func insertOne(ctx context.Context, ins [3]*sql.Stmt, n int, a Article) error {
	if _, err := ins[0].ExecContext(ctx, n, a.ID, nullable(a.Published), nullable(a.Source), a.Lang, nullable(a.URL)); err != nil {
		return err
	}
	if _, err := ins[1].ExecContext(ctx, n, a.Title, a.Body); err != nil {
		return err
	}
	for _, f := range a.Facets {
		if _, err := ins[2].ExecContext(ctx, n, f.Field, f.Value); err != nil {
			return fmt.Errorf("facet %s: %w", f.Field, err)
		}
	}
	return nil
}

// nullable returns nil for "", so that SQL stores NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Finish ends the load: it indexes the facets both ways and the dates,
// merges FTS5's segments into one, analyzes the tables, checkpoints the
// WAL of a durable database, and prepares the statements of Search.
func (d *DB) Finish(ctx context.Context) error {
	steps := []string{
		"CREATE INDEX IF NOT EXISTS facets_doc ON facets (doc, field, value)",
		"CREATE INDEX IF NOT EXISTS facets_value ON facets (field, value, doc)",
		"CREATE INDEX IF NOT EXISTS articles_published ON articles (published)",
		"INSERT INTO docs (docs) VALUES ('optimize')",
		"ANALYZE",
	}
	if d.opts.Durable {
		steps = append(steps, "PRAGMA wal_checkpoint(TRUNCATE)")
	}
	for _, s := range steps {
		if _, err := d.db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: after the load: %s: %w", s, err)
		}
	}
	if d.stmts == nil {
		st, err := prepareSearch(ctx, d.db)
		if err != nil {
			return err
		}
		d.stmts = st
	}
	return nil
}

// Ranked returns the ids of at most k articles that match the MATCH
// expression match, by ascending bm25() (FTS5's BM25 is negated: lower is
// better), ties by insertion order. An empty match, or any before Finish,
// finds nothing.
func (d *DB) Ranked(ctx context.Context, match string, k int) ([]string, error) {
	if match == "" || k <= 0 || d.stmts == nil {
		return nil, nil
	}
	var ids []string
	err := eachRow(ctx, d.stmts.ranked, []any{match, k}, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("fts5: MATCH %s: %w", match, err)
	}
	return ids, nil
}

// Close closes the database and removes a temporary directory. Closing
// twice is harmless.
func (d *DB) Close() error {
	var errs []error
	if d.db != nil {
		if err := d.db.Close(); err != nil {
			errs = append(errs, fmt.Errorf("fts5: close database: %w", err))
		}
		d.db = nil
	}
	if d.temp != "" {
		if err := os.RemoveAll(d.temp); err != nil {
			errs = append(errs, fmt.Errorf("fts5: remove %s: %w", d.temp, err))
		}
		d.temp = ""
	}
	return errors.Join(errs...)
}

// Version returns the version of SQLite the driver embeds, or "" when it
// cannot be read.
func Version() string {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return ""
	}
	defer db.Close()
	var v string
	db.QueryRow("SELECT sqlite_version()").Scan(&v)
	return v
}
