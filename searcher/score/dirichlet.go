package score

import (
	"context"
	"fmt"
	"math"

	index "github.com/blevesearch/bleve_index_api"
)

// LuceneMu is the μ of Lucene's LMDirichletSimilarity, the one value
// Sagasu compares query likelihood at.
const LuceneMu = 2000

// dirichlet is a matched word's part of a document's query likelihood
// with Dirichlet smoothing (Zhai and Lafferty 2001), as Lucene's
// LMDirichletSimilarity scores it: log(1 + tf / (μ·P(t|C))) +
// log(μ / (|d| + μ)), floored at 0. Like Lucene's it scores the words a
// document has, not the smoothed probability of those it lacks.
// TermSearcher multiplies it by the query weight, whose idf cancels that
// a TermQuery's boost divides by.
func dirichlet(tf, docLen, collProb, mu float64) float64 {
	if collProb <= 0 {
		return 0
	}
	return max(0, math.Log(1+tf/(mu*collProb))+math.Log(mu/(docLen+mu)))
}

// collectionProb is P(t|C) of a term that occurs occurrences times in a
// field of tokens tokens, as Lucene estimates it: its occurrences plus
// one over the field's tokens plus one.
func collectionProb(occurrences, tokens float64) float64 {
	return (occurrences + 1) / (tokens + 1)
}

// collectionFreq is how often term occurs in field over all documents:
// query likelihood's and DFR's collection frequency. It reads the term's
// postings once.
func collectionFreq(ctx context.Context, r index.IndexReader, term, field string) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, true, false, false)
	if err != nil {
		return 0, fmt.Errorf("read term %q in %s: %w", term, field, err)
	}
	var occurrences uint64
	var tfd index.TermFieldDoc
	for {
		d, err := tfr.Next(tfd.Reset())
		if err != nil {
			_ = tfr.Close()
			return 0, fmt.Errorf("read term %q in %s: %w", term, field, err)
		}
		if d == nil {
			break
		}
		occurrences += d.Freq
	}
	if err := tfr.Close(); err != nil {
		return 0, fmt.Errorf("close term %q in %s: %w", term, field, err)
	}
	return occurrences, nil
}
