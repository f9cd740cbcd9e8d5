package bench

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	porterstemmer "github.com/blevesearch/go-porterstemmer"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher"
)

// Query is one search of the mix, in terms every engine can run: words
// that must all match (or one phrase), an optional entity filter, the
// order and the page. Every engine answers it with facets and
// highlighted snippets.
type Query struct {
	// Key names the query in benchmarks and JSON: "common_word".
	Key string `json:"key"`
	// Name is what the table calls it: "common word".
	Name string `json:"name"`
	// Words must all match; with Phrase set, in this order, adjacent.
	Words  []string `json:"words"`
	Phrase bool     `json:"phrase,omitempty"`
	// Entity, when set, keeps only articles naming it.
	Entity *EntityFilter `json:"entity,omitempty"`
	// SortDate orders by publication, newest first, instead of relevance.
	SortDate bool `json:"sort_date,omitempty"`
	// From and Size select the page of hits.
	From int `json:"from,omitempty"`
	Size int `json:"size"`
}

// EntityFilter names an entity by type (corpus.TypePerson, …) and
// canonical name.
type EntityFilter struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

// Text returns the query as a user types it into Sagasu: the words
// separated by spaces, a phrase in double quotes.
func (q Query) Text() string {
	s := strings.Join(q.Words, " ")
	if q.Phrase {
		return `"` + s + `"`
	}
	return s
}

// Describe returns the query in one line: `"prime minister"`, `said
// from=1000`, `rate + organization:Bank of Japan, by date`.
func (q Query) Describe() string {
	s := q.Text()
	if q.Entity != nil {
		s += " + " + q.Entity.Type + ":" + q.Entity.Name
	}
	if q.SortDate {
		s += ", by date"
	}
	if q.From > 0 {
		s += " from=" + strconv.Itoa(q.From)
	}
	return s
}

// Request returns the query as a Sagasu search request.
func (q Query) Request() searcher.Request {
	r := searcher.Request{Query: q.Text(), From: q.From, Size: q.Size}
	if q.Entity != nil {
		r.Entities = []searcher.EntityFilter{{Type: q.Entity.Type, Name: q.Entity.Name}}
	}
	if q.SortDate {
		r.Sort = searcher.SortDate
	}
	return r
}

// SagasuPath returns the query as a GET of Sagasu's API.
func (q Query) SagasuPath() string {
	v := url.Values{"q": {q.Text()}, "size": {strconv.Itoa(q.Size)}}
	if q.From > 0 {
		v.Set("from", strconv.Itoa(q.From))
	}
	if q.Entity != nil {
		v.Set("entity", q.Entity.Type+":"+q.Entity.Name)
	}
	if q.SortDate {
		v.Set("sort", searcher.SortDate)
	}
	return "/api/v1/search?" + v.Encode()
}

// DeepFrom is the first hit of the deep page.
const DeepFrom = 1000

// pageSize is the hits per page of every query, Sagasu's default.
const pageSize = searcher.DefaultSize

// facetSize is the values per facet every engine returns, Sagasu's
// default.
const facetSize = searcher.DefaultFacetSize

