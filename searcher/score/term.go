package score

import (
	"context"
	"fmt"
	"math"
	"reflect"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
)

// TermSearcher is Bleve's term searcher with its BM25 parameters given
// rather than read from Bleve's package variables: it walks a term's
// postings and scores each document exactly as Bleve's TermQueryScorer
// (v2.6.3) does, the same idf, field length (1 / norm²), average field
// length (ceil(field cardinality / documents)), query weight and query
// norm, so that its scores equal Bleve's given the same k1 and b. Like
// Bleve's, it falls back to TF-IDF when the index does not score by BM25.
type TermSearcher struct {
	reader index.TermFieldReader
	tfd    index.TermFieldDoc

	term, field string
	boost       float64
	bm25        BM25
	idf         float64 // Bleve's, which the query weight multiplies by
	scoreIDF    float64 // the idf BM25 weighs the word by (BM25.IDF)
	docs        uint64  // documents in the index
	df          uint64  // documents holding the term, in the index
	avgDocLen   float64 // 0: TF-IDF scoring
	collProb    float64 // P(term | field's text), with BM25.Mu
	collFreq    float64 // the term's occurrences in the field, with BM25.Mu or DFR
	queryWeight float64
	partial     bool // a field of a BM25F word: see docScore
	withScore   bool
	explain     bool
}

// NewTermSearcher returns the searcher of term in field, its scores
// multiplied by boost, scored by BM25 with p when the index mapping scores
// by BM25.
func NewTermSearcher(ctx context.Context, r index.IndexReader, term, field string, boost float64, p BM25, opts search.SearcherOptions) (*TermSearcher, error) {
	withScore := opts.Score != "none"
	reader, err := r.TermFieldReader(ctx, []byte(term), field, withScore, withScore, opts.IncludeTermVectors)
	if err != nil {
		return nil, fmt.Errorf("read term %q in %s: %w", term, field, err)
	}
	if err := search.RecordTermSearcher(ctx); err != nil {
		_ = reader.Close()
		return nil, fmt.Errorf("term %q in %s: %w", term, field, err)
	}
	total, avg, err := docStats(ctx, r, field, p.Lengths)
	if err != nil {
		_ = reader.Close()
		return nil, fmt.Errorf("statistics of %s: %w", field, err)
	}
	s := &TermSearcher{reader: reader, term: term, field: field, boost: boost, bm25: p, docs: total,
		avgDocLen: avg, queryWeight: 1, withScore: withScore, explain: opts.Explain}
	if (p.Mu > 0 || p.DFR != NoDFR) && avg > 0 {
		occurrences, err := collectionFreq(ctx, r, term, field)
		if err != nil {
			_ = reader.Close()
			return nil, err
		}
		s.collFreq = float64(occurrences)
		s.collProb = collectionProb(s.collFreq, avg*float64(total))
	}
	df := termDF(ctx, term, field, reader.Count())
	s.df = df
	if avg > 0 {
		s.idf = math.Log(1 + (float64(total)-float64(df)+0.5)/(float64(df)+0.5))
		s.scoreIDF = p.idf(total, df)
	} else {
		s.idf = 1.0 + math.Log(float64(total)/float64(df+1.0))
		s.scoreIDF = s.idf
	}
	return s, nil
}

// docStats returns the number of documents and, when the index scores by
// BM25, the average length of field (else 0): from global statistics
// when ctx carries them (WithStats), else from the statistics of a Bleve
// pre-search when the context carries them, else from the index; the
// average is true (tokens over documents) when lengths is not nil, else
// Bleve's estimate.
func docStats(ctx context.Context, r index.IndexReader, field string, lengths *Lengths) (uint64, float64, error) {
	model := ""
	if cb, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn); ok {
		model = cb()
	}
	if model != index.BM25Scoring {
		n, err := docCount(ctx, r)
		return n, 0, err
	}
	if st := globalStats(ctx); st != nil {
		if lengths != nil {
			return st.Docs, average(st.Tokens[field], st.Docs), nil
		}
		return st.Docs, estimate(st.Cardinality[field], st.Docs), nil
	}
	if st, ok := ctx.Value(search.BM25StatsKey).(*search.BM25Stats); ok {
		cardinality, ok := st.FieldCardinality[field]
		if !ok {
			return 0, 0, fmt.Errorf("no BM25 statistics for field %s", field)
		}
		return uint64(st.DocCount), estimate(uint64(cardinality), uint64(st.DocCount)), nil
	}
	count, err := docCount(ctx, r)
	if err != nil {
		return 0, 0, err
	}
	rec := recording(ctx)
	if lengths != nil {
		if rec != nil && rec.lengths != nil {
			lengths = rec.lengths
		}
		tokens, err := lengths.Tokens(ctx, r, field, count)
		if rec != nil {
			rec.stats.Tokens[field] = tokens
		}
		return count, average(tokens, count), err
	}
	var cardinality int
	if br, ok := r.(index.BM25Reader); ok {
		if cardinality, err = br.FieldCardinality(field); err != nil {
			return 0, 0, err
		}
	}
	if rec != nil {
		rec.stats.Cardinality[field] = uint64(cardinality)
	}
	return count, estimate(uint64(cardinality), count), nil
}

// average is the true average field length: tokens over documents.
func average(tokens, docs uint64) float64 {
	if docs == 0 {
		return 0
	}
	return float64(tokens) / float64(docs)
}

// estimate is Bleve's average field length: ceil(field cardinality /
// documents), 0 for an empty index.
func estimate(cardinality, docs uint64) float64 {
	if docs == 0 && cardinality == 0 {
		return 0
	}
	return math.Ceil(float64(cardinality) / float64(docs))
}

