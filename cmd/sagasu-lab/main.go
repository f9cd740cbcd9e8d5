// Command sagasu-lab holds Sagasu's lab tools, kept out of the server
// binary (and SQLite, a peer engine, with them): it measures ranking on
// test collections and speed beside SQLite FTS5 and Groonga, writes
// synthetic corpora, and loads a running server.
//
//	sagasu-lab eval    measure ranking on test collections (package lab/eval)
//	sagasu-lab bench   ingest and query speed beside the peers (package lab/bench)
//	sagasu-lab load    drive a running sagasu serve with searches (package lab/loadtest)
//	sagasu-lab extract measure article extraction from HTML (package lab/extract)
//	sagasu-lab gen     write a synthetic news corpus (package lab/synth)
//	sagasu-lab ner     measure entity recognition on NER dev sets (package lab/ner)
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
	// The first SIGINT or SIGTERM cancels the run (a bench stops its
	// engines); the second, with the default handling back, ends it at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() { <-ctx.Done(); stop() }()
	err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sagasu-lab: %v\n", err)
		os.Exit(cli.ExitCode(err))
	}
}
