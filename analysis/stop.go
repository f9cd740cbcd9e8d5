package analysis

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// StopName is the registered name of StopFilter.
const StopName = "sagasu_stop"

func init() {
	must(registry.RegisterTokenFilter(StopName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return StopFilter{}, nil
	}))
}

// englishStopWords is Lucene's English stop set (EnglishAnalyzer's
// ENGLISH_STOP_WORDS_SET, 33 words), the list FTS engines and Anserini's
// English analyzer use by default. A read-only table.
var englishStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in",
		"into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
		"these", "they", "this", "to", "was", "will", "with"} {
		m[w] = true
	}
	return m
}()

// IsEnglishStopWord reports whether w (lower case) is one of the English
// stop words StopFilter removes.
func IsEnglishStopWord(w string) bool { return englishStopWords[w] }

// StopFilter removes English stop words (Lucene's English set, lower
// case: it runs after lower-casing), leaving their positions empty as
// Bleve's stop filter does, so that a phrase across one still matches
// ("Bank of Japan" finds bank _ japan). Japanese is left as it is: a
// romaji reading of a Japanese word ("no", "to", "ni" read from
// katakana or a name) is not an English word, and is kept. A reading is
// told by its span: it covers the same bytes as the Japanese token before
// it.
type StopFilter struct{}

// Filter implements analysis.TokenFilter.
func (StopFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	jaStart, jaEnd := -1, -1
	for _, tok := range input {
		if tok.Type == analysis.Ideographic {
			jaStart, jaEnd = tok.Start, tok.End
		}
		reading := tok.Type != analysis.Ideographic && tok.Start == jaStart && tok.End == jaEnd
		if !reading && !tok.KeyWord && englishStopWords[string(tok.Term)] {
			continue
		}
		out = append(out, tok)
	}
	return out
}
