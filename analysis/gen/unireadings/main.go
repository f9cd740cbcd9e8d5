// Command unireadings writes the readings (UniDic's lForm) of the proper
// nouns of the UniDic dictionary kagome embeds, by morpheme ID, gzipped:
// all that Sagasu's Japanese analysis reads of UniDic's feature columns,
// so that it can load the dictionary without them. Run by go generate in
// analysis/.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"

	"github.com/ikawaha/kagome-dict/uni"

	"github.com/sagasu-search/sagasu/analysis"
)

func main() {
	out := flag.String("out", "unidic_readings.txt.gz", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "unireadings:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	d := uni.Dict()
	fmt.Fprintf(w, "# the lForm of UniDic's proper nouns by morpheme ID, from github.com/ikawaha/kagome-dict/uni (see NOTICE)\n")
	fmt.Fprintf(w, "morphemes\t%d\n", len(d.Morphs))
	for id := range d.Morphs {
		if r, ok := analysis.ProperNounReading(d, id); ok {
			fmt.Fprintf(w, "%d\t%s\n", id, r)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
