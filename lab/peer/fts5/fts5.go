// Package fts5 evaluates SQLite's FTS5 full-text index, through the pure-Go
// (cgo-free) modernc.org/sqlite driver, as an eval.Engine: a baseline that
// many applications ship with.
//
// Documents go in one FTS5 table with two indexed columns, title and text,
// and an unindexed id. A query is ranked with FTS5's built-in bm25()
// (k1 = 1.2, b = 0.75) with both columns weighted 1: FTS5 computes BM25 over
// the whole row (a title hit counts as a text hit would, the document length
// is that of title and text together), as an engine indexing "title\ntext"
// as one field would.
//
// Queries are what a user typed, so they are not handed to MATCH as they
// are (its syntax rejects stray quotes, parentheses, colons, and reads AND,
// OR, NOT, NEAR and a leading - or ^ as operators). Query builds a MATCH
// expression from the words of the text instead; see Query for the rules.
package fts5

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver, FTS5 included

	"github.com/sagasu-search/sagasu/lab/eval"
)

// The tokenizers New accepts.
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

// Engine is an FTS5 table in a temporary SQLite database, as an
// eval.Engine. It is not safe for concurrent use.
type Engine struct {
	tokenizer string
	trigram   bool
	dir       string
	db        *sql.DB
}

// New creates an empty FTS5 table tokenized by tokenizer, Porter or
// Trigram, in a database in a new temporary directory that Close removes.
func New(tokenizer string) (*Engine, error) {
	if tokenizer != Porter && tokenizer != Trigram {
		return nil, fmt.Errorf("fts5: unknown tokenizer %q (want %q or %q)", tokenizer, Porter, Trigram)
	}
	dir, err := os.MkdirTemp("", "sagasu-fts5-*")
	if err != nil {
		return nil, fmt.Errorf("fts5: create temporary directory: %w", err)
	}
	// No journal and no fsync: the database is scratch space that dies
	// with the engine.
	dsn := "file:" + filepath.Join(dir, "fts5.db") +
		"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=temp_store(MEMORY)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("fts5: open %s: %w", dsn, err)
	}
	// One connection: the pragmas hold for it, and nothing here is
	// concurrent.
	db.SetMaxOpenConns(1)
	e := &Engine{tokenizer: tokenizer, trigram: tokenizer == Trigram, dir: dir, db: db}
	// The tokenizer is one of two constants, so building the statement
	// from it is safe.
	create := "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, tokenize = '" + tokenizer + "')"
	if _, err := db.Exec(create); err != nil {
		e.Close()
		return nil, fmt.Errorf("fts5: create table (%s): %w", tokenizer, err)
	}
	return e, nil
}

// Name implements eval.Engine: "sqlite-fts5 (" + the tokenizer + ")".
func (e *Engine) Name() string { return "sqlite-fts5 (" + e.tokenizer + ")" }

// Index implements eval.Engine: it inserts every document in one
// transaction, then merges the index's segments into one (FTS5's
// 'optimize'), as a search-only index would be before it is queried.
func (e *Engine) Index(ctx context.Context, docs []eval.Doc) error {
	tx, err := e.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fts5: begin: %w", err)
	}
	defer tx.Rollback() // a no-op after Commit
	ins, err := tx.PrepareContext(ctx, "INSERT INTO docs (id, title, text) VALUES (?, ?, ?)")
	if err != nil {
		return fmt.Errorf("fts5: prepare insert: %w", err)
	}
	defer ins.Close()
	for _, d := range docs {
		if _, err := ins.ExecContext(ctx, d.ID, d.Title, d.Text); err != nil {
			return fmt.Errorf("fts5: insert %s: %w", d.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("fts5: commit %d documents: %w", len(docs), err)
	}
	if _, err := e.db.ExecContext(ctx, "INSERT INTO docs (docs) VALUES ('optimize')"); err != nil {
		return fmt.Errorf("fts5: optimize: %w", err)
	}
	return nil
}

// Search implements eval.Engine: the documents that match Query(q), by
// ascending bm25() (FTS5's BM25 is negated: lower is better), ties by
// insertion order. A query without a usable word finds nothing.
func (e *Engine) Search(ctx context.Context, q string, k int) ([]string, error) {
	match := Query(q, e.trigram)
	if match == "" || k <= 0 {
		return nil, nil
	}
	rows, err := e.db.QueryContext(ctx,
		"SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs), rowid LIMIT ?", match, k)
	if err != nil {
		return nil, fmt.Errorf("fts5: search %q (MATCH %s): %w", q, match, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("fts5: search %q: read row: %w", q, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("fts5: search %q (MATCH %s): %w", q, match, err)
	}
	return ids, nil
}

// Close implements eval.Engine: it closes the database and removes its
// directory. Closing twice is harmless.
func (e *Engine) Close() error {
	var errs []error
	if e.db != nil {
		if err := e.db.Close(); err != nil {
			errs = append(errs, fmt.Errorf("fts5: close database: %w", err))
		}
		e.db = nil
	}
	if e.dir != "" {
		if err := os.RemoveAll(e.dir); err != nil {
			errs = append(errs, fmt.Errorf("fts5: remove %s: %w", e.dir, err))
		}
		e.dir = ""
	}
	return errors.Join(errs...)
}

// Query turns text a user typed into an FTS5 MATCH expression, or "" when
// nothing in it can be searched for.
//
// Its pieces are the runs of letters and numbers (Unicode categories L and
// N; combining marks, category M, stay inside a run but do not start one);
// everything else, punctuation, quotes, symbols and spaces, only separates
// pieces. Each piece becomes a double-quoted FTS5 string, so that words such
// as OR, NOT or NEAR are searched for rather than read as operators, and
// the strings are joined with OR, repeats kept (a word typed twice counts
// twice in bm25, as query-term frequency does in BM25): a document matches
// when it has any piece, and bm25 ranks it. Disjunction is the standard
// bag-of-words baseline: FTS5's own implicit AND would empty most verbose
// natural-language queries.
//
// With trigram set (the trigram tokenizer), pieces shorter than three
// characters are dropped, since the trigram tokenizer cannot match them,
// and each remaining piece is searched as a substring: a Japanese title
// typed as a query becomes the OR of its punctuation-free stretches.
//
// For example, `what's (the) "effect" OR -of AND: near/5?` becomes
// "what" OR "s" OR "the" OR "effect" OR "OR" OR "of" OR "AND" OR "near"
// OR "5".
func Query(text string, trigram bool) string {
	var b strings.Builder
	for _, p := range pieces(text) {
		if trigram && utf8.RuneCountInString(p) < 3 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" OR ")
		}
		// A piece holds no '"', so quoting needs no escape.
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
