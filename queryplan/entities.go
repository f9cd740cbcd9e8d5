package queryplan

import (
	"slices"
	"strings"

	"github.com/sagasu-search/sagasu/entity"
)

// QueryEntity is an entity a query was understood to name.
type QueryEntity struct {
	Type string `json:"type"` // corpus.TypePerson, TypeOrganization or TypePlace
	Name string `json:"name"` // canonical name
}

// maxEntityWords is the most query words read together as one name.
const maxEntityWords = 4

// entitySpan is a run of required clauses, clauses[from:to], that names an
// entity.
type entitySpan struct {
	from, to int
	ent      entity.Entity
	// parts, when not nil, are the entities each word of a multi-word span
	// names alone, none of them ent: two entities typed together
	// (`toyota honda`), which the query names rather than an invented
	// person "Toyota Honda".
	parts []entity.Entity
}

// entitySpans finds the entities that the required clauses cs name, by
// any alias the resolver knows: a quoted phrase, a word, or consecutive
// words ("Abe Shinzo", "ソフトバンク", "Kono Taro"), longest first. A
// single all-lower-case Latin word is not read as a name: "son" and "arm"
// are words before they are Masayoshi Son and Arm.
func (pl *Plan) entitySpans(cs []clause) []entitySpan {
	if pl.p.entities == nil {
		return nil
	}
	var out []entitySpan
	for i := 0; i < len(cs); {
		if sp, ok := pl.longestEntity(cs, i); ok {
			out = append(out, sp)
			i = sp.to
			continue
		}
		i++
	}
	return out
}

// longestEntity returns the longest run of clauses from cs[i] that names
// an entity.
func (pl *Plan) longestEntity(cs []clause, i int) (entitySpan, bool) {
	var words []string
	for j := i; j < len(cs) && j < i+maxEntityWords && isPlainClause(cs[j].Clause); j++ {
		t := cs[j].Alternatives[0]
		if t.Phrase && j > i {
			break
		}
		words = append(words, t.Text)
		if t.Phrase {
			break
		}
	}
	for n := len(words); n >= 1; n-- {
		text := strings.Join(words[:n], " ")
		if n == 1 && !cs[i].Alternatives[0].Phrase && isLowerLatin(text) && !pl.besideEntity(cs, i) {
			continue
		}
		if e, ok := pl.lookup("", text); ok {
			return entitySpan{from: i, to: i + n, ent: e, parts: pl.parts(words[:n], e)}, true
		}
	}
	return entitySpan{}, false
}

// besideEntity reports whether a plain word next to cs[i] names an entity
// by itself: two lower-case words that each name one (`toyota honda`,
// `ishiba takaichi`) are read as the two entities, where one alone (`son`,
// `arm`) stays a word.
func (pl *Plan) besideEntity(cs []clause, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(cs) || !isPlainClause(cs[j].Clause) || cs[j].Alternatives[0].Phrase {
			continue
		}
		if _, ok := pl.lookup("", cs[j].Alternatives[0].Text); ok {
			return true
		}
	}
	return false
}

// parts returns the entities that each of several words names alone, when
// every word names one and none of them is e; otherwise nil.
func (pl *Plan) parts(words []string, e entity.Entity) []entity.Entity {
	if len(words) < 2 {
		return nil
	}
	out := make([]entity.Entity, 0, len(words))
	for _, w := range words {
		alone, ok := pl.lookup("", w)
		if !ok || alone.Name == e.Name {
			return nil
		}
		out = append(out, alone)
	}
	return out
}

// isPlainClause reports whether c is one required term, not an OR.
func isPlainClause(c Clause) bool {
	return !c.Excluded && len(c.Alternatives) == 1 && c.Alternatives[0].simple()
}

// queryEntities lists the entities of spans, without duplicates.
func queryEntities(spans []entitySpan) []QueryEntity {
	out := []QueryEntity{}
	for _, sp := range spans {
		named := sp.parts
		if named == nil {
			named = []entity.Entity{sp.ent}
		}
		for _, e := range named {
			if qe := (QueryEntity{Type: e.Type, Name: e.Name}); !slices.Contains(out, qe) {
				out = append(out, qe)
			}
		}
	}
	return out
}
