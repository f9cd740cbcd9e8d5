// Package sagasu_test checks the rules of ARCHITECTURE.md that the compiler
// does not: which of Sagasu's packages may import which, and what the
// server binary links.
package sagasu_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/sagasu-search/sagasu/"

// allowed lists, for each product package, the project packages it may
// import (ARCHITECTURE.md's table). Data flows one way: corpus → entity and
// analysis → indexer → searcher → api; cmd wires. A package missing here
// fails the test, so a new package is placed in the flow when it is made.
var allowed = map[string][]string{
	"text":                       {},
	"romaji":                     {"text"},
	"namedict":                   {"romaji", "text"},
	"corpus":                     {"text", "corpus/htmlpage"},
	"corpus/htmlpage":            {"text"},
	"analysis":                   {"text", "romaji", "namedict"},
	"entity":                     {"text", "corpus", "romaji", "namedict", "entity/tagger", "entity/geo"},
	"entity/geo":                 {},
	"entity/tagger":              {"text", "corpus"},
	"indexer":                    {"corpus", "analysis", "internal/fsync"},
	"queryplan":                  {"text", "corpus", "analysis", "entity"},
	"searcher/score":             {},
	"searcher/snippet":           {"corpus"},
	"searcher/facet":             {"corpus", "indexer"},
	"searcher/suggest":           {},
	"searcher":                   {"text", "corpus", "analysis", "entity", "indexer", "queryplan", "searcher/score", "searcher/facet", "searcher/snippet", "searcher/suggest"},
	"engine":                     {"corpus", "entity", "entity/tagger", "namedict", "indexer", "searcher"},
	"cluster":                    {"corpus", "indexer", "searcher", "searcher/score", "internal/fsync"},
	"web":                        {},
	"api":                        {"corpus", "indexer", "queryplan", "searcher", "searcher/facet", "web", "cluster"},
	"internal/cli":               {},
	"internal/memlimit":          {},
	"internal/fsync":             {},
	"internal/natstest":          {},
	"cmd/sagasu":                 {"text", "corpus", "analysis", "entity", "entity/tagger", "indexer", "queryplan", "searcher", "searcher/facet", "engine", "api", "web", "internal/cli", "internal/memlimit", "cluster"},
	"analysis/gen/englishromaji": {"romaji", "text"},
	"analysis/gen/unireadings":   {"analysis"},
	"namedict/gen/enamdict":      {"romaji", "text"},
	"entity/tagger/gen/nermodel": {"text", "romaji", "entity/tagger"},
	"entity/geo/gen/geotable":    {},
	// The Docker deployment's test (a package of test files only).
	"deploy": {},
	// Test support: a synthetic index for the searcher's tests.
	"searcher/internal/testindex": {"corpus", "entity", "indexer", "lab/synth"},
}

// isLab reports whether pkg is lab tooling: it may import any package of
// the project but the commands, and no product package may import it.
func isLab(pkg string) bool {
	return strings.HasPrefix(pkg, "lab/") || pkg == "cmd/sagasu-lab"
}

// goList runs go list with args and decodes its JSON stream.
func goList(t *testing.T, args ...string) []listed {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-json=ImportPath,Imports,Deps"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v: %v\n%s", args, err, stderr.String())
	}
	var pkgs []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("decode go list: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// listed is what go list says of a package.
type listed struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// own returns the project packages among paths, without the module prefix.
func own(paths []string) []string {
	var out []string
	for _, p := range paths {
		if rel, ok := strings.CutPrefix(p, module); ok {
			out = append(out, rel)
		}
	}
	return out
}

// TestImports fails for a package that imports a project package its
// layer may not, and for a package the table does not place.
func TestImports(t *testing.T) {
	for _, p := range goList(t, "./...") {
		pkg := strings.TrimPrefix(p.ImportPath, module)
		if pkg == p.ImportPath || pkg == "" {
			continue // the module root holds only this test
		}
		if !isLab(pkg) && !inTable(pkg) {
			t.Errorf("%s is not in ARCHITECTURE.md's table (architecture_test.go allowed): place it in the flow", pkg)
			continue
		}
		for _, imp := range own(p.Imports) {
			switch {
			case isLab(pkg) && strings.HasPrefix(imp, "cmd/"):
				t.Errorf("%s imports the command %s", pkg, imp)
			case !isLab(pkg) && !slices.Contains(allowed[pkg], imp):
				t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow (allowed: %v)", pkg, imp, allowed[pkg])
			}
		}
	}
}

// inTable reports whether the table places pkg.
func inTable(pkg string) bool {
	_, ok := allowed[pkg]
	return ok
}

// TestServerBinaryLinksNoLab: the server binary carries no lab tool and no
// SQLite (a peer engine of the lab's benchmarks).
func TestServerBinaryLinksNoLab(t *testing.T) {
	pkgs := goList(t, "./cmd/sagasu")
	if len(pkgs) != 1 {
		t.Fatalf("go list ./cmd/sagasu: %d packages", len(pkgs))
	}
	for _, dep := range pkgs[0].Deps {
		if isLab(strings.TrimPrefix(dep, module)) || strings.Contains(dep, "sqlite") {
			t.Errorf("cmd/sagasu links %s", dep)
		}
	}
}
