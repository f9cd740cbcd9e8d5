package analysis

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// PossessiveName is the registered name of PossessiveFilter.
const PossessiveName = "sagasu_possessive"

func init() {
	must(registry.RegisterTokenFilter(PossessiveName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return PossessiveFilter{}, nil
	}))
}

// possessiveSuffixes are 's with the apostrophes news text uses.
var possessiveSuffixes = [][]byte{[]byte("'s"), []byte("’s"), []byte("＇s"), []byte("'S"), []byte("’S")}

// PossessiveFilter removes an English possessive ('s, ’s) from a token and,
// unlike Bleve's possessive_en, also moves the token's end offset back, so
// that a match in "Kishida's" is highlighted as "<mark>Kishida</mark>'s".
type PossessiveFilter struct{}

// Filter implements analysis.TokenFilter.
func (PossessiveFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if n := len(tok.Term); n < 3 || (tok.Term[n-1] != 's' && tok.Term[n-1] != 'S') {
			continue
		}
		for _, suffix := range possessiveSuffixes {
			if len(tok.Term) > len(suffix) && bytes.HasSuffix(tok.Term, suffix) {
				tok.Term = tok.Term[:len(tok.Term)-len(suffix)]
				if tok.End-tok.Start >= len(suffix) {
					tok.End -= len(suffix)
				}
				break
			}
		}
	}
	return input
}
