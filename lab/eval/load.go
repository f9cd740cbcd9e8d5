package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Collections names the test collections LoadCollection reads, in the
// order reports list them.
var Collections = []string{"cran", "cisi", "med", "npl"}

// files names a collection's documents, queries and judgments inside its
// folder, and how its judgments are written.
type files struct {
	docs, queries, qrels string
	format               string // "smart" (.I/.T/.W) or "npl"
	readQrels            func(io.Reader, []Query) (Qrels, error)
}

var layouts = map[string]files{
	"cran": {"cran.all.1400", "cran.qry", "cranqrel", "smart", readCranQrels},
	"cisi": {"CISI.ALL", "CISI.QRY", "CISI.REL", "smart", readColumnQrels(0, 1)},
	"med":  {"MED.ALL", "MED.QRY", "MED.REL", "smart", readColumnQrels(0, 2)},
	"npl":  {"doc-text", "query-text", "rlv-ass", "npl", readNPLQrels},
}

// ErrNoData is returned (wrapped) when a collection's files are absent.
var ErrNoData = errors.New("evaluation data not found")

// LoadCollection reads the named collection (cran, cisi, med or npl) from
// dir, the folder holding its files as the Glasgow distribution ships
// them. Only queries with at least one relevant document are kept, as
// trec_eval averages over them.
func LoadCollection(name, dir string) (*Collection, error) {
	l, ok := layouts[name]
	if !ok {
		return nil, fmt.Errorf("unknown collection %q (want one of %s)", name, strings.Join(Collections, ", "))
	}
	c := &Collection{Name: name}
	var err error
	parse := parseSMART
	if l.format == "npl" {
		parse = parseNPL
	}
	if c.Docs, err = readRecords(filepath.Join(dir, l.docs), parse, toDocs); err != nil {
		return nil, err
	}
	if c.Queries, err = readRecords(filepath.Join(dir, l.queries), parse, toQueries); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, l.qrels)
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if c.Qrels, err = l.readQrels(f, c.Queries); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	c.Queries = judged(c.Queries, c.Qrels)
	return c, nil
}

// open opens path, reporting a missing file as ErrNoData.
func open(path string) (*os.File, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNoData, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return f, nil
}

// record is one entry of a collection file: its id and its fields by
// marker (T title, W text, ...).
type record struct {
	id     string
	fields map[string]string
}

// readRecords parses the file at path into records and converts them.
func readRecords[T any](path string, parse func(io.Reader) ([]record, error), to func([]record) []T) ([]T, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := parse(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read %s: no records", path)
	}
	return to(recs), nil
}

// parseSMART reads the SMART format: ".I id" starts a record, ".X" starts
// its field X, other lines belong to the current field.
func parseSMART(r io.Reader) ([]record, error) {
	var recs []record
	field := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, ".I"):
			id := strings.TrimSpace(strings.TrimPrefix(line, ".I"))
			if id == "" {
				return nil, fmt.Errorf("line %d: .I without an id", n)
			}
			recs = append(recs, record{id: id, fields: map[string]string{}})
			field = ""
		case len(line) >= 2 && line[0] == '.' && line[1] >= 'A' && line[1] <= 'Z' && strings.TrimSpace(line[2:]) == "":
			field = line[1:2]
		case len(recs) == 0 && strings.TrimSpace(strings.TrimPrefix(line, "\ufeff")) == "":
		case len(recs) == 0:
			return nil, fmt.Errorf("line %d: text before the first .I", n)
		case field != "":
			recs[len(recs)-1].fields[field] += line + "\n"
		}
	}
	return recs, sc.Err()
}

// parseNPL reads NPL's format: an id line, text lines, and a line "/"
// (which the last record of rlv-ass lacks).
func parseNPL(r io.Reader) ([]record, error) {
	var recs []record
	var cur *record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "/":
			if cur == nil {
				return nil, fmt.Errorf("line %d: / without a record", n)
			}
			recs = append(recs, *cur)
			cur = nil
		case cur == nil && line != "":
			cur = &record{id: line, fields: map[string]string{}}
		case cur != nil:
			cur.fields["W"] += line + "\n"
		}
	}
	if cur != nil { // rlv-ass ends without its last "/"
		recs = append(recs, *cur)
	}
	return recs, sc.Err()
}

func toDocs(recs []record) []Doc {
	docs := make([]Doc, len(recs))
	for i, r := range recs {
		docs[i] = Doc{ID: r.id, Title: clean(r.fields["T"]), Text: clean(r.fields["W"]), Lang: "en"}
	}
	return docs
}

func toQueries(recs []record) []Query {
	qs := make([]Query, len(recs))
	for i, r := range recs {
		qs[i] = Query{ID: r.id, Text: clean(r.fields["W"])}
	}
	return qs
}

