package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
	// Skipped, when not empty, says why a file or folder found in a
	// folder was passed over without being read (hidden, or not an
	// article file): no article and no error, but never silent.
	Skipped string
	// Path is the file's absolute path on disk, empty in an fs.FS or when
	// the file could not be opened; the index remembers each file by it.
	Path string
	// Rel is the file's name under its corpus folder with the folder's own
	// name in front, slash-separated: what FileID derives IDs from.
	Rel string
	// Digest is the hex SHA-256 of the file's bytes, empty when unread.
	Digest string
	// Warnings say what was odd about the file though its article was
	// read (see ParseHTML): the reader must show them, with File.
	Warnings []string

	idGiven   bool // the article's JSON gave its id
	seq       int  // the article's position (JSON) or line (JSON Lines) for FileID
	jsonLines bool // seq is a line number
}

// File is one article file a walk is about to read.
type File struct {
	// Name is the file's name as records give it (Record.File).
	Name string
	// Path, Rel and Digest are as in Record.
	Path, Rel, Digest string
}

// WalkOptions adjust a walk.
type WalkOptions struct {
	// Open, when set, is called with each file of a known or unknown kind
	// before it is read; false skips the file (it yields no record), an
	// error stops the walk.
	Open func(File) (read bool, err error)
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
//
// An article whose file gives it no id gets FileID's stable id (see
// Record.Rel); a JSON article with an "id" keeps it.
func Walk(paths []string, fn func(Record) error) error {
	return WalkWith(paths, WalkOptions{}, fn)
}

// WalkWith is Walk with options.
func WalkWith(paths []string, opts WalkOptions, fn func(Record) error) error {
	if err := checkRoots(paths); err != nil {
		return err
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		w := walker{fn: fn, open: opts.Open, maxLine: MaxLineBytes}
		if info.IsDir() {
			w.fsys, w.display = os.DirFS(p), func(name string) string { return filepath.Join(p, filepath.FromSlash(name)) }
			w.abs = func(name string) string { return filepath.Join(abs, filepath.FromSlash(name)) }
			w.base = baseName(abs)
			err = w.walk(".")
		} else {
			w.fsys, w.display = os.DirFS(filepath.Dir(p)), func(string) string { return p }
			w.abs, w.base = func(string) string { return abs }, baseName(filepath.Dir(abs))
			err = w.read(filepath.Base(p), true)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkRoots refuses, before anything is read, paths from two different
// folders of the same name (/a/news and /b/news, or a file in one and the
// other): the ids of their files' articles come from "news/…" (see
// FileID) and would collide, one file's article replacing the other's. A
// named file's folder is the one it is in. Paths that do not exist are
// left to the walk to report.
func checkRoots(paths []string) error {
	seen := map[string]string{} // folder name → absolute folder
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		dir, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		if !info.IsDir() {
			dir = filepath.Dir(dir)
		}
		name := baseName(dir)
		if prev, ok := seen[name]; ok && prev != dir {
			return fmt.Errorf("two corpus folders have the same name %q: %s and %s; articles without an id get theirs from the file's name under the folder's (%s/…), so the two folders' would collide: rename one folder, give it through a link of another name, or index them into separate indexes (--data)", name, prev, dir, name)
		}
		seen[name] = dir
	}
	return nil
}

// baseName is the last element of the absolute folder path dir, empty for
// a root.
func baseName(dir string) string {
	b := filepath.Base(dir)
	if b == string(filepath.Separator) || b == "." || strings.HasSuffix(b, ":"+string(filepath.Separator)) {
		return ""
	}
	return b
}

// WalkFS is Walk over root in fsys (a file or a folder), with the file
// names in records as fsys spells them.
// Rel is the name in fsys; Path is empty.
func WalkFS(fsys fs.FS, root string, fn func(Record) error) error {
	return WalkFSWith(fsys, root, WalkOptions{}, fn)
}

// WalkFSWith is WalkFS with options.
func WalkFSWith(fsys fs.FS, root string, opts WalkOptions, fn func(Record) error) error {
	info, err := fs.Stat(fsys, root)
	if err != nil {
		return fmt.Errorf("walk %s: %w", root, err)
	}
	w := walker{fsys: fsys, display: func(name string) string { return name }, fn: fn, open: opts.Open,
		abs: func(string) string { return "" }, maxLine: MaxLineBytes}
	if !info.IsDir() {
		return w.read(root, true)
	}
	return w.walk(root)
}

// walker reads article files from one file system.
type walker struct {
	fsys    fs.FS
	display func(name string) string // the name to report for a name in fsys
	abs     func(name string) string // the absolute path on disk of a name in fsys, "" for none
	base    string                   // the corpus folder's own name, in front of Rel
	fn      func(Record) error
	open    func(File) (bool, error)
	maxLine int
}

// read digests the file name, asks w.open whether to read it, and reads
// it with every record stamped with the file's Path, Rel and Digest and
// an article without a given id given its FileID.
func (w walker) read(name string, named bool) error {
	f := File{Name: w.display(name), Path: w.abs(name), Rel: path.Join(w.base, name)}
	digest, err := fileDigest(w.fsys, name)
	if err != nil {
		return w.fail(name, 0, err)
	}
	f.Digest = digest
	if w.open != nil {
		if ok, err := w.open(f); err != nil || !ok {
			return err
		}
	}
	fw := w
	fw.fn = func(r Record) error {
		r.Path, r.Rel, r.Digest = f.Path, f.Rel, f.Digest
		if r.Err == nil && !r.idGiven {
			r.Article.ID = FileID(r.Article.URL, f.Rel, r.seq, r.jsonLines)
		}
		return w.fn(r)
	}
	return fw.file(name, named)
}

// fileDigest returns the hex SHA-256 of the file name's bytes.
func fileDigest(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// walk reads the article files under the folder root.
func (w walker) walk(root string) error {
	return fs.WalkDir(w.fsys, root, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return w.fail(name, 0, err)
		case name != root && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return skipDir(w.skip(name, "hidden folder, not read"))
			}
			return w.skip(name, "hidden file, not read")
		case d.IsDir():
			return nil
		case !IsArticleFile(name):
			return w.skip(name, "not an article file (read: "+articleKinds+")")
		}
		return w.read(name, false)
	})
}

// skip reports that name was passed over, and why.
func (w walker) skip(name, why string) error {
	return w.fn(Record{File: w.display(name), Skipped: why})
}

// skipDir returns fs.SkipDir, or err when the callback stopped the walk.
func skipDir(err error) error {
	if err != nil {
		return err
	}
	return fs.SkipDir
}

// articleKinds names the file kinds a walk reads, for messages.
const articleKinds = ".txt, .html, .htm (or .html.gz), .json, .jsonl or .ndjson"

// IsArticleFile reports whether a walk reads the file name by its
// extension (see Walk).
func IsArticleFile(name string) bool {
	if isHTMLName(name) {
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".json", ".jsonl", ".ndjson":
		return true
	}
	return false
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
		return w.fail(name, 0, errors.New("not an article file: use "+articleKinds))
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
	for i, raw := range raws {
		rec := Record{File: w.display(name), Line: raw.Line, idGiven: hasID(raw.JSON), seq: i + 1}
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
	rec := Record{File: w.display(name), Line: n, seq: n, jsonLines: true}
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
		rec.idGiven = hasID(raws[0].JSON)
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
