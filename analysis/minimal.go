package analysis

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// MinimalStemName is the registered name of MinimalStemFilter.
const MinimalStemName = "sagasu_stem_minimal"

func init() {
	must(registry.RegisterTokenFilter(MinimalStemName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return MinimalStemFilter{}, nil
	}))
}

// MinimalStemFilter is a light English stemmer that removes plurals only:
// the "S-stemmer" of Harman ("How effective is suffixing?", JASIS 1991),
// exactly as Lucene's EnglishMinimalStemFilter writes it. A word of three
// or more letters ending in s loses it (investments → investment), -ies
// becomes -y (policies → policy; series → sery too, as in Lucene) but not
// after a or e, and -us, -ss, -aes, -ees, -oes and a short -ies stay as they are (virus,
// press, shoes). Only a final lower-case s is looked at (the filter runs
// after lower-casing), so Japanese script and romanized readings, which
// never end in s, pass untouched; a keyword token is left alone.
type MinimalStemFilter struct{}

// Filter implements analysis.TokenFilter.
func (MinimalStemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.KeyWord {
			continue
		}
		if n := minimalStem(tok.Term); n < len(tok.Term) {
			if n == len(tok.Term)-2 {
				// -ies → -y: a fresh slice, since the term may share
				// memory with the input text.
				stem := make([]byte, n)
				copy(stem, tok.Term[:n])
				stem[n-1] = 'y'
				tok.Term = stem
				continue
			}
			tok.Term = tok.Term[:n]
		}
	}
	return input
}

// minimalStem returns the length of w's stem: len(w) when w is kept,
// len(w)−1 when its s goes, and len(w)−2 for -ies, whose i then becomes y.
// It is Lucene's EnglishMinimalStemmer.stem, with its fall-through from
// the 'e' case to the default written out.
func minimalStem(w []byte) int {
	n := len(w)
	if n < 3 || w[n-1] != 's' {
		return n
	}
	switch w[n-2] {
	case 'u', 's':
		return n
	case 'e':
		if n > 3 && w[n-3] == 'i' && w[n-4] != 'a' && w[n-4] != 'e' {
			return n - 2
		}
		switch w[n-3] {
		case 'i', 'a', 'o', 'e':
			return n
		}
	}
	return n - 1
}
