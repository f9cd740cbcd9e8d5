package entity

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

func TestMerge(t *testing.T) {
	base := Default()
	user, err := LoadGazetteer(filepath.Join("testdata", "user.json"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := base.Merge(user)
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != base.Len()+2 {
		t.Errorf("merged gazetteer has %d entities, want %d (two new)", g.Len(), base.Len()+2)
	}
	tests := []struct {
		name       string
		typ, alias string
		want       string
	}{
		{"a new entity", corpus.TypeOrganization, "Preferred Networks", "Preferred Networks"},
		{"a new entity's alias", corpus.TypeOrganization, "PFN", "Preferred Networks"},
		{"an alias added to a default entity", corpus.TypePerson, "Mister Kishida", "Fumio Kishida"},
		{"the default aliases kept", corpus.TypePerson, "岸田文雄", "Fumio Kishida"},
		{"an alias reassigned", corpus.TypePerson, "Abe", "Hiroshi Abe"},
		{"the rest of the old entity kept", corpus.TypePerson, "安倍晋三", "Shinzo Abe"},
		{"the user's spelling of a name", corpus.TypeOrganization, "nvidia", "NVIDIA"},
		{"the old spelling as an alias", corpus.TypeOrganization, "エヌビディア", "NVIDIA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e, ok := g.Lookup(tt.typ, tt.alias); !ok || e.Name != tt.want {
				t.Errorf("Lookup(%q, %q) = %q %v, want %q", tt.typ, tt.alias, e.Name, ok, tt.want)
			}
		})
	}
	if e, _ := base.Lookup(corpus.TypePerson, "Abe"); e.Name != "Shinzo Abe" {
		t.Errorf("Merge changed the default gazetteer: Abe is %q", e.Name)
	}
	got := NewExtractor(g).Extract("Abe met Preferred Networks in the Amazon rainforest; TSMC opened.")
	want := corpus.Entities{Person: []string{"Hiroshi Abe"}, Organization: []string{"Preferred Networks"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Extract with merged gazetteer = %+v, want %+v (TSMC ignored by the user)", got, want)
	}
}

func TestMergeConflict(t *testing.T) {
	user := mustParse(t, `{"entities":[{"type":"person","name":"Kishida Junior","aliases":["Fumio Kishida"]}]}`)
	_, err := Default().Merge(user)
	if err == nil {
		t.Fatal("no error for an alias that is another entity's canonical name")
	}
	for _, w := range []string{"merge gazetteers", `"Fumio Kishida"`, `"Kishida Junior"`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
}

func TestMergeNil(t *testing.T) {
	g := Default()
	if m, err := g.Merge(nil); err != nil || m != g {
		t.Errorf("Merge(nil) = %p, %v; want the gazetteer itself", m, err)
	}
}
