package namedict

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// writingTable holds the writings of surnames or of given names with their
// readings, one line each ("金子\tかねこ\tかなこ"), in the lexicon file's
// sorted order, as one string searched by halves: a quarter of the memory
// of a map of 100,000 writings, and nothing to build.
type writingTable struct {
	text  strings.Builder
	lines []int32 // where each line starts in text
	last  string  // the last writing added, to check the order
}

// add appends the fields of one line, a writing and its readings.
func (t *writingTable) add(writing string, readings []string) error {
	if writing <= t.last && len(t.lines) > 0 {
		return fmt.Errorf("writing %q out of order after %q", writing, t.last)
	}
	t.last = writing
	t.lines = append(t.lines, int32(t.text.Len()))
	t.text.WriteString(writing)
	for _, r := range readings {
		t.text.WriteByte('\t')
		t.text.WriteString(r)
	}
	t.text.WriteByte('\n')
	return nil
}

// line returns the i-th line's writing and the rest of it.
func (t *writingTable) line(i int) (writing, rest string) {
	s := t.text.String()[t.lines[i]:]
	s = s[:strings.IndexByte(s, '\n')]
	writing, rest, _ = strings.Cut(s, "\t")
	return writing, rest
}

// has reports whether writing is in the table.
func (t *writingTable) has(writing string) bool { return t.readings(writing) != "" }

// readings returns writing's readings, tab-separated in dictionary order,
// or "".
func (t *writingTable) readings(writing string) string {
	i := sort.Search(len(t.lines), func(i int) bool {
		w, _ := t.line(i)
		return w >= writing
	})
	if i == len(t.lines) {
		return ""
	}
	if w, rest := t.line(i); w == writing {
		return rest
	}
	return ""
}

// ranked returns writing's readings, the ones more listed people have
// first, then in dictionary order.
func (t *writingTable) ranked(writing string, use map[[2]string]int) []string {
	rest := t.readings(writing)
	if rest == "" {
		return nil
	}
	rs := strings.Split(rest, "\t")
	slices.SortStableFunc(rs, func(a, b string) int { return use[[2]string{writing, b}] - use[[2]string{writing, a}] })
	return rs
}
