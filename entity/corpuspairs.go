package entity

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/sagasu-search/sagasu/corpus"
)

// Pair is a romanized person and a Japanese writing of their name that an
// article names together, as pairNames pairs them: "Koji Sato" and 佐藤恒治.
type Pair struct {
	Person  string // the person's canonical name, in Latin letters
	Writing string // the name as an article writes it in Japanese
}

// MinPairArticles is how many articles of a corpus must pair a writing
// with a person before the person goes by the writing in every article:
// one article may pair by chance (two people of one reading in one
// story), several articles are evidence.
const MinPairArticles = 2

// CorpusPairs counts, across a corpus, the articles that pair a romanized
// person with a Japanese writing of the name. A writing that
// MinPairArticles articles or more pair with one person names that person
// in any article, and the person has the writing as an alias (see
// CorpusAliases). The counts are kept by article ID: annotating an article
// again replaces its pairs (Set), deleting it takes them back (Forget), so
// the counts are those of the articles the corpus holds, in any order of
// ingest, re-ingest and delete. It is safe for concurrent use; the zero
// value is not: use NewCorpusPairs.
type CorpusPairs struct {
	mu        sync.RWMutex
	byID      map[string][]Pair         // article ID → the pairs it makes
	byWriting map[string]map[string]int // writing → person → articles pairing them
	byPerson  map[string]map[string]int // person → writing → articles pairing them
}

// NewCorpusPairs returns counts of no articles.
func NewCorpusPairs() *CorpusPairs {
	return &CorpusPairs{byID: map[string][]Pair{}, byWriting: map[string]map[string]int{},
		byPerson: map[string]map[string]int{}}
}

// Set records that the article with the given ID pairs exactly pairs
// (none: nil), replacing what it paired before. A pair an article makes
// twice counts once.
func (c *CorpusPairs) Set(id string, pairs []Pair) {
	pairs = slices.Clone(pairs)
	slices.SortFunc(pairs, comparePairs)
	pairs = slices.Compact(pairs)
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.byID[id] {
		addCount(c.byWriting, p.Writing, p.Person, -1)
		addCount(c.byPerson, p.Person, p.Writing, -1)
	}
	delete(c.byID, id)
	for _, p := range pairs {
		addCount(c.byWriting, p.Writing, p.Person, 1)
		addCount(c.byPerson, p.Person, p.Writing, 1)
	}
	if len(pairs) > 0 {
		c.byID[id] = pairs
	}
}

// Forget takes back the pairs of the article with the given ID, as when
// it is deleted.
func (c *CorpusPairs) Forget(id string) { c.Set(id, nil) }

// Encoded returns the pairs the article with the given ID makes, each as
// "Person\tWriting", sorted; nil when it makes none. It is what an index
// stores with the article to rebuild the counts when it opens (see
// SetEncoded); it makes *CorpusPairs an indexer.NamePairs.
func (c *CorpusPairs) Encoded(id string) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var out []string
	for _, p := range c.byID[id] {
		out = append(out, p.Person+"\t"+p.Writing)
	}
	return out
}

// SetEncoded is Set with the pairs as Encoded gives them; a value without
// a tab, or with an empty side, is no pair and is skipped.
func (c *CorpusPairs) SetEncoded(id string, encoded []string) {
	var pairs []Pair
	for _, e := range encoded {
		person, writing, ok := strings.Cut(e, "\t")
		if ok && person != "" && writing != "" {
			pairs = append(pairs, Pair{Person: person, Writing: writing})
		}
	}
	c.Set(id, pairs)
}

// Person returns the person that MinPairArticles articles or more pair
// with writing; when several are, the one most articles pair, and none on
// a tie.
func (c *CorpusPairs) Person(writing string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	best, most, tie := "", 0, false
	for person, n := range c.byWriting[writing] {
		switch {
		case n < MinPairArticles || n < most:
		case n == most:
			tie = true
		default:
			best, most, tie = person, n, false
		}
	}
	if tie {
		return "", false
	}
	return best, most > 0
}

// Writings returns the writings that name person by the evidence of the
// corpus (those whose Person is person), sorted; nil when there are none.
func (c *CorpusPairs) Writings(person string) []string {
	c.mu.RLock()
	candidates := slices.Sorted(maps.Keys(c.byPerson[person]))
	c.mu.RUnlock()
	var out []string
	for _, w := range candidates {
		if p, ok := c.Person(w); ok && p == person {
			out = append(out, w)
		}
	}
	return out
}

// addCount adds d to m[a][b], dropping counts that reach zero.
func addCount(m map[string]map[string]int, a, b string, d int) {
	if m[a] == nil {
		m[a] = map[string]int{}
	}
	m[a][b] += d
	if m[a][b] <= 0 {
		delete(m[a], b)
	}
	if len(m[a]) == 0 {
		delete(m, a)
	}
}

// comparePairs orders pairs by person, then writing.
func comparePairs(a, b Pair) int {
	return cmp.Or(cmp.Compare(a.Person, b.Person), cmp.Compare(a.Writing, b.Writing))
}

// CorpusAliases makes the extractor count in c the pairs each article it
// annotates makes (by the article's ID; an article without one is not
// counted), and use c's evidence: a Japanese writing the article does not
// pair names the person c pairs it with, and Lookup gives a person the
// writings c pairs with it as aliases. The same c may serve several
// extractors (the annotator of ingest and the resolver of queries).
func CorpusAliases(c *CorpusPairs) Option {
	return func(x *Extractor) { x.pairs = c }
}

// withCorpusAliases returns e, a person named name (e is the zero Entity
// when nothing else knows the name), with the writings the corpus pairs
// with the name as aliases; ok reports whether e is a person then.
func (x *Extractor) withCorpusAliases(name string, e Entity, known bool) (Entity, bool) {
	if x.pairs == nil || known && e.Type != corpus.TypePerson {
		return e, known
	}
	if !known {
		e = Entity{Type: corpus.TypePerson, Name: name}
	}
	ws := x.pairs.Writings(e.Name)
	if len(ws) == 0 {
		return e, known
	}
	for _, w := range ws {
		if !slices.Contains(e.Aliases, w) {
			e.Aliases = append(e.Aliases[:len(e.Aliases):len(e.Aliases)], w)
		}
	}
	return e, true
}
