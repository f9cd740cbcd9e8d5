package ner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/entity/tagger"
	"github.com/sagasu-search/sagasu/namedict"
)

// Set is a dev set of the shared data folder.
type Set struct {
	Name string // as the table prints it
	Path string // under ner/ of the data folder
	Read func(string) ([]Sentence, error)
}

// Sets are the dev sets measured: no test split is among them.
var Sets = []Set{
	{"CoNLL-2003 eng.testa", "conll2003/eng.testa", ReadCoNLL},
	{"ja-gsd dev.bio", "ja-gsd/dev.bio", ReadGSD},
	{"KWDLC dev.knp", "ja-kwdlc/dev.knp", ReadKWDLC},
}

// System is a recognizer measured: it returns a sentence's entities.
type System struct {
	Name string
	Find func(text string) []Gold
}

// Systems returns the recognizers compared: the rules extractor
// (gazetteer and discovery), the rules with the trained tagger, and the
// tagger alone.
func Systems() []System {
	g, lex := entity.Default(), namedict.Default()
	rules := entity.NewExtractor(g, entity.Discover(lex))
	tagged := entity.NewExtractor(g, entity.Discover(lex), entity.Tagger(tagger.Default()))
	return []System{
		{"rules", mentions(rules)},
		{"rules+tagger", mentions(tagged)},
		{"tagger", func(text string) []Gold {
			var out []Gold
			for _, s := range tagger.Default().Tag(text) {
				out = append(out, Gold{Type: s.Type, Start: s.Start, End: s.End})
			}
			return out
		}},
	}
}

// mentions is a System's Find of an extractor.
func mentions(x *entity.Extractor) func(string) []Gold {
	return func(text string) []Gold {
		var out []Gold
		for _, m := range x.Mentions(text) {
			out = append(out, Gold{Type: m.Entity.Type, Start: m.Start, End: m.End})
		}
		return out
	}
}

// Row is one line of the results: a system's scores of one type on one
// set.
type Row struct {
	Set, System, Type string
	Counts
}

// Run measures every system on every set present in dataDir/ner, and
// returns the rows with the sets it skipped (absent).
func Run(ctx context.Context, dataDir string, systems []System) (rows []Row, skipped []string, err error) {
	for _, set := range Sets {
		path := filepath.Join(dataDir, "ner", set.Path)
		if _, err := os.Stat(path); err != nil {
			skipped = append(skipped, path)
			continue
		}
		sents, err := set.Read(path)
		if err != nil {
			return nil, nil, err
		}
		for _, sys := range systems {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("ner: %w", err)
			}
			counts := map[string]*Counts{}
			for _, s := range sents {
				add(counts, s.Gold, sys.Find(s.Text))
			}
			for _, typ := range nerTypes {
				rows = append(rows, Row{Set: set.Name, System: sys.Name, Type: typ, Counts: *counts[typ]})
			}
		}
	}
	return rows, slices.Clip(skipped), nil
}
