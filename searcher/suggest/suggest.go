// Package suggest proposes a corrected query — "did you mean" — for a query
// that finds nothing. A word the index does not hold is replaced by the
// nearest word it does hold (fewest edits, then most articles), a word that
// is two words run together is split (toyotahonda → toyota honda), and two
// words that the index holds as one are joined (semi conductor →
// semiconductor). Operators, quoted phrases' quotes, field prefixes and
// Japanese text are kept as typed; only Latin words are corrected.
//
// The package knows nothing of Bleve: the caller gives it an Index (term
// frequencies, near terms, how articles write a term) and an Analyzer (the
// index's own, so that a word is looked up as the index holds it).
package suggest

import (
	"context"
	"fmt"
)

// Candidate is an index term near a word.
type Candidate struct {
	Term  string // as the index holds it
	Freq  uint64 // articles that hold it
	Edits int    // edits from the word's term (a transposition is one, as the index counts)
}

// Index is what the suggester asks of an index. Terms are analyzed terms,
// as the index holds them.
type Index interface {
	// Freq returns how many articles hold term.
	Freq(ctx context.Context, term string) (uint64, error)
	// Near returns the terms within edits of term (not term itself).
	Near(ctx context.Context, term string, edits int) ([]Candidate, error)
	// Surface returns how an article writes term ("Panasonic" for the
	// stemmed "panason"), or "" when no article shows it.
	Surface(ctx context.Context, term string) (string, error)
}

// Analyzer returns the index terms of one word; a word that analyzes to
// anything but one term is left as typed.
type Analyzer func(word string) []string

// Suggester proposes corrections against one index.
type Suggester struct {
	index   Index
	analyze Analyzer
}

// New returns a Suggester over ix that analyzes words with a.
func New(ix Index, a Analyzer) *Suggester {
	return &Suggester{index: ix, analyze: a}
}

// Suggest returns query with its unknown words corrected, and whether
// anything changed. It does not check that the suggestion finds articles:
// the caller runs it and offers it only if it does.
func (s *Suggester) Suggest(ctx context.Context, query string) (string, bool, error) {
	parts := scan(query)
	known, err := s.knownWords(ctx, parts)
	if err != nil {
		return "", false, fmt.Errorf("suggest for %q: %w", query, err)
	}
	changed := false
	for i := range parts {
		if !parts[i].word || known[i] {
			continue
		}
		ok, err := s.fix(ctx, parts, i)
		if err != nil {
			return "", false, fmt.Errorf("suggest for %q: %w", query, err)
		}
		changed = changed || ok
	}
	if !changed {
		return query, false, nil
	}
	return join(parts), true, nil
}

// knownWords tells, for each word part, whether the index holds it. A word
// that is not one term is counted as known: it is left as typed.
func (s *Suggester) knownWords(ctx context.Context, parts []part) (map[int]bool, error) {
	known := map[int]bool{}
	for i, p := range parts {
		if !p.word {
			continue
		}
		t, ok := s.term(p.text)
		if !ok {
			known[i] = true
			continue
		}
		f, err := s.index.Freq(ctx, t)
		if err != nil {
			return nil, err
		}
		known[i] = f > 0
	}
	return known, nil
}

// term is the one index term of word, if it has exactly one.
func (s *Suggester) term(word string) (string, bool) {
	terms := s.analyze(word)
	if len(terms) != 1 || terms[0] == "" {
		return "", false
	}
	return terms[0], true
}
