package tagger

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// toy is a tiny English training set: people after "said", places after
// "in", an organization before "Corp".
func toy() []Example {
	var out []Example
	for _, s := range []string{
		"Smith/B-PER said prices rose in Paris/B-LOC .",
		"John/B-PER Smith/I-PER said he lives in Lyon/B-LOC .",
		"Acme/B-ORG Corp/I-ORG said sales fell in Berlin/B-LOC .",
		"Mary/B-PER Jones/I-PER said Acme/B-ORG Corp/I-ORG grew in Rome/B-LOC .",
	} {
		var ex Example
		for _, w := range strings.Fields(s) {
			word, tag, _ := strings.Cut(w, "/")
			l := O
			if i := slices.Index(labelNames[:], tag); i >= 0 {
				l = Label(i)
			}
			ex.Words, ex.Labels = append(ex.Words, word), append(ex.Labels, l)
		}
		out = append(out, ex)
	}
	return out
}

func TestTrainLearnsItsData(t *testing.T) {
	data := toy()
	m := Train(English, data, Lexicon{}, TrainConfig{Iterations: 30, Seed: 1, MinCount: 1})
	for _, ex := range data {
		if got := m.Label(ex.Words); !slices.Equal(got, ex.Labels) {
			t.Errorf("Label(%q) = %v, want %v", ex.Words, got, ex.Labels)
		}
	}
}

func TestModelRoundTripIsByteIdentical(t *testing.T) {
	cfg := TrainConfig{Iterations: 5, Seed: 7, MinCount: 1}
	var a, b bytes.Buffer
	if _, err := Train(English, toy(), Lexicon{}, cfg).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := Train(English, toy(), Lexicon{}, cfg).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings of the same data wrote different bytes")
	}
	m, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if _, err := m.WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) || m.Lang() != English {
		t.Fatal("a model read back writes different bytes")
	}
}

func TestReadRejectsOtherData(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), gz(t, "sagasu-ner-0\n"), gz(t, magic+"\x00\x07\x02\x05")} {
		if _, err := Read(bytes.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSentencesCutsWordsAsTheData(t *testing.T) {
	tests := []struct {
		text string
		ja   bool
		want []string // sentences, words joined by |
	}{
		{"Paul Volcker's departure worried the U.S. market. Prices fell 1,200.5 points!",
			false, []string{"Paul|Volcker|'s|departure|worried|the|U.S.|market|.", "Prices|fell|1,200.5|points|!"}},
		{"West-German officials, (Bonn) said", false, []string{"West-German|officials|,|(|Bonn|)|said"}},
		{"東京 都。大阪", true, []string{"東|京|都|。", "大|阪"}},
	}
	for _, tt := range tests {
		var got []string
		sentences(tt.text, tt.ja, nil, func(toks []tok) {
			var ws []string
			for _, tk := range toks {
				ws = append(ws, tt.text[tk.start:tk.end])
			}
			got = append(got, strings.Join(ws, "|"))
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// appendEntities reads the spans off the labels, and each span's margin
// is what the sentence loses when its words may not have its type.
func TestAppendEntities(t *testing.T) {
	var m Model // no transition scores
	s := sentence{
		out: []Label{BPer, IPer, BOrg, BLoc, BLoc},
		sc: [][nLabels]int32{
			{BPer: 5, O: 1}, {IPer: 4, O: 1}, // a person, else O O: 9 - 2
			{BOrg: 3, O: 1},    // an organization, else O: 3 - 1
			{BLoc: 2, O: 1},    // a place, else O: 2 - 1
			{BLoc: 6, BOrg: 5}, // a place, else an organization: 6 - 5
		},
	}
	want := []Span{{corpus.TypePerson, 0, 2, 7, false}, {corpus.TypeOrganization, 2, 3, 2, false},
		{corpus.TypePlace, 3, 4, 1, false}, {corpus.TypePlace, 4, 5, 1, false}}
	if got := m.appendEntities(nil, &s); !slices.Equal(got, want) {
		t.Errorf("appendEntities = %v, want %v", got, want)
	}
}

// Tag gives byte spans, and a sure person a wide margin.
func TestTagSpansAndMargins(t *testing.T) {
	text := "Paul Volcker met officials in Tokyo on Tuesday."
	got := Default().Tag(text)
	var names []string
	for _, sp := range got {
		names = append(names, sp.Type+" "+text[sp.Start:sp.End])
		if !sp.Sure || sp.Margin < minMargins[English][Begin(sp.Type)] {
			t.Errorf("%s %q: margin %d, sure %v; want sure", sp.Type, text[sp.Start:sp.End], sp.Margin, sp.Sure)
		}
	}
	if want := []string{"person Paul Volcker", "place Tokyo"}; !slices.Equal(names, want) {
		t.Errorf("Tag(%q) = %q, want %q", text, names, want)
	}
}

// A lexicon travels with its model and its lists become features: a
// person never seen in training is found because the lexicon lists the
// name.
func TestLexiconFeatures(t *testing.T) {
	var lex Lexicon
	for _, name := range []string{"John", "Mary", "Kenji", "Peter"} {
		lex.Add(English, LexGiven, name)
	}
	for _, place := range []string{"Paris", "Lyon", "Berlin", "Rome", "Osaka", "New York"} {
		lex.Add(English, LexPlace, place)
	}
	m := Train(English, toy(), lex, TrainConfig{Iterations: 30, Seed: 1, MinCount: 1})
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Peter", "Smith", "said", "sales", "rose", "in", "Osaka", "."}
	want := []Label{BPer, IPer, O, O, O, O, BLoc, O}
	if got := m.Label(words); !slices.Equal(got, want) {
		t.Errorf("Label(%q) = %v, want %v", words, got, want)
	}
	if m.lex.Len() != 11 { // and "new", which begins "New York"
		t.Errorf("the lexicon read back holds %d keys, want 11", m.lex.Len())
	}
}

func TestLexiconMark(t *testing.T) {
	var lex Lexicon
	lex.Add(English, LexPlace, "New York")
	lex.Add(English, LexPlace, "York")
	lex.Add(English, LexWord, "new")
	lex.Add(Japanese, LexSurname, "佐藤")
	got := lex.mark(English, []string{"in", "NEW", "York", "City"}, nil, nil)
	place, word := uint64(1)<<(2*LexPlace), uint64(1)<<(2*LexWord)
	want := []uint64{0, place | word, place | place<<1, 0}
	if !slices.Equal(got, want) {
		t.Errorf("mark English = %b, want %b", got, want)
	}
	sur := uint64(1) << (2 * LexSurname)
	got = lex.mark(Japanese, []string{"佐", "藤", "さ", "ん"}, nil, nil)
	if want := []uint64{sur, sur << 1, 0, 0}; !slices.Equal(got, want) {
		t.Errorf("mark Japanese = %b, want %b", got, want)
	}
}
