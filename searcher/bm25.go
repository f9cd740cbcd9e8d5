package searcher

import (
	"context"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// bm25TermQuery matches one index term in one field and scores it by BM25
// as Robertson wrote it: idf × saturated term frequency × boost.
//
// Bleve's term scorer multiplies its BM25 score by a query weight of boost
// × idf × query norm, a leftover of Lucene's classic TF-IDF, so that idf
// counts twice and rare words drown the rest. Handing Bleve boost / idf
// cancels the second idf. On the four English collections this raised
// nDCG@10 on every one (EVALUATION.md).
type bm25TermQuery struct {
	term, field string
	boost       float64
}

// Searcher implements query.Query.
func (q *bm25TermQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	idf, err := termIDF(ctx, r, q.term, q.field)
	if err != nil {
		return nil, err
	}
	return searcher.NewTermSearcher(ctx, r, q.term, q.field, q.boost/idf, opts)
}

// termIDF is the idf Bleve's BM25 scorer computes for term in field:
// ln(1 + (N − n + 0.5) / (n + 0.5)), always positive.
func termIDF(ctx context.Context, r index.IndexReader, term, field string) (float64, error) {
	n, err := r.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("read term %q in %s: %w", term, field, err)
	}
	df := tfr.Count()
	if err := tfr.Close(); err != nil {
		return 0, fmt.Errorf("close term %q in %s: %w", term, field, err)
	}
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5)), nil
}

// bm25PhraseQuery matches a phrase in one field, given as one or more
// layouts of the same words in different orders (see newPhraseSearcher),
// with its terms counting their idf once, as bm25TermQuery's do. Bleve
// gives a phrase one boost for all its terms, so the boost is divided by
// their mean idf: exact for a phrase of equally rare words, close for the
// rest.
type bm25PhraseQuery struct {
	layouts [][][]string
	field   string
	boost   float64
}

// Searcher implements query.Query.
func (q *bm25PhraseQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	sum, n := 0.0, 0
	for _, terms := range q.layouts[0] {
		for _, term := range terms {
			idf, err := termIDF(ctx, r, term, q.field)
			if err != nil {
				return nil, err
			}
			sum += idf
			n++
		}
	}
	if n == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	return newPhraseSearcher(ctx, r, q.layouts, q.field, q.boost*float64(n)/sum, opts)
}
