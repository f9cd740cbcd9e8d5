package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/extract"
)

// extractRow is one extractor's figures on one split.
type extractRow struct {
	Extractor string `json:"extractor"`
	Split     string `json:"split"`
	extract.Measures
	Failed      int     `json:"failed"`
	PagesPerSec float64 `json:"pages_per_second"`
}

// runExtract measures article extraction on the Scrapinghub
// article-extraction-benchmark in --data-dir: Sagasu's extractor beside
// go-trafilatura's and go-readability's defaults, on the splits --split
// names (see extract.InSplit), all from one run. --worst lists the dev
// pages Sagasu does worst on; held-out pages are never listed. Without
// the data it says where it looked and does nothing.
func runExtract(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var dataDir, only, splitList string
	var jsonOut bool
	var worst int
	fs := newFlagSet("extract", stderr)
	fs.StringVar(&dataDir, "data-dir", "../shared/data", "folder holding html/scrapinghub/")
	fs.StringVar(&only, "extractor", "", "run only this extractor (sagasu, go-trafilatura, go-readability)")
	fs.StringVar(&splitList, "split", "all", "pages to score, comma-separated: dev (ids 0-7…), heldout (ids 8-f…), all")
	fs.IntVar(&worst, "worst", 0, "list the `n` dev pages with the lowest F1 for each extractor (dev only)")
	fs.BoolVar(&jsonOut, "json", false, "print JSON instead of a table")
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	splits, err := parseSplits(splitList, worst)
	if err != nil {
		return err
	}
	dir := filepath.Join(dataDir, extract.Dir)
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		fmt.Fprintf(stderr, "extract: skipped: no benchmark at %s (set --data-dir or SAGASU_DATA_DIR)\n", dir)
		return nil
	}
	pages, err := loadSplits(dataDir, splits)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "extract: %d pages (%s) from %s (Scrapinghub article-extraction-benchmark, MIT)\n", len(pages), splitList, dir)
	var rows []extractRow
	for _, e := range extract.Extractors() {
		if only != "" && e.Name != only {
			continue
		}
		res, err := extract.Run(ctx, e, pages)
		if err != nil {
			return err
		}
		for _, s := range splits {
			rows = append(rows, extractRow{Extractor: e.Name, Split: s, Measures: extract.ScoreSplit(res.Scores, s),
				Failed: res.Failed, PagesPerSec: res.PagesPerSec})
		}
		if worst > 0 {
			printWorst(stderr, res, worst)
		}
	}
	if jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	return printExtract(stdout, rows)
}

// parseSplits reads --split; --worst needs the dev split alone, so that
// no held-out page is ever looked at.
func parseSplits(list string, worst int) ([]string, error) {
	var splits []string
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if !slices.Contains(extract.Splits, s) {
			return nil, fmt.Errorf("extract: --split %q: use dev, heldout or all, comma-separated", s)
		}
		splits = append(splits, s)
	}
	if worst > 0 && !slices.Equal(splits, []string{"dev"}) {
		return nil, errors.New("extract: --worst lists dev pages only: use it with --split dev")
	}
	return splits, nil
}

// loadSplits loads the benchmark's pages that belong to any of splits.
func loadSplits(dataDir string, splits []string) ([]extract.Page, error) {
	pages, err := extract.Load(dataDir)
	if err != nil {
		return nil, err
	}
	if slices.Contains(splits, "all") || len(splits) > 1 {
		return pages, nil
	}
	return extract.Split(pages, splits[0])
}

// printWorst writes the n pages of res with the lowest F1.
func printWorst(w io.Writer, res extract.Result, n int) {
	scores := slices.Clone(res.Scores)
	f1 := func(s extract.PageScore) float64 {
		if s.Precision+s.Recall == 0 {
			return 0
		}
		return 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	sort.SliceStable(scores, func(i, j int) bool { return f1(scores[i]) < f1(scores[j]) })
	for _, s := range scores[:min(n, len(scores))] {
		fmt.Fprintf(w, "%s\t%s\tF1 %.3f\tP %.3f\tR %.3f\tFP %d\tFN %d\n", res.Extractor, s.ID, f1(s), s.Precision, s.Recall, s.FP, s.FN)
	}
}

// printExtract writes the rows as a table.
func printExtract(w io.Writer, rows []extractRow) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tsplit\tF1\tprecision\trecall\taccuracy\tpredicted\tfailed\tpages/s\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.4f\t%.4f\t%.3f\t%d/%d\t%d\t%.1f\t\n", r.Extractor, r.Split, r.F1, r.Precision, r.Recall, r.Accuracy, r.Predicted, r.Pages, r.Failed, r.PagesPerSec)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "Data: Scrapinghub article-extraction-benchmark (MIT), scored as its README says; splits by the page id's first hex digit (0-7 dev, 8-f heldout).")
	return err
}
