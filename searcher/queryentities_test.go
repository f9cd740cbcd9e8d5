package searcher

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// TestEntityAwareQueries checks that a query naming an entity by one alias
// finds the articles that name it by another, says what it understood,
// and ranks the articles whose text matches first.
func TestEntityAwareQueries(t *testing.T) {
	s := newNameSearcher(t)
	tests := []struct {
		q        string
		entities []queryplan.QueryEntity
		want     []string // the hits, as a set
		first    []string // the hits that must rank before the others, as a set
	}{
		{`"Fumio Kishida"`, []queryplan.QueryEntity{qe("person", "Fumio Kishida")},
			[]string{"m1", "m12", "m14", "m2", "m3", "m6", "m7", "s0", "s1", "s2", "s3", "s4"},
			// The eight whose text holds the phrase (each seed article once)
			// before those that name him otherwise.
			[]string{"m1", "m2", "m7", "s0", "s1", "s2", "s3", "s4"}},
		{"安倍晋三", []queryplan.QueryEntity{qe("person", "Shinzo Abe")}, []string{"m10", "m16", "m8", "m9"}, []string{"m8"}},
		// The same articles first. Unquoted, the words anywhere match too
		// (a name reading adds, never removes): Abe Lincoln near Shinzo
		// Street (m15) comes last; quoted, the name is a phrase and m15 is
		// not him.
		{"Abe Shinzo", []queryplan.QueryEntity{qe("person", "Shinzo Abe")}, []string{"m10", "m16", "m8", "m9", "m15"}, []string{"m10", "m16", "m8", "m9"}},
		{"Shinzō Abe", []queryplan.QueryEntity{qe("person", "Shinzo Abe")}, []string{"m10", "m16", "m8", "m9", "m15"}, []string{"m10", "m16", "m8", "m9"}},
		{`"Abe Shinzo"`, []queryplan.QueryEntity{qe("person", "Shinzo Abe")}, []string{"m10", "m16", "m8", "m9"}, nil},
		// Katakana finds the English articles about SoftBank Group.
		{"ソフトバンク", []queryplan.QueryEntity{qe("organization", "SoftBank Group")}, []string{"m30", "m31", "s2", "s4"}, []string{"m30"}},
		{"Nvidia OR ソフトバンク", []queryplan.QueryEntity{qe("organization", "Nvidia"), qe("organization", "SoftBank Group")},
			[]string{"m30", "m31", "s1", "s2", "s3", "s4"}, nil},
		// A lower-case word is a word: "son" is not Masayoshi Son.
		{"son", []queryplan.QueryEntity{}, []string{"m30", "m31", "s2"}, nil},
		// A person the name lexicon knows, though no article names him.
		{"Kono Taro", []queryplan.QueryEntity{qe("person", "Taro Kono")}, nil, nil},
		{"-Kishida", []queryplan.QueryEntity{}, nil, nil},
	}
	for _, tt := range tests {
		res, err := s.Search(context.Background(), Request{Query: tt.q, Size: 50})
		if err != nil {
			t.Fatalf("%s: %v", tt.q, err)
		}
		if !slices.Equal(res.QueryEntities, tt.entities) {
			t.Errorf("%s: query_entities %v, want %v", tt.q, res.QueryEntities, tt.entities)
		}
		got := ids(res)
		if tt.q != "-Kishida" && !sameSet(got, tt.want) {
			t.Errorf("%s: hits %q, want %q", tt.q, got, tt.want)
		}
		if len(got) >= len(tt.first) && !sameSet(got[:len(tt.first)], tt.first) {
			t.Errorf("%s: first hits %q, want %q first", tt.q, got[:len(tt.first)], tt.first)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestEntityPage(t *testing.T) {
	s := newNameSearcher(t)
	tests := []struct {
		typ, name string
		wantName  string
		count     uint64
		months    []facet.Value
		related   []string // type:name, in order
		alias     string   // one alias the page must list
	}{
		{"person", "安倍晋三", "Shinzo Abe", 4, []facet.Value{}, nil, "Abe Shinzo"},
		{"organization", "ソフトバンク", "SoftBank Group", 4, []facet.Value{},
			[]string{"person:Masayoshi Son", "organization:Amazon", "organization:G7"}, "ソフトバンクグループ"},
		{"person", "PM Kishida", "Fumio Kishida", 12, []facet.Value{fv("2024-04", 1)},
			[]string{"place:Japan", "place:United States", "organization:Amazon"}, "岸田文雄"},
	}
	for _, tt := range tests {
		p, err := s.Entity(context.Background(), EntityPageRequest{Type: tt.typ, Name: tt.name, Size: 3})
		if err != nil {
			t.Fatalf("%s %s: %v", tt.typ, tt.name, err)
		}
		var related []string
		for _, r := range p.Related {
			related = append(related, r.Type+":"+r.Name)
		}
		if p.Name != tt.wantName || p.Count != tt.count || !slices.Equal(p.Months, tt.months) ||
			!slices.Equal(related, tt.related) || !slices.Contains(p.Aliases, tt.alias) {
			t.Errorf("%s %s: got %s (%d articles, months %v, related %q, aliases %q); want %s (%d, %v, %q, with %q)",
				tt.typ, tt.name, p.Name, p.Count, p.Months, related, p.Aliases, tt.wantName, tt.count, tt.months, tt.related, tt.alias)
		}
	}
	for _, bad := range []EntityPageRequest{{Type: "person", Name: "Nobody Here"}, {Type: "thing", Name: "x"}, {Type: "person", Name: " "}, {Type: "person", Name: "Abe", Size: -1}} {
		if _, err := s.Entity(context.Background(), bad); err == nil {
			t.Errorf("Entity(%+v): no error", bad)
		}
	}
	if _, err := s.Entity(context.Background(), EntityPageRequest{Type: "person", Name: "Nobody Here"}); !errors.Is(err, ErrNoSuchEntity) {
		t.Errorf("unknown entity: %v, want ErrNoSuchEntity", err)
	}
}

// qe is the entity a query names, of type typ and canonical name.
func qe(typ, name string) queryplan.QueryEntity { return queryplan.QueryEntity{Type: typ, Name: name} }
