package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/lab/synth"
	"github.com/sagasu-search/sagasu/namedict"
)

// prepared is the corpus every engine reads, and what was learnt from
// reading it once before any engine ran.
type prepared struct {
	path     string // the JSON Lines file
	bytes    int64  // its size
	articles int    // articles Sagasu's ingest accepts
	japanese int
	skipped  int    // records it refuses (bad JSON, invalid articles)
	entities string // sidecar: one entityLine per accepted article, in corpus order
	extract  time.Duration
	stats    *corpusStats
	accept   *indexer.Index // Accept is Sagasu's rule for an article
}

// entityLine is a line of the entity sidecar: the entities Sagasu's
// extractor finds in an article, which the peers load into their facet
// tables.
type entityLine struct {
	ID string `json:"id"`
	corpus.Entities
}

// newAcceptor returns an empty in-memory index whose Accept is the rule
// Sagasu's ingest applies to an article (normalize, then validate against
// the index's limits; "sagasu serve" uses the default limits): the bench
// keeps no copy of it.
func newAcceptor() (*indexer.Index, error) {
	ix, err := indexer.NewInMemory(indexer.Options{})
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	return ix, nil
}

// walk calls fn with every article of the corpus that Sagasu's ingest
// accepts, normalized as it normalizes them, and returns how many records
// it skipped (errors and refused articles).
func (p *prepared) walk(fn func(a corpus.Article) error) (skipped int, err error) {
	err = corpus.Walk([]string{p.path}, func(rec corpus.Record) error {
		if rec.Err != nil || rec.Skipped != "" {
			skipped++
			return nil
		}
		a := rec.Article
		if p.accept.Accept(&a) != nil {
			skipped++
			return nil
		}
		return fn(a)
	})
	return skipped, err
}

// close releases the acceptor.
func (p *prepared) close() error { return p.accept.Close() }

// NewExtractor returns the entity extractor "sagasu serve" annotates
// articles with by default: the built-in gazetteer with discovery.
func NewExtractor() *entity.Extractor {
	return entity.NewExtractor(entity.Default(), entity.Discover(namedict.Default()))
}

// writeSynth writes the synthetic corpus of opts to a new file in dir.
func writeSynth(ctx context.Context, dir string, opts synth.Options) (string, error) {
	path := filepath.Join(dir, fmt.Sprintf("synth-%d-seed%d.jsonl", opts.Articles, opts.Seed))
	f, err := os.Create(path)
	if err != nil {
		return "", fmt.Errorf("bench: create corpus file: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	_, err = synth.Write(ctx, w, opts)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return "", fmt.Errorf("bench: write synthetic corpus: %w", err)
	}
	return path, nil
}

// prepare reads the corpus at path once: it counts the articles Sagasu
// accepts, extracts their entities with Sagasu's extractor (on every
// core) into a sidecar file in dir for the peers, and gathers the word
// and entity statistics the query mix is chosen from. Duplicate IDs are
// an error: the peers would keep both articles where Sagasu keeps one.
// The caller closes the result.
func prepare(ctx context.Context, path, dir string) (*prepared, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("bench: corpus: %w", err)
	}
	accept, err := newAcceptor()
	if err != nil {
		return nil, err
	}
	p := &prepared{path: path, bytes: info.Size(), entities: filepath.Join(dir, "entities.jsonl"),
		stats: newCorpusStats(), accept: accept}
	if err := p.read(ctx); err != nil {
		p.close()
		return nil, err
	}
	if p.articles == 0 {
		p.close()
		return nil, fmt.Errorf("bench: corpus %s holds no article Sagasu accepts (%d records skipped)", path, p.skipped)
	}
	return p, nil
}

// read reads the corpus, writing the entity sidecar and counting.
func (p *prepared) read(ctx context.Context) error {
	f, err := os.Create(p.entities)
	if err != nil {
		return fmt.Errorf("bench: create entity sidecar: %w", err)
	}
	defer f.Close()
	out := bufio.NewWriterSize(f, 1<<20)
	b := &analysisBatch{p: p, x: NewExtractor(), workers: runtime.GOMAXPROCS(0), enc: json.NewEncoder(out)}
	ids := map[string]bool{}
	start := time.Now()
	p.skipped, err = p.walk(func(a corpus.Article) error {
		if ids[a.ID] {
			return fmt.Errorf("bench: corpus %s: id %q repeats: the engines would not hold the same articles", p.path, a.ID)
		}
		ids[a.ID] = true
		b.articles = append(b.articles, a)
		if len(b.articles) == analysisBatchSize {
			return b.flush(ctx)
		}
		return nil
	})
	if err == nil {
		err = b.flush(ctx)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fmt.Errorf("bench: read corpus %s: %w", p.path, err)
	}
	p.extract = time.Since(start)
	return nil
}

