package suggest

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fix corrects the unknown word parts[i] in place, trying in turn: joining
// it with the next or the previous word, the nearest term one edit away,
// splitting it in two known words, the nearest term two edits away (for
// words of LongWord letters or more). A fixed part is no longer a word, so
// it is not fixed twice. It reports whether it changed anything.
func (s *Suggester) fix(ctx context.Context, parts []part, i int) (bool, error) {
	for _, first := range []int{i, i - 2} {
		if first < 0 || !spaceBetween(parts, first) {
			continue
		}
		if ok, err := s.joinPair(ctx, parts, first); ok || err != nil {
			return ok, err
		}
	}
	word := parts[i].text
	t, ok := s.term(word)
	if !ok {
		return false, nil
	}
	fixed, err := s.replacement(ctx, word, t)
	if err != nil || fixed == "" {
		return false, err
	}
	parts[i] = part{text: fixed}
	return true, nil
}

// LongWord is the length from which a word may be two edits from its fix.
const LongWord = 5

// replacement is the fix for one unknown word (term t): a near term or a
// split, or "" when there is none.
func (s *Suggester) replacement(ctx context.Context, word, t string) (string, error) {
	c, err := s.nearest(ctx, t, 1)
	if err != nil {
		return "", err
	}
	if c == "" {
		left, right, err := s.split(ctx, word)
		if err != nil || left != "" {
			return strings.TrimSpace(left + " " + right), err
		}
		if utf8.RuneCountInString(word) < LongWord {
			return "", nil
		}
		if c, err = s.nearest(ctx, t, 2); err != nil || c == "" {
			return "", err
		}
	}
	return s.render(ctx, word, c)
}

// joinPair joins the words parts[i] and parts[i+2] when the index holds
// them as one word.
func (s *Suggester) joinPair(ctx context.Context, parts []part, i int) (bool, error) {
	j := i + 2
	joined := parts[i].text + parts[j].text
	t, ok := s.term(joined)
	if !ok {
		return false, nil
	}
	f, err := s.index.Freq(ctx, t)
	if err != nil || f == 0 {
		return false, err
	}
	fixed, err := s.render(ctx, joined, t)
	if err != nil {
		return false, err
	}
	parts[i], parts[i+1], parts[j] = part{text: fixed}, part{}, part{}
	return true, nil
}

// nearest is the index term within edits of t with the fewest edits, then
// the most articles, then first in order; "" when there is none.
func (s *Suggester) nearest(ctx context.Context, t string, edits int) (string, error) {
	cands, err := s.index.Near(ctx, t, edits)
	if err != nil || len(cands) == 0 {
		return "", err
	}
	sort.Slice(cands, func(a, b int) bool {
		ca, cb := cands[a], cands[b]
		if ca.Edits != cb.Edits {
			return ca.Edits < cb.Edits
		}
		if ca.Freq != cb.Freq {
			return ca.Freq > cb.Freq
		}
		return ca.Term < cb.Term
	})
	if cands[0].Term == t || cands[0].Freq == 0 {
		return "", nil
	}
	return cands[0].Term, nil
}

// split cuts word in two known words of two letters or more, choosing the
// cut whose rarer half is the most common; "" when no cut gives two.
func (s *Suggester) split(ctx context.Context, word string) (string, string, error) {
	var left, right string
	var best uint64
	runes := []rune(word)
	for cut := 2; cut <= len(runes)-2; cut++ {
		l, r := string(runes[:cut]), string(runes[cut:])
		fl, err := s.freq(ctx, l)
		if err != nil || fl == 0 {
			if err != nil {
				return "", "", err
			}
			continue
		}
		fr, err := s.freq(ctx, r)
		if err != nil {
			return "", "", err
		}
		if m := min(fl, fr); m > best {
			left, right, best = l, r, m
		}
	}
	return left, right, nil
}

// freq is how many articles hold word's one term (0 if it has not one).
func (s *Suggester) freq(ctx context.Context, word string) (uint64, error) {
	t, ok := s.term(word)
	if !ok {
		return 0, nil
	}
	return s.index.Freq(ctx, t)
}

// render writes term t as an article does, in the case the user typed
// word: "panasonnic" → "panasonic", "Panasonnic" → "Panasonic".
func (s *Suggester) render(ctx context.Context, word, t string) (string, error) {
	surface, err := s.index.Surface(ctx, t)
	if err != nil {
		return "", err
	}
	if surface == "" || !allLatin(surface) {
		surface = t
	}
	return matchCase(word, surface), nil
}

// matchCase gives surface the case pattern of typed: all lower, all upper
// (two letters or more), or capitalized; otherwise surface as articles
// write it.
func matchCase(typed, surface string) string {
	switch {
	case typed == strings.ToLower(typed):
		return strings.ToLower(surface)
	case utf8.RuneCountInString(typed) > 1 && typed == strings.ToUpper(typed):
		return strings.ToUpper(surface)
	}
	if first, _ := utf8.DecodeRuneInString(typed); unicode.IsUpper(first) {
		r, n := utf8.DecodeRuneInString(surface)
		return string(unicode.ToUpper(r)) + surface[n:]
	}
	return surface
}

func allLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !isLatinLetter(r) {
			return false
		}
	}
	return true
}
