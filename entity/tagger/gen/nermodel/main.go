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
	cv := flag.Int("cv", 0, "instead of writing models, hold out every n-th training sentence, train on the rest and print the held-out scores")
	flag.Parse()
	if err := run(*dataDir, *out, *cv); err != nil {
		fmt.Fprintln(os.Stderr, "nermodel:", err)
		os.Exit(1)
	}
}

// job is one model to train: its language and its data.
type job struct {
	lang tagger.Lang
	data []tagger.Example
}

func run(dataDir, out string, cv int) error {
	jobs, err := readAll(dataDir)
	if err != nil {
		return err
	}
	if cv > 1 {
		for _, j := range jobs {
			crossValidate(os.Stdout, j.lang, j.data, configs[j.lang], cv)
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
	return []job{{tagger.English, en}, {tagger.Japanese, append(wiki, gsd...)}}, nil
}

// writeModels trains each job's model and writes it to out.
func writeModels(jobs []job, out string) error {
	for _, job := range jobs {
		m := tagger.Train(job.lang, job.data, configs[job.lang])
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			return err
		}
		path := filepath.Join(out, job.lang.String()+".model.gz")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		fmt.Fprintf(os.Stderr, "nermodel: %s: %d sentences, %d features, %d bytes\n",
			path, len(job.data), m.Features(), buf.Len())
	}
	return nil
}
