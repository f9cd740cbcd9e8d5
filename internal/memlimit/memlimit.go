// Package memlimit sets the Go runtime's soft memory limit (GOMEMLIMIT)
// from the memory limit of the cgroup the process runs in, so that a
// server in a container with a memory limit collects garbage harder as it
// nears the limit instead of being killed by the kernel. Sagasu's Japanese
// dictionary alone is about 600 MB live, so the headroom matters.
//
// It reads cgroup v2 (memory.max) and cgroup v1 (memory.limit_in_bytes),
// for the process's own cgroup and its ancestors as /proc/self/cgroup
// names them and for the root of the mount (where a container sees its
// own cgroup), and takes the smallest limit found. A GOMEMLIMIT set by the
// user always wins: the runtime has already applied it.
package memlimit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
)

// Fraction is the share of the cgroup limit given to the Go runtime; the
// rest is headroom for memory the runtime does not manage and for the
// kernel's page cache accounting.
const Fraction = 0.9

// unlimited is the smallest value taken for "no limit": cgroup v1 writes
// a page-aligned maximum (9223372036854771712), not a word.
const unlimited = 1 << 60

// Decision is what Decide found and Apply did.
type Decision struct {
	Limit  int64  // the runtime's limit set from the cgroup, in bytes; 0 when none was set
	Cgroup int64  // the cgroup's memory limit in bytes; 0 when there is none
	Source string // the file the cgroup limit came from
	Reason string // why, in a few words, for the log
}

// Decide works out the runtime limit from fsys, the root file system
// (os.DirFS("/") in production), and the environment, without setting it.
func Decide(fsys fs.FS, getenv func(string) string) (Decision, error) {
	if v := getenv("GOMEMLIMIT"); v != "" {
		return Decision{Reason: "GOMEMLIMIT=" + v + " set by the environment; kept"}, nil
	}
	limit, source, err := CgroupLimit(fsys)
	if err != nil {
		return Decision{}, err
	}
	if limit == 0 {
		return Decision{Reason: "no cgroup memory limit; the runtime's limit is left unset"}, nil
	}
	return Decision{
		Limit:  int64(float64(limit) * Fraction),
		Cgroup: limit,
		Source: source,
		Reason: fmt.Sprintf("GOMEMLIMIT set to %.0f%% of the cgroup memory limit", Fraction*100),
	}, nil
}

// Apply decides as Decide does and sets the runtime's soft memory limit
// when the decision has one.
func Apply(fsys fs.FS, getenv func(string) string) (Decision, error) {
	d, err := Decide(fsys, getenv)
	if err == nil && d.Limit > 0 {
		debug.SetMemoryLimit(d.Limit)
	}
	return d, err
}

// CgroupLimit returns the smallest memory limit, in bytes, of the cgroups
// that bound the process, and the file it was read from: 0 and "" when
// none is set. Files that do not exist are skipped; one that cannot be
// read or parsed is an error.
func CgroupLimit(fsys fs.FS) (int64, string, error) {
	var best int64
	var source string
	for _, name := range candidates(fsys) {
		n, err := readLimit(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, "", err
		}
		if n > 0 && (best == 0 || n < best) {
			best, source = n, "/"+name
		}
	}
	return best, source, nil
}

// candidates lists the limit files that may bound the process: the mount
// roots of cgroup v2 and v1, and the process's cgroups and their ancestors
// as proc/self/cgroup names them.
func candidates(fsys fs.FS) []string {
	const v2, v1 = "sys/fs/cgroup", "sys/fs/cgroup/memory"
	names := []string{v2 + "/memory.max", v1 + "/memory.limit_in_bytes"}
	b, err := fs.ReadFile(fsys, "proc/self/cgroup")
	if err != nil {
		return names
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		// hierarchy-ID:controllers:path; cgroup v2 is "0::path".
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		switch {
		case parts[0] == "0" && parts[1] == "":
			names = append(names, ancestors(v2, parts[2], "memory.max")...)
		case hasController(parts[1], "memory"):
			names = append(names, ancestors(v1, parts[2], "memory.limit_in_bytes")...)
		}
	}
	return names
}

// ancestors returns file in the cgroup p under root and in each of its
// ancestors but the root itself.
func ancestors(root, p, file string) []string {
	var out []string
	for p = path.Clean("/" + p); p != "/"; p = path.Dir(p) {
		out = append(out, path.Join(root, p, file))
	}
	return out
}

// hasController reports whether the comma-separated list names c.
func hasController(list, c string) bool {
	for _, x := range strings.Split(list, ",") {
		if x == c {
			return true
		}
	}
	return false
}

// readLimit reads a limit file: a number of bytes, or "max" (no limit,
// returned as 0).
func readLimit(fsys fs.FS, name string) (int64, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return 0, fmt.Errorf("read /%s: %w", name, err)
	}
	s := strings.TrimSpace(string(b))
	if s == "max" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cgroup memory limit /%s: %w", name, err)
	}
	if n <= 0 || n >= unlimited {
		return 0, nil
	}
	return n, nil
}
