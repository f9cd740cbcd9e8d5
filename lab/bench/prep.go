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
	"github.com/sagasu-search/sagasu/namedict"
	"github.com/sagasu-search/sagasu/lab/synth"
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
}

// entityLine is a line of the entity sidecar: the entities Sagasu's
// extractor finds in an article, which the peers load into their facet
// tables.
type entityLine struct {
	ID string `json:"id"`
	corpus.Entities
}

// walkArticles calls fn with every article of the JSON Lines file at path
// that Sagasu's ingest accepts, normalized as it normalizes them, and
// returns how many records it skipped (errors and invalid articles).
func walkArticles(path string, fn func(a corpus.Article) error) (skipped int, err error) {
	err = corpus.Walk([]string{path}, func(rec corpus.Record) error {
		if rec.Err != nil {
			skipped++
			return nil
		}
		a := rec.Article
		a.Normalize()
		if a.Validate(corpus.Limits{}) != nil {
			skipped++
			return nil
		}
		return fn(a)
	})
	return skipped, err
}

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
func prepare(ctx context.Context, path, dir string) (*prepared, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("bench: corpus: %w", err)
	}
	p := &prepared{path: path, bytes: info.Size(), entities: filepath.Join(dir, "entities.jsonl"), stats: newCorpusStats()}
	f, err := os.Create(p.entities)
	if err != nil {
		return nil, fmt.Errorf("bench: create entity sidecar: %w", err)
	}
	defer f.Close()
	out := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(out)

	x := NewExtractor()
	workers := runtime.GOMAXPROCS(0)
	const batchSize = 256
	batch := make([]corpus.Article, 0, batchSize)
	results := make([]analyzed, batchSize)
	ids := map[string]bool{}
	start := time.Now()
	flush := func() error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("bench: read corpus: %w", err)
		}
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				var seen map[string]bool
				for i := w; i < len(batch); i += workers {
					results[i], seen = analyze(x, batch[i], p.articles+i < bigramSample, seen)
				}
			}(w)
		}
		wg.Wait()
		for i, a := range batch {
			if err := enc.Encode(entityLine{ID: a.ID, Entities: results[i].entities}); err != nil {
				return fmt.Errorf("bench: write entity sidecar: %w", err)
			}
			p.stats.add(a, results[i])
			if a.Lang == corpus.LangJapanese {
				p.japanese++
			}
		}
		p.articles += len(batch)
		batch = batch[:0]
		return nil
	}
	p.skipped, err = walkArticles(path, func(a corpus.Article) error {
		if ids[a.ID] {
			return fmt.Errorf("bench: corpus %s: id %q repeats: the engines would not hold the same articles", path, a.ID)
		}
		ids[a.ID] = true
		batch = append(batch, a)
		if len(batch) == batchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return nil, fmt.Errorf("bench: read corpus %s: %w", path, err)
	}
	p.extract = time.Since(start)
	if p.articles == 0 {
		return nil, fmt.Errorf("bench: corpus %s holds no article Sagasu accepts (%d records skipped)", path, p.skipped)
	}
	return p, nil
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
