package score

// Ranking says how a search scores its matches: the parts of the score
// that the searcher can switch, so that an evaluation can compare them in
// one run (sagasu-lab eval --configs) and production uses one of them.
type Ranking struct {
	// BM25 scores each word.
	BM25 BM25
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
}

// DefaultRanking is the ranking Sagasu searches with.
func DefaultRanking() Ranking { return Ranking{BM25: DefaultBM25(), BM25F: true} }

// BleveRanking is Sagasu's ranking until issue 22: Bleve's square root
// of the term frequency, Bleve's coordination between a relaxed query's
// words, and a BM25 per field, summed.
func BleveRanking() Ranking {
	return Ranking{BM25: BM25{K1: BM25K1, B: BM25B, SqrtTF: true}, Coord: true}
}
