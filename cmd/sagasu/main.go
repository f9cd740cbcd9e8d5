// Command sagasu is a full-text search engine for English and Japanese news
// articles: it ingests scraped pages and JSON, indexes them with Bleve, and
// serves a REST API with highlighted hits and entity facets.
//
//	sagasu serve                    index the embedded seed articles and serve on 127.0.0.1:8080
//	sagasu index --data DIR PATH…   ingest .txt/.json/.jsonl files or folders
//	sagasu search --data DIR QUERY  search from the terminal
//	sagasu version
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "sagasu: %v\n", err)
		os.Exit(exitCode(err))
	}
}
