package entity

import (
	"slices"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
)

// Mention is an entity named in a text.
type Mention struct {
	Entity Entity `json:"entity"`
	Start  int    `json:"start"` // byte offset of the name in the text
	End    int    `json:"end"`   // byte offset just past it, before any possessive "'s"
	Text   string `json:"text"`  // the name as written, text[Start:End]
}

// Extractor finds a gazetteer's entities in text. It compiles every name and
// alias into a trie of unit keys (words, or single characters of Japanese,
// Chinese and Korean) and reads a text's units once, so its cost grows with
// the text, not with the gazetteer. It is safe for concurrent use.
//
// Matching rules:
//   - Words match whole: "Arm" is not in "Armenia", nor "US" in "USB".
//   - A capitalized alias word needs a capitalized or all-caps text word
//     ("Arm", "ARM", "Softbank"; not "arm"); an all-caps alias word needs an
//     all-caps one ("US", "U.S."; not "us" or "Us"); lower-case alias words
//     ("of") match in any case.
//   - Case, diacritics, width, the dots of initials and a possessive "'s" or
//     "’s" are ignored otherwise: "Shinzō" = "Shinzo", "U.S" = "U.S." = "US".
//   - The words of a name may be separated by spaces, a hyphen, a middle dot
//     or one line break; other punctuation ends a name.
//   - Japanese, Chinese and Korean aliases match as substrings ("岸田" in
//     "岸田首相"), except that a katakana alias is not cut out of a longer
//     katakana word ("アーム" is not in "ロボットアーム").
//   - The longest match at the leftmost position wins and hides the shorter
//     matches it overlaps: "University of Washington" is not also the place
//     Washington, and an ignore phrase ("日本人") hides the alias in it.
type Extractor struct {
	g    *Gazetteer
	root *node
}

// node is a trie node: the units read so far lead here.
type node struct {
	next     map[string]*node
	variants []variant // names that end here
}

// variant is one name or ignore phrase ending at a node, with the shape of
// each of its words.
type variant struct {
	entity int // index in the gazetteer's entities; -1 for an ignore phrase
	shapes []shape
}

// NewExtractor compiles g (nil for an empty gazetteer) into an Extractor.
func NewExtractor(g *Gazetteer) *Extractor {
	if g == nil {
		g = &Gazetteer{}
	}
	x := &Extractor{g: g, root: &node{}}
	for i, e := range g.entities {
		for _, name := range e.names() {
			x.add(name, i)
		}
	}
	for _, p := range g.ignore {
		x.add(p, -1)
	}
	return x
}

// add puts name, a name of the entity with index ent (or an ignore phrase
// for -1), in the trie.
func (x *Extractor) add(name string, ent int) {
	us := appendUnits(nil, name)
	n := x.root
	shapes := make([]shape, len(us))
	for i, u := range us {
		if n.next == nil {
			n.next = make(map[string]*node)
		}
		child, ok := n.next[u.key]
		if !ok {
			child = &node{}
			n.next[u.key] = child
		}
		n, shapes[i] = child, u.shape
	}
	v := variant{entity: ent, shapes: shapes}
	if !slices.ContainsFunc(n.variants, v.equal) {
		n.variants = append(n.variants, v)
	}
}

// equal reports whether v and w are the same entity with the same shapes.
func (v variant) equal(w variant) bool {
	return v.entity == w.entity && slices.Equal(v.shapes, w.shapes)
}

// matches reports whether the text units us satisfy v's capitalization.
func (v variant) matches(us []unit) bool {
	for i, s := range v.shapes {
		if !us[i].shape.satisfies(s) {
			return false
		}
	}
	return true
}

// Mentions returns the entities named in text, in text order. A name that
// several entities of different types share yields a mention of each.
func (x *Extractor) Mentions(text string) []Mention {
	var out []Mention
	x.scan(text, func(ent, start, end int) {
		out = append(out, Mention{Entity: x.g.entities[ent].clone(), Start: start, End: end, Text: text[start:end]})
	})
	return out
}

// Extract returns the canonical names of the entities named in any of texts
// (say an article's title and body), by type, sorted and without duplicates.
// A type without entities is nil.
func (x *Extractor) Extract(texts ...string) corpus.Entities {
	found := make(map[int]bool)
	for _, text := range texts {
		x.scan(text, func(ent, _, _ int) { found[ent] = true })
	}
	var out corpus.Entities
	for ent := range found {
		e := x.g.entities[ent]
		out.Set(e.Type, append(out.ByType(e.Type), e.Name))
	}
	for _, typ := range corpus.EntityTypes {
		slices.Sort(out.ByType(typ))
	}
	return out
}

// Annotate returns the entities of article a: those its title and body name,
// and those it arrived with, the latter by canonical name when the
// gazetteer knows them and as given otherwise. It makes *Extractor an
// indexer.Annotator.
func (x *Extractor) Annotate(a corpus.Article) corpus.Entities {
	out := x.Extract(a.Title, a.Body)
	for _, typ := range corpus.EntityTypes {
		names := out.ByType(typ)
		for _, name := range a.Entities.ByType(typ) {
			if e, ok := x.g.Lookup(typ, name); ok {
				name = e.Name
			}
			if name = strings.TrimSpace(name); name != "" {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		out.Set(typ, slices.Compact(names))
	}
	return out
}

// scan calls found for every entity mention in text, with the index of the
// entity and the byte span of the name.
func (x *Extractor) scan(text string, found func(ent, start, end int)) {
	us := appendUnits(make([]unit, 0, len(text)/6+1), text)
	for i := 0; i < len(us); {
		n, nd := x.longest(us, i)
		if n == 0 {
			i++
			continue
		}
		emit(nd.variants, us[i:i+n], found)
		i += n
	}
}

// longest returns the length and end node of the longest name that starts
// at us[i], or 0.
func (x *Extractor) longest(us []unit, i int) (int, *node) {
	if us[i].kana && i > 0 && us[i].adjacent && us[i-1].kana {
		return 0, nil // inside a katakana word
	}
	best, bestNode := 0, (*node)(nil)
	nd := x.root
	for j := i; j < len(us); j++ {
		if j > i && !us[j].joined {
			break
		}
		if nd = nd.next[us[j].key]; nd == nil {
			break
		}
		if nd.accepts(us[i:j+1]) && !cutsKana(us, j) {
			best, bestNode = j-i+1, nd
		}
		if us[j].possessive {
			break
		}
	}
	return best, bestNode
}

// accepts reports whether one of nd's variants matches the text units us.
func (nd *node) accepts(us []unit) bool {
	for _, v := range nd.variants {
		if v.matches(us) {
			return true
		}
	}
	return false
}

// cutsKana reports whether a name ending at us[j] would end inside a
// katakana word.
func cutsKana(us []unit, j int) bool {
	return us[j].kana && j+1 < len(us) && us[j+1].adjacent && us[j+1].kana
}

// emit reports the entities of the variants that match us, unless an ignore
// phrase matches, which hides them all.
func emit(variants []variant, us []unit, found func(ent, start, end int)) {
	for _, v := range variants {
		if v.entity < 0 && v.matches(us) {
			return
		}
	}
	start, end := us[0].start, us[len(us)-1].end
	for k, v := range variants {
		if v.matches(us) && !slices.ContainsFunc(variants[:k], func(w variant) bool { return w.entity == v.entity && w.matches(us) }) {
			found(v.entity, start, end)
		}
	}
}
