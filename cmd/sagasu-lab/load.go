package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/lab/loadtest"
)

// loadFlags are the flags of "sagasu-lab load".
type loadFlags struct {
	url         string
	concurrency int
	duration    time.Duration
	requests    int
	apiKey      string
	readKey     string
	jsonOut     bool
}

// runLoad drives a running server with the mix of searches of loadMix
// from --concurrency clients, and with --api-key one writer posting and
// deleting articles, then prints the figures. It fails if any answer was
// a 5xx or no answer came.
func runLoad(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f loadFlags
	fs := newFlagSet("load", stderr)
	fs.StringVar(&f.url, "url", "http://127.0.0.1:8080", "the server to load")
	fs.IntVar(&f.concurrency, "concurrency", 64, "clients searching at once")
	fs.DurationVar(&f.duration, "duration", 60*time.Second, "how long to run")
	fs.IntVar(&f.requests, "requests", 0, "or: how many searches in all")
	fs.StringVar(&f.apiKey, "api-key", "", "a write key: one more client posts and deletes articles meanwhile")
	fs.StringVar(&f.readKey, "read-key", "", "a key for the searches, when the server requires one")
	fs.BoolVar(&f.jsonOut, "json", false, "print the report as JSON instead of a table")
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if _, err := url.ParseRequestURI(f.url); err != nil || fs.NArg() > 0 {
		return fmt.Errorf("load needs --url http://HOST:PORT and no arguments: %w", cli.ErrUsage)
	}
	cfg := loadtest.Config{
		BaseURL: strings.TrimRight(f.url, "/"), Concurrency: f.concurrency, Duration: f.duration, Requests: f.requests,
		Reads:  loadMix(f.readKey),
		Client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: f.concurrency + 1}, Timeout: time.Minute},
	}
	if f.requests > 0 {
		cfg.Duration = 0
	}
	if f.apiKey != "" {
		cfg.Writer = loadWriter(f.apiKey, time.Now().UnixNano())
	}
	rep, err := loadtest.Run(ctx, cfg)
	if err != nil {
		return err
	}
	if f.jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.WriteTable(stdout)
	}
	if err != nil {
		return err
	}
	if n := rep.ServerErrors(); n > 0 {
		return fmt.Errorf("%d requests got a 5xx or no answer", n)
	}
	return nil
}

// loadMix is the searches of the load test, on the words of the seeds:
// a common word, a rare one, two words, a phrase, a name in the other
// order, Japanese, an entity filter, newest first, a deep page, and an
// entity page, each with facets and highlights.
func loadMix(key string) []loadtest.Request {
	mix := []struct{ name, path string }{
		{"common word", "/api/v1/search?q=japan"},
		{"rare word", "/api/v1/search?q=supercomputer"},
		{"two words", "/api/v1/search?q=ai+investment"},
		{"phrase", "/api/v1/search?q=%22prime+minister%22"},
		{"name, other order", "/api/v1/search?q=Kishida+Fumio"},
		{"japanese", "/api/v1/search?q=%E5%B2%B8%E7%94%B0%E6%96%87%E9%9B%84"},
		{"entity filter", "/api/v1/search?q=chips&entity=person:Fumio+Kishida"},
		{"newest first", "/api/v1/search?q=microsoft&sort=date"},
		{"deep page", "/api/v1/search?q=the&from=1000&size=10"},
		{"entity page", "/api/v1/entities/organization/Microsoft"},
	}
	out := make([]loadtest.Request, len(mix))
	for i, m := range mix {
		out[i] = loadtest.Request{Name: m.name, Path: m.path, Key: key}
	}
	return out
}

// loadWriter posts batches of ten articles and, every fourth write,
// deletes an article of an earlier batch; ids start with run so that
// runs do not collide.
func loadWriter(key string, run int64) func(i int) loadtest.Request {
	return func(i int) loadtest.Request {
		if i%4 == 3 {
			return loadtest.Request{Name: "delete", Method: http.MethodDelete, Key: key,
				Path: fmt.Sprintf("/api/v1/articles/load-%d-%d-0", run, i-1)}
		}
		var b strings.Builder
		b.WriteString("[")
		for k := 0; k < 10; k++ {
			if k > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id":"load-%d-%d-%d","title":"Load test report %d","body":"Japan and the United States discussed AI investment and chips, batch %d article %d.","lang":"en","published":"2025-01-%02dT09:00:00Z"}`,
				run, i, k, i, i, k, k+1)
		}
		b.WriteString("]")
		return loadtest.Request{Name: "post", Method: http.MethodPost, Path: "/api/v1/articles", Body: []byte(b.String()), Key: key}
	}
}
