package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/synth"
)

// genFlags are the flags of "sagasu-lab gen".
type genFlags struct {
	articles int
	seed     int64
	jaShare  float64
	out      string
}

// runGen writes a synthetic news corpus (package synth) as JSON Lines to
// --out or stdout, and a one-line summary to stderr.
func runGen(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f genFlags
	fs := newFlagSet("gen", stderr)
	fs.IntVar(&f.articles, "articles", 10000, "how many articles to write (the benchmark sizes are 10000, 100000 and 1000000)")
	fs.Int64Var(&f.seed, "seed", 1, "the corpus to write: the same seed writes the same bytes")
	fs.Float64Var(&f.jaShare, "ja-share", synth.DefaultJapaneseShare, "the share of Japanese articles, 0 to 1")
	fs.StringVar(&f.out, "out", "", `the file to write, "-" or empty for stdout`)
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("gen takes no arguments (got %q): sagasu-lab gen --articles N --out FILE: %w", fs.Arg(0), cli.ErrUsage)
	}
	if f.articles < 0 || !(f.jaShare >= 0 && f.jaShare <= 1) {
		return fmt.Errorf("gen needs --articles 0 or more and --ja-share from 0 to 1: %w", cli.ErrUsage)
	}
	opts := synth.Options{Seed: f.seed, Articles: f.articles, JapaneseShare: f.jaShare}

	w, name := stdout, "stdout"
	var file *os.File
	if f.out != "" && f.out != "-" {
		var err error
		if file, err = os.Create(f.out); err != nil {
			return err
		}
		w, name = file, f.out
	}
	st, err := synth.Write(ctx, w, opts)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.out) // a cut-off corpus would only mislead a benchmark
		}
	}
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	perArticle := 0.0
	if st.Articles > 0 {
		perArticle = float64(st.Bytes) / float64(st.Articles) / 1e3
	}
	fmt.Fprintf(stderr, "generated %d articles (%d Japanese, seed %d), %.1f MB (%.1f KB an article) in %.2fs, %.1f MB/s, to %s\n",
		st.Articles, st.Japanese, f.seed, float64(st.Bytes)/1e6, perArticle, st.Elapsed.Seconds(), st.MBPerSecond(), name)
	return nil
}
