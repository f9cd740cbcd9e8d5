package groonga

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/lab/eval"
)

var docs = []eval.Doc{
	{ID: "cats", Title: "Cats", Text: "Cats are small carnivorous mammals. A cat purrs and sleeps.", Lang: "en"},
	{ID: "dogs", Title: "Dogs", Text: "Dogs bark at the mailman and sometimes at cats.", Lang: "en"},
	{ID: "wing", Title: "Wing design", Text: "The effect of wing sweep on lift at supersonic speeds.", Lang: "en"},
	{ID: "heat", Title: "Heat transfer", Text: "Heat transfer in the boundary layer of a flat plate.", Lang: "en"},
	{ID: "lift", Title: "Boundary layers", Text: "Lift and drag of a swept wing; boundary layer effects.", Lang: "en"},
	{ID: "phone", Title: "新型携帯電話が発売", Text: "東京都内の店舗で新しい携帯電話が発売された。行列ができた。", Lang: "ja"},
	{ID: "weather", Title: "大阪の天気", Text: "大阪は晴れ。東京は雨の予報。", Lang: "ja"},
	{ID: "soccer", Title: "サッカー日本代表が勝利", Text: "日本代表は東京での試合に勝利した。携帯電話で観戦した人も。", Lang: "ja"},
}

// newEngine returns an engine, skipping the test when Groonga or the
// tokenizer is not installed.
func newEngine(tb testing.TB, opts Options) *Engine {
	tb.Helper()
	e, err := NewWithOptions(opts)
	if errors.Is(err, ErrNotInstalled) || errors.Is(err, ErrNoTokenizer) {
		tb.Skip(err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { e.Close() })
	return e
}

func newIndexed(t *testing.T, opts Options) *Engine {
	t.Helper()
	e := newEngine(t, opts)
	if err := e.Index(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestQuery(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"cats", `"cats"`},
		{`what's (the) "effect" OR -of AND: near/5?`,
			`"what" OR "s" OR "the" OR "effect" OR "OR" OR "of" OR "AND" OR "near" OR "5"`},
		{"cat cat", `"cat" OR "cat"`},
		{"", ""},
		{` ?!()"'-+*:^\ `, ""},
		{"e\u0301t\u00e9", "\"e\u0301t\u00e9\""},
		{"「大阪」の天気、東京 雨", `"大阪" OR "の天気" OR "東京" OR "雨"`},
	} {
		if got := Query(tt.text); got != tt.want {
			t.Errorf("Query(%q) = %s; want %s", tt.text, got, tt.want)
		}
	}
}

// TestPhraseAndFilter: words and names are quoted for the query syntax,
// backslash and double quote escaped.
func TestPhraseAndFilter(t *testing.T) {
	if got, want := All([]string{"prime", "minister"}), `"prime" "minister"`; got != want {
		t.Errorf("All = %s; want %s", got, want)
	}
	if got, want := Phrase([]string{"prime", "minister"}), `"prime minister"`; got != want {
		t.Errorf("Phrase = %s; want %s", got, want)
	}
	if got, want := EntityFilter("person", `A "B" \ C`), `person @ "A \"B\" \\ C"`; got != want {
		t.Errorf("EntityFilter = %s; want %s", got, want)
	}
}

func TestNotInstalled(t *testing.T) {
	_, err := NewWithOptions(Options{Command: "groonga-that-is-not-there"})
	if !errors.Is(err, ErrNotInstalled) || !strings.Contains(err.Error(), "apt-get install groonga-bin") {
		t.Errorf("New with a missing command: %v; want ErrNotInstalled naming apt-get install groonga-bin", err)
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []Options{{Tokenizer: "TokenNope"}, {Scorer: "bm25"}} {
		if _, err := NewWithOptions(o); err == nil {
			t.Errorf("NewWithOptions(%+v) succeeded", o)
		}
	}
}

func TestSearch(t *testing.T) {
	bigram := newIndexed(t, Options{Tokenizer: Bigram, Scorer: TF})
	if got, want := bigram.Name(), "groonga (TokenBigram, tf)"; got != want {
		t.Errorf("Name() = %q; want %q", got, want)
	}
	for _, tt := range []struct {
		q    string
		k    int
		want []string
	}{
		// In title and body beats body only.
		{"cats", 10, []string{"cats", "dogs"}},
		{"wing", 10, []string{"wing", "lift"}},
		{"boundary layer", 10, []string{"lift", "heat"}},
		{"cats", 1, []string{"cats"}},
		{"cats", 0, nil},
		{"submarine", 10, nil},
		// Japanese: the title as typed finds its article; a word in
		// title and body first; ties in load order.
		{"新型携帯電話が発売", 10, []string{"phone"}},
		{"「サッカー日本代表」が勝利!", 10, []string{"soccer"}},
		{"携帯電話", 10, []string{"phone", "soccer"}},
		{"東京", 10, []string{"phone", "weather", "soccer"}},
		{"都", 10, []string{"phone"}}, // one character: a prefix of a bigram
	} {
		got, err := bigram.Search(context.Background(), tt.q, tt.k)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: Search(%q, %d) = %v, %v; want %v", bigram.Name(), tt.q, tt.k, got, err, tt.want)
		}
	}
}

func TestSearchMecab(t *testing.T) {
	e := newIndexed(t, Options{Tokenizer: Mecab})
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"新型携帯電話が発売", []string{"phone"}},
		{"携帯電話", []string{"phone", "soccer"}},
		{"大阪の天気", []string{"weather"}},
		{"cats", []string{"cats", "dogs"}},
	} {
		got, err := e.Search(context.Background(), tt.q, 10)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: Search(%q) = %v, %v; want %v", e.Name(), tt.q, got, err, tt.want)
		}
	}
}

