package score

import "math"

// DFR names a divergence-from-randomness model (Amati and van Rijsbergen
// 2002) that scores a word instead of BM25, in the form Terrier publishes
// it: each needs a word's frequency over the whole field (its collection
// frequency) besides its document frequency. Neither has a parameter to
// choose: DPH has none, and PL2's c is Terrier's default, 1.
type DFR int

// DFR models.
const (
	NoDFR DFR = iota // BM25 (or query likelihood with BM25.Mu)
	// DPH is Terrier's parameter-free hypergeometric model with Popper's
	// normalization (Amati et al., TREC 2007).
	DPH
	// PL2 is Poisson randomness, Laplace after-effect and normalization 2
	// with c = 1 (Amati and van Rijsbergen 2002; Terrier's PL2).
	PL2
)

// log2e is log₂(e), Terrier's LOG_2_OF_E.
var log2e = math.Log2(math.E)

// dfrScore is what a word of frequency tf scores in a field of docLen
// tokens, the field averaging avgLen tokens over docs documents and
// holding the word collFreq times in all, by model m. A score below zero
// (a word so common that finding it is less than chance) is floored at 0,
// as Lucene requires of every similarity, so that a matched word never
// lowers an article; Terrier leaves it negative.
func dfrScore(m DFR, tf, docLen, avgLen, docs, collFreq float64) float64 {
	if tf <= 0 || docLen <= 0 || avgLen <= 0 || docs <= 0 || collFreq <= 0 {
		return 0
	}
	var s float64
	switch m {
	case DPH:
		s = dph(tf, docLen, avgLen, docs, collFreq)
	case PL2:
		s = pl2(tf, docLen, avgLen, docs, collFreq)
	}
	if math.IsNaN(s) || s < 0 {
		return 0
	}
	return s
}

// dph is Terrier's DPH: with f = tf / |d|,
// (1 − f)² / (tf + 1) · (tf · log₂(tf · avg/|d| · N/F) + ½ · log₂(2π · tf · (1 − f))).
// A field that is the word alone (f = 1) scores 0.
func dph(tf, docLen, avgLen, docs, collFreq float64) float64 {
	f := tf / docLen
	if f >= 1 {
		return 0
	}
	norm := (1 - f) * (1 - f) / (tf + 1)
	return norm * (tf*math.Log2(tf*avgLen/docLen*docs/collFreq) + 0.5*math.Log2(2*math.Pi*tf*(1-f)))
}

// pl2 is Terrier's PL2 with c = 1: with tfn = tf · log₂(1 + c · avg/|d|)
// and λ = F / N,
// 1/(tfn + 1) · (tfn · log₂(1/λ) + λ · log₂e + ½ · log₂(2π · tfn) + tfn · (log₂ tfn − log₂e)).
func pl2(tf, docLen, avgLen, docs, collFreq float64) float64 {
	const c = 1.0
	tfn := tf * math.Log2(1+c*avgLen/docLen)
	lambda := collFreq / docs
	return (tfn*math.Log2(1/lambda) + lambda*log2e + 0.5*math.Log2(2*math.Pi*tfn) + tfn*(math.Log2(tfn)-log2e)) / (tfn + 1)
}

// IDF names the inverse document frequency a BM25 word is weighted by.
type IDF int

// IDF variants.
const (
	// IDFLucene is Lucene's (and Bleve's) ln(1 + (N − n + 0.5)/(n + 0.5)),
	// always positive: Sagasu's default.
	IDFLucene IDF = iota
	// IDFRSJ is Robertson and Spärck Jones's ln((N − n + 0.5)/(n + 0.5)),
	// negative for a word in more than half the documents, floored at
	// 1e-6 as SQLite FTS5's bm25() does.
	IDFRSJ
)

// rsjFloor is FTS5's floor of the RSJ idf.
const rsjFloor = 1e-6

// idf is the inverse document frequency of a word in df of docs
// documents, by p's variant.
func (p BM25) idf(docs, df uint64) float64 {
	n, d := float64(docs), float64(df)
	if p.IDF == IDFRSJ {
		return max(rsjFloor, math.Log((n-d+0.5)/(d+0.5)))
	}
	return math.Log(1 + (n-d+0.5)/(d+0.5))
}
