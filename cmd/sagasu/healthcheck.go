package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/sagasu-search/sagasu/internal/cli"
)

// healthcheckFlags are the flags of "sagasu healthcheck".
type healthcheckFlags struct {
	addr    string
	url     string
	timeout time.Duration
}

func (f *healthcheckFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "the server's --addr; the check asks /readyz on its port, on loopback when it listens on every interface")
	fs.StringVar(&f.url, "url", "", "the URL to ask instead (default http://ADDR/readyz from --addr)")
	fs.DurationVar(&f.timeout, "timeout", 3*time.Second, "longest the answer may take")
}

// runHealthcheck asks a running server's /readyz and succeeds when it
// answers 200 in time: the image's HEALTHCHECK, which has no shell or curl
// to call. The error is one line saying why the server is not ready.
func runHealthcheck(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer, stderr io.Writer) error {
	var f healthcheckFlags
	fs := newFlagSet("healthcheck", stderr)
	f.register(fs)
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("healthcheck takes no arguments (got %q): %w", fs.Args(), cli.ErrUsage)
	}
	target := f.url
	if target == "" {
		u, err := readyzURL(f.addr)
		if err != nil {
			return err
		}
		target = u
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w: %w", err, cli.ErrUsage)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: not ready: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: not ready: %s answered %s: %s", target, resp.Status, oneLine(body))
	}
	fmt.Fprintf(stdout, "ready: %s\n", oneLine(body))
	return nil
}

// readyzURL is the /readyz URL of a server listening on addr: a wildcard
// or empty host (0.0.0.0, ::, ":8080") is asked on the loopback address.
func readyzURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("healthcheck: --addr %q: %w: %w", addr, err, cli.ErrUsage)
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/readyz", nil
}

// oneLine trims an answer's body to one line for a message.
func oneLine(b []byte) string {
	return strings.Join(strings.Fields(string(b)), " ")
}
