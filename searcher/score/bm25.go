// Package score holds Sagasu's scoring queries and searchers: words and
// phrases scored by BM25 with explicit parameters (TermQuery,
// PhraseQuery; for comparison also by query likelihood or a DFR model),
// a word scored over several fields by BM25F (FieldsQuery), two words'
// proximity (PairQuery), a phrase searcher that accepts several word
// orders (and a slop), a disjunction that adds its clauses' scores
// (SumQuery), a query whose scores weigh more (WeightQuery), and the
// expansion of a prefix or a near spelling to the dictionary's words
// (ExpandQuery); Ranking says which of them a search uses, Lengths gives
// BM25 the fields' true average lengths, and Stats carries the
// statistics of every shard of an index to each shard's searchers, so
// that shards rank as one index.
// They plug into
// Bleve as query.Query and search.Searcher implementations, and read no
// process-wide setting: Bleve's own term scorer reads its BM25 parameters
// from package variables that every index in the process shares, so
// Sagasu scores its terms itself (see TermSearcher).
package score

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// Sagasu's BM25 parameters. k1 0.9 and b 0.4 (Anserini's defaults) raised
// nDCG@10 over Bleve's 1.2 and 0.75 on CRAN, CISI, MED and NPL alike; see
// EVALUATION.md.
const (
	// BM25K1 is the term-frequency saturation: how much a word's tenth
	// occurrence adds over its first. Bleve's default is 1.2.
	BM25K1 = 0.9
	// BM25B is the length normalization: 0 ignores an article's length,
	// 1 divides by it fully. Bleve's default is 0.75; news bodies and test
	// collections alike vary more in length than in focus.
	BM25B = 0.4
)

// BM25 holds the two parameters of BM25 scoring and the term frequency
// it saturates.
type BM25 struct {
	K1 float64 // term-frequency saturation
	B  float64 // length normalization
	// SqrtTF saturates the square root of a term's frequency, as Bleve's
	// scorer does, rather than the frequency itself, as BM25 is written.
	SqrtTF bool
	// Mu, when positive, scores by query likelihood with Dirichlet
	// smoothing of this μ instead (see dirichlet), for comparison.
	Mu float64
	// DFR, when set, scores by a divergence-from-randomness model instead
	// (see dfrScore), for comparison; not with BM25F (Ranking.BM25F), whose
	// fields saturate BM25's term frequency.
	DFR DFR
	// IDF is the inverse document frequency BM25 weighs a word by:
	// Lucene's by default, or FTS5's floored RSJ idf.
	IDF IDF
	// Lengths, when not nil, gives the fields' true average lengths; nil
	// keeps Bleve's estimate, distinct terms over documents (see Lengths).
	Lengths *Lengths
	// Delta, when positive, lower-bounds what a word adds for being in a
	// document at all, however long the document: BM25+ (Lv and Zhai,
	// "Lower-bounding term frequency normalization", CIKM 2011), whose
	// published default is 1. It adds idf · Delta to each match, on
	// Robertson's scale (see deltaScore).
	Delta float64
}

// LuceneBM25 returns Lucene's (and Bleve's) published defaults, k1 1.2
// and b 0.75, as Lucene uses them: with the true average lengths
// (Lengths), which the ranking sets.
func LuceneBM25() BM25 { return BM25{K1: 1.2, B: 0.75} }

// deltaScore is BM25+'s lower bound for a word of this idf on
// TermSearcher's scale, which multiplies a word's saturated frequency by
// k1 where Robertson multiplies it by k1 + 1: idf · Delta · k1 / (k1 + 1).
func (p BM25) deltaScore(idf float64) float64 {
	if p.Delta <= 0 {
		return 0
	}
	return idf * p.Delta * p.K1 / (p.K1 + 1)
}

// DefaultBM25 returns Sagasu's parameters, BM25K1 and BM25B.
func DefaultBM25() BM25 { return BM25{K1: BM25K1, B: BM25B} }

// TermQuery matches one index term in one field and scores it by BM25
// as Robertson wrote it: idf × saturated term frequency × boost.
//
// Bleve's term scorer multiplies its BM25 score by a query weight of boost
// × idf × query norm, a leftover of Lucene's classic TF-IDF, so that idf
// counts twice and rare words drown the rest. Handing the scorer boost /
// idf cancels the second idf. On the four English collections this raised
// nDCG@10 on every one (EVALUATION.md).
type TermQuery struct {
	Term  string  // the index term
	Field string  // the field it is matched in
	Boost float64 // multiplies the score
	BM25  BM25    // the scoring parameters
}

// Searcher implements query.Query.
func (q *TermQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	idf, err := termIDF(ctx, r, q.Term, q.Field)
	if err != nil {
		return nil, err
	}
	return NewTermSearcher(ctx, r, q.Term, q.Field, q.Boost/idf, q.BM25, opts)
}

// termIDF is the idf the BM25 scorer computes for term in field:
// ln(1 + (N − n + 0.5) / (n + 0.5)), always positive.
func termIDF(ctx context.Context, r index.IndexReader, term, field string) (float64, error) {
	n, err := docCount(ctx, r)
	if err != nil {
		return 0, err
	}
	df, err := DocFreq(ctx, r, []string{term}, field)
	if err != nil {
		return 0, err
	}
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5)), nil
}

// PhraseQuery matches a phrase in one field, given as one or more
// layouts of the same words in different orders (see NewPhraseSearcher),
// with its terms counting their idf once, as TermQuery's do. The phrase
// has one boost for all its terms, so the boost is divided by their mean
// idf: exact for a phrase of equally rare words, close for the rest.
type PhraseQuery struct {
	Layouts [][][]string // orders of the phrase: positions, each holding its alternative terms
	Field   string       // the field it is matched in
	Boost   float64      // multiplies the score
	BM25    BM25         // the scoring parameters of its terms
	// Slop lets each word stand up to Slop positions further than its
	// place in the phrase ("chip plant"~2 finds "chip assembly plant").
	Slop int
}

// Searcher implements query.Query.
func (q *PhraseQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	sum, n := 0.0, 0
	for _, terms := range q.Layouts[0] {
		for _, term := range terms {
			idf, err := termIDF(ctx, r, term, q.Field)
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
	s, err := NewPhraseSearcher(ctx, r, q.Layouts, q.Field, q.Boost*float64(n)/sum, q.BM25, opts)
	if ps, ok := s.(*phraseSearcher); ok && q.Slop > 0 {
		for _, l := range ps.layouts {
			l.slop = uint64(q.Slop)
		}
	}
	return s, err
}
