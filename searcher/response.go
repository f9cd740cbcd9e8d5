package searcher

import (
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/facet"
	"github.com/sagasu-search/sagasu/searcher/snippet"
)

// Response is the answer to a search, in the JSON shape of the API.
type Response struct {
	Query         string                  `json:"query"`
	QueryEntities []queryplan.QueryEntity `json:"query_entities"` // what the query was understood to name
	Relaxed       bool                    `json:"relaxed"`        // too few articles had every word: some words were enough
	Total         uint64                  `json:"total"`
	TookMS        float64                 `json:"took_ms"`
	Hits          []Hit                   `json:"hits"`
	Facets        facet.Facets            `json:"facets"`
	// Suggestion is the query with its words corrected ("did you mean"),
	// given when the query found nothing and the suggestion finds articles.
	Suggestion string `json:"suggestion,omitempty"`
	// Partial, in a cluster (and only there), says whether shards are
	// missing from the answer: no replica of them answered.
	Partial *bool `json:"partial,omitempty"`
	// MissingShards are the shards missing from a partial answer.
	MissingShards []int `json:"missing_shards,omitempty"`
}

// Hit is one matching article.
type Hit struct {
	ID        string          `json:"id"`
	Score     float64         `json:"score"`
	Title     string          `json:"title"`
	Published *time.Time      `json:"published"`
	Source    string          `json:"source"`
	Lang      string          `json:"lang"`
	URL       string          `json:"url"`
	Snippets  Snippets        `json:"snippets"`
	Entities  corpus.Entities `json:"entities"`
	// Cursor is where the hit stands in the listing (an encoded Cursor):
	// the request's search_after, for the hits after it.
	Cursor string `json:"cursor"`
}

// Snippets are HTML-escaped excerpts with the matched words in <mark>…</mark>.
// A field without a match gets its opening instead, without marks.
type Snippets struct {
	Title []string `json:"title"`
	Body  []string `json:"body"`
}

// SnippetRunes is the length of the opening used as a body snippet when the
// body has no match.
const SnippetRunes = 200

// newResponse turns the result of r into its answer.
func newResponse(r Request, rs *result, took time.Duration) (*Response, error) {
	res := rs.SearchResult
	out := &Response{
		Query:  r.Query,
		Total:  res.Total,
		TookMS: float64(took.Microseconds()) / 1000,
		Hits:   make([]Hit, 0, len(res.Hits)),
		Facets: facet.FromResults(res.Facets),
	}
	for i, dm := range res.Hits {
		a, err := indexer.FromFields(dm.ID, dm.Fields)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, Hit{
			ID:        dm.ID,
			Score:     dm.Score,
			Title:     a.Title,
			Published: a.Published,
			Source:    a.Source,
			Lang:      a.Lang,
			URL:       a.URL,
			Snippets: Snippets{
				Title: snippet.Of(dm.Fragments[indexer.FieldTitle], a.Title, 0),
				Body:  snippet.Of(dm.Fragments[indexer.FieldBody], dm.Fields[indexer.FieldBody], SnippetRunes),
			},
			Entities: nonNil(a.Entities),
			Cursor:   cursorOf(r.Sort, dm.ID, dm.Score, rs.dates[i]),
		})
	}
	return out, nil
}

// nonNil returns e with empty lists instead of nil ones, so that JSON shows [].
func nonNil(e corpus.Entities) corpus.Entities {
	for _, typ := range corpus.EntityTypes {
		if e.ByType(typ) == nil {
			e.Set(typ, []string{})
		}
	}
	return e
}
