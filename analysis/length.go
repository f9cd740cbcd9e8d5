package analysis

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// LengthName is the registered name of the filter that drops tokens longer
// than MaxTokenRunes.
const LengthName = "sagasu_length"

// MaxTokenRunes is the length above which a token is dropped: such "words"
// are base64 blobs or run-together junk, never something a reader searches.
const MaxTokenRunes = 100

func init() {
	must(registry.RegisterTokenFilter(LengthName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return lengthFilter{max: MaxTokenRunes}, nil
	}))
}

// lengthFilter drops tokens longer than max runes; a token of at most max
// bytes is kept without counting.
type lengthFilter struct {
	max int
}

// Filter implements analysis.TokenFilter.
func (l lengthFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		if len(tok.Term) > 0 && (len(tok.Term) <= l.max || utf8.RuneCount(tok.Term) <= l.max) {
			out = append(out, tok)
		}
	}
	return out
}
