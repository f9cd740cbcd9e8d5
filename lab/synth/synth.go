// Package synth generates a synthetic news corpus for benchmarks,
// deterministically from a seed: English articles of 300 to 1,200 words
// drawn by Zipf's law from an English word list, a share of Japanese
// articles of 800 to 2,500 characters, publication times over ten years
// (2015 to 2024), twenty outlets, and mentions of the gazetteer's people,
// organizations and places (package entity) with skewed popularity, in the
// name variants Sagasu's analyzers handle: "Fumio Kishida", "Kishida
// Fumio", "Prime Minister Kishida", "Kishida", 岸田文雄首相, 岸田氏; and of
// invented Japanese people named from common names the name lexicon reads.
//
// Write streams a corpus as JSON Lines in the format Sagasu ingests (sagasu
// index, POST /api/v1/articles); a Generator makes the articles one by one
// for benchmarks that feed an index directly. Articles carry no entities:
// Sagasu extracts them itself.
//
// The same seed and share give the same articles, byte for byte, with
// every Go release and on every platform: the randomness and the word list
// are the package's own, nothing is read or downloaded at run time. Each
// article is made from its own random stream, so a smaller corpus is a
// prefix of a larger one with the same seed.
package synth

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
)

// DefaultJapaneseShare is the share of Japanese articles the issue of the
// benchmark asks for, and the default of sagasu-lab gen.
const DefaultJapaneseShare = 0.1

// Publication times are uniform over [firstPublished, endPublished).
var (
	firstPublished = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	endPublished   = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
)

// Options configure a corpus.
type Options struct {
	// Seed selects the corpus; the same seed gives the same articles.
	Seed int64
	// Articles is how many articles Write writes (a Generator makes as many
	// as it is asked for).
	Articles int
	// JapaneseShare is the probability, 0 to 1, that an article is in
	// Japanese; 0 means English only (DefaultJapaneseShare is 0.1).
	JapaneseShare float64
}

// check returns an error for options out of range.
func (o Options) check() error {
	if o.Articles < 0 {
		return fmt.Errorf("synth: %d articles: want 0 or more", o.Articles)
	}
	if math.IsNaN(o.JapaneseShare) || o.JapaneseShare < 0 || o.JapaneseShare > 1 {
		return fmt.Errorf("synth: Japanese share %v: want 0 to 1", o.JapaneseShare)
	}
	return nil
}

// Stats say what Write wrote.
type Stats struct {
	// Articles is how many articles were written, Japanese of them in Japanese.
	Articles, Japanese int
	// Bytes is the size of the JSON Lines written.
	Bytes int64
	// Elapsed is how long Write took.
	Elapsed time.Duration
}

// MBPerSecond returns the rate of writing in megabytes (10⁶ bytes) a second.
func (s Stats) MBPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
}

// Generator makes the articles of a corpus. It reuses its buffers and is
// not safe for concurrent use; use one Generator per goroutine (any two
// make the same article n alike).
type Generator struct {
	seed  int64
	share float64
	next  int // number of the article Next makes
	d     draft
}

// draft is an article being made, in reused buffers.
type draft struct {
	n         int   // the article's number, from 1
	ja        bool  // in Japanese
	published int64 // Unix seconds
	outlet    outlet
	title     []byte
	body      []byte
	// ents are the entities mentioned, the main one first; mentions are
	// indices into ents, one per mention to make, in text order;
	// mentioned marks the entities already named once (the first mention
	// is the full name).
	ents      []*named
	mentions  []int
	mentioned []bool
}

// NewGenerator returns a generator of the corpus of opts (opts.Articles is
// not used). It fails for a Japanese share out of [0, 1].
func NewGenerator(opts Options) (*Generator, error) {
	opts.Articles = max(opts.Articles, 0)
	if err := opts.check(); err != nil {
		return nil, err
	}
	vocab()
	entities()
	return &Generator{seed: opts.Seed, share: opts.JapaneseShare, next: 1}, nil
}

// Next returns the next article: article 1 first, then 2, 3 and so on
// without end.
func (g *Generator) Next() corpus.Article {
	a := g.Article(g.next)
	g.next++
	return a
}

// Article returns article n (from 1) of the corpus, with the ID
// "syn-" and n in nine or more digits: syn-000000123. It is the article
// Write writes on line n; making it does not change what Next returns.
func (g *Generator) Article(n int) corpus.Article {
	g.make(n)
	d := &g.d
	t := time.Unix(d.published, 0).UTC()
	return corpus.Article{
		ID:        string(appendID(nil, n)),
		Title:     string(d.title),
		Body:      string(d.body),
		Published: &t,
		Source:    d.outlet.name,
		URL:       string(appendURL(nil, d)),
		Lang:      d.lang(),
	}
}

