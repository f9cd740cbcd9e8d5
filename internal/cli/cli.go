// Package cli holds what Sagasu's two commands, sagasu and sagasu-lab,
// share about their command lines: flag sets that report errors instead of
// exiting, flags settable from SAGASU_<FLAG> environment variables, a
// repeatable list flag, and the exit status of an error.
package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// ErrUsage marks a command-line mistake: exit status 2.
var ErrUsage = errors.New("usage")

// ExitCode is 0 for no error and for a help request (-h, --help), 2 for
// usage errors and 1 for the rest.
func ExitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, ErrUsage):
		return 2
	}
	return 1
}

// HelpError is what ParseFlags returns for -h, -help or --help: the
// command's usage, for the caller to print on stdout (see Help). It wraps
// flag.ErrHelp.
type HelpError struct {
	// Usage is the command's usage and flags, as the flag set prints them.
	Usage string
}

// Error says that help was asked for.
func (e *HelpError) Error() string { return "help requested" }

// Unwrap returns flag.ErrHelp.
func (e *HelpError) Unwrap() error { return flag.ErrHelp }

// Help turns a help request into its answer: it prints the usage of a
// *HelpError to stdout and returns nil (exit 0). Any other err is returned
// as it is.
func Help(err error, stdout io.Writer) error {
	var h *HelpError
	if !errors.As(err, &h) {
		return err
	}
	if _, werr := io.WriteString(stdout, h.Usage); werr != nil {
		return fmt.Errorf("print usage: %w", werr)
	}
	return nil
}

// NewFlagSet returns a flag set named "program command" that reports
// errors to stderr instead of exiting.
func NewFlagSet(program, command string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(program+" "+command, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// ParseFlags parses args, letting SAGASU_<NAME> environment variables set
// any flag not given on the command line (flags win). Flags may come
// before, between or after the positional arguments (fs.Args()): "--"
// ends the flags, and a word with a single leading dash that names no flag
// ("-microsoft", an excluded word) is a positional argument, while an
// unknown "--word" is a mistake. A mistake wraps
// ErrUsage, its message and the usage printed to the flag set's output;
// -h, -help or --help returns a *HelpError holding the usage instead.
func ParseFlags(fs *flag.FlagSet, args []string, getenv func(string) string) error {
	if err := parse(fs, args); err != nil {
		return err
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

// parse parses args into fs, holding back what the flag set prints until
// it knows whether that is an error (for stderr) or help (for stdout).
func parse(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	flags, positional := reorder(fs, args)
	err := fs.Parse(flags)
	if err == nil {
		// Parsing "--" and the rest only sets fs.Args().
		err = fs.Parse(append([]string{"--"}, positional...))
	}
	fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		return &HelpError{Usage: buf.String()}
	}
	if err != nil {
		_, _ = buf.WriteTo(out) // best effort: the error is returned either way
		return fmt.Errorf("%v: %w", err, ErrUsage)
	}
	return nil
}

// reorder splits args into the flags, each with its value when it takes
// one, and the positional arguments, keeping the order of each.
func reorder(fs *flag.FlagSet, args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(positional, args[i+1:]...)
		case !isFlag(fs, a):
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		if takesValue(fs, a) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, positional
}

// flagName is the name of the flag argument a ("--size=3" names size).
func flagName(a string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return name
}

// isFlag reports whether a is meant as a flag: any "--word", and a
// "-word" that names a flag of fs (or asks for help).
func isFlag(fs *flag.FlagSet, a string) bool {
	switch {
	case len(a) < 2 || a[0] != '-':
		return false
	case a[1] == '-':
		return true
	}
	name := flagName(a)
	return fs.Lookup(name) != nil || name == "h" || name == "help"
}

// takesValue reports whether the flag argument a takes the next argument
// as its value: a known flag that is not boolean, written without "=".
func takesValue(fs *flag.FlagSet, a string) bool {
	f := fs.Lookup(flagName(a))
	if f == nil || strings.Contains(a, "=") {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
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

// RunFunc runs one command of a program with the arguments after its name.
type RunFunc func(cmd string, args []string) error

// Dispatch reads a program's command line (args[0] is the program): it
// prints usage on stdout for "help", "-h", "-help" and "--help" with
// nothing after them, turns "help cmd" into "cmd -h", runs the named
// command with runCmd and answers a help request it returns (see Help).
// No command at all prints usage on stderr and is a usage error.
func Dispatch(args []string, usage string, stdout, stderr io.Writer, runCmd RunFunc) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("no command given: %w", ErrUsage)
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			_, err := io.WriteString(stdout, usage)
			return err
		}
		cmd, rest = rest[0], []string{"-h"} // prog help cmd = prog cmd -h
	}
	return Help(runCmd(cmd, rest), stdout)
}

// UnknownCommand prints usage on stderr and returns the usage error for a
// command the program does not have.
func UnknownCommand(cmd, usage string, stderr io.Writer) error {
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q: %w", cmd, ErrUsage)
}
