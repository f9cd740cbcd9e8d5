package engine

import (
	"errors"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// TestEntityModes: each extraction mode annotates an article with what it
// names: the default (all) and its old name tagger add the trained
// tagger's people to the gazetteer's, rules and gazetteer do not, off
// keeps the article's own, and an unknown mode is a ModeError.
func TestEntityModes(t *testing.T) {
	a := corpus.Article{
		Title: "Markets after the Fed",
		Body:  "Paul Volcker's departure worried investors, Fumio Kishida told reporters in Tokyo on Tuesday.",
	}
	tests := []struct {
		mode   string
		people []string
	}{
		{"", []string{"Fumio Kishida", "Paul Volcker"}},
		{EntitiesAll, []string{"Fumio Kishida", "Paul Volcker"}},
		{EntitiesTagger, []string{"Fumio Kishida", "Paul Volcker"}},
		{EntitiesRules, []string{"Fumio Kishida"}},
		{EntitiesGazetteer, []string{"Fumio Kishida"}},
	}
	for _, tt := range tests {
		sh, err := LoadShared(Config{Entities: tt.mode})
		if err != nil {
			t.Fatalf("mode %q: %v", tt.mode, err)
		}
		got := sh.Annotator.Annotate(a).ByType(corpus.TypePerson)
		if !slices.Equal(got, tt.people) {
			t.Errorf("mode %q: people %q, want %q", tt.mode, got, tt.people)
		}
	}
	if sh, err := LoadShared(Config{Entities: EntitiesOff}); err != nil {
		t.Errorf("mode off: %v", err)
	} else if sh.Annotator != nil {
		t.Errorf("mode off: annotator %T, want none", sh.Annotator)
	}
	var me *ModeError
	if _, err := LoadShared(Config{Entities: "bogus"}); !errors.As(err, &me) || me.Mode != "bogus" {
		t.Errorf("mode bogus: error %v, want a ModeError naming it", err)
	}
}
