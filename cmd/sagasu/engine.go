package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/namedict"
	"github.com/sagasu-search/sagasu/searcher"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// commonFlags are the flags every command that opens an index shares.
type commonFlags struct {
	data      string
	gazetteer string
	entities  string
	logFormat string
	logLevel  string
	limits    searcher.Limits
	fields    corpus.Limits
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", "./data", "index folder (created when absent)")
	fs.StringVar(&c.gazetteer, "gazetteer", "", "JSON file of extra entities, merged into the built-in gazetteer")
	fs.StringVar(&c.entities, "entities", "all", `entity extraction at ingest: "all" (gazetteer and discovery), "gazetteer" or "off"`)
	fs.StringVar(&c.logFormat, "log-format", "json", `log format: "json" or "console" (human-readable)`)
	fs.StringVar(&c.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.IntVar(&c.limits.MaxQueryRunes, "max-query-chars", searcher.MaxQueryRunes, "longest query, in characters")
	fs.IntVar(&c.limits.MaxSize, "max-page-size", searcher.MaxSize, "most hits in one page (size)")
	fs.IntVar(&c.limits.MaxWindow, "max-window", searcher.MaxWindow, "deepest hit a page may reach (from + size)")
	fs.IntVar(&c.limits.MaxFacetSize, "max-facet-size", searcher.MaxFacetSize, "most values of a facet or an entity listing")
	fs.IntVar(&c.limits.MaxEntityFilters, "max-entity-filters", searcher.MaxEntityFilters, "most entity= filters in one search")
	fs.IntVar(&c.fields.MaxTitleBytes, "max-title-bytes", corpus.DefaultMaxTitleBytes, "longest article title accepted, in bytes")
	fs.IntVar(&c.fields.MaxBodyBytes, "max-article-bytes", corpus.DefaultMaxBodyBytes, "longest article body accepted, in bytes")
}

// fieldLimits are the article field limits the flags set.
func (c *commonFlags) fieldLimits() corpus.Limits { return c.fields }

// logger builds the zerolog logger the flags ask for.
func (c *commonFlags) logger(w io.Writer) (zerolog.Logger, error) {
	level, err := zerolog.ParseLevel(c.logLevel)
	if err != nil || c.logLevel == "" {
		return zerolog.Logger{}, fmt.Errorf("--log-level %q: use debug, info, warn or error: %w", c.logLevel, errUsage)
	}
	switch c.logFormat {
	case "json":
	case "console":
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	default:
		return zerolog.Logger{}, fmt.Errorf(`--log-format %q: use "json" or "console": %w`, c.logFormat, errUsage)
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger(), nil
}

// engine is an open index with what searches and ingest need around it.
type engine struct {
	index     *indexer.Index
	gazetteer *entity.Gazetteer
	searcher  *searcher.Searcher
	created   bool
}

// openEngine loads the gazetteer and opens (or creates) the index.
func (c *commonFlags) openEngine() (*engine, error) {
	gaz := entity.Default()
	if c.gazetteer != "" {
		user, err := entity.LoadGazetteer(c.gazetteer)
		if err != nil {
			return nil, err
		}
		if gaz, err = gaz.Merge(user); err != nil {
			return nil, fmt.Errorf("merge gazetteer %s: %w", c.gazetteer, err)
		}
	}
	x := entity.NewExtractor(gaz, entity.Discover(namedict.Default()))
	var annotator indexer.Annotator
	switch c.entities {
	case "all":
		annotator = x
	case "gazetteer":
		annotator = entity.NewExtractor(gaz)
	case "off":
	default:
		return nil, fmt.Errorf(`--entities %q: use "all", "gazetteer" or "off": %w`, c.entities, errUsage)
	}
	ix, created, err := indexer.Open(c.data, indexer.Options{Annotator: annotator, Limits: c.fields})
	if err != nil {
		return nil, err
	}
	s := searcher.New(ix, x, searcher.WithLimits(c.limits))
	return &engine{index: ix, gazetteer: gaz, searcher: s, created: created}, nil
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
