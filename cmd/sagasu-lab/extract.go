package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/extract"
)

// runExtract measures article extraction on the Scrapinghub
// article-extraction-benchmark in --data-dir: Sagasu's extractor beside
// go-trafilatura's and go-readability's defaults. Without the data it
// says where it looked and does nothing.
func runExtract(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var dataDir, only string
	var jsonOut bool
	fs := newFlagSet("extract", stderr)
	fs.StringVar(&dataDir, "data-dir", "../shared/data", "folder holding html/scrapinghub/")
	fs.StringVar(&only, "extractor", "", "run only this extractor (sagasu, go-trafilatura, go-readability)")
	fs.BoolVar(&jsonOut, "json", false, "print JSON instead of a table")
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	dir := filepath.Join(dataDir, extract.Dir)
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		fmt.Fprintf(stderr, "extract: skipped: no benchmark at %s (set --data-dir or SAGASU_DATA_DIR)\n", dir)
		return nil
	}
	pages, err := extract.Load(dataDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "extract: %d pages from %s (Scrapinghub article-extraction-benchmark, MIT)\n", len(pages), dir)
	var results []extract.Result
	for _, e := range extract.Extractors() {
		if only != "" && e.Name != only {
			continue
		}
		res, err := extract.Run(ctx, e, pages)
		if err != nil {
			return err
		}
		results = append(results, res)
	}
	if jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(results)
	}
	return printExtract(stdout, results)
}

// printExtract writes the results as a table.
func printExtract(w io.Writer, results []extract.Result) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tF1\tprecision\trecall\taccuracy\tpredicted\tfailed\tpages/s\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d/%d\t%d\t%.1f\t\n", r.Extractor, r.F1, r.Precision, r.Recall, r.Accuracy, r.Predicted, r.Pages, r.Failed, r.PagesPerSec)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "Data: Scrapinghub article-extraction-benchmark (MIT), scored as its README says.")
	return err
}
