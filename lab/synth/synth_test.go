package synth

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/namedict"
)

// write returns the JSON Lines corpus of opts.
func write(t testing.TB, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	st, err := Write(context.Background(), &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != opts.Articles || st.Bytes != int64(buf.Len()) {
		t.Fatalf("stats %+v for %d articles of %d bytes", st, opts.Articles, buf.Len())
	}
	return buf.Bytes()
}

// articles returns the first n articles of the corpus of opts.
func articles(t testing.TB, opts Options, n int) []corpus.Article {
	t.Helper()
	g, err := NewGenerator(opts)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]corpus.Article, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

func TestDeterminism(t *testing.T) {
	base := Options{Seed: 42, Articles: 300, JapaneseShare: 0.1}
	ref := write(t, base)
	tests := []struct {
		name string
		opts Options
		same bool
	}{
		{"same seed", base, true},
		{"other seed", Options{Seed: 43, Articles: 300, JapaneseShare: 0.1}, false},
		{"negative seed", Options{Seed: -42, Articles: 300, JapaneseShare: 0.1}, false},
		// Only the articles whose language changes differ.
		{"other share", Options{Seed: 42, Articles: 300, JapaneseShare: 0.5}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, tt.opts)
			if same := bytes.Equal(got, ref); same != tt.same {
				t.Errorf("identical output = %v, want %v", same, tt.same)
			}
			if !tt.same && tt.opts.Seed != base.Seed {
				// Not just one article apart: most lines differ.
				a, b := bytes.Split(ref, []byte("\n")), bytes.Split(got, []byte("\n"))
				differ := 0
				for i := range min(len(a), len(b)) - 1 {
					if !bytes.Equal(a[i], b[i]) {
						differ++
					}
				}
				if differ < 250 {
					t.Errorf("only %d of 300 lines differ", differ)
				}
			}
		})
	}
	t.Run("smaller corpus is a prefix", func(t *testing.T) {
		small := write(t, Options{Seed: 42, Articles: 120, JapaneseShare: 0.1})
		if !bytes.HasPrefix(ref, small) {
			t.Error("the 120-article corpus is not the start of the 300-article one")
		}
	})
	t.Run("pinned", func(t *testing.T) {
		// The corpus of a seed must not change between Go releases,
		// platforms or runs. If the generator is changed on purpose,
		// update the expected start of article 1 and the digest. The
		// name variants are those the extractor reads back, so a change
		// to the extractor can change the corpus too (28b7…: North
		// Korea's "Democratic People's Republic of Korea" became usable).
		line := string(write(t, Options{Seed: 1, Articles: 1}))
		want := `{"id":"syn-000000001","title":"Biden rapider fum toll chew yell swoon felony this motion by","body":"A sorely pan, than and Joe Biden against said.`
		if !strings.HasPrefix(line, want) {
			t.Errorf("article 1 of seed 1 starts\n%.200s\nwant\n%s", line, want)
		}
		sum := sha256.Sum256(ref)
		if got, want := hex.EncodeToString(sum[:8]), "28b755cfbd1ee779"; got != want {
			t.Errorf("the 300 articles of seed 42 have digest %s, want %s", got, want)
		}
	})
}

func TestDecodeStrict(t *testing.T) {
	opts := Options{Seed: 7, Articles: 400, JapaneseShare: 0.2}
	data := write(t, opts)
	got, err := corpus.Decode(bytes.NewReader(data), corpus.DecodeOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	want := articles(t, opts, opts.Articles)
	if len(got) != len(want) {
		t.Fatalf("decoded %d articles, want %d", len(got), len(want))
	}
	for i := range got {
		// Decoding normalizes: a generated article is normalized already.
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("line %d decodes to\n%+v\nthe generator made\n%+v", i+1, got[i], want[i])
		}
		if strings.Contains(string(data), `"entities"`) {
			t.Fatal("the corpus sets entities; Sagasu extracts them itself")
		}
	}
	if n := bytes.Count(data, []byte("\n")); n != opts.Articles {
		t.Errorf("%d lines, want %d", n, opts.Articles)
	}
}

// articleMix counts what TestArticleShape checks over all the articles.
type articleMix struct {
	ja, enWords, jaChars int
	years                map[int]int
	sources              map[string]int
}

