package entity

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity/tagger"
	"github.com/sagasu-search/sagasu/namedict"
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
//
// With Discover, it also finds people, organizations and places beyond the
// gazetteer (see discover.go), and Lookup reads Japanese names with the
// name lexicon.
type Extractor struct {
	g        *Gazetteer
	root     *node
	lex      *namedict.Lexicon // nil: the gazetteer only
	discover bool
	tagger   *tagger.Tagger // nil: no trained tagger (see tagged.go)
	pairs    *CorpusPairs   // nil: only an article's own evidence pairs names (see pairing.go)

	nonPersonOnce sync.Once
	nonPerson     map[string]bool // see nonPersonNames

	countryOnce sync.Once
	countryT    *countryTrie // see countries

	units unitPool // the unit slices extract fills, reused
}

// Option configures an Extractor.
type Option func(*Extractor)

// Discover makes the extractor find entities the gazetteer does not list,
// using lex (namedict.Default() in production) for Japanese names.
func Discover(lex *namedict.Lexicon) Option {
	return func(x *Extractor) { x.lex, x.discover = lex, true }
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
func NewExtractor(g *Gazetteer, opts ...Option) *Extractor {
	if g == nil {
		g = &Gazetteer{}
	}
	x := &Extractor{g: g, root: &node{}}
	for _, o := range opts {
		o(x)
	}
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
		key := u.key
		if i > 0 {
			key = edgeKey(u)
		}
		if u.possessive && i < len(us)-1 {
			key += possessiveMark // "People's Republic of China" goes on past its "'s"
		}
		child, ok := n.next[key]
		if !ok {
			child = &node{}
			n.next[key] = child
		}
		n, shapes[i] = child, u.shape
	}
	v := variant{entity: ent, shapes: shapes}
	if !slices.ContainsFunc(n.variants, v.equal) {
		n.variants = append(n.variants, v)
	}
}

// edgeKey is the trie key of a unit: its key, marked when a comma comes
// before it, so that a text's comma only continues a name spelled with one.
func edgeKey(u unit) string {
	if u.comma {
		return "," + u.key
	}
	return u.key
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
	cs := withoutTypeClashes(x.find(text, false))
	out := make([]Mention, len(cs))
	for i, c := range cs {
		out[i] = Mention{Entity: c.ent.clone(), Start: c.start, End: c.end, Text: text[c.start:c.end]}
	}
	return out
}

// Extract returns the canonical names of the entities named in any of texts
// (say an article's title and body), by type, sorted and without duplicates.
// A type without entities is nil.
func (x *Extractor) Extract(texts ...string) corpus.Entities {
	return x.extract("", "", texts...)
}

// extract is Extract with a headline, in which discovery takes only
// Japanese names (headlines capitalize every word), of the article with
// the given ID ("" for none), whose pairs CorpusAliases counts.
func (x *Extractor) extract(id, headline string, texts ...string) corpus.Entities {
	var all []candidate
	ev := evidence{sure: map[string]bool{}}
	add := func(text string, headline bool) {
		us := appendUnits(x.units.get(unitCapacity(text)), text)
		cs := x.findIn(text, us, headline)
		all = append(all, cs...)
		x.addCountries(text, us, cs, &ev)
		x.units.put(us) // nothing found keeps a unit: candidates hold offsets
	}
	add(headline, true)
	for i, text := range texts {
		if i == 0 {
			addDateline(text, &ev)
		}
		add(text, false)
	}
	all = withoutTypeClashes(all)
	pairs := x.pairNames(all)
	if x.pairs != nil && id != "" {
		x.pairs.Set(id, pairs)
	}
	x.pairByCorpus(all)
	found := map[string]map[string]bool{}
	for _, c := range all {
		if found[c.ent.Type] == nil {
			found[c.ent.Type] = map[string]bool{}
		}
		found[c.ent.Type][c.ent.Name] = true
	}
	var out corpus.Entities
	for _, typ := range corpus.EntityTypes {
		if names := found[typ]; len(names) > 0 {
			out.Set(typ, slices.Sorted(maps.Keys(names)))
		}
	}
	out.Country = mergeNames(out.Country, ev.names(defaultGeo()))
	return out
}

