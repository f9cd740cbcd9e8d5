package searcher

import (
	"context"
	"slices"
	"testing"
)

// TestEntityAwareQueries checks that a query naming an entity by one alias
// finds the articles that name it by another, says what it understood,
// and ranks the articles whose text matches first.
func TestEntityAwareQueries(t *testing.T) {
	s := newNameSearcher(t)
	tests := []struct {
		q        string
		entities []QueryEntity
		want     []string // the hits, as a set
		first    []string // the hits that must rank before the others, as a set
	}{
		{`"Fumio Kishida"`, []QueryEntity{{"person", "Fumio Kishida"}},
			[]string{"m1", "m12", "m14", "m2", "m3", "m6", "m7", "s0", "s1", "s2", "s3", "s4"},
			[]string{"m1", "m2", "m7", "s0", "s1", "s2", "s3"}},
		{"安倍晋三", []QueryEntity{{"person", "Shinzo Abe"}}, []string{"m10", "m16", "m8", "m9"}, []string{"m8"}},
		// The same articles; Abe Lincoln near Shinzo Street (m15) is not him.
		{"Abe Shinzo", []QueryEntity{{"person", "Shinzo Abe"}}, []string{"m10", "m16", "m8", "m9"}, nil},
		{"Shinzō Abe", []QueryEntity{{"person", "Shinzo Abe"}}, []string{"m10", "m16", "m8", "m9"}, nil},
		// Katakana finds the English articles about SoftBank Group.
		{"ソフトバンク", []QueryEntity{{"organization", "SoftBank Group"}}, []string{"m30", "m31", "s2", "s4"}, []string{"m30"}},
		{"Nvidia OR ソフトバンク", []QueryEntity{{"organization", "Nvidia"}, {"organization", "SoftBank Group"}},
			[]string{"m30", "m31", "s1", "s2", "s3", "s4"}, nil},
		// A lower-case word is a word: "son" is not Masayoshi Son.
		{"son", []QueryEntity{}, []string{"m30", "m31", "s2"}, nil},
		// A person the name lexicon knows, though no article names him.
		{"Kono Taro", []QueryEntity{{"person", "Taro Kono"}}, nil, nil},
		{"-Kishida", []QueryEntity{}, nil, nil},
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
