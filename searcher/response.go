package searcher

import (
	"html"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
)

// Response is the answer to a search, in the JSON shape of the API.
type Response struct {
	Query         string                  `json:"query"`
	QueryEntities []queryplan.QueryEntity `json:"query_entities"` // what the query was understood to name
	Relaxed       bool                    `json:"relaxed"`        // too few articles had every word: some words were enough
	Total         uint64                  `json:"total"`
	TookMS        float64                 `json:"took_ms"`
	Hits          []Hit                   `json:"hits"`
	Facets        Facets                  `json:"facets"`
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

func newResponse(q string, res *bleve.SearchResult, took time.Duration) (*Response, error) {
	out := &Response{
		Query:  q,
		Total:  res.Total,
		TookMS: float64(took.Microseconds()) / 1000,
		Hits:   make([]Hit, 0, len(res.Hits)),
		Facets: newFacets(res.Facets),
	}
	for _, dm := range res.Hits {
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
				Title: orOpening(dm.Fragments[indexer.FieldTitle], a.Title, 0),
				Body:  orOpening(dm.Fragments[indexer.FieldBody], dm.Fields[indexer.FieldBody], SnippetRunes),
			},
			Entities: nonNil(a.Entities),
		})
	}
	return out, nil
}

// orOpening returns the highlighted fragments, or, when there are none, the
// escaped opening of the field's text (max runes, 0 for all of it).
func orOpening(fragments []string, text interface{}, max int) []string {
	if len(fragments) > 0 {
		out := make([]string, len(fragments))
		for i, f := range fragments {
			// Japanese words are separate tokens: 岸田 and 文雄 become one mark.
			out[i] = strings.ReplaceAll(f, "</mark><mark>", "")
		}
		return out
	}
	s, _ := text.(string)
	if s == "" {
		return []string{}
	}
	return []string{html.EscapeString(corpus.Shorten(s, max))}
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
