package tagger

import "github.com/sagasu-search/sagasu/corpus"

// Label is a BIO tag: outside, or the beginning or inside of a person,
// organization or place.
type Label uint8

// The labels, in the order the models store their weights.
const (
	O Label = iota
	BPer
	IPer
	BOrg
	IOrg
	BLoc
	ILoc
	nLabels
)

// labelNames are the labels as the data sets write them.
var labelNames = [nLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// String is the label as data sets write it: O, B-PER, I-LOC.
func (l Label) String() string {
	if l < nLabels {
		return labelNames[l]
	}
	return "?"
}

// Begin returns the B- label of an entity type (corpus.TypePerson,
// TypeOrganization, TypePlace), or O for another type.
func Begin(typ string) Label {
	switch typ {
	case corpus.TypePerson:
		return BPer
	case corpus.TypeOrganization:
		return BOrg
	case corpus.TypePlace:
		return BLoc
	}
	return O
}

// Inside returns the I- label that continues l's type (l itself if l is an
// I- label), or O.
func (l Label) Inside() Label {
	if l == O || l >= nLabels {
		return O
	}
	if l%2 == 1 {
		return l + 1
	}
	return l
}

// Type is the corpus entity type of l, or "" for O.
func (l Label) Type() string {
	switch l {
	case BPer, IPer:
		return corpus.TypePerson
	case BOrg, IOrg:
		return corpus.TypeOrganization
	case BLoc, ILoc:
		return corpus.TypePlace
	}
	return ""
}

// allowed reports whether label l may follow prev: an I- label only
// continues an entity of its type.
func allowed(prev, l Label) bool {
	return l == O || l%2 == 1 || prev.Inside() == l
}
