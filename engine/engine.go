// Package engine assembles a Sagasu engine from its configuration: the
// gazetteer (built in, merged with a user's file), the entity extractor,
// the index and its searcher. It is the one place that wiring is written,
// for the server binary and the lab tools alike.
package engine

import (
	"errors"
	"fmt"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/entity/tagger"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/namedict"
	"github.com/sagasu-search/sagasu/searcher"
)

// Entity extraction modes, the values of Config.Entities.
const (
	// EntitiesAll extracts with the gazetteer, discovery and the trained
	// tagger, which adds the names the rules do not find (the default).
	EntitiesAll = "all"
	// EntitiesRules extracts with the gazetteer and discovery only: fewer
	// entities found in text they were not written for, at about 30%
	// less ingest CPU (EVALUATION.md, BENCHMARKS.md).
	EntitiesRules = "rules"
	// EntitiesTagger is EntitiesAll by the name it had while the tagger
	// was not the default.
	EntitiesTagger = "tagger"
	// EntitiesGazetteer extracts gazetteer entities only.
	EntitiesGazetteer = "gazetteer"
	// EntitiesOff keeps the entities articles arrive with.
	EntitiesOff = "off"
)

// Config says how to assemble an engine. The zero value is an in-memory
// index with every entity extracted and default limits.
type Config struct {
	// Data is the index folder, created when absent (unless MustExist);
	// empty for an index in memory.
	Data string
	// MustExist makes Open fail with ErrNoIndex, creating nothing, when
	// Data holds no index: for commands that only read one.
	MustExist bool
	// Gazetteer is a JSON file of extra entities merged into the built-in
	// gazetteer; empty for none.
	Gazetteer string
	// Entities is EntitiesAll (when empty), EntitiesRules,
	// EntitiesGazetteer or EntitiesOff (or EntitiesTagger).
	Entities string
	// Limits bound a search request; zero fields mean their defaults.
	Limits searcher.Limits
	// Fields bound an article's fields; zero fields mean their defaults.
	Fields corpus.Limits
	// Shards is how many shards a new index gets (0 or 1: one, the
	// layout before issue 23); an existing index keeps its own.
	Shards int
	// Analyzer names the English analysis variant (indexer.Options'
	// Analyzer); empty is the default. An existing index must have been
	// built with it.
	Analyzer string
}

// ErrNoIndex is Open's error when Config.MustExist is set and Config.Data
// holds no index.
var ErrNoIndex = errors.New("no index")

// ModeError reports a Config.Entities that is none of the modes.
type ModeError struct{ Mode string }

// Error names the mode and the valid ones.
func (e *ModeError) Error() string {
	return fmt.Sprintf(`entity extraction %q: use "all", "rules", "gazetteer" or "off"`, e.Mode)
}

// Engine is an open index with the searcher and gazetteer around it.
type Engine struct {
	// Index stores the articles.
	Index *indexer.Index
	// Gazetteer is the built-in gazetteer merged with the user's.
	Gazetteer *entity.Gazetteer
	// Searcher answers searches over Index.
	Searcher *searcher.Searcher
	// Pairs is the corpus-wide alias evidence of the index (Shared's).
	Pairs *entity.CorpusPairs
	// Created reports whether Open created the index (it was absent).
	Created bool
}

// Open loads the gazetteer and opens (or creates, unless cfg.MustExist)
// the index of cfg.
func Open(cfg Config) (*Engine, error) {
	if err := checkExists(cfg); err != nil {
		return nil, err
	}
	sh, err := LoadShared(cfg)
	if err != nil {
		return nil, err
	}
	ix, created, err := OpenIndex(cfg, sh)
	if err != nil {
		return nil, err
	}
	s := searcher.New(ix, sh.Extractor, searcher.WithLimits(cfg.Limits))
	return &Engine{Index: ix, Gazetteer: sh.Gazetteer, Searcher: s, Pairs: sh.Pairs, Created: created}, nil
}

