package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Record is one article read from a file, or the error that kept an
// article (or the whole file) from being read.
type Record struct {
	// Article is the article read; zero when Err is set.
	Article Article
	// File is the path as given, joined with the name inside a folder.
	File string
	// Line is the 1-based line where the article starts, 0 when the record
	// is not about one line (a page, or a whole file).
	Line int
	// Err says why no article could be read here; nil for an article.
	Err error
}

// MaxLineBytes is the longest JSON Lines line read; a longer line is an
// error record and reading goes on with the next line.
const MaxLineBytes = 16 << 20

// maxPageBytes is the largest page file read.
const maxPageBytes = 16 << 20

// Walk reads every article under paths and calls fn with each record.
// A path is a file or a folder; folders are read recursively in lexical
// order, skipping names that start with "." and files of other kinds.
// Files are read by their extension: .txt is one page (ParsePage), .html
// and .htm (gzipped or not: .html.gz) one HTML page (ParseHTML), .json
// one JSON value (an error in its syntax is one error record for the
// file), .jsonl and .ndjson JSON Lines, streamed line by line (a bad line is
// an error record and reading goes on). JSON is decoded leniently: unknown
// fields are ignored. A named file of another kind is an error record; a
// path that does not exist is an error, returned at once. Walk stops when
// fn returns an error and returns it.
func Walk(paths []string, fn func(Record) error) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		w := walker{fn: fn, maxLine: MaxLineBytes}
		if info.IsDir() {
			w.fsys, w.display = os.DirFS(p), func(name string) string { return filepath.Join(p, filepath.FromSlash(name)) }
			err = w.walk(".")
		} else {
			w.fsys, w.display = os.DirFS(filepath.Dir(p)), func(string) string { return p }
			err = w.file(filepath.Base(p), true)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// WalkFS is Walk over root in fsys (a file or a folder), with the file
// names in records as fsys spells them.
func WalkFS(fsys fs.FS, root string, fn func(Record) error) error {
	info, err := fs.Stat(fsys, root)
	if err != nil {
		return fmt.Errorf("walk %s: %w", root, err)
	}
	w := walker{fsys: fsys, display: func(name string) string { return name }, fn: fn, maxLine: MaxLineBytes}
	if !info.IsDir() {
		return w.file(root, true)
	}
	return w.walk(root)
}

// walker reads article files from one file system.
type walker struct {
	fsys    fs.FS
	display func(name string) string // the name to report for a name in fsys
	fn      func(Record) error
	maxLine int
}

// walk reads the article files under the folder root.
func (w walker) walk(root string) error {
	return fs.WalkDir(w.fsys, root, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return w.fail(name, 0, err)
		case name != root && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		}
		return w.file(name, false)
	})
}

// fail reports err as the record for name and line.
func (w walker) fail(name string, line int, err error) error {
	return w.fn(Record{File: w.display(name), Line: line, Err: err})
}

// file reads the articles of one file; named says whether it was named
// explicitly, which makes an unknown kind an error rather than skipped.
func (w walker) file(name string, named bool) error {
	if isHTMLName(name) {
		return w.html(name)
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt":
		return w.page(name)
	case ".json":
		return w.json(name)
	case ".jsonl", ".ndjson":
		return w.lines(name)
	}
	if named {
		return w.fail(name, 0, errors.New("not an article file: use .txt, .html, .htm (or .html.gz), .json, .jsonl or .ndjson"))
	}
	return nil
}

// page reads one raw page.
func (w walker) page(name string) error {
	data, err := readAtMost(w.fsys, name, maxPageBytes)
	if err != nil {
		return w.fail(name, 0, err)
	}
	a, err := ParsePage(string(data))
	if err != nil {
		return w.fail(name, 0, err)
	}
	return w.fn(Record{Article: a, File: w.display(name)})
}

// json reads a JSON file: one error record when its syntax is wrong,
// otherwise a record for each article, an error record for an invalid one.
func (w walker) json(name string) error {
	data, err := fs.ReadFile(w.fsys, name)
	if err != nil {
		return w.fail(name, 0, err)
	}
	raws, err := splitArticles(data)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return w.fail(name, ie.Line, ie.Err)
		}
		return w.fail(name, 0, err)
	}
	for _, raw := range raws {
		rec := Record{File: w.display(name), Line: raw.Line}
		rec.Article, rec.Err = decodeArticle(raw.JSON, DecodeOptions{})
		if err := w.fn(rec); err != nil {
			return err
		}
	}
	return nil
}

// lines streams a JSON Lines file, one record per non-blank line.
func (w walker) lines(name string) error {
	f, err := w.fsys.Open(name)
	if err != nil {
		return w.fail(name, 0, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	for n := 1; ; n++ {
		line, long, err := readLine(br, w.maxLine)
		switch {
		case err == io.EOF:
			return nil
		case long:
			err = w.fail(name, n, fmt.Errorf("line longer than %d bytes", w.maxLine))
		case err != nil:
			return w.fail(name, n, err)
		default:
			err = w.line(name, n, line)
		}
		if err != nil {
			return err
		}
	}
}

// line decodes line n of a JSON Lines file; a blank line gives no record.
func (w walker) line(name string, n int, line []byte) error {
	if n == 1 {
		line = bytes.TrimPrefix(line, []byte(bom))
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil
	}
	rec := Record{File: w.display(name), Line: n}
	raws, err := splitStream(line)
	switch {
	case err != nil:
		var ie *InputError
		if errors.As(err, &ie) {
			err = ie.Err
		}
		rec.Err = err
	case len(raws) > 1:
		rec.Err = errors.New("more than one JSON value on the line")
	default:
		rec.Article, rec.Err = decodeArticle(raws[0].JSON, DecodeOptions{})
	}
	return w.fn(rec)
}

// readLine returns the next line of br without its line end. A line longer
// than max bytes is read past and reported with long set and no bytes;
// io.EOF means there is no line left.
func readLine(br *bufio.Reader, max int) (line []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !long && len(line)+len(chunk) <= max+2 { // room for "\r\n"
			line = append(line, chunk...)
		} else {
			long, line = true, nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		if err == io.EOF && len(chunk) == 0 && len(line) == 0 && !long {
			return nil, false, io.EOF
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		if long || len(line) > max {
			return nil, true, nil
		}
		return line, false, nil
	}
}

// readAtMost reads the file name from fsys, refusing one larger than max bytes.
func readAtMost(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("larger than %d bytes: not a news page", max)
	}
	return data, nil
}
