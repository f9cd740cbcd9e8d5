package analysis

import (
	"fmt"
	"strings"
)

// Stemmers a Variant may use.
const (
	StemPorter  = "porter"  // Porter's algorithm (StemName), the default
	StemMinimal = "minimal" // plurals only (MinimalStemName)
	StemNone    = "none"    // no stemming
)

// Variant is one way of analyzing English text, chosen when an index is
// built: a stemmer and whether English stop words are removed. Japanese
// text is analyzed the same way by every variant. Each variant is a
// registered analyzer (Name returns its name), so that an index mapping
// names it and the query planner, which analyzes queries with the
// mapping's analyzer, follows it.
type Variant struct {
	Stemmer   string // StemPorter, StemMinimal or StemNone
	StopWords bool   // remove Lucene's English stop words (StopFilter)
}

// DefaultVariant is Sagasu's analysis: Porter stemming, no stop words
// removed. Its analyzer is registered as Name.
func DefaultVariant() Variant { return Variant{Stemmer: StemPorter} }

// Variants returns every variant, the default first.
func Variants() []Variant {
	var out []Variant
	for _, stop := range []bool{false, true} {
		for _, stem := range []string{StemPorter, StemMinimal, StemNone} {
			out = append(out, Variant{Stemmer: stem, StopWords: stop})
		}
	}
	return out
}

// Name is the name v's analyzer is registered under: Name for the
// default, else "sagasu_<stemmer>" with "_stop" when it removes stop
// words (sagasu_minimal_stop).
func (v Variant) Name() string {
	if v == DefaultVariant() {
		return Name
	}
	n := Name + "_" + v.Stemmer
	if v.StopWords {
		n += "_stop"
	}
	return n
}

// VariantNamed returns the variant whose analyzer is called name ("" is
// the default), or an error listing the names.
func VariantNamed(name string) (Variant, error) {
	if name == "" {
		return DefaultVariant(), nil
	}
	var names []string
	for _, v := range Variants() {
		if v.Name() == name {
			return v, nil
		}
		names = append(names, v.Name())
	}
	return Variant{}, fmt.Errorf("unknown analyzer %q: use one of %s", name, strings.Join(names, ", "))
}
