package entity

import (
	"bytes"
	_ "embed"
)

// gazetteerJSON is the built-in gazetteer, entity/gazetteer.json.
//
//go:embed gazetteer.json
var gazetteerJSON []byte

// Default returns the built-in gazetteer, embedded from gazetteer.json: the
// entities of the seed articles and other people, organizations and places
// of Japanese and US politics and technology news. It never panics: the
// file's validity is checked by the package's tests, and were it invalid
// Default would return an empty gazetteer.
func Default() *Gazetteer {
	g, err := ParseGazetteer(bytes.NewReader(gazetteerJSON))
	if err != nil {
		return &Gazetteer{}
	}
	return g
}