// Shared is what the indexes of one process can share: the gazetteer,
// the extractor that reads queries and the annotator of articles. A
// cluster node opens each shard it holds with one Shared and searches
// them with one searcher, instead of an engine per shard.
type Shared struct {
	// Gazetteer is the built-in gazetteer merged with the user's.
	Gazetteer *entity.Gazetteer
	// Extractor reads the entities of queries (a searcher's resolver).
	Extractor *entity.Extractor
	// Annotator extracts the entities of articles (nil: none).
	Annotator indexer.Annotator
	// Pairs counts the articles that pair a romanized person with a
	// Japanese writing of the name (corpus-wide alias evidence): the
	// annotator records each article's, the indexes keep them in line
	// with the articles they hold (deletes, restarts), and Extractor gives
	// the writings as aliases.
	Pairs *entity.CorpusPairs
}

// LoadShared loads the gazetteer of cfg and builds the extractors its
// Entities mode asks for.
func LoadShared(cfg Config) (*Shared, error) {
	gaz, err := loadGazetteer(cfg.Gazetteer)
	if err != nil {
		return nil, err
	}
	pairs := entity.NewCorpusPairs()
	x := entity.NewExtractor(gaz, entity.Discover(namedict.Default()), entity.CorpusAliases(pairs))
	annotator, err := annotatorFor(cfg.Entities, gaz, x, pairs)
	if err != nil {
		return nil, err
	}
	return &Shared{Gazetteer: gaz, Extractor: x, Annotator: annotator, Pairs: pairs}, nil
}

// OpenIndex opens (or creates) the index of cfg, annotated by sh, and
// reports whether it created it; cfg.MustExist is not checked.
func OpenIndex(cfg Config, sh *Shared) (*indexer.Index, bool, error) {
	opts := indexer.Options{Annotator: sh.Annotator, Limits: cfg.Fields, Shards: cfg.Shards, Analyzer: cfg.Analyzer,
		NamePairs: sh.Pairs}
	if cfg.Data == "" {
		ix, err := indexer.NewInMemory(opts)
		return ix, true, err
	}
	return indexer.Open(cfg.Data, opts)
}

// checkExists fails with ErrNoIndex when cfg.MustExist is set and
// cfg.Data holds no index, before anything is loaded or created.
func checkExists(cfg Config) error {
	if !cfg.MustExist || cfg.Data == "" {
		return nil
	}
	exists, err := indexer.Exists(cfg.Data)
	if err != nil {
		return err
	}
	if !exists {
		return fmt.Errorf("open %s: %w", cfg.Data, ErrNoIndex)
	}
	return nil
}

// Close closes the index.
func (e *Engine) Close() error { return e.Index.Close() }

// loadGazetteer returns the built-in gazetteer, merged with the file at
// path when path is not empty.
func loadGazetteer(path string) (*entity.Gazetteer, error) {
	gaz := entity.Default()
	if path == "" {
		return gaz, nil
	}
	user, err := entity.LoadGazetteer(path)
	if err != nil {
		return nil, err
	}
	if gaz, err = gaz.Merge(user); err != nil {
		return nil, fmt.Errorf("merge gazetteer %s: %w", path, err)
	}
	return gaz, nil
}

// annotatorFor returns the extractor the mode asks for: x (the rules)
// with the trained tagger for EntitiesAll, x itself for EntitiesRules,
// none for EntitiesOff. Queries are read by x alone: the tagger reads
// prose, not a few words. The annotators that discover names count their
// pairs in pairs, as x does.
func annotatorFor(mode string, gaz *entity.Gazetteer, x *entity.Extractor, pairs *entity.CorpusPairs) (indexer.Annotator, error) {
	switch mode {
	case EntitiesRules:
		return x, nil
	case EntitiesAll, EntitiesTagger, "":
		return entity.NewExtractor(gaz, entity.Discover(namedict.Default()), entity.Tagger(tagger.Default()),
			entity.CorpusAliases(pairs)), nil
	case EntitiesGazetteer:
		return entity.NewExtractor(gaz), nil
	case EntitiesOff:
		return nil, nil
	}
	return nil, &ModeError{Mode: mode}
}
