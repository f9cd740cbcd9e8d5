package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/lab/loadtest"
	"github.com/sagasu-search/sagasu/lab/peer/fts5"
)

// fts5Engine is SQLite's FTS5 (package fts5, the peer driver the
// evaluation uses too), in this process, served over HTTP on loopback by
// the driver's handler, which answers like Sagasu: the page of hits with
// a highlighted title and body snippet, ranked by bm25() or by date, each
// hit's entities, the total, and the top values of six facets (the three
// entity types, source, language and month) counted over every match.
//
// The database is durable (WAL, synchronous=FULL: each commit is on disk,
// as each Sagasu batch is), tokenized by Porter (Sagasu's English
// analysis stems), and loaded in transactions of 500 articles (Sagasu's
// batch).
type fts5Engine struct {
	conns int // connections for queries: the highest concurrency
	db    *fts5.DB
	srv   *http.Server
	url   string
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
	db, err := fts5.Open(ctx, fts5.Options{Tokenizer: fts5.Porter, Path: filepath.Join(dir, "fts5.db"), Durable: true, Conns: e.conns})
	if err != nil {
		return err
	}
	e.db = db
	if err := fts5Load(ctx, c, db); err != nil {
		return err
	}
	if err := db.Finish(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("fts5: listen: %w", err)
	}
	e.url = "http://" + ln.Addr().String()
	e.srv = &http.Server{Handler: db.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go e.srv.Serve(ln)
	return nil
}

// fts5Load inserts the corpus, with the entities of the sidecar, in
// batches of fts5Batch.
func fts5Load(ctx context.Context, c *prepared, db *fts5.DB) error {
	nextEntities, closeEntities, err := readEntities(c.entities)
	if err != nil {
		return err
	}
	defer closeEntities()
	batch := make([]fts5.Article, 0, fts5Batch)
	_, err = c.walk(func(a corpus.Article) error {
		ents, err := nextEntities(a.ID)
		if err != nil {
			return err
		}
		batch = append(batch, fts5Article(a, ents))
		if len(batch) == fts5Batch {
			err = db.Insert(ctx, batch)
			batch = batch[:0]
		}
		return err
	})
	if err == nil && len(batch) > 0 {
		err = db.Insert(ctx, batch)
	}
	if err != nil {
		return fmt.Errorf("fts5: load: %w", err)
	}
	return nil
}

// fts5Article is a as the driver indexes it, counted under its source,
// language, month and entities.
func fts5Article(a corpus.Article, ents corpus.Entities) fts5.Article {
	r := fts5.Article{ID: a.ID, Title: a.Title, Body: a.Body, Source: a.Source, Lang: a.Lang, URL: a.URL}
	if a.Source != "" {
		r.Facets = append(r.Facets, fts5.Facet{Field: "source", Value: a.Source})
	}
	r.Facets = append(r.Facets, fts5.Facet{Field: "lang", Value: a.Lang})
	if a.Published != nil {
		r.Published = a.Published.UTC().Format(time.RFC3339)
		r.Facets = append(r.Facets, fts5.Facet{Field: "published", Value: r.Published[:7]})
	}
	for _, typ := range corpus.EntityTypes {
		for _, name := range ents.ByType(typ) {
			r.Facets = append(r.Facets, fts5.Facet{Field: typ, Value: name})
		}
	}
	return r
}

// request is the driver's GET /search: the words all quoted (FTS5 ANDs
// them), or the phrase in one pair of quotes.
func (e *fts5Engine) request(q Query) loadtest.Request {
	s := fts5.Search{Match: fts5.All(q.Words), ByDate: q.SortDate, From: q.From, Size: q.Size, FacetSize: facetSize}
	if q.Phrase {
		s.Match = fts5.Phrase(q.Words)
	}
	if q.Entity != nil {
		s.EntityType, s.EntityName = q.Entity.Type, q.Entity.Name
	}
	return loadtest.Request{Name: q.Name, Path: s.Path()}
}

func (e *fts5Engine) total(body []byte) (int, error) {
	var a fts5.Answer
	if err := json.Unmarshal(body, &a); err != nil {
		return 0, fmt.Errorf("not an answer: %.200s", body)
	}
	return a.Total, nil
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
		errs = append(errs, e.db.Close())
	}
	return errors.Join(errs...)
}
