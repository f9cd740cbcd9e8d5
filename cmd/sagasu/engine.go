package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/analysis"
	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/engine"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/searcher"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// commonFlags are the flags every command that opens an index shares.
type commonFlags struct {
	data      string
	gazetteer string
	entities  string
	analyzer  string
	logFormat string
	logLevel  string
	limits    searcher.Limits
	fields    corpus.Limits
	shards    int
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", "./data", "index folder (serve and index create it when absent)")
	fs.StringVar(&c.gazetteer, "gazetteer", "", "JSON file of extra entities, merged into the built-in gazetteer")
	fs.StringVar(&c.entities, "entities", "all", `entity extraction at ingest: "all" (gazetteer, discovery, then the trained tagger), "rules" (gazetteer and discovery), "gazetteer" or "off" ("tagger" is "all")`)
	fs.StringVar(&c.analyzer, "analyzer", analysis.Name, "English analysis a new index is built with and an existing one must have: "+analyzerNames())
	fs.StringVar(&c.logFormat, "log-format", "json", `log format: "json" or "console" (human-readable)`)
	fs.StringVar(&c.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.IntVar(&c.limits.MaxQueryRunes, "max-query-chars", searcher.MaxQueryRunes, "longest query, in characters")
	fs.IntVar(&c.limits.MaxSize, "max-page-size", searcher.MaxSize, "most hits in one page (size)")
	fs.IntVar(&c.limits.MaxWindow, "max-window", searcher.MaxWindow, "deepest hit a page may reach (from + size)")
	fs.IntVar(&c.limits.MaxFacetSize, "max-facet-size", searcher.MaxFacetSize, "most values of a facet or an entity listing")
	fs.IntVar(&c.limits.MaxEntityFilters, "max-entity-filters", searcher.MaxEntityFilters, "most entity= filters in one search")
	fs.IntVar(&c.fields.MaxTitleBytes, "max-title-bytes", corpus.DefaultMaxTitleBytes, "longest article title accepted, in bytes")
	fs.IntVar(&c.shards, "shards", 1, fmt.Sprintf("shards of a new index, 1 to %d, searched and written in parallel (an existing index keeps its own); with --cluster, the cluster's shards", indexer.MaxShards))
	fs.IntVar(&c.fields.MaxBodyBytes, "max-article-bytes", corpus.DefaultMaxBodyBytes, "longest article body accepted, in bytes")
}

// logger builds the zerolog logger the flags ask for.
func (c *commonFlags) logger(w io.Writer) (zerolog.Logger, error) {
	level, err := zerolog.ParseLevel(c.logLevel)
	if err != nil || c.logLevel == "" {
		return zerolog.Logger{}, fmt.Errorf("--log-level %q: use debug, info, warn or error: %w", c.logLevel, cli.ErrUsage)
	}
	switch c.logFormat {
	case "json":
	case "console":
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	default:
		return zerolog.Logger{}, fmt.Errorf(`--log-format %q: use "json" or "console": %w`, c.logFormat, cli.ErrUsage)
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger(), nil
}

// openEngine opens the index at --data with the gazetteer and entity
// extraction the flags ask for. It creates an absent index unless
// mustExist (read commands), which makes an absent one an error.
func (c *commonFlags) openEngine(mustExist bool) (*engine.Engine, error) {
	cfg, err := c.engineConfig(mustExist)
	if err != nil {
		return nil, err
	}
	eng, err := engine.Open(cfg)
	var me *engine.ModeError
	switch {
	case errors.As(err, &me):
		return nil, fmt.Errorf("--entities: %w: %w", err, cli.ErrUsage)
	case errors.Is(err, engine.ErrNoIndex):
		return nil, noIndexError(c.data)
	}
	return eng, err
}

// engineConfig is the engine configuration the flags ask for, the
// analyzer checked.
func (c *commonFlags) engineConfig(mustExist bool) (engine.Config, error) {
	if _, err := analysis.VariantNamed(c.analyzer); err != nil {
		return engine.Config{}, fmt.Errorf("--analyzer: %w: %w", err, cli.ErrUsage)
	}
	return engine.Config{Data: c.data, MustExist: mustExist, Gazetteer: c.gazetteer,
		Entities: c.entities, Limits: c.limits, Fields: c.fields, Shards: c.shards, Analyzer: c.analyzer}, nil
}

// analyzerNames lists the analysis variants for --analyzer's help.
func analyzerNames() string {
	var names []string
	for _, v := range analysis.Variants() {
		names = append(names, v.Name())
	}
	return strings.Join(names, ", ") + " (Porter, minimal or no stemming, _stop: without English stop words)"
}

// noIndexError says that a read command found no index at data, and how
// to make one.
func noIndexError(data string) error {
	return fmt.Errorf("no index at %s (make one with sagasu index or sagasu serve)", data)
}

// versionString names this build and the versions it was built with.
func versionString() string {
	goVersion, bleve := "unknown", "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
		for _, d := range info.Deps {
			if strings.HasPrefix(d.Path, "github.com/blevesearch/bleve/v2") {
				bleve = d.Version
			}
		}
	}
	return fmt.Sprintf("sagasu %s (%s, bleve %s, %s/%s)", version, goVersion, bleve, runtime.GOOS, runtime.GOARCH)
}