// clean joins a field's lines into one line of single spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// judged keeps the queries with at least one relevant document.
func judged(qs []Query, qrels Qrels) []Query {
	var out []Query
	for _, q := range qs {
		for _, g := range qrels[q.ID] {
			if g > 0 {
				out = append(out, q)
				break
			}
		}
	}
	return out
}

// readCranQrels reads cranqrel: "query doc code", where queries are
// numbered 1..225 in cran.qry's order (not by its .I numbers) and codes
// are Cleverdon's 1 (complete answer) to 4 (minimum interest); -1 is not
// relevant. Code c becomes grade 5−c, so that nDCG gains follow Cleverdon.
func readCranQrels(r io.Reader, qs []Query) (Qrels, error) {
	qrels := Qrels{}
	err := eachLine(r, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want query, document, code; got %q", f)
		}
		n, err := strconv.Atoi(f[0])
		if err != nil || n < 1 || n > len(qs) {
			return fmt.Errorf("query %q is not in 1..%d", f[0], len(qs))
		}
		code, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("code %q: %w", f[2], err)
		}
		if code >= 1 && code <= 4 {
			add(qrels, qs[n-1].ID, f[1], 5-code)
		}
		return nil
	})
	return qrels, err
}

// readColumnQrels reads lines whose field qcol is the query id and field
// dcol the relevant document id (CISI: "q d 0 0.0", MED: "q 0 d 1").
func readColumnQrels(qcol, dcol int) func(io.Reader, []Query) (Qrels, error) {
	return func(r io.Reader, _ []Query) (Qrels, error) {
		qrels := Qrels{}
		err := eachLine(r, func(f []string) error {
			if len(f) <= max(qcol, dcol) {
				return fmt.Errorf("want at least %d fields, got %q", max(qcol, dcol)+1, f)
			}
			add(qrels, f[qcol], f[dcol], 1)
			return nil
		})
		return qrels, err
	}
}

// readNPLQrels reads rlv-ass: a query id line, the relevant document ids
// over any number of lines, and "/".
func readNPLQrels(r io.Reader, _ []Query) (Qrels, error) {
	recs, err := parseNPL(r)
	if err != nil {
		return nil, err
	}
	qrels := Qrels{}
	for _, rec := range recs {
		for _, d := range strings.Fields(rec.fields["W"]) {
			add(qrels, rec.id, d, 1)
		}
	}
	return qrels, nil
}

// eachLine calls fn with the fields of every non-blank line, numbering
// errors by line.
func eachLine(r io.Reader, fn func([]string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func add(q Qrels, query, doc string, grade int) {
	if q[query] == nil {
		q[query] = map[string]int{}
	}
	if grade > q[query][doc] {
		q[query][doc] = grade
	}
}

// LoadLivedoor reads the livedoor news corpus from dir (one folder per
// category, one article per file: URL, time, title, body) as a known-item
// collection: documents are the bodies alone, each article's title is a
// query, and the article itself its one relevant document. Ids are the
// file names, which begin with the category ("sports-watch-4597641"). limit > 0 keeps every n-th article so that about limit
// remain, the same ones on every run.
func LoadLivedoor(dir string, limit int) (*Collection, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	paths = articlePaths(paths)
	if len(paths) == 0 {
		return nil, fmt.Errorf("%w: no livedoor articles under %s", ErrNoData, dir)
	}
	sort.Strings(paths)
	if limit > 0 && len(paths) > limit {
		step := (len(paths) + limit - 1) / limit
		var kept []string
		for i := 0; i < len(paths); i += step {
			kept = append(kept, paths[i])
		}
		paths = kept
	}
	c := &Collection{Name: "livedoor", Qrels: Qrels{}}
	for _, p := range paths {
		d, title, err := readLivedoor(p)
		if err != nil {
			return nil, err
		}
		c.Docs = append(c.Docs, d)
		c.Queries = append(c.Queries, Query{ID: d.ID, Text: title})
		c.Qrels[d.ID] = map[string]int{d.ID: 1}
	}
	return c, nil
}

// articlePaths drops the licence files that sit beside the articles.
func articlePaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		if filepath.Base(p) != "LICENSE.txt" {
			out = append(out, p)
		}
	}
	return out
}

// readLivedoor reads one article file into a body-only document and its
// title.
func readLivedoor(path string) (Doc, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Doc{}, "", fmt.Errorf("read %s: %w", path, err)
	}
	lines := strings.SplitN(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n", 4)
	if len(lines) < 4 || strings.TrimSpace(lines[2]) == "" {
		return Doc{}, "", fmt.Errorf("read %s: want URL, time, title and body lines", path)
	}
	id := strings.TrimSuffix(filepath.Base(path), ".txt") // "sports-watch-4597641": names its category
	if strings.TrimSpace(lines[3]) == "" {
		return Doc{}, "", fmt.Errorf("read %s: the article has no body", path)
	}
	return Doc{ID: id, Text: strings.TrimSpace(lines[3]), Lang: "ja"}, strings.TrimSpace(lines[2]), nil
}