// TestArticleShape checks each of 2,000 generated articles, then how they
// spread over languages, lengths, years and outlets.
func TestArticleShape(t *testing.T) {
	const n = 2000
	as := articles(t, Options{Seed: 3, JapaneseShare: DefaultJapaneseShare}, n)
	mix := articleMix{years: map[int]int{}, sources: map[string]int{}}
	for i, a := range as {
		checkArticleFields(t, i, a)
		mix.years[a.Published.Year()]++
		mix.sources[a.Source]++
		checkArticleLength(t, a, &mix)
		if strings.Contains(a.Body, "\n\n\n") || strings.Contains(a.Body, "  ") || strings.TrimSpace(a.Body) != a.Body {
			t.Errorf("%s: body is not tidy: %q", a.ID, a.Body)
		}
	}
	checkArticleMix(t, n, mix)
}

// checkArticleFields checks the ID, date, URL and language of a, the
// i-th article generated, and that it validates.
func checkArticleFields(t *testing.T, i int, a corpus.Article) {
	t.Helper()
	if want := fmt.Sprintf("syn-%09d", i+1); a.ID != want {
		t.Fatalf("article %d has ID %q, want %q", i+1, a.ID, want)
	}
	if a.Published == nil || a.Published.Before(firstPublished) || !a.Published.Before(endPublished) || a.Published.Location() != time.UTC {
		t.Fatalf("%s published %v, want 2015-01-01 to 2024-12-31 UTC", a.ID, a.Published)
	}
	if !strings.HasPrefix(a.URL, "https://www.") || !strings.HasSuffix(a.URL, "/"+a.Published.Format("2006/01/02")+"/"+a.ID) {
		t.Fatalf("%s: URL %q", a.ID, a.URL)
	}
	if err := a.Validate(corpus.Limits{}); err != nil {
		t.Fatalf("%s: %v", a.ID, err)
	}
	if got := corpus.DetectLang(a.Title + "\n" + a.Body); got != a.Lang {
		t.Errorf("%s: lang %q but the text reads as %q", a.ID, a.Lang, got)
	}
}

// checkArticleLength checks the length of a's body and title for its
// language and adds them to mix.
func checkArticleLength(t *testing.T, a corpus.Article, mix *articleMix) {
	t.Helper()
	switch a.Lang {
	case corpus.LangEnglish:
		words := len(strings.Fields(a.Body))
		if words < MinEnglishWords || words > MaxEnglishWords {
			t.Errorf("%s: %d words, want %d to %d", a.ID, words, MinEnglishWords, MaxEnglishWords)
		}
		if tw := len(strings.Fields(a.Title)); tw < 5 || tw > 12 {
			t.Errorf("%s: title %q has %d words, want 5 to 12", a.ID, a.Title, tw)
		}
		mix.enWords += words
	case corpus.LangJapanese:
		mix.ja++
		chars := utf8.RuneCountInString(a.Body)
		if chars < MinJapaneseChars || chars > MaxJapaneseChars {
			t.Errorf("%s: %d characters, want %d to %d", a.ID, chars, MinJapaneseChars, MaxJapaneseChars)
		}
		if tc := utf8.RuneCountInString(a.Title); tc < 8 || tc > 60 {
			t.Errorf("%s: title %q of %d characters", a.ID, a.Title, tc)
		}
		mix.jaChars += chars
	default:
		t.Fatalf("%s: lang %q", a.ID, a.Lang)
	}
}

// checkArticleMix checks the share of Japanese, the mean lengths, the
// spread over years and the use of outlets among n articles.
func checkArticleMix(t *testing.T, n int, mix articleMix) {
	t.Helper()
	ja := mix.ja
	// Binomial(2000, 0.1): 200 ± 13.4; allow three standard deviations.
	if ja < 160 || ja > 240 {
		t.Errorf("%d Japanese articles of %d, want about 10%%", ja, n)
	}
	if mean := mix.enWords / (n - ja); mean < 550 || mean > 750 {
		t.Errorf("English articles average %d words, want about 640", mean)
	}
	if mean := mix.jaChars / ja; mean < 1400 || mean > 1800 {
		t.Errorf("Japanese articles average %d characters, want about 1,600", mean)
	}
	for y := 2015; y <= 2024; y++ {
		if mix.years[y] < n/10/2 {
			t.Errorf("only %d articles from %d; want about %d a year", mix.years[y], y, n/10)
		}
	}
	sources := mix.sources
	if len(sources) != len(enOutlets)+len(jaOutlets) {
		t.Errorf("%d outlets used, want %d", len(sources), len(enOutlets)+len(jaOutlets))
	}
	if top, last := sources[enOutlets[0].name], sources[enOutlets[len(enOutlets)-1].name]; top < 5*last {
		t.Errorf("outlet popularity is flat: %d articles from the first, %d from the last", top, last)
	}
}