// docScore is the score of a document before the query weight: BM25 of
// tf (the term's frequency, or its square root with SqrtTF) and norm
// (1 / √length), or TF-IDF when there is no average length. A searcher
// of one field of a BM25F word (partial) scores the length-normalized
// frequency alone, which the word's searcher saturates (fieldsSearcher).
func (s *TermSearcher) docScore(tf, norm float64) float64 {
	if s.avgDocLen <= 0 {
		return tf * norm * s.idf
	}
	fieldLength := 1 / (norm * norm)
	if s.bm25.Mu > 0 {
		return dirichlet(tf, fieldLength, s.collProb, s.bm25.Mu)
	}
	if s.bm25.DFR != NoDFR {
		return dfrScore(s.bm25.DFR, tf, fieldLength, s.avgDocLen, float64(s.docs), s.collFreq)
	}
	k1, b := s.bm25.K1, s.bm25.B
	if s.partial {
		return s.boost * tf / (1 - b + b*fieldLength/s.avgDocLen)
	}
	return s.scoreIDF*(tf*k1)/(tf+k1*(1-b+(b*fieldLength/s.avgDocLen))) + s.bm25.deltaScore(s.scoreIDF)
}

// termFreq is the frequency BM25 saturates: freq, or its square root.
func termFreq(freq uint64, sqrt bool) float64 {
	switch {
	case !sqrt:
		return float64(freq)
	case freq < scorer.MaxSqrtCache:
		return scorer.SqrtCache[int(freq)]
	default:
		return math.Sqrt(float64(freq))
	}
}

// match turns a posting into a scored document match.
func (s *TermSearcher) match(ctx *search.SearchContext, tfd *index.TermFieldDoc) *search.DocumentMatch {
	dm := ctx.DocumentMatchPool.Get()
	if s.withScore || s.explain {
		score := s.docScore(termFreq(tfd.Freq, s.bm25.SqrtTF), tfd.Norm)
		if s.queryWeight != 1.0 {
			score *= s.queryWeight
		}
		if s.withScore {
			dm.Score = score
		}
		if s.explain {
			dm.Expl = &search.Explanation{Value: score,
				Message: fmt.Sprintf("weight(%s:%s^%f), BM25 k1=%f b=%f, idf=%f, freq=%d", s.field, s.term, s.boost, s.bm25.K1, s.bm25.B, s.idf, tfd.Freq)}
		}
	}
	dm.IndexInternalID = index.NewIndexInternalIDFrom(dm.IndexInternalID, tfd.ID)
	if len(tfd.Vectors) > 0 {
		s.addLocations(dm, tfd.Vectors)
	}
	return dm
}

// addLocations copies the term vectors of a posting into dm, reusing its
// slices.
func (s *TermSearcher) addLocations(dm *search.DocumentMatch, vectors []*index.TermFieldVector) {
	if cap(dm.FieldTermLocations) < len(vectors) {
		dm.FieldTermLocations = make([]search.FieldTermLocation, 0, len(vectors))
	}
	for _, v := range vectors {
		var ap search.ArrayPositions
		if len(v.ArrayPositions) > 0 {
			n := len(dm.FieldTermLocations)
			if n < cap(dm.FieldTermLocations) {
				ap = dm.FieldTermLocations[:n+1][n].Location.ArrayPositions[:0]
			}
			ap = append(ap, v.ArrayPositions...)
		}
		dm.FieldTermLocations = append(dm.FieldTermLocations, search.FieldTermLocation{
			Field: v.Field,
			Term:  s.term,
			Location: search.Location{Pos: v.Pos, Start: v.Start, End: v.End,
				ArrayPositions: ap},
		})
	}
}

// Next implements search.Searcher.
func (s *TermSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	tfd, err := s.reader.Next(s.tfd.Reset())
	if err != nil || tfd == nil {
		return nil, err
	}
	return s.match(ctx, tfd), nil
}

// Advance implements search.Searcher.
func (s *TermSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	tfd, err := s.reader.Advance(id, s.tfd.Reset())
	if err != nil || tfd == nil {
		return nil, err
	}
	return s.match(ctx, tfd), nil
}

// Weight implements search.Searcher: the squared query weight before
// normalization, boost × idf.
func (s *TermSearcher) Weight() float64 {
	w := s.boost * s.idf
	return w * w
}

// SetQueryNorm implements search.Searcher.
func (s *TermSearcher) SetQueryNorm(norm float64) {
	s.queryWeight = s.boost * s.idf * norm
}

// Count implements search.Searcher.
func (s *TermSearcher) Count() uint64 { return s.reader.Count() }

// Min implements search.Searcher.
func (s *TermSearcher) Min() int { return 0 }

// Close implements search.Searcher.
func (s *TermSearcher) Close() error { return s.reader.Close() }

// DocumentMatchPoolSize implements search.Searcher.
func (s *TermSearcher) DocumentMatchPoolSize() int { return 1 }

var sizeOfTermSearcher = int(reflect.TypeOf(TermSearcher{}).Size())

// Size implements search.Searcher.
func (s *TermSearcher) Size() int {
	return sizeOfTermSearcher + s.reader.Size() + s.tfd.Size() + len(s.term) + len(s.field)
}

// Optimize lets Bleve's conjunctions and disjunctions merge the postings
// of unscored term searchers, as they do Bleve's own.
func (s *TermSearcher) Optimize(kind string, octx index.OptimizableContext) (index.OptimizableContext, error) {
	if o, ok := s.reader.(index.Optimizable); ok {
		return o.Optimize(kind, octx)
	}
	return nil, nil
}
