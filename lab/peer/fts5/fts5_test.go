package fts5

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/lab/eval"
)

var englishDocs = []eval.Doc{
	{ID: "cats", Title: "Cats", Text: "Cats are small carnivorous mammals. A cat purrs and sleeps.", Lang: "en"},
	{ID: "dogs", Title: "Dogs", Text: "Dogs bark at the mailman and sometimes at cats.", Lang: "en"},
	{ID: "wing", Title: "Wing design", Text: "The effect of wing sweep on lift at supersonic speeds.", Lang: "en"},
	{ID: "heat", Title: "Heat transfer", Text: "Heat transfer in the boundary layer of a flat plate.", Lang: "en"},
	{ID: "lift", Title: "Boundary layers", Text: "Lift and drag of a swept wing; boundary layer effects.", Lang: "en"},
}

var japaneseDocs = []eval.Doc{
	{ID: "phone", Title: "新型携帯電話が発売", Text: "東京都内の店舗で新しい携帯電話が発売された。行列ができた。", Lang: "ja"},
	{ID: "weather", Title: "大阪の天気", Text: "大阪は晴れ。東京は雨の予報。", Lang: "ja"},
	{ID: "soccer", Title: "サッカー日本代表が勝利", Text: "日本代表は東京での試合に勝利した。携帯電話で観戦した人も。", Lang: "ja"},
}

