package entity

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sagasu-search/sagasu/corpus"
)

// Entity is a person, organization or place with its canonical name and the
// other names it goes by.
type Entity struct {
	Type    string   `json:"type"`    // corpus.TypePerson, TypeOrganization or TypePlace
	Name    string   `json:"name"`    // canonical name, e.g. "Fumio Kishida"
	Aliases []string `json:"aliases"` // other spellings in any script, e.g. "Kishida", "岸田文雄"
}

// clone returns a copy of e that shares no memory with it.
func (e Entity) clone() Entity {
	e.Aliases = slices.Clone(e.Aliases)
	return e
}

// names returns the canonical name followed by the aliases.
func (e Entity) names() []string {
	return append([]string{e.Name}, e.Aliases...)
}

// String names e by type and canonical name, as in error messages.
func (e Entity) String() string {
	return fmt.Sprintf("%s %q", e.Type, e.Name)
}

// typeRank orders entity types as corpus.EntityTypes does; an unknown type
// ranks -1.
func typeRank(typ string) int {
	return slices.Index(corpus.EntityTypes, typ)
}

// gazetteerTypes are the types a gazetteer lists: countries come from
// package geo. A read-only table.
var gazetteerTypes = []string{corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace}

// checkType reports an error unless typ is one of gazetteerTypes.
func checkType(typ string) error {
	if !slices.Contains(gazetteerTypes, typ) {
		return fmt.Errorf("unknown type %q: use %s", typ, strings.Join(gazetteerTypes, ", "))
	}
	return nil
}

// compareEntities orders entities by type (in corpus.EntityTypes order),
// then by name.
func compareEntities(a, b Entity) int {
	if c := typeRank(a.Type) - typeRank(b.Type); c != 0 {
		return c
	}
	return strings.Compare(a.Name, b.Name)
}
