// Package analysis provides Sagasu's Bleve text analysis: the analyzer that
// title and body text go through at index and query time, and the token
// filters it is built from.
//
// Importing the package registers everything with Bleve's registry, so an
// index mapping can name the analyzer (Name) like any built-in one.
// Normalization is done in token filters, never in char filters, because
// token filters keep the byte offsets that highlighting depends on.
package analysis

//go:generate go run ./gen/englishromaji -dict /usr/share/dict/american-english -out english_romaji.txt

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// Name is the name under which Sagasu's text analyzer is registered.
const Name = "sagasu"

// MaxTokenRunes is the length above which a token is dropped: such "words"
// are base64 blobs or run-together junk, never something a reader searches.
const MaxTokenRunes = 100

func init() {
	must(registry.RegisterTokenFilter(AcronymName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return AcronymFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(PossessiveName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return PossessiveFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(RomajiFoldName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return RomajiFoldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(FoldName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return FoldFilter{}, nil
	}))
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return NewTokenizer(), nil
	}))
	must(registry.RegisterAnalyzer(Name, newAnalyzer))
}

// must panics on a registration error: a name registered twice is a
// programming error found the first time the binary starts.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// newAnalyzer builds the text analyzer: Tokenizer (Unicode words, Japanese
// morphemes with romaji readings), English possessives removed, dotted
// acronyms joined (U.S. → us), full/half width folded, lower case,
// diacritics folded (Shinzō → shinzo), romanized Japanese given one
// spelling (Shinzou, Tiba → shinzo, chiba), Porter stemming, and over-long
// tokens dropped. No stop words are removed: "US" and "who" matter in news.
func newAnalyzer(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	tokenizer, err := cache.TokenizerNamed(TokenizerName)
	if err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", Name, err)
	}
	names := []string{PossessiveName, AcronymName, lowercase.Name, FoldName, RomajiFoldName}
	filters := make([]analysis.TokenFilter, 0, len(names)+2)
	for _, n := range names {
		f, err := cache.TokenFilterNamed(n)
		if err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", Name, err)
		}
		filters = append(filters, f)
	}
	// Width folding goes before lower-casing (ＡＩ → AI → ai).
	filters = append(filters[:2], append([]analysis.TokenFilter{widthFilter{cjk.NewCJKWidthFilter()}}, filters[2:]...)...)
	filters = append(filters, newStemFilter(), lengthFilter{max: MaxTokenRunes})
	return &analysis.DefaultAnalyzer{Tokenizer: tokenizer, TokenFilters: filters}, nil
}
