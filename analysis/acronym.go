package analysis

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// AcronymName is the registered name of AcronymFilter.
const AcronymName = "sagasu_acronym"

func init() {
	must(registry.RegisterTokenFilter(AcronymName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return AcronymFilter{}, nil
	}))
}

// AcronymFilter joins dotted acronyms into one word, so that "U.S." (which
// the Unicode tokenizer yields as "U.S") and "US" index the same term, and
// "D.C." matches "DC". A token qualifies when it alternates single letters
// and dots: "U.S", "U.S.A", "e.g". Other tokens, such as "3.5" or "node.js",
// pass unchanged. Offsets are kept, so highlighting marks "U.S" as written.
type AcronymFilter struct{}

// Filter implements analysis.TokenFilter.
func (AcronymFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if bytes.IndexByte(tok.Term, '.') >= 0 && isDottedAcronym(tok.Term) {
			tok.Term = dropDots(tok.Term)
		}
	}
	return input
}

// isDottedAcronym reports whether term is letter(.letter)+ with an optional
// trailing dot.
func isDottedAcronym(term []byte) bool {
	letters := 0
	wantLetter := true
	for i := 0; i < len(term); {
		r, size := utf8.DecodeRune(term[i:])
		i += size
		switch {
		case wantLetter && unicode.IsLetter(r):
			letters++
			wantLetter = false
		case !wantLetter && r == '.':
			wantLetter = true
		default:
			return false
		}
	}
	return letters >= 2
}

// dropDots returns a copy of term without its dots; term may share the
// input text's bytes, which a filter must not change.
func dropDots(term []byte) []byte {
	out := make([]byte, 0, len(term))
	for _, b := range term {
		if b != '.' {
			out = append(out, b)
		}
	}
	return out
}
