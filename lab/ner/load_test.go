package ner

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

func TestReaders(t *testing.T) {
	per, org, loc := corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace
	tests := []struct {
		file string
		read func(string) ([]Sentence, error)
		want []Sentence
	}{
		{"sample.conll", ReadCoNLL, []Sentence{
			{"EU rejects German call .", []Gold{{org, 0, 2}}},
			{"Peter Blackburn in Paris Bonn", []Gold{{per, 0, 15}, {loc, 19, 24}, {loc, 25, 29}}},
		}},
		{"sample.bio", ReadGSD, []Sentence{
			{"新宿区の水落朋大", []Gold{{loc, 0, 9}, {per, 12, 24}}},
			{"日本人", []Gold{{loc, 0, 6}}},
		}},
		{"sample.knp", ReadKWDLC, []Sentence{
			{"和田は京都に行く", []Gold{{per, 0, 6}, {loc, 9, 15}}},
			{"本", nil},
		}},
	}
	for _, tt := range tests {
		got, err := tt.read(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.file, got, tt.want)
		}
	}
}

func TestCounts(t *testing.T) {
	per, loc := corpus.TypePerson, corpus.TypePlace
	counts := map[string]*Counts{}
	gold := []Gold{{per, 0, 15}, {loc, 19, 24}}
	pred := []Gold{{per, 6, 15}, {loc, 19, 24}, {loc, 25, 29}}
	add(counts, gold, pred)
	if got, want := *counts[per], (Counts{Gold: 1, Predicted: 1, LenientFound: 1, LenientRight: 1}); got != want {
		t.Errorf("person counts %+v, want %+v", got, want)
	}
	want := Counts{Gold: 1, Predicted: 2, ExactFound: 1, ExactRight: 1, LenientFound: 1, LenientRight: 1}
	if got := *counts[loc]; got != want {
		t.Errorf("place counts %+v, want %+v", got, want)
	}
	if e := counts[loc].Exact(); e.P != 0.5 || e.R != 1 || e.F1 < 0.666 || e.F1 > 0.667 {
		t.Errorf("place exact %+v, want P 0.5 R 1 F1 0.667", e)
	}
	if e := counts[per].Exact(); e != (PRF{}) {
		t.Errorf("person exact %+v, want zeros", e)
	}
}