func TestJapaneseShare(t *testing.T) {
	tests := []struct {
		share    float64
		min, max int
	}{
		{0, 0, 0},
		{0.1, 160, 240},
		{0.5, 930, 1070},
		{1, 2000, 2000},
	}
	for _, tt := range tests {
		ja := 0
		for _, a := range articles(t, Options{Seed: 11, JapaneseShare: tt.share}, 2000) {
			if a.Lang == corpus.LangJapanese {
				ja++
			}
		}
		if ja < tt.min || ja > tt.max {
			t.Errorf("share %v: %d Japanese articles of 2000, want %d to %d", tt.share, ja, tt.min, tt.max)
		}
	}
}

// TestEntities checks that Sagasu's extractor finds exactly the
// gazetteer entities an article was given, in whatever variant the
// generator wrote them, and that their popularity is skewed.
func TestEntities(t *testing.T) {
	x := entity.NewExtractor(entity.Default())
	g, err := NewGenerator(Options{Seed: 5, JapaneseShare: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	articlesWith := map[string]int{}
	for n := 1; n <= 1500; n++ {
		a := g.Article(n)
		var want corpus.Entities
		for _, e := range g.d.ents {
			if e.gazetteer {
				want.Set(e.typ, append(want.ByType(e.typ), e.name))
			}
		}
		want.Person = sortedUnique(want.Person)
		want.Organization = sortedUnique(want.Organization)
		want.Place = sortedUnique(want.Place)
		got := x.Extract(a.Title, a.Body)
		got.Country = nil // countries roll the planned places up (entity/country.go); none is planned
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (%s): extracted %+v, planned %+v\n%s\n%.600s", a.ID, a.Lang, got, want, a.Title, a.Body)
			if t.Failed() && n > 50 {
				t.FailNow()
			}
		}
		for _, p := range got.Person {
			articlesWith[p]++
		}
	}
	counts := make([]int, 0, len(articlesWith))
	for _, c := range articlesWith {
		counts = append(counts, c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(counts)))
	top, median := counts[0], counts[len(counts)/2]
	if top < 5*median {
		t.Errorf("top person in %d articles, median person in %d: want a skewed popularity", top, median)
	}
	if want := Popular(corpus.TypePerson)[0]; articlesWith[want] != top {
		t.Errorf("%s is in %d articles, not the most (%d)", want, articlesWith[want], top)
	}
}

func sortedUnique(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// TestNameVariants checks that the variants Sagasu's analyzers must
// reconcile all occur.
func TestNameVariants(t *testing.T) {
	var all strings.Builder
	for _, a := range articles(t, Options{Seed: 9, JapaneseShare: 0.2}, 1500) {
		all.WriteString(a.Title + "\n" + a.Body + "\n")
	}
	text := all.String()
	for _, v := range []string{
		"Fumio Kishida", "Kishida Fumio", "Prime Minister Kishida", "PM Kishida", " Kishida said",
		"Shinzō Abe", "Abe Shinzo", "President Joe Biden", "Joseph R. Biden",
		"岸田文雄首相", "岸田首相", "安倍晋三", "バイデン大統領", "日本銀行", "日銀",
		"Bank of Japan", "BOJ", "United States", "U.S.",
	} {
		if !strings.Contains(text, v) {
			t.Errorf("no article writes %q", v)
		}
	}
	// Invented Japanese people, in both orders.
	found := 0
	for _, s := range jaSurnames {
		for _, g := range jaGivenNames {
			if strings.Contains(text, g[1]+" "+s[1]) && strings.Contains(text, s[1]+" "+g[1]) {
				found++
			}
		}
	}
	if found < 5 {
		t.Errorf("only %d invented people appear in both name orders", found)
	}
	if !strings.Contains(text, "氏") {
		t.Error("no Japanese person is named with 氏")
	}
}

// TestInventedNames checks that the invented people's names are names the
// lexicon reads and no name of the gazetteer's.
func TestInventedNames(t *testing.T) {
	lex := namedict.Default()
	g := entity.Default()
	for _, s := range jaSurnames {
		if !lex.IsSurname(s[1]) {
			t.Errorf("%s (%s) is no surname to the name lexicon", s[1], s[0])
		}
	}
	for _, gn := range jaGivenNames {
		if !lex.IsGivenName(gn[1]) {
			t.Errorf("%s (%s) is no given name to the name lexicon", gn[1], gn[0])
		}
	}
	for _, e := range g.Entities() {
		for _, alias := range append([]string{e.Name}, e.Aliases...) {
			for _, s := range jaSurnames {
				for _, gn := range jaGivenNames {
					if strings.Contains(s[0]+gn[0], alias) || alias == s[1] || alias == gn[1] {
						t.Errorf("invented name %s%s (%s %s) contains the gazetteer's %q", s[0], gn[0], gn[1], s[1], alias)
					}
				}
			}
		}
	}
}

// TestJapaneseVocabulary checks that no Japanese word of the generator
// contains an entity name, which would add mentions no one planned.
func TestJapaneseVocabulary(t *testing.T) {
	var words []string
	for _, list := range [][]string{jaNouns, jaWhen, jaPredicates, jaStates, jaChanges, jaQuotes, jaHeadVerbs, jaRoles} {
		words = append(words, list...)
	}
	for _, r := range roles {
		words = append(words, r.ja)
	}
	for _, e := range entity.Default().Entities() {
		for _, alias := range e.Aliases {
			if !isJapanese(alias) {
				continue
			}
			for _, w := range words {
				if strings.Contains(w, alias) {
					t.Errorf("%q contains %q, a name of %s", w, alias, e.Name)
				}
			}
		}
	}
}

func TestWordList(t *testing.T) {
	n := VocabularySize()
	if n < 50000 {
		t.Fatalf("%d words, want the whole word list (over 50,000)", n)
	}
	seen := map[string]bool{}
	for i := range n {
		w := Word(i)
		if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" || seen[w] {
			t.Fatalf("word %d is %q: want unique lower-case ASCII words", i, w)
		}
		seen[w] = true
	}
	for i, want := range []string{"the", "of", "and", "to", "a", "in"} {
		if Word(i) != want {
			t.Errorf("Word(%d) = %q, want %q", i, Word(i), want)
		}
	}
	if Word(-1) != "" || Word(n) != "" {
		t.Error("Word out of range is not empty")
	}
}

// TestZipf checks that the words of English bodies follow Zipf's law:
// the word of rank r occurs about 1/(r+1) times as often as the first.
func TestZipf(t *testing.T) {
	counts := map[string]int{}
	for _, a := range articles(t, Options{Seed: 13}, 300) {
		for _, f := range strings.Fields(strings.ToLower(a.Body)) {
			counts[strings.TrimRight(f, ".,")]++
		}
	}
	type wc struct {
		w string
		c int
	}
	var ranked []wc
	for w, c := range counts {
		ranked = append(ranked, wc{w, c})
	}
	sort.Slice(ranked, func(i, j int) bool { return ranked[i].c > ranked[j].c })
	if ranked[0].w != "the" {
		t.Errorf("the most frequent word is %q, want \"the\"", ranked[0].w)
	}
	tests := []struct {
		rank     int
		min, max float64 // count of the top word / count of this rank
	}{
		{1, 1.6, 2.5},
		{9, 7, 14},
		{99, 70, 140},
	}
	for _, tt := range tests {
		ratio := float64(ranked[0].c) / float64(ranked[tt.rank].c)
		if ratio < tt.min || ratio > tt.max {
			t.Errorf("top word / word of rank %d (%q) = %.1f, want %.0f to %.0f (Zipf: %d)",
				tt.rank+1, ranked[tt.rank].w, ratio, tt.min, tt.max, tt.rank+1)
		}
	}
	// The tail is long: many words occur once.
	once := 0
	for _, x := range ranked {
		if x.c == 1 {
			once++
		}
	}
	if once < len(ranked)/5 {
		t.Errorf("%d of %d distinct words occur once; want a long tail", once, len(ranked))
	}
}

func TestZipfTable(t *testing.T) {
	z := newZipf(1000)
	r := rng{s: 1}
	counts := make([]int, 1000)
	const draws = 2_000_000
	for range draws {
		counts[z.draw(&r)]++
	}
	h := 0.0
	for i := 1; i <= 1000; i++ {
		h += 1 / float64(i)
	}
	for _, rank := range []int{0, 1, 9, 99, 999} {
		want := draws / (float64(rank+1) * h)
		if got := float64(counts[rank]); math.Abs(got-want) > 5*math.Sqrt(want)+1 {
			t.Errorf("rank %d drawn %v times, want about %.0f", rank, got, want)
		}
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"negative articles", Options{Articles: -1}},
		{"negative share", Options{Articles: 1, JapaneseShare: -0.1}},
		{"share over 1", Options{Articles: 1, JapaneseShare: 1.5}},
		{"NaN share", Options{Articles: 1, JapaneseShare: math.NaN()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := Write(context.Background(), &buf, tt.opts); err == nil || buf.Len() > 0 {
				t.Errorf("Write: err %v, %d bytes; want an error and nothing written", err, buf.Len())
			}
		})
	}
	if _, err := NewGenerator(Options{JapaneseShare: 2}); err == nil {
		t.Error("NewGenerator accepted a share of 2")
	}
}

func TestWriteStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if st, err := Write(ctx, &bytes.Buffer{}, Options{Articles: 10}); !errors.Is(err, context.Canceled) || st.Articles != 0 {
		t.Errorf("canceled: %+v, %v", st, err)
	}
	fail := errors.New("disk full")
	st, err := Write(context.Background(), failingWriter{fail}, Options{Articles: 1000})
	if !errors.Is(err, fail) || st.Articles == 0 || st.Articles == 1000 {
		t.Errorf("failing writer: %+v, %v; want the writer's error part way", st, err)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestArticleRandomAccess(t *testing.T) {
	g, _ := NewGenerator(Options{Seed: 21, JapaneseShare: 0.3})
	seq := make([]corpus.Article, 30)
	for i := range seq {
		seq[i] = g.Next()
	}
	h, _ := NewGenerator(Options{Seed: 21, JapaneseShare: 0.3})
	for _, n := range []int{30, 1, 17, 17, 2} {
		if a := h.Article(n); !reflect.DeepEqual(a, seq[n-1]) {
			t.Errorf("Article(%d) differs from the %dth of Next", n, n)
		}
	}
	if a := h.Next(); a.ID != "syn-000000001" {
		t.Errorf("Next after Article calls = %s, want syn-000000001", a.ID)
	}
	if a := h.Article(1234567890); a.ID != "syn-1234567890" {
		t.Errorf("a ten-digit article has ID %s", a.ID)
	}
}

func TestPopular(t *testing.T) {
	for _, typ := range []string{corpus.TypePerson, corpus.TypeOrganization, corpus.TypePlace} { // the gazetteer's: no countries
		names := Popular(typ)
		if len(names) < 20 {
			t.Errorf("%s: %d entities", typ, len(names))
		}
		if want := mostPopular[typ][0]; names[0] != want {
			t.Errorf("%s: most popular %q, want %q", typ, names[0], want)
		}
		for _, name := range names {
			if _, ok := entity.Default().Lookup(typ, name); !ok {
				t.Errorf("%s %q is not in the gazetteer", typ, name)
			}
		}
	}
	if len(Outlets()) != 20 {
		t.Errorf("%d outlets, want 20", len(Outlets()))
	}
}

// BenchmarkGenerate measures Write's speed in MB/s: each operation writes
// the same 200 articles (10% Japanese).
func BenchmarkGenerate(b *testing.B) {
	opts := Options{Seed: 1, Articles: 200, JapaneseShare: DefaultJapaneseShare}
	size := len(write(b, opts))
	b.SetBytes(int64(size))
	for b.Loop() {
		if _, err := Write(context.Background(), discard{}, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/float64(opts.Articles), "B/article")
}

// BenchmarkNext measures a Generator making corpus.Articles, as a
// benchmark feeding an index directly would.
func BenchmarkNext(b *testing.B) {
	g, _ := NewGenerator(Options{Seed: 1, JapaneseShare: DefaultJapaneseShare})
	var n int64
	for b.Loop() {
		a := g.Next()
		n += int64(len(a.Title) + len(a.Body))
	}
	b.ReportMetric(float64(n)/float64(b.N), "text-B/op")
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