// Mix returns the fixed query mix for a corpus with the statistics st, in
// this order: a common word (the non-stop word in most English articles),
// a rare word (one in about ten articles, the only word of its stem), two
// words (the 5th and 10th commonest), a phrase ("prime minister" when the
// corpus has it, else its commonest pair of adjacent words), a person's
// name in the other order (the most named person of two words:
// "Kishida Fumio"), an entity filter (the 3rd commonest word, only in
// articles naming the most named organization), a date-sorted query (the
// 20th commonest word, newest first) and a deep page (the common word
// from hit 1,000). It fails when the corpus is too small or too odd to
// give one of them.
func (st *corpusStats) Mix() ([]Query, error) {
	common := st.commonWords(20)
	if len(common) < 20 {
		return nil, fmt.Errorf("bench: the corpus has %d common words (non-stop words of 3 letters or more), the mix needs 20: too few English articles", len(common))
	}
	rare, err := st.rareWord(10)
	if err != nil {
		return nil, err
	}
	phrase, err := st.phrase("prime minister")
	if err != nil {
		return nil, err
	}
	person, err := st.topEntity(corpus.TypePerson, func(name string) bool {
		f := strings.Fields(name)
		return len(f) == 2 && isLetters(f[0]) && isLetters(f[1])
	})
	if err != nil {
		return nil, err
	}
	org, err := st.topEntity(corpus.TypeOrganization, func(string) bool { return true })
	if err != nil {
		return nil, err
	}
	f := strings.Fields(person)
	return []Query{
		{Key: "common_word", Name: "common word", Words: []string{common[0]}, Size: pageSize},
		{Key: "rare_word", Name: "rare word", Words: []string{rare}, Size: pageSize},
		{Key: "two_words", Name: "two words", Words: []string{common[4], common[9]}, Size: pageSize},
		{Key: "phrase", Name: "phrase", Words: strings.Fields(phrase), Phrase: true, Size: pageSize},
		{Key: "name_other_order", Name: "name, other order", Words: []string{f[1], f[0]}, Size: pageSize},
		{Key: "entity_filter", Name: "entity filter", Words: []string{common[2]},
			Entity: &EntityFilter{Type: corpus.TypeOrganization, Name: org}, Size: pageSize},
		{Key: "date_sorted", Name: "date-sorted", Words: []string{common[19]}, SortDate: true, Size: pageSize},
		{Key: "deep_page", Name: "deep page", Words: []string{common[0]}, From: DeepFrom, Size: pageSize},
	}, nil
}

// commonWords returns up to n words of three letters or more that are not
// stop words, in most English articles first (ties alphabetical).
func (st *corpusStats) commonWords(n int) []string {
	var ws []string
	for w := range st.df {
		if len(w) >= 3 && !isStopWord(w) && isLetters(w) {
			ws = append(ws, w)
		}
	}
	slices.SortFunc(ws, func(a, b string) int {
		if st.df[a] != st.df[b] {
			return st.df[b] - st.df[a]
		}
		return strings.Compare(a, b)
	})
	return ws[:min(n, len(ws))]
}

// rareWord returns a word of six letters or more, the only word of the
// corpus with its Porter stem (so that stemming engines find what the
// others find), in the number of English articles closest to target
// (ties alphabetical).
func (st *corpusStats) rareWord(target int) (string, error) {
	stems := map[string]int{}
	for w := range st.df {
		stems[porterstemmer.StemString(w)]++
	}
	best, bestDist := "", -1
	for w, n := range st.df {
		if len(w) < 6 || !isLetters(w) || isStopWord(w) || stems[porterstemmer.StemString(w)] != 1 {
			continue
		}
		d := max(n-target, target-n)
		if bestDist < 0 || d < bestDist || d == bestDist && w < best {
			best, bestDist = w, d
		}
	}
	if best == "" {
		return "", fmt.Errorf("bench: no rare word in the corpus: too few English articles")
	}
	return best, nil
}

// phrase returns want when the sample holds it, else the commonest pair
// of adjacent non-stop words (ties alphabetical).
func (st *corpusStats) phrase(want string) (string, error) {
	if st.bigrams[want] > 0 {
		return want, nil
	}
	best := ""
	for bg, n := range st.bigrams {
		if f := strings.Fields(bg); len(f[0]) < 3 || len(f[1]) < 3 {
			continue
		}
		if best == "" || n > st.bigrams[best] || n == st.bigrams[best] && bg < best {
			best = bg
		}
	}
	if best == "" {
		return "", fmt.Errorf("bench: no phrase in the corpus: too few English articles")
	}
	return best, nil
}

// topEntity returns the entity of type typ that ok accepts and the most
// articles name (ties alphabetical).
func (st *corpusStats) topEntity(typ string, ok func(string) bool) (string, error) {
	best := ""
	for name, n := range st.entities[typ] {
		if !ok(name) {
			continue
		}
		if best == "" || n > st.entities[typ][best] || n == st.entities[typ][best] && name < best {
			best = name
		}
	}
	if best == "" {
		return "", fmt.Errorf("bench: no article names a %s the mix can use", typ)
	}
	return best, nil
}

// isLetters reports whether s is made of letters only.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// isStopWord reports whether w (lower case) is one of Sagasu's stop words
// (package searcher drops them from relaxed queries), or the "s" or "t"
// left by splitting a word at its apostrophe: the mix searches content
// words.
func isStopWord(w string) bool { return w == "s" || w == "t" || queryplan.IsStopWord(w) }
