// Package cli holds what Sagasu's two commands, sagasu and sagasu-lab,
// share about their command lines: flag sets that report errors instead of
// exiting, flags settable from SAGASU_<FLAG> environment variables, a
// repeatable list flag, and the exit status of an error.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// ErrUsage marks a command-line mistake: exit status 2.
var ErrUsage = errors.New("usage")

// ExitCode is 2 for usage errors (and -h) and 1 for the rest.
func ExitCode(err error) int {
	if errors.Is(err, ErrUsage) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// NewFlagSet returns a flag set named "program command" that reports
// errors to stderr instead of exiting.
func NewFlagSet(program, command string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(program+" "+command, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// ParseFlags parses args, letting SAGASU_<NAME> environment variables set
// any flag not given on the command line (flags win). A mistake wraps
// ErrUsage; -h returns flag.ErrHelp.
func ParseFlags(fs *flag.FlagSet, args []string, getenv func(string) string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%v: %w", err, ErrUsage)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := EnvName(f.Name)
		if v := getenv(env); v != "" && !given[f.Name] && err == nil {
			if e := f.Value.Set(v); e != nil {
				err = fmt.Errorf("environment %s=%q: %v: %w", env, v, e, ErrUsage)
			}
		}
	})
	return err
}

// EnvName is the environment variable that sets the flag name:
// SAGASU_MAX_BATCH for max-batch.
func EnvName(name string) string {
	return "SAGASU_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// ListFlag is a repeatable string flag; each value, and the environment's,
// may also be a comma-separated list.
type ListFlag []string

// String joins the values with commas.
func (l *ListFlag) String() string { return strings.Join(*l, ",") }

// Set adds the comma-separated values of v, trimmed, skipping empty ones.
func (l *ListFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}
