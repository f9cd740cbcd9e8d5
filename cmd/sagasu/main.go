// Command sagasu is a full-text search engine for English and Japanese news
// articles: it ingests scraped pages and JSON, indexes them with Bleve, and
// serves a REST API with highlighted hits and entity facets.
//
//	sagasu serve                    index the embedded seed articles and serve on 127.0.0.1:8080
//	sagasu index --data DIR PATH…   ingest .txt/.json/.jsonl files or folders
//	sagasu search --data DIR QUERY  search from the terminal
//	sagasu backup --data DIR --to DIR copy an index not in use
//	sagasu healthcheck              exit 0 when a running server is ready (the image's HEALTHCHECK)
//	sagasu version
//
// The lab tools, evaluation, benchmarks, load tests and the synthetic
// corpus, are a command of their own, sagasu-lab, so that this binary does
// not carry them (nor SQLite, a peer engine they compare with).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/sagasu-search/sagasu/internal/cli"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go stopOnSignals(cancel)
	if err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "sagasu: %v\n", err)
		os.Exit(cli.ExitCode(err))
	}
}

// stopOnSignals cancels the program's context at the first SIGINT or
// SIGTERM, so that serve drains requests and closes the index, and exits
// at once at the second.
func stopOnSignals(cancel context.CancelFunc) {
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	s := <-sig
	fmt.Fprintf(os.Stderr, "sagasu: %v: stopping (send it again to stop at once)\n", s)
	cancel()
	<-sig
	fmt.Fprintln(os.Stderr, "sagasu: stopped at once; acknowledged writes are on disk")
	os.Exit(130)
}
