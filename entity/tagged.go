package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/entity/tagger"
	sagasutext "github.com/sagasu-search/sagasu/text"
)

// Tagger makes the extractor add the people, organizations and places a
// trained tagger finds (tagger.Default() in production) where the
// gazetteer and discovery found nothing: the rules win wherever they
// overlap it, and a tagged name the gazetteer knows takes its canonical
// name. Title-cased English headlines are not tagged.
func Tagger(t *tagger.Tagger) Option {
	return func(x *Extractor) { x.tagger = t }
}

// withTagged adds to the rules' candidates cs (in text order) the
// tagger's entities in text that overlap none of them, in text order.
func (x *Extractor) withTagged(text string, headline bool, cs []candidate) []candidate {
	if x.tagger == nil || text == "" || headline && !sagasutext.HasJapanese(text) {
		return cs
	}
	spans := x.tagger.Tag(text)
	if len(spans) == 0 {
		return cs
	}
	out := make([]candidate, 0, len(cs)+len(spans))
	j := 0
	for _, sp := range spans {
		for j < len(cs) && cs[j].start < sp.Start {
			out = append(out, cs[j])
			j++
		}
		if overlapsAny(cs, sp) {
			continue
		}
		if c, ok := x.taggedCandidate(text, sp); ok {
			out = append(out, c)
		}
	}
	return append(out, cs[j:]...)
}

// overlapsAny reports whether the span sp overlaps a candidate of cs.
func overlapsAny(cs []candidate, sp tagger.Span) bool {
	for _, c := range cs {
		if c.start < sp.End && sp.Start < c.end {
			return true
		}
	}
	return false
}

// taggedCandidate names the entity a tagged span sp of text names: the
// gazetteer's entity of that type when it knows the name, else the name
// as written with its spaces collapsed. A single Japanese character is
// too little evidence and is left out.
func (x *Extractor) taggedCandidate(text string, sp tagger.Span) (candidate, bool) {
	name := strings.Join(strings.Fields(text[sp.Start:sp.End]), " ")
	if name == "" || utf8.RuneCountInString(name) < 2 {
		return candidate{}, false
	}
	ent := Entity{Type: sp.Type, Name: name}
	if e, ok := x.g.Lookup(sp.Type, name); ok {
		ent = e
	}
	return candidate{ent: ent, start: sp.Start, end: sp.End}, true
}