// mergeNames returns the names of a and b, sorted and without duplicates;
// nil when there are none.
func mergeNames(a, b []string) []string {
	out := slices.Concat(a, b)
	if len(out) == 0 {
		return nil
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Annotate returns the entities of article a: those its title and body name,
// and those it arrived with, the latter by canonical name when the
// extractor knows them and as given otherwise. It makes *Extractor an
// indexer.Annotator.
func (x *Extractor) Annotate(a corpus.Article) corpus.Entities {
	out := x.extract(a.ID, a.Title, a.Body)
	for _, typ := range corpus.EntityTypes {
		names := out.ByType(typ)
		for _, name := range a.Entities.ByType(typ) {
			if e, ok := x.Lookup(typ, name); ok {
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

// find returns the entities named in text, in text order: the gazetteer's,
// and with discovery those it finds, where a gazetteer name wins unless a
// discovered name contains it and is more specific (the place Osaka in
// "Osaka University", the surname alias Kishida in "Yuko Kishida").
func (x *Extractor) find(text string, headline bool) []candidate {
	return x.findIn(text, appendUnits(make([]unit, 0, unitCapacity(text)), text), headline)
}

// findIn is find on the units us of text.
func (x *Extractor) findIn(text string, us []unit, headline bool) []candidate {
	var gaz []candidate
	x.scan(us, func(ent, start, end int) {
		gaz = append(gaz, candidate{ent: x.g.entities[ent], start: start, end: end})
	})
	if !x.discover || text == "" {
		return x.withTagged(text, headline, gaz)
	}
	disc := append(x.discoverLatin(text, latinUnits(us), headline), x.discoverJapanese(text)...)
	return x.withTagged(text, headline, x.merge(gaz, disc))
}

// latinUnits returns the word units of us, without the characters of
// Japanese, Chinese and Korean.
func latinUnits(us []unit) []unit {
	isLatin := func(u unit) bool {
		return u.shape != shapeUncased || u.key[0] < utf8.RuneSelf || !isCharRune(firstRune(u.key))
	}
	first := slices.IndexFunc(us, func(u unit) bool { return !isLatin(u) })
	if first < 0 {
		return us // English text: every unit is Latin
	}
	out := make([]unit, first, len(us))
	copy(out, us[:first])
	for _, u := range us[first:] {
		if isLatin(u) {
			out = append(out, u)
		}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// merge combines gazetteer mentions and discovered candidates, in text
// order.
func (x *Extractor) merge(gaz, disc []candidate) []candidate {
	slices.SortStableFunc(disc, func(a, b candidate) int { return a.start - b.start })
	hidden := make([]bool, len(gaz))
	out := make([]candidate, 0, len(gaz)+len(disc))
	lastEnd := -1
	for _, c := range disc {
		if c.start < lastEnd {
			continue // overlaps a candidate already taken
		}
		over := overlapping(gaz, c)
		if !x.overrides(c, gaz, over) {
			continue
		}
		for _, i := range over {
			hidden[i] = true
		}
		out = append(out, c)
		lastEnd = c.end
	}
	for i, m := range gaz {
		if !hidden[i] {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b candidate) int { return a.start - b.start })
	return out
}

// overlapping returns the indexes of the mentions in gaz that overlap c.
func overlapping(gaz []candidate, c candidate) []int {
	var out []int
	for i, m := range gaz {
		if m.start < c.end && c.start < m.end {
			out = append(out, i)
		}
	}
	return out
}

// overrides reports whether a discovered candidate c replaces the
// gazetteer mentions gaz[over] it overlaps: when there are none, when c is
// itself a gazetteer entity, or when they lie inside c and c outranks them.
func (x *Extractor) overrides(c candidate, gaz []candidate, over []int) bool {
	if len(over) == 0 || x.known(c.ent) {
		return true
	}
	for _, i := range over {
		if !inside(gaz[i], c) || !x.outranks(c, gaz[i].ent.Type) {
			return false
		}
	}
	return true
}

// inside reports whether the candidate m lies inside c and is shorter.
func inside(m, c candidate) bool {
	return c.start <= m.start && m.end <= c.end && (m.start > c.start || m.end < c.end)
}

// outranks reports whether a discovered candidate c wins over a gazetteer
// entity of type typ named inside it: always over a place ("Osaka
// University"), for a person over a person (the surname alias Kishida in
// "Yuko Kishida"), and for a person the lexicon knows by full name over an
// organization ("Keisuke Honda" is no mention of Honda).
func (x *Extractor) outranks(c candidate, typ string) bool {
	switch typ {
	case corpus.TypePlace:
		return true
	case corpus.TypePerson:
		return c.ent.Type == corpus.TypePerson
	}
	return c.ent.Type == corpus.TypePerson && c.lexicon
}

// scan calls found for every entity mention in the units us of a text, with the index of the
// entity and the byte span of the name.
func (x *Extractor) scan(us []unit, found func(ent, start, end int)) {
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
		if j > i && !us[j].joined && !us[j].comma {
			break
		}
		key := us[j].key
		if j > i {
			key = edgeKey(us[j])
		}
		if end := nd.next[key]; end != nil && end.accepts(us[i:j+1]) && !cutsKana(us, j) {
			best, bestNode = j-i+1, end
		}
		if us[j].possessive {
			key += possessiveMark // only a name spelled with the "'s" goes on
		}
		if nd = nd.next[key]; nd == nil {
			break
		}
	}
	return best, bestNode
}

// possessiveMark marks the trie key of a word ending in "'s" inside a name
// ("Democratic People's Republic of Korea"): a text's possessive ends a
// name ("Japan's economy") unless the name itself goes on past it.
const possessiveMark = "'s"

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
