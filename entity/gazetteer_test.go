package entity

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// mustParse parses a gazetteer given as JSON text.
func mustParse(t *testing.T, js string) *Gazetteer {
	t.Helper()
	g, err := ParseGazetteer(strings.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLoadGazetteerErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string // parts of the error message
	}{
		{"bad_json.json", []string{"bad_json.json", "parse gazetteer"}},
		{"unknown_type.json", []string{"entities[1]", `unknown type "country"`, "person, organization, place"}},
		{"empty_name.json", []string{"entities[0]", "organization without a name"}},
		{"alias_conflict.json", []string{`"Son"`, `"Masayoshi Son"`, `"Son Heung-min"`, "person"}},
		{"duplicate_entity.json", []string{`place "TOKYO"`, `"Tokyo"`, "listed twice"}},
		{"empty_alias.json", []string{"entities[0]", `alias "…"`, "no letters or digits"}},
		{"unknown_field.json", []string{`unknown field "alias"`}},
		{"no_entities.json", []string{`no "entities" list`}},
		{"trailing_data.json", []string{"data after the JSON object"}},
		{"missing.json", []string{"load gazetteer", "missing.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := LoadGazetteer(filepath.Join("testdata", tt.file))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestParseGazetteerSameAliasDifferentTypes(t *testing.T) {
	g := mustParse(t, `{"entities":[
		{"type":"place","name":"Washington"},
		{"type":"person","name":"George Washington","aliases":["Washington"]}]}`)
	if e, ok := g.Lookup(corpus.TypePlace, "Washington"); !ok || e.Name != "Washington" {
		t.Errorf("place Washington: %+v %v", e, ok)
	}
	if e, ok := g.Lookup(corpus.TypePerson, "Washington"); !ok || e.Name != "George Washington" {
		t.Errorf("person Washington: %+v %v", e, ok)
	}
}

func TestParseGazetteerCleans(t *testing.T) {
	g := mustParse(t, `{"entities":[
		{"type":"place","name":" Tokyo ","aliases":["Tokyo","東京"," 東京 ","TOKYO"]}]}`)
	want := []Entity{{Type: corpus.TypePlace, Name: "Tokyo", Aliases: []string{"東京", "TOKYO"}}}
	if got := g.Entities(); !reflect.DeepEqual(got, want) {
		t.Errorf("Entities = %+v, want %+v", got, want)
	}
}

func TestEntitiesSorted(t *testing.T) {
	g := mustParse(t, `{"entities":[
		{"type":"place","name":"Tokyo"},
		{"type":"organization","name":"Sony"},
		{"type":"person","name":"Joe Biden"},
		{"type":"organization","name":"Apple"},
		{"type":"person","name":"Fumio Kishida"}]}`)
	var got []string
	for _, e := range g.Entities() {
		got = append(got, e.Type+":"+e.Name)
	}
	want := []string{"person:Fumio Kishida", "person:Joe Biden", "organization:Apple", "organization:Sony", "place:Tokyo"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Entities order %q, want %q", got, want)
	}
}

func TestDefault(t *testing.T) {
	data, err := os.ReadFile("gazetteer.json")
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseGazetteer(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("gazetteer.json is invalid: %v", err)
	}
	if d := Default(); d.Len() != g.Len() || d.Len() < 100 {
		t.Fatalf("Default has %d entities, gazetteer.json %d", d.Len(), g.Len())
	}
	seen := map[string]string{}
	for _, e := range g.Entities() {
		for _, name := range e.names() {
			key := nameKey(name)
			if other, ok := seen[key]; ok && other != e.String() {
				t.Errorf("%q names both %s and %s: matching it would report both", name, other, e)
			}
			seen[key] = e.String()
		}
	}
}

func TestDefaultCoversRequiredEntities(t *testing.T) {
	g := Default()
	required := map[string][]string{
		corpus.TypePerson: {"Fumio Kishida", "Joe Biden", "Brad Smith", "Yoon Suk Yeol", "Gina Raimondo",
			"Rahm Emanuel", "Masayoshi Son", "Iliana Ivanova", "Shinzo Abe"},
		corpus.TypeOrganization: {"Microsoft", "Nvidia", "Arm", "Amazon", "SoftBank Group", "Google", "TSMC",
			"Reuters", "Asahi Shimbun", "Nikkei", "Carnegie Mellon University", "Keio University", "OpenAI",
			"Apple", "IBM", "Micron", "OECD", "University of Washington", "University of Tsukuba",
			"U.S. Department of Commerce", "U.S. Chamber of Commerce", "G7", "Microsoft Research Asia"},
		corpus.TypePlace: {"Japan", "United States", "South Korea", "China", "Taiwan", "European Union",
			"Tokyo", "Washington", "Hiroshima", "Beijing", "Russia"},
	}
	for typ, names := range required {
		for _, name := range names {
			e, ok := g.Lookup(typ, name)
			if !ok || e.Name != name {
				t.Errorf("Default lacks %s %q", typ, name)
				continue
			}
			if !slices.ContainsFunc(e.Aliases, hasJapanese) {
				t.Errorf("%s %q has no alias in Japanese script: %q", typ, name, e.Aliases)
			}
		}
	}
}

// hasJapanese reports whether s has a kana or ideograph.
func hasJapanese(s string) bool {
	return strings.ContainsFunc(s, isCharRune)
}

func TestNewGazetteer(t *testing.T) {
	in := File{Entities: []Entity{{Type: corpus.TypePerson, Name: "Jane Doe", Aliases: []string{"Doe"}}}}
	g, err := NewGazetteer(in)
	if err != nil {
		t.Fatal(err)
	}
	in.Entities[0].Aliases[0] = "changed"
	if e, ok := g.Lookup(corpus.TypePerson, "Doe"); !ok || e.Name != "Jane Doe" {
		t.Errorf("Lookup(Doe) = %+v %v after the input changed", e, ok)
	}
	_, err = NewGazetteer(File{Entities: []Entity{{Type: "animal", Name: "Cat"}}})
	if err == nil || !strings.Contains(err.Error(), "new gazetteer: entities[0]") {
		t.Errorf("error %v, want one naming entities[0]", err)
	}
}