// lang returns the article's language code.
func (d *draft) lang() string {
	if d.ja {
		return corpus.LangJapanese
	}
	return corpus.LangEnglish
}

// make makes article n into g.d.
func (g *Generator) make(n int) {
	r := articleRNG(g.seed, n)
	d := &g.d
	d.n = n
	d.ja = r.chance(g.share)
	span := endPublished.Unix() - firstPublished.Unix()
	d.published = firstPublished.Unix() + int64(r.intn(int(span)))
	d.outlet = pickOutlet(&r, d.ja)
	d.plan(&r)
	if d.ja {
		d.japanese(&r)
	} else {
		d.english(&r)
	}
}

// plan picks the entities the article mentions and how often: a main one
// (a person half the time, else an organization or a place) named three
// to six times, and one to five others named one to three times each, all
// by Zipf's law over their popularity; and three times in ten an invented
// person.
func (d *draft) plan(r *rng) {
	gz := entities()
	d.ents, d.mentions = d.ents[:0], d.mentions[:0]
	add := func(typ string) {
		z := gz.zipf[typ]
		if z == nil {
			return
		}
		for try := 0; try < 8; try++ {
			e := gz.byType[typ][z.draw(r)]
			if !containsNamed(d.ents, e) {
				d.ents = append(d.ents, e)
				return
			}
		}
	}
	switch x := r.intn(20); {
	case x < 10:
		add(corpus.TypePerson)
	case x < 17:
		add(corpus.TypeOrganization)
	default:
		add(corpus.TypePlace)
	}
	for range r.intn(2) {
		add(corpus.TypePerson)
	}
	for range r.intn(3) {
		add(corpus.TypeOrganization)
	}
	for range 1 + r.intn(2) {
		add(corpus.TypePlace)
	}
	if r.chance(0.3) {
		d.ents = append(d.ents, invent(r))
	}
	// Each entity is named once, the main one first, the others in a
	// random order; then come the further mentions in a random order.
	for i := range d.ents {
		d.mentions = append(d.mentions, i)
	}
	shuffle(r, d.mentions[1:])
	firsts := len(d.mentions)
	for i := range d.ents {
		times := r.between(0, 2)
		if i == 0 {
			times = r.between(2, 5)
		}
		for range times {
			d.mentions = append(d.mentions, i)
		}
	}
	shuffle(r, d.mentions[firsts:])
	d.mentioned = d.mentioned[:0]
	for range d.ents {
		d.mentioned = append(d.mentioned, false)
	}
}

// shuffle puts s in a random order.
func shuffle(r *rng, s []int) {
	for i := len(s) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		s[i], s[j] = s[j], s[i]
	}
}

func containsNamed(list []*named, e *named) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// Write writes the corpus of opts to w as JSON Lines, one article a line
// (article 1 first), as Sagasu's ingest reads them:
//
//	{"id":"syn-000000001","title":"…","body":"…","published":"2019-03-04T05:06:07Z","source":"…","url":"https://…","lang":"en"}
//
// It streams: memory stays small however many articles are written. It
// stops with ctx's error when ctx is done, and returns what it wrote
// until then, or until w failed.
func Write(ctx context.Context, w io.Writer, opts Options) (Stats, error) {
	start := time.Now()
	var st Stats
	if err := opts.check(); err != nil {
		return st, err
	}
	g, err := NewGenerator(opts)
	if err != nil {
		return st, err
	}
	const flushAt = 256 << 10
	buf := make([]byte, 0, flushAt+64<<10)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := w.Write(buf)
		buf = buf[:0]
		return err
	}
	for n := 1; n <= opts.Articles; n++ {
		if n%1024 == 1 {
			if err := ctx.Err(); err != nil {
				st.Elapsed = time.Since(start)
				return st, err
			}
		}
		g.make(n)
		before := len(buf)
		buf = appendLine(buf, &g.d)
		st.Articles++
		st.Bytes += int64(len(buf) - before)
		if g.d.ja {
			st.Japanese++
		}
		if len(buf) >= flushAt {
			if err := flush(); err != nil {
				st.Elapsed = time.Since(start)
				return st, fmt.Errorf("synth: write: %w", err)
			}
		}
	}
	err = flush()
	st.Elapsed = time.Since(start)
	if err != nil {
		return st, fmt.Errorf("synth: write: %w", err)
	}
	return st, nil
}
