package entity

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Gazetteer is a list of entities with their names and aliases. It is
// immutable after construction and safe for concurrent use.
type Gazetteer struct {
	entities []Entity         // sorted by type, then name
	byKey    map[string][]int // nameKey of a name or alias → entities, in order
	ignore   []string         // phrases that are no entity (see File.Ignore)
}

// File is the JSON form of a gazetteer, as read by ParseGazetteer, and the
// input of NewGazetteer.
type File struct {
	// Entities are the people, organizations and places.
	Entities []Entity `json:"entities"`
	// Ignore lists phrases that name no entity but contain an alias, such as
	// "Latin America" or "日本人" (a Japanese person). The extractor matches
	// them like aliases, so that the shorter alias inside is not a mention.
	Ignore []string `json:"ignore,omitempty"`
}

// ParseGazetteer reads a gazetteer in JSON, {"entities":[{"type", "name",
// "aliases"}], "ignore":[…]}, and validates it: every entity has a known
// type and a name, no two entities share a type and name, and no name or
// alias belongs to two entities of the same type. Names and aliases are
// compared the way they are matched: ignoring case, diacritics, width,
// dots ("U.S." = "US") and a possessive "'s".
func ParseGazetteer(r io.Reader) (*Gazetteer, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f struct {
		Entities *[]Entity `json:"entities"`
		Ignore   []string  `json:"ignore"`
	}
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse gazetteer: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("parse gazetteer: data after the JSON object")
	}
	if f.Entities == nil {
		return nil, errors.New(`parse gazetteer: no "entities" list`)
	}
	g, err := newGazetteer(File{Entities: *f.Entities, Ignore: f.Ignore})
	if err != nil {
		return nil, fmt.Errorf("parse gazetteer: %w", err)
	}
	return g, nil
}

// LoadGazetteer reads and validates the gazetteer file at path (see
// ParseGazetteer).
func LoadGazetteer(path string) (*Gazetteer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	defer f.Close()
	g, err := ParseGazetteer(f)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer %s: %w", path, err)
	}
	return g, nil
}

// Entities returns a copy of the gazetteer's entities, sorted by type (in
// the order of corpus.EntityTypes: person, organization, place), then name.
func (g *Gazetteer) Entities() []Entity {
	out := make([]Entity, len(g.entities))
	for i, e := range g.entities {
		out[i] = e.clone()
	}
	return out
}

// Ignore returns a copy of the phrases the gazetteer marks as no entity.
func (g *Gazetteer) Ignore() []string {
	return slices.Clone(g.ignore)
}

// Len reports how many entities g holds.
func (g *Gazetteer) Len() int {
	return len(g.entities)
}

// NewGazetteer returns a gazetteer of the entities and ignore phrases of f,
// validated as ParseGazetteer validates a file. f is not retained.
func NewGazetteer(f File) (*Gazetteer, error) {
	g, err := newGazetteer(f)
	if err != nil {
		return nil, fmt.Errorf("new gazetteer: %w", err)
	}
	return g, nil
}

// newGazetteer cleans and validates f and indexes its names.
func newGazetteer(f File) (*Gazetteer, error) {
	ents := make([]Entity, len(f.Entities))
	for i, e := range f.Entities {
		var err error
		if ents[i], err = cleanEntity(e); err != nil {
			return nil, fmt.Errorf("entities[%d]: %w", i, err)
		}
	}
	ignore, err := cleanIgnore(f.Ignore)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(ents, compareEntities)
	byKey, err := indexNames(ents)
	if err != nil {
		return nil, err
	}
	return &Gazetteer{entities: ents, byKey: byKey, ignore: ignore}, nil
}

// cleanEntity checks e's type, trims its name and aliases, and drops empty
// duplicates: an alias equal to the name or to an earlier alias.
func cleanEntity(e Entity) (Entity, error) {
	if err := checkType(e.Type); err != nil {
		return Entity{}, fmt.Errorf("%s %q: %w", e.Type, e.Name, err)
	}
	e.Name = strings.TrimSpace(e.Name)
	if e.Name == "" {
		return Entity{}, fmt.Errorf("%s without a name", e.Type)
	}
	if nameKey(e.Name) == "" {
		return Entity{}, fmt.Errorf("%s: name %q has no letters or digits", e, e.Name)
	}
	aliases := make([]string, 0, len(e.Aliases))
	for _, a := range e.Aliases {
		a = strings.TrimSpace(a)
		if nameKey(a) == "" {
			return Entity{}, fmt.Errorf("%s: alias %q has no letters or digits", e, a)
		}
		if a != e.Name && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	e.Aliases = aliases
	return e, nil
}

// cleanIgnore trims the ignore phrases, checks that each can match, and
// drops duplicates.
func cleanIgnore(phrases []string) ([]string, error) {
	out := make([]string, 0, len(phrases))
	for i, p := range phrases {
		p = strings.TrimSpace(p)
		if nameKey(p) == "" {
			return nil, fmt.Errorf("ignore[%d]: %q has no letters or digits", i, p)
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// indexNames maps the key of every name and alias of ents to the entities it
// names, and reports two entities of one type sharing a name or an alias.
func indexNames(ents []Entity) (map[string][]int, error) {
	byKey := make(map[string][]int)
	for i, e := range ents {
		for _, name := range e.names() {
			key := nameKey(name)
			owners := byKey[key]
			if j, clash := ownerOfType(ents, owners, e.Type); clash && j != i {
				return nil, nameClash(ents[j], e, name)
			}
			if !slices.Contains(owners, i) {
				byKey[key] = append(owners, i)
			}
		}
	}
	return byKey, nil
}

// ownerOfType returns the entity among owners that has type typ.
func ownerOfType(ents []Entity, owners []int, typ string) (int, bool) {
	for _, j := range owners {
		if ents[j].Type == typ {
			return j, true
		}
	}
	return 0, false
}

// nameClash describes name, given to b, being already a name of a.
func nameClash(a, b Entity, name string) error {
	if a.Name == b.Name || nameKey(a.Name) == nameKey(b.Name) {
		return fmt.Errorf("%s is listed twice (as %q and %q): list it once with all its aliases", a, a.Name, b.Name)
	}
	return fmt.Errorf("%q names two entities of type %s, %q and %q: give it to one of them", name, a.Type, a.Name, b.Name)
}

// typeOK reports whether an entity of type typ answers a request for type
// want ("" for any).
func typeOK(want, typ string) bool {
	return want == "" || want == typ
}
