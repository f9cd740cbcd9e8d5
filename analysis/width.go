package analysis

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/registry"
)

// WidthName is the registered name of the width-folding filter.
const WidthName = "sagasu_width"

func init() {
	must(registry.RegisterTokenFilter(WidthName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return widthFilter{inner: cjk.NewCJKWidthFilter()}, nil
	}))
}

// widthFilter folds full- and half-width forms (ＡＩ → AI, ｶﾅ → カナ) like
// Bleve's cjk_width, skipping the ASCII tokens that make up most of
// English text: cjk_width decodes every token into runes.
type widthFilter struct {
	inner *cjk.CJKWidthFilter
}

// Filter implements analysis.TokenFilter.
func (w widthFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for i, tok := range input {
		if !isASCII(tok.Term) {
			input[i] = w.inner.Filter(analysis.TokenStream{tok})[0]
		}
	}
	return input
}
