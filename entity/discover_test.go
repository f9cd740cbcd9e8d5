package entity

import (
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/namedict"
)

// discoverCase is a headline and body and every entity the discovering
// extractor returns for them as "type:name", sorted.
type discoverCase struct {
	name, headline, body string
	want                 []string
}

// discoverCases is TestDiscover's table; read only.
var discoverCases = []discoverCase{
	{"Japanese name in either order", "", "Taro Kono met Kono Taro's aides.",
		[]string{"person:Taro Kono"}},
	{"title before a name", "", "Chief executive Jane Doe spoke.",
		[]string{"person:Jane Doe"}},
	{"apposition with a role", "", "Jane Doe, the company's president, spoke.",
		[]string{"person:Jane Doe"}},
	{"apposition with who", "", "Nathan Chen, the American who won gold, watched.",
		[]string{"country:United States", "person:Nathan Chen"}},
	{"apposition with a possessive and a role", "", `"It works," said Dario Gil, IBM's senior vice president.`,
		[]string{"organization:IBM", "person:Dario Gil"}},
	{"no cue, no person", "", "Jane Doe spoke on Monday.", nil},
	{"a reporting verb is no cue", "", "Goldman Sachs said it would cut jobs.", nil},
	{"organization suffix", "", "Researchers at Tohoku University agreed.",
		[]string{"organization:Tohoku University"}},
	{"legal suffix dropped", "", "Mizuho Financial Group Inc. said so.",
		[]string{"organization:Mizuho Financial Group"}},
	{"X Ministry is Ministry of X", "", "He moved to the Defense Ministry.",
		[]string{"organization:Ministry of Defense"}},
	{"party of a known place", "", "The Constitutional Democratic Party of Japan gained seats.",
		[]string{"organization:Constitutional Democratic Party of Japan"}},
	{"of an unknown word is not taken", "", "The Green Party of Ruritania met.",
		[]string{"organization:Green Party"}},
	{"a gazetteer name spelled with a comma", "", "The Ministry of Economy, Trade and Industry approved it.",
		[]string{"organization:Ministry of Economy, Trade and Industry"}},
	{"company word before a name", "", "according to public broadcaster NHK on Sunday.",
		[]string{"organization:NHK"}},
	{"company word before a title", "", "the company President Jane Doe said.",
		[]string{"person:Jane Doe"}},
	{"headline verbs are not names", "Suga Vows to Create Digital Agency", "He spoke.", nil},
	{"place before Prefecture", "", "Floods hit Akita Prefecture.",
		[]string{"country:Japan", "place:Akita"}},
	{"an index is not its publisher", "", "The Nikkei Stock Average fell.", nil},
	{"Japanese full name from the lexicon", "", "河野太郎氏は述べた。",
		[]string{"person:Taro Kono"}},
	{"Japanese organization with a katakana word", "", "会見で、デジタル庁と厚生労働省が説明した。",
		[]string{"organization:デジタル庁", "organization:厚生労働省"}},
	{"Japanese parties and federations", "", "共和党と日本スケート連盟は述べた。",
		[]string{"organization:共和党", "organization:日本スケート連盟"}},
	{"generic Japanese organization words", "", "与党と同省、私立大学、政党が反発した。", nil},
}

// TestDiscover checks each discovery rule on a sentence that should fire
// it and on one that should not: want lists every entity the extractor
// returns as "type:name", sorted.
func TestDiscover(t *testing.T) {
	x := NewExtractor(Default(), Discover(namedict.Default()))
	for _, tt := range discoverCases {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Annotate(corpus.Article{Title: tt.headline, Body: tt.body})
			var names []string
			for _, typ := range corpus.EntityTypes {
				for _, n := range got.ByType(typ) {
					names = append(names, typ+":"+n)
				}
			}
			slices.Sort(names)
			if !slices.Equal(names, tt.want) {
				t.Errorf("got %q, want %q", names, tt.want)
			}
		})
	}
}
