package entity

import (
	"fmt"
	"slices"
)

// Merge returns a gazetteer with the entities of g and of other, which
// extends and overrides g (other is typically a user's file, g the default):
//
//   - an entity of other with the type and name of one of g (compared as
//     names are matched) is one entity: other's spelling of the name wins,
//     and the aliases of both are kept;
//   - a name or alias that other gives to an entity is taken from any other
//     entity of that type in g, so a user can reassign an alias;
//   - ignore phrases are combined.
//
// Merge fails when other gives an entity a name that is the canonical name
// of a different entity of the same type in g. Neither g nor other changes.
func (g *Gazetteer) Merge(other *Gazetteer) (*Gazetteer, error) {
	if other == nil {
		return g, nil
	}
	claims := claimedNames(other)
	merged := make([]Entity, 0, len(g.entities)+len(other.entities))
	pos := make(map[string]int) // type and name key → index in merged
	for _, e := range g.entities {
		e = e.clone()
		e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool {
			owner, ok := claims[e.Type+"\x00"+nameKey(a)]
			return ok && owner != nameKey(e.Name)
		})
		pos[e.Type+"\x00"+nameKey(e.Name)] = len(merged)
		merged = append(merged, e)
	}
	for _, o := range other.entities {
		i, ok := pos[o.Type+"\x00"+nameKey(o.Name)]
		if !ok {
			merged = append(merged, o.clone())
			continue
		}
		merged[i] = unionEntity(merged[i], o)
	}
	ignore := append(slices.Clone(g.ignore), other.ignore...)
	out, err := newGazetteer(File{Entities: merged, Ignore: ignore})
	if err != nil {
		return nil, fmt.Errorf("merge gazetteers: %w", err)
	}
	return out, nil
}

// claimedNames maps the type and key of every name and alias of g's entities
// to the key of the entity's canonical name.
func claimedNames(g *Gazetteer) map[string]string {
	claims := make(map[string]string)
	for _, e := range g.entities {
		owner := nameKey(e.Name)
		for _, name := range e.names() {
			claims[e.Type+"\x00"+nameKey(name)] = owner
		}
	}
	return claims
}

// unionEntity returns the entity named by override, with the aliases of
// both and base's name as an alias when override spells it differently.
func unionEntity(base, override Entity) Entity {
	out := Entity{Type: base.Type, Name: override.Name}
	for _, a := range append(append([]string{base.Name}, base.Aliases...), override.Aliases...) {
		if a != out.Name && !slices.Contains(out.Aliases, a) {
			out.Aliases = append(out.Aliases, a)
		}
	}
	return out
}
