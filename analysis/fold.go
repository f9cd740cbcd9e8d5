package analysis

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	sagasutext "github.com/sagasu-search/sagasu/text"
)

// FoldName is the registered name of FoldFilter.
const FoldName = "sagasu_fold"

func init() {
	must(registry.RegisterTokenFilter(FoldName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return FoldFilter{}, nil
	}))
}

// FoldFilter removes diacritics from Latin letters (text.FoldLatinBytes),
// so that "Shinzō", "Shinzô" and "Shinzo" index one term, and "café"
// matches "cafe". Tokens in other scripts are left alone: kana keep their
// voicing marks (が stays が), because there the mark changes the sound.
// Being a token filter, it keeps the offsets of the text as written.
type FoldFilter struct{}

// Filter implements analysis.TokenFilter.
func (FoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		tok.Term = sagasutext.FoldLatinBytes(tok.Term)
	}
	return input
}

// FoldString returns s lower-cased with the diacritics of Latin letters
// removed, the way FoldFilter and the lower-case filter treat a token:
// FoldString("Shinzō") == "shinzo". It suits comparing names and prefixes
// outside the index.
func FoldString(s string) string {
	return sagasutext.FoldLatin(strings.ToLower(s))
}