func TestSearchTFIDF(t *testing.T) {
	e := newIndexed(t, Options{})
	if got, want := e.Name(), "groonga (TokenBigram, scorer_tf_idf)"; got != want {
		t.Errorf("Name() = %q; want %q", got, want)
	}
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"cats", []string{"cats", "dogs"}},
		{"携帯電話", []string{"phone", "soccer"}},
	} {
		got, err := e.Search(context.Background(), tt.q, 10)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: Search(%q) = %v, %v; want %v", e.Name(), tt.q, got, err, tt.want)
		}
	}
}

// TestHostileQueries checks that text full of query syntax neither errs
// nor comes back empty when it has words, and that a query without words
// finds nothing without error (an empty --query would match everything).
func TestHostileQueries(t *testing.T) {
	e := newIndexed(t, Options{})
	for _, tt := range []struct {
		q    string
		some bool
	}{
		{`what's (the) "effect" OR -of AND: near/5?`, true},
		{`title:@wing* -lift + "unbalanced`, true},
		{`_key:cats OR (wing`, true},
		{`*D+ wing`, true},
		{`it's \"quoted\" 'single' \\`, true},
		{`OR AND NOT`, true}, // searched as words
		{``, false},
		{"  \t\n ", false},
		{`?!.,;:()[]{}"'*^+-/\|&<>=~@`, false},
		{"\xff\xfe", false},
	} {
		got, err := e.Search(context.Background(), tt.q, 10)
		if err != nil {
			t.Errorf("Search(%q) error: %v", tt.q, err)
		} else if tt.some != (len(got) > 0) {
			t.Errorf("Search(%q) = %v; want results: %v", tt.q, got, tt.some)
		}
	}
}

func TestLongQueryAndDocuments(t *testing.T) {
	e := newEngine(t, Options{})
	big := []eval.Doc{
		{ID: "big", Title: "big", Text: strings.Repeat("turbulent flow over a wing\n", 5000)}, // 135 KB, many lines
		{ID: `odd "id" with 'quotes' \ and 日本`, Title: "quote\" and\\ back\nslash <&>", Text: "\t\x00control\x01 wing"},
	}
	if err := e.Index(context.Background(), big); err != nil {
		t.Fatal(err)
	}
	q := strings.Repeat("the effect of wing sweep on heat transfer in boundary layers ", 50)
	got, err := e.Search(context.Background(), q, 10)
	if err != nil || !slices.Equal(got, []string{"big", big[1].ID}) {
		t.Errorf("Search(600 words) = %v, %v; want both documents", got, err)
	}
}

func TestCloseRemovesFiles(t *testing.T) {
	e := newIndexed(t, Options{})
	dir := e.srv.opts.Dir
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("database directory: %v", err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("after Close, stat %s: %v; want not exist", dir, err)
	}
	if err := e.srv.cmd.ProcessState; err == nil || !err.Exited() {
		t.Errorf("after Close, process state %v; want exited", err)
	}
	if err := e.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := e.Search(context.Background(), "cats", 10); err == nil {
		t.Error("Search after Close succeeded")
	}
}

func TestCanceled(t *testing.T) {
	e := newIndexed(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Search(ctx, "cats", 10); !errors.Is(err, context.Canceled) {
		t.Errorf("Search with a canceled context: %v; want context.Canceled", err)
	}
	// A context that ended before the call leaves the process usable.
	if got, err := e.Search(context.Background(), "cats", 10); err != nil || len(got) != 2 {
		t.Errorf("Search after a canceled one = %v, %v", got, err)
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

// BenchmarkIndex11k indexes 11,000 documents of about 1 KB (process start
// and schema included).
func BenchmarkIndex11k(b *testing.B) {
	docs := syntheticDocs(11000)
	for _, tok := range []string{Bigram, Mecab} {
		b.Run(tok, func(b *testing.B) {
			for b.Loop() {
				start := time.Now()
				e := newEngine(b, Options{Tokenizer: tok})
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
	for _, sc := range []string{TF, TFIDF} {
		b.Run(sc, func(b *testing.B) {
			e := newEngine(b, Options{Scorer: sc})
			if err := e.Index(context.Background(), docs); err != nil {
				b.Fatal(err)
			}
			q := strings.Join(strings.Fields(docs[42].Text)[:12], " ")
			for b.Loop() {
				if _, err := e.Search(context.Background(), q, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
