package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/namedict"
)

// loadArticles reads a JSON-lines file of articles under testdata/, by ID.
func loadArticles(t *testing.T, name string) map[string]corpus.Article {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]corpus.Article{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a corpus.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[a.ID] = a
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Two articles that pair Koji Sato with 佐藤恒治 make the writing his in the
// whole corpus: an English-only article's Koji Sato has it as an alias, and
// a Japanese-only article's 佐藤恒治 is Koji Sato. One article is not
// evidence enough, and re-ingesting or deleting an article takes its pairs
// back.
func TestCorpusAliases(t *testing.T) {
	articles := loadArticles(t, "corpuspairs.jsonl")
	pairs := NewCorpusPairs()
	x := NewExtractor(Default(), Discover(namedict.Default()), CorpusAliases(pairs))
	const kanji, alone = "佐藤恒治", "Tsuneharu Sato (佐藤恒治)"
	steps := []struct {
		name    string
		ingest  string // the article annotated (its ID)
		as      string // under this ID ("" for its own)
		forget  string // the article deleted
		people  []string
		aliases bool // Koji Sato goes by 佐藤恒治
	}{
		{"kanji alone, no evidence", "p4", "", "", []string{alone}, false},
		{"one article pairs them", "p1", "", "", []string{"Koji Sato"}, false},
		{"one is not enough", "p4", "", "", []string{alone}, false},
		{"a second article pairs them", "p2", "", "", []string{"Koji Sato"}, true},
		{"an English-only article", "p3", "", "", []string{"Koji Sato"}, true},
		{"the kanji alone now names him", "p4", "", "", []string{"Koji Sato"}, true},
		{"the same article again counts once", "p2", "", "", []string{"Koji Sato"}, true},
		{"p2 re-ingested without the kanji", "p2b", "p2", "", []string{"Koji Sato"}, false},
		{"so the kanji alone is apart again", "p4", "", "", []string{alone}, false},
		{"p2 back as it was", "p2", "", "", []string{"Koji Sato"}, true},
		{"p1 deleted", "p4", "", "p1", []string{alone}, false},
	}
	for _, st := range steps {
		if st.forget != "" {
			pairs.Forget(st.forget)
		}
		a := articles[st.ingest]
		if st.as != "" {
			a.ID = st.as
		}
		if got := x.Annotate(a).Person; !slices.Equal(got, st.people) {
			t.Errorf("%s: people of %s %q, want %q", st.name, st.ingest, got, st.people)
		}
		e, ok := x.Lookup(corpus.TypePerson, "Koji Sato")
		if has := ok && slices.Contains(e.Aliases, kanji); has != st.aliases {
			t.Errorf("%s: Koji Sato's aliases %q, want %s among them: %v", st.name, e.Aliases, kanji, st.aliases)
		}
		byKanji, ok := x.Lookup(corpus.TypePerson, kanji)
		if is := ok && byKanji.Name == "Koji Sato"; is != st.aliases {
			t.Errorf("%s: Lookup(%s) = %q, %v; want Koji Sato: %v", st.name, kanji, byKanji.Name, ok, st.aliases)
		}
	}
}

// A writing two people share in equal evidence names neither; more
// articles decide.
func TestCorpusPairsPerson(t *testing.T) {
	c := NewCorpusPairs()
	a, b := Pair{"Koji Sato", "佐藤恒治"}, Pair{"Tsuneharu Sato", "佐藤恒治"}
	tests := []struct {
		id    string
		pairs []Pair
		want  string // "" for none
	}{
		{"1", []Pair{a, a}, ""},
		{"2", []Pair{a}, "Koji Sato"},
		{"3", []Pair{b}, "Koji Sato"},
		{"4", []Pair{b}, ""},
		{"5", []Pair{b}, "Tsuneharu Sato"},
		{"5", nil, ""},
	}
	for _, tt := range tests {
		c.Set(tt.id, tt.pairs)
		got, ok := c.Person("佐藤恒治")
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("after article %s: Person = %q, %v; want %q", tt.id, got, ok, tt.want)
		}
		if ws := c.Writings(tt.want); tt.want != "" && !slices.Equal(ws, []string{"佐藤恒治"}) {
			t.Errorf("after article %s: Writings(%q) = %q", tt.id, tt.want, ws)
		}
	}
}

// Encoded pairs set again under another ID count as the original's did;
// malformed values are skipped.
func TestCorpusPairsEncoded(t *testing.T) {
	a, b := Pair{"Koji Sato", "佐藤恒治"}, Pair{"Akio Toyoda", "豊田章男"}
	tests := []struct {
		name    string
		encoded []string
		want    []string // Encoded of the copy
	}{
		{"two pairs, sorted", []string{"Koji Sato\t佐藤恒治", "Akio Toyoda\t豊田章男"},
			[]string{"Akio Toyoda\t豊田章男", "Koji Sato\t佐藤恒治"}},
		{"no tab, empty sides", []string{"Koji Sato 佐藤恒治", "\t佐藤恒治", "Koji Sato\t"}, nil},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		c := NewCorpusPairs()
		c.SetEncoded("copy", tt.encoded)
		if got := c.Encoded("copy"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Encoded = %q, want %q", tt.name, got, tt.want)
		}
	}
	c := NewCorpusPairs()
	c.Set("1", []Pair{a, b})
	c.SetEncoded("2", c.Encoded("1"))
	if got := c.Writings("Koji Sato"); !slices.Equal(got, []string{"佐藤恒治"}) {
		t.Errorf("after a round trip, Koji Sato's writings %q, want 佐藤恒治", got)
	}
}
