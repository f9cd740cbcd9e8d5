// Command nermodel trains Sagasu's named-entity tagger models from the NER
// data sets that may ship a model, and writes them gzip-compressed:
//
//	en.model.gz  from gmb/ner_dataset.csv (Groningen Meaning Bank extract, ODbL)
//	ja.model.gz  from ja/ner-wikipedia.train.json (Stockmark, CC BY-SA 3.0)
//	             and ja-gsd/train.bio (UD Japanese-GSD NE, CC BY-SA 4.0)
//
// CoNLL-2003 and KWDLC are never read: they may measure, not train. The
// output depends only on the input: the data is read in file order, the
// shuffle has a fixed seed, the iteration count and feature cut-off are
// fixed, the keys are written sorted and the gzip header carries no name
// or time. Run by go generate in entity/tagger.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sagasu-search/sagasu/entity/tagger"
)

// The training settings of the shipped models; changing one changes the
// models' bytes.
var configs = map[tagger.Lang]tagger.TrainConfig{
	tagger.English:  {Iterations: 6, Seed: 20, MinCount: 2},
	tagger.Japanese: {Iterations: 12, Seed: 20, MinCount: 2},
}

func main() {
	dataDir := flag.String("data-dir", "../../../shared/data/ner", "folder holding gmb/, ja/ and ja-gsd/")
	out := flag.String("out", ".", "folder to write en.model.gz and ja.model.gz to")
	var src sources
	flag.StringVar(&src.geoDir, "geo-dir", "", "folder holding geonames/ (default: geo/ beside the -data-dir folder)")
	flag.StringVar(&src.gazetteer, "gazetteer", "../gazetteer.json", "the gazetteer")
	flag.StringVar(&src.enamdict, "enamdict", "../../namedict/enamdict.tsv.gz", "namedict's ENAMDICT table")
	flag.StringVar(&src.dict, "dict", "/usr/share/dict/american-english", "English word list (Debian wamerican)")
	cv := flag.Int("cv", 0, "instead of writing models, hold out every n-th training sentence, train on the rest and print the held-out scores")
	flag.Parse()
	if src.geoDir == "" {
		src.geoDir = filepath.Join(*dataDir, "..", "geo")
	}
	if err := run(*dataDir, src, *out, *cv); err != nil {
		fmt.Fprintln(os.Stderr, "nermodel:", err)
		os.Exit(1)
	}
}

// job is one model to train: its language, its data and its lexicon.
type job struct {
	lang tagger.Lang
	data []tagger.Example
	lex  tagger.Lexicon
}

func run(dataDir string, src sources, out string, cv int) error {
	jobs, err := readAll(dataDir)
	if err != nil {
		return err
	}
	lex, err := readLexicons(src)
	if err != nil {
		return err
	}
	for i := range jobs {
		jobs[i].lex = *lex[jobs[i].lang]
	}
	if cv > 1 {
		for _, j := range jobs {
			crossValidate(os.Stdout, j, cv)
		}
		return nil
	}
	return writeModels(jobs, out)
}

// readAll reads the training data of both models.
func readAll(dataDir string) ([]job, error) {
	en, err := readGMB(filepath.Join(dataDir, "gmb", "ner_dataset.csv"))
	if err != nil {
		return nil, err
	}
	wiki, err := readWikipedia(filepath.Join(dataDir, "ja", "ner-wikipedia.train.json"))
	if err != nil {
		return nil, err
	}
	gsd, err := readGSD(filepath.Join(dataDir, "ja-gsd", "train.bio"))
	if err != nil {
		return nil, err
	}
	return []job{{lang: tagger.English, data: en}, {lang: tagger.Japanese, data: append(wiki, gsd...)}}, nil
}

// trainingData returns the sentences a model of lang learns from data:
// for English, every tenth sentence is added again in capitals, as news
// headlines and the CoNLL data are written ("JAPAN GET LUCKY WIN") and GMB
// never is.
func trainingData(lang tagger.Lang, data []tagger.Example) []tagger.Example {
	if lang != tagger.English {
		return data
	}
	out := slices.Clip(data)
	for i := 0; i < len(data); i += 10 {
		ex := tagger.Example{Labels: data[i].Labels}
		for _, w := range data[i].Words {
			ex.Words = append(ex.Words, strings.ToUpper(w))
		}
		out = append(out, ex)
	}
	return out
}

// writeModels trains each job's model and writes it to out.
func writeModels(jobs []job, out string) error {
	for _, job := range jobs {
		m := tagger.Train(job.lang, trainingData(job.lang, job.data), job.lex, configs[job.lang])
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			return err
		}
		path := filepath.Join(out, job.lang.String()+".model.gz")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		fmt.Fprintf(os.Stderr, "nermodel: %s: %d sentences, %d features, %d lexicon phrases, %d bytes\n",
			path, len(job.data), m.Features(), job.lex.Len(), buf.Len())
	}
	return nil
}
