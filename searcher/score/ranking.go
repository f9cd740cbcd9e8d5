package score

// Ranking says how a search scores its matches: the parts of the score
// that the searcher can switch, so that an evaluation can compare them in
// one run (sagasu-lab eval --configs) and production uses one of them.
type Ranking struct {
	// BM25 scores each word.
	BM25 BM25
	// TrueLengths normalizes by the fields' average length in tokens
	// (Lengths) rather than Bleve's estimate.
	TrueLengths bool
	// Coord multiplies a relaxed query's score by the share of its words
	// an article holds, as Bleve's disjunction does; without it a relaxed
	// query scores the plain sum of its words, as BM25 is written.
	Coord bool
	// BM25F scores a word's title and body matches together (FieldsQuery)
	// instead of adding a BM25 per field.
	BM25F bool
	// Proximity adds, for each two words next to each other in a query,
	// a score for articles where they stand close together (PairQuery).
	Proximity bool
	// RM3 expands a relaxed query with words of its best articles; its
	// zero value leaves queries as typed.
	RM3 RM3
	// QueryTF says how a word typed more than once in a query counts.
	QueryTF QueryTF
}

// QueryTF is how a query's repeated words count: a word (or a phrase, or
// a name) planned the same way more than once, typed again or stemmed to
// the same term ("retrieval ... retrieved").
type QueryTF int

// QueryTF variants.
const (
	// QTFRepeat keeps each repetition as a clause of its own, as typed:
	// a word typed k times scores k times, and a relaxed query's coord
	// counts it k times (matched and total). Sagasu's default.
	QTFRepeat QueryTF = iota
	// QTFOnce drops the repetitions: each word counts once.
	QTFOnce
	// QTFCount makes a word typed k times one clause weighing k times,
	// BM25's query-term factor with k3 = ∞ (as FTS5 and Lucene score a
	// repeated term), and coord counts it once.
	QTFCount
)

// RM3 is pseudo-relevance feedback by relevance model 3 (Lavrenko and
// Croft 2001; Abdul-Jaleel et al. 2004), as Anserini's BM25+RM3 runs it:
// the words of the Docs best articles, weighted by each article's score
// and their frequency in it, give the Terms likeliest words, mixed with
// the query's own at OriginalWeight.
type RM3 struct {
	Docs           int     // feedback articles; 0: no feedback
	Terms          int     // expansion words
	OriginalWeight float64 // the query's share of the mix, 0 to 1
}

// AnseriniRM3 is Anserini's default: 10 articles, 10 words, the query
// weighing half.
func AnseriniRM3() RM3 { return RM3{Docs: 10, Terms: 10, OriginalWeight: 0.5} }

// DefaultRanking is the ranking Sagasu searches with: BM25 of the raw
// term frequency, a BM25 per field summed, coord between a relaxed
// query's words, and Bleve's estimate of the average field length.
// Measured against BleveRanking in one run it raised nDCG@10 on CRAN,
// CISI, MED and NPL alike. BM25F (with coord) gained more on average but
// weighs a title match as one more occurrence of the word, and an article
// whose title holds the query then ranked below one that repeats it in
// its body; the true average lengths, proximity, RM3 and query likelihood
// each lowered the average over the four, and FTS5's idf, DPH, PL2 and
// the other ways of counting a repeated word (QueryTF) each lowered at
// least one collection (EVALUATION.md).
// An index of several shards is searched with TrueLengths on (see
// searcher.WithRanking and EVALUATION.md, "Shards").
func DefaultRanking() Ranking { return Ranking{BM25: DefaultBM25(), Coord: true} }

// BleveRanking is Sagasu's ranking until issue 22: Bleve's square root
// of the term frequency, Bleve's coordination between a relaxed query's
// words, and a BM25 per field, summed.
func BleveRanking() Ranking {
	return Ranking{BM25: BM25{K1: BM25K1, B: BM25B, SqrtTF: true}, Coord: true}
}
