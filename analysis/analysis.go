// Package analysis provides Sagasu's Bleve text analysis: the analyzer that
// title and body text go through at index and query time, and the
// tokenizer and token filters it is built from.
//
// As in Bleve's own analysis packages, each component lives in its own file
// and registers itself with Bleve's registry under its own name; the
// analyzer (Name) is declared below as a tokenizer name and a list of token
// filter names, so that an index mapping can name it like any built-in one.
// Normalization is done in token filters, never in char filters, because
// token filters keep the byte offsets that highlighting depends on.
package analysis

//go:generate go run ./gen/englishromaji -dict /usr/share/dict/american-english -out english_romaji.txt

import (
	"fmt"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// Name is the name under which Sagasu's text analyzer, the default
// Variant, is registered.
const Name = "sagasu"

// filters returns the token filters of variant v, in order, after
// TokenizerName (Unicode words, Japanese morphemes with romaji readings,
// boundaries, hyphen joins). The default removes no stop words: "US" and
// "who" matter in news.
func filters(v Variant) []string {
	out := []string{
		PossessiveName, // English possessive removed: Kishida's → Kishida
		AcronymName,    // dotted acronyms joined: U.S → US
		WidthName,      // full and half width folded, before lower case: ＡＩ → AI, ｶﾅ → カナ
		lowercase.Name, // AI → ai
	}
	if v.StopWords {
		out = append(out, StopName) // English stop words dropped: the, of
	}
	out = append(out,
		FoldName,       // diacritics of Latin letters removed: shinzō → shinzo
		RomajiFoldName, // romanized Japanese given one spelling: shinzou, tiba → shinzo, chiba
	)
	switch v.Stemmer {
	case StemPorter:
		out = append(out, StemName) // Porter stemming: investments → invest
	case StemMinimal:
		out = append(out, MinimalStemName) // plurals only: investments → investment
	}
	return append(out, LengthName) // tokens over MaxTokenRunes dropped
}

func init() {
	for _, v := range Variants() {
		must(registry.RegisterAnalyzer(v.Name(), analyzerOf(v)))
	}
}

// analyzerOf returns the constructor of variant v's analyzer: Bleve's
// custom analyzer from TokenizerName and filters(v).
func analyzerOf(v Variant) registry.AnalyzerConstructor {
	return func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		a, err := custom.AnalyzerConstructor(map[string]interface{}{
			"type":          custom.Name,
			"tokenizer":     TokenizerName,
			"token_filters": filters(v),
		}, cache)
		if err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", v.Name(), err)
		}
		return a, nil
	}
}

// must panics on a registration error: a name registered twice is a
// programming error found the first time the binary starts.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// isASCII reports whether b is all ASCII, which several filters skip.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
