// Package eval measures retrieval quality: it reads test collections
// (documents, queries and relevance judgments), runs their queries
// through a search engine, and computes the standard measures (nDCG@10,
// MAP, P@10, recall@100 as trec_eval defines them) and, for known-item
// search, MRR@10 and success@10. Engines are anything that can index
// documents and answer a query with ranked ids: Sagasu itself, SQLite FTS5,
// Groonga, Bleve with another analyzer.
package eval

import "context"

// Doc is a document of a collection.
type Doc struct {
	ID    string
	Title string // may be empty
	Text  string
	Lang  string // "en" or "ja"
}

// Query is a query of a collection, as a user would type it.
type Query struct {
	ID   string
	Text string
}

// Qrels are relevance judgments: query id → document id → grade (> 0 is
// relevant; higher is more relevant where a collection grades).
type Qrels map[string]map[string]int

// Collection is a test collection.
type Collection struct {
	Name    string
	Docs    []Doc
	Queries []Query
	Qrels   Qrels
}

// Run is an engine's answers: query id → document ids, best first.
type Run map[string][]string

// Engine is a search engine under evaluation. Index is called once with
// every document, then Search once per query.
type Engine interface {
	Name() string
	Index(ctx context.Context, docs []Doc) error
	// Search returns the ids of at most k documents, best first.
	Search(ctx context.Context, query string, k int) ([]string, error)
	Close() error
}
