package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/ner"
)

// runNER measures entity recognition on the NER dev sets under
// --data-dir/ner: the rules extractor, the rules with the trained tagger,
// and the tagger alone. Sets that are absent are named and skipped.
func runNER(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var dataDir string
	fs := newFlagSet("ner", stderr)
	fs.StringVar(&dataDir, "data-dir", "../shared/data", "folder holding ner/ (conll2003, ja-gsd, ja-kwdlc)")
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	rows, skipped, err := ner.Run(ctx, dataDir, ner.Systems())
	if err != nil {
		return err
	}
	for _, path := range skipped {
		fmt.Fprintf(stderr, "ner: skipped: no data at %s (set --data-dir or SAGASU_DATA_DIR)\n", path)
	}
	if len(rows) == 0 {
		return nil
	}
	return printNER(stdout, rows)
}

// printNER writes the rows as one Markdown table.
func printNER(w io.Writer, rows []ner.Row) error {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "| data\t| system\t| type\t| gold\t| exact P\t| exact R\t| exact F1\t| lenient P\t| lenient R\t| lenient F1\t|")
	fmt.Fprintln(tw, "|---\t|---\t|---\t|---:\t|---:\t|---:\t|---:\t|---:\t|---:\t|---:\t|")
	for _, r := range rows {
		e, l := r.Exact(), r.Lenient()
		fmt.Fprintf(tw, "| %s\t| %s\t| %s\t| %d\t| %.2f\t| %.2f\t| %.2f\t| %.2f\t| %.2f\t| %.2f\t|\n",
			r.Set, r.System, r.Type, r.Gold, e.P, e.R, e.F1, l.P, l.R, l.F1)
	}
	return tw.Flush()
}
