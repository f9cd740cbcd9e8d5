package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Record is one article read from a file, or the error that kept an
// article (or the whole file) from being read.
type Record struct {
	Article Article
	File    string // the path as given, joined with the name inside a folder
	Line    int    // 1-based line where the article starts; 0 for a page
	Err     error
}

// MaxLineBytes is the longest JSON Lines line read.
const MaxLineBytes = 16 << 20

// Walk reads every article under paths — files or folders, folders in
// lexical order — and calls fn with each record: .txt files are pages,
// .json files JSON, .jsonl and .ndjson files JSON Lines (read line by line,
// a bad line being one error record). Other files in a folder are skipped;
// a named file of another kind is an error record. A path that does not
// exist is an error. Walk stops when fn returns an error and returns it.
func Walk(paths []string, fn func(Record) error) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		if info.IsDir() {
			err = walkFS(os.DirFS(p), ".", p, fn)
		} else {
			err = readFile(os.DirFS(filepath.Dir(p)), filepath.Base(p), p, true, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// WalkFS is Walk over root in fsys, with file names as fsys spells them.
func WalkFS(fsys fs.FS, root string, fn func(Record) error) error {
	return walkFS(fsys, root, "", fn)
}

// walkFS reads the files under root; display prefixes the names reported.
func walkFS(fsys fs.FS, root, display string, fn func(Record) error) error {
	return fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s: %w", filepath.Join(display, name), err)
		}
		if d.IsDir() || kindOf(name) == "" {
			return nil
		}
		return readFile(fsys, name, filepath.Join(display, name), false, fn)
	})
}

// kindOf is the kind of article file a name is, "" for none.
func kindOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt":
		return "page"
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// readFile reads one file's articles; display is the name to report.
func readFile(fsys fs.FS, name, display string, explicit bool, fn func(Record) error) error {
	kind := kindOf(name)
	if kind == "" {
		if explicit {
			return fn(Record{File: display, Err: errors.New("not an article file: use .txt, .json, .jsonl or .ndjson")})
		}
		return nil
	}
	if kind == "jsonl" {
		return readLines(fsys, name, display, fn)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fn(Record{File: display, Err: err})
	}
	if kind == "page" {
		a, err := ParsePage(string(data))
		return fn(Record{Article: a, File: display, Err: err})
	}
	return readJSON(data, display, fn)
}

// readJSON yields a record per article of a JSON file; a syntax error ends
// the file with one error record.
func readJSON(data []byte, display string, fn func(Record) error) error {
	var cbErr error
	err := eachValue(data, func(raw []byte, _, line int) error {
		a, err := decodeArticle(raw, DecodeOptions{})
		if cbErr = fn(Record{Article: a, File: display, Line: line, Err: err}); cbErr != nil {
			return cbErr
		}
		return nil
	})
	if err != nil && cbErr == nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return fn(Record{File: display, Line: ie.Line, Err: ie.Err})
		}
		return fn(Record{File: display, Err: err})
	}
	return err
}

// readLines streams a JSON Lines file.
func readLines(fsys fs.FS, name, display string, fn func(Record) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fn(Record{File: display, Err: err})
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		rec := Record{File: display, Line: line}
		rec.Article, rec.Err = decodeLine([]byte(text))
		if err := fn(rec); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes; the rest of the file was not read", MaxLineBytes)
		}
		return fn(Record{File: display, Line: line + 1, Err: err})
	}
	return nil
}

// decodeLine decodes one JSON Lines line leniently.
func decodeLine(line []byte) (Article, error) {
	var a Article
	var n int
	err := eachValue(line, func(raw []byte, _, _ int) error {
		n++
		if n > 1 {
			return errors.New("more than one JSON value on the line")
		}
		var err error
		a, err = decodeArticle(raw, DecodeOptions{})
		return err
	})
	var ie *InputError
	if errors.As(err, &ie) {
		return Article{}, ie.Err
	}
	return a, err
}