// analysisBatchSize is how many articles are analyzed at once, across
// the workers.
const analysisBatchSize = 256

// analysisBatch is articles read but not yet analyzed.
type analysisBatch struct {
	p        *prepared
	x        *entity.Extractor
	workers  int
	enc      *json.Encoder // of the entity sidecar
	articles []corpus.Article
	results  [analysisBatchSize]analyzed
}

// flush analyzes the batch on every worker, writes its entity lines and
// counts it.
func (b *analysisBatch) flush(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("bench: read corpus: %w", err)
	}
	var wg sync.WaitGroup
	for w := 0; w < b.workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var seen map[string]bool
			for i := w; i < len(b.articles); i += b.workers {
				b.results[i], seen = analyze(b.x, b.articles[i], b.p.articles+i < bigramSample, seen)
			}
		}(w)
	}
	wg.Wait()
	for i, a := range b.articles {
		if err := b.enc.Encode(entityLine{ID: a.ID, Entities: b.results[i].entities}); err != nil {
			return fmt.Errorf("bench: write entity sidecar: %w", err)
		}
		b.p.stats.add(a, b.results[i])
		if a.Lang == corpus.LangJapanese {
			b.p.japanese++
		}
	}
	b.p.articles += len(b.articles)
	b.articles = b.articles[:0]
	return nil
}

// readEntities returns a function that gives the entities of the next
// article of the sidecar, checking that its ID is the one expected, and a
// function that closes the file.
func readEntities(path string) (next func(id string) (corpus.Entities, error), closeFn func() error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("bench: open entity sidecar: %w", err)
	}
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	next = func(id string) (corpus.Entities, error) {
		var l entityLine
		if err := dec.Decode(&l); err != nil {
			if errors.Is(err, io.EOF) {
				return corpus.Entities{}, fmt.Errorf("bench: entity sidecar ends before article %q", id)
			}
			return corpus.Entities{}, fmt.Errorf("bench: entity sidecar: %w", err)
		}
		if l.ID != id {
			return corpus.Entities{}, fmt.Errorf("bench: entity sidecar has %q where the corpus has %q", l.ID, id)
		}
		return l.Entities, nil
	}
	return next, f.Close, nil
}

// bigramSample is how many articles, from the first, bigrams are counted
// in (for the phrase of the mix).
const bigramSample = 2000

// analyzed is what one article contributes to the statistics.
type analyzed struct {
	entities corpus.Entities
	words    []string // distinct lower-case words (English articles)
	bigrams  []string // distinct pairs of adjacent non-stop words, "w1 w2", in the sample
}

// analyze extracts a's entities and, for an English article, its distinct
// words (and bigrams when sample is set). seen is a reusable set.
func analyze(x *entity.Extractor, a corpus.Article, sample bool, seen map[string]bool) (analyzed, map[string]bool) {
	r := analyzed{entities: x.Annotate(a)}
	if a.Lang != corpus.LangEnglish {
		return r, seen
	}
	if seen == nil {
		seen = map[string]bool{}
	}
	clear(seen)
	prev := ""
	for _, text := range []string{a.Title, a.Body} {
		prev = ""
		for _, w := range words(text) {
			lw := strings.ToLower(w)
			if !seen[lw] {
				seen[lw] = true
				r.words = append(r.words, lw)
			}
			if sample {
				if prev != "" && !isStopWord(lw) && !isStopWord(prev) {
					bg := prev + " " + lw
					if !seen[bg] {
						seen[bg] = true
						r.bigrams = append(r.bigrams, bg)
					}
				}
				prev = lw
			}
		}
	}
	return r, seen
}

// words splits text into runs of letters (an apostrophe inside a word
// ends it: "minister's" gives "minister" and "s").
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
}

// corpusStats are counts over the corpus that the query mix is chosen from.
type corpusStats struct {
	english  int                       // English articles
	sample   int                       // English articles bigrams were counted in
	df       map[string]int            // lower-case word → English articles holding it
	bigrams  map[string]int            // "w1 w2" → sample articles holding it
	entities map[string]map[string]int // type → canonical name → articles naming it
}

func newCorpusStats() *corpusStats {
	s := &corpusStats{df: map[string]int{}, bigrams: map[string]int{}, entities: map[string]map[string]int{}}
	for _, typ := range corpus.EntityTypes {
		s.entities[typ] = map[string]int{}
	}
	return s
}

// add counts one article.
func (s *corpusStats) add(a corpus.Article, r analyzed) {
	if a.Lang == corpus.LangEnglish {
		s.english++
		if len(r.bigrams) > 0 {
			s.sample++
		}
	}
	for _, w := range r.words {
		s.df[w]++
	}
	for _, b := range r.bigrams {
		s.bigrams[b]++
	}
	for _, typ := range corpus.EntityTypes {
		for _, name := range r.entities.ByType(typ) {
			s.entities[typ][name]++
		}
	}
}