func newIndexed(t *testing.T, tokenizer string, docs []eval.Doc) *Engine {
	t.Helper()
	e, err := New(tokenizer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if err := e.Index(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestQuery(t *testing.T) {
	for _, tt := range []struct {
		text    string
		trigram bool
		want    string
	}{
		{"cats", false, `"cats"`},
		{`what's (the) "effect" OR -of AND: near/5?`, false,
			`"what" OR "s" OR "the" OR "effect" OR "OR" OR "of" OR "AND" OR "near" OR "5"`},
		{"cat cat", false, `"cat" OR "cat"`},
		{"", false, ""},
		{` ?!()"'-+*:^ `, false, ""},
		{"café naïve", false, `"café" OR "naïve"`},
		{"e\u0301t\u00e9", false, "\"e\u0301t\u00e9\""},
		{"\u0301\u0301", false, ""},
		{"新型携帯電話が発売", true, `"新型携帯電話が発売"`},
		{"「大阪」の天気、東京 雨", true, `"の天気"`},
		{"wing sweep on lift", true, `"wing" OR "sweep" OR "lift"`},
		{"ab 東京", true, ""},
	} {
		if got := Query(tt.text, tt.trigram); got != tt.want {
			t.Errorf("Query(%q, %v) = %s; want %s", tt.text, tt.trigram, got, tt.want)
		}
	}
}

func TestNewUnknownTokenizer(t *testing.T) {
	if _, err := New("icu"); err == nil {
		t.Error(`New("icu") succeeded`)
	}
}

func TestSearch(t *testing.T) {
	en := newIndexed(t, Porter, englishDocs)
	ja := newIndexed(t, Trigram, japaneseDocs)
	if got, want := en.Name(), "sqlite-fts5 (porter unicode61)"; got != want {
		t.Errorf("Name() = %q; want %q", got, want)
	}
	for _, tt := range []struct {
		e    *Engine
		q    string
		k    int
		want []string // a prefix of the answer, or all of it when exact
		all  bool
	}{
		// In title and body, stemmed (cat, cats, purring/purrs).
		{en, "cat", 10, []string{"cats", "dogs"}, true},
		{en, "purring cats", 10, []string{"cats", "dogs"}, true},
		// Title and body beat body only; a repeated rarer word wins.
		{en, "boundary layer", 10, []string{"lift", "heat"}, true},
		{en, "lift of swept wings", 1, []string{"lift"}, true},
		{en, "wing", 10, []string{"wing", "lift"}, true},
		{en, "submarine", 10, nil, true},
		{en, "cat", 1, []string{"cats"}, true},
		{en, "cat", 0, nil, true},
		// Japanese: the title as typed; then shorter pieces.
		{ja, "新型携帯電話が発売", 10, []string{"phone"}, true},
		{ja, "携帯電話", 10, []string{"phone", "soccer"}, true},
		{ja, "「サッカー日本代表」が勝利!", 10, []string{"soccer"}, true},
		{ja, "大阪の天気", 10, []string{"weather"}, true},
		{ja, "東京", 10, nil, true}, // two characters: below the trigram
	} {
		got, err := tt.e.Search(context.Background(), tt.q, tt.k)
		if err != nil {
			t.Errorf("%s: Search(%q) error: %v", tt.e.Name(), tt.q, err)
			continue
		}
		if tt.all && !slices.Equal(got, tt.want) || !tt.all && (len(got) < len(tt.want) || !slices.Equal(got[:len(tt.want)], tt.want)) {
			t.Errorf("%s: Search(%q, %d) = %v; want %v", tt.e.Name(), tt.q, tt.k, got, tt.want)
		}
	}
}

// TestHostileQueries checks that text full of MATCH syntax neither errs
// nor comes back empty when it has words, and that a query without words
// finds nothing without error.
func TestHostileQueries(t *testing.T) {
	for _, e := range []*Engine{newIndexed(t, Porter, englishDocs), newIndexed(t, Trigram, append(slices.Clone(englishDocs), japaneseDocs...))} {
		for _, tt := range []struct {
			q    string
			some bool
		}{
			{`what's (the) "effect" OR -of AND: near/5?`, true},
			{`NEAR(wing lift, 2)`, true},
			{`title:wing* ^lift + "unbalanced`, true},
			{`NOT wing`, true},
			{`OR AND NOT`, true}, // searched as words
			{``, false},
			{`   `, false},
			{`?!.,;:()[]{}"'*^+-/\|&<>=~`, false},
			{"\xff\xfe", false},
		} {
			got, err := e.Search(context.Background(), tt.q, 10)
			if err != nil {
				t.Errorf("%s: Search(%q) error: %v", e.Name(), tt.q, err)
			} else if tt.some != (len(got) > 0) {
				t.Errorf("%s: Search(%q) = %v; want results: %v", e.Name(), tt.q, got, tt.some)
			}
		}
	}
}

func TestLongQueryAndDocuments(t *testing.T) {
	odd := []eval.Doc{
		{ID: "big", Title: "big", Text: strings.Repeat("turbulent flow over a wing\n", 5000)}, // 135 KB, many lines
		{ID: `odd "id" with 'quotes' \ and 日本`, Title: "quote\" and\\ back\nslash <&>", Text: "\t\x00control\x01 wing"},
	}
	for _, tok := range []string{Porter, Trigram} {
		e := newIndexed(t, tok, odd)
		q := strings.Repeat("the effect of wing sweep on heat transfer in boundary layers ", 50)
		got, err := e.Search(context.Background(), q, 10)
		if err != nil || !slices.Equal(got, []string{odd[1].ID, "big"}) && !slices.Equal(got, []string{"big", odd[1].ID}) {
			t.Errorf("%s: Search(600 words) = %v, %v; want both documents", e.Name(), got, err)
		}
	}
}

func TestCloseRemovesFiles(t *testing.T) {
	e := newIndexed(t, Porter, englishDocs)
	dir := e.db.temp
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("database directory: %v", err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("after Close, stat %s: %v; want not exist", dir, err)
	}
	if err := e.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// syntheticDocs returns n English documents of about 1 KB, with words drawn
// from a Zipf distribution over a vocabulary of 20,000 made-up words.
func syntheticDocs(n int) []eval.Doc {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*7919)
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
	words := func(m int) string {
		var b strings.Builder
		for b.Len() < m {
			b.WriteString(vocab[zipf.Uint64()])
			b.WriteByte(' ')
		}
		return b.String()
	}
	docs := make([]eval.Doc, n)
	for i := range docs {
		docs[i] = eval.Doc{ID: fmt.Sprint("d", i), Title: words(60), Text: words(1000), Lang: "en"}
	}
	return docs
}

// BenchmarkIndex11k indexes 11,000 documents of about 1 KB.
func BenchmarkIndex11k(b *testing.B) {
	docs := syntheticDocs(11000)
	for _, tok := range []string{Porter, Trigram} {
		b.Run(strings.ReplaceAll(tok, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				e, err := New(tok)
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := e.Index(context.Background(), docs); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(docs))/time.Since(start).Seconds(), "docs/s")
				e.Close()
			}
		})
	}
}

// BenchmarkSearch11k runs a verbose 12-word OR query against 11,000
// documents of about 1 KB.
func BenchmarkSearch11k(b *testing.B) {
	docs := syntheticDocs(11000)
	e, err := New(Porter)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	if err := e.Index(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	q := strings.Join(strings.Fields(docs[42].Text)[:12], " ")
	for b.Loop() {
		if _, err := e.Search(context.Background(), q, 100); err != nil {
			b.Fatal(err)
		}
	}
}
