package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/sagasu-search/sagasu/corpus"
)

// fileTracker is what a Loader knows of the files of one load.
type fileTracker struct {
	cur       *trackedFile    // the file being read, nil for none or an untracked one
	seen      map[string]bool // paths of the files read or skipped as unchanged
	loaded    map[string]bool // IDs indexed in this load, from any file
	unsourced int             // error records tied to no file: an unreadable file or folder
}

// trackedFile is a file being read.
type trackedFile struct {
	path, digest string
	articles     int
	errors       int
}

func newFileTracker() fileTracker {
	return fileTracker{seen: map[string]bool{}, loaded: map[string]bool{}}
}

// failed notes a refused record.
func (t *fileTracker) failed(rec corpus.Record) {
	switch {
	case rec.Path == "" && rec.Rel == "":
		t.unsourced++
	case t.cur != nil && rec.Path == t.cur.path:
		t.cur.errors++
	}
}

// indexed notes an article taken into a batch.
func (t *fileTracker) indexed(id, path string) {
	t.loaded[id] = true
	if t.cur != nil && path == t.cur.path {
		t.cur.articles++
	}
}

// Open is called before a file is read (corpus.WalkOptions.Open): it
// ends the previous file (see endFile) and returns false, counting it, for
// a file whose digest is the one the index recorded. A file with no Path
// (in an fs.FS) is read and not tracked.
func (l *Loader) Open(ctx context.Context, f corpus.File) (bool, error) {
	if err := l.endFile(ctx); err != nil {
		return false, err
	}
	if f.Path == "" {
		return true, nil
	}
	l.files.seen[f.Path] = true
	d, err := l.ix.FileDigest(f.Path)
	if err != nil {
		return false, err
	}
	if d == f.Digest {
		l.stats.Unchanged++
		return false, nil
	}
	l.files.cur = &trackedFile{path: f.Path, digest: f.Digest}
	return true, nil
}

// endFile queues for the next batch the current file's digest and the
// deletion of the articles once read from it that it no longer holds (and
// no other file of this load gave). The next batch holds the file's last
// article, if it is not on disk already, so the digest is never stored
// before the articles. A file that gave errors and no article gets no
// digest: it is read, and its errors reported, again next time.
func (l *Loader) endFile(ctx context.Context) error {
	f := l.files.cur
	l.files.cur = nil
	if f == nil || (f.articles == 0 && f.errors > 0) {
		return nil
	}
	old, err := l.ix.FromFile(ctx, f.path)
	if err != nil {
		return err
	}
	for _, id := range old {
		if !l.files.loaded[id] {
			l.pending.deletes[id] = true
		}
	}
	l.pending.digests[f.path] = f.digest
	return nil
}

// Sync queues for the next batch the deletion of the articles read from
// files under paths that this load did not see, that is files that are
// gone, and forgets those files' digests; each such file is reported. An
// article posted through the API comes from no file and is never deleted.
// Sync follows a whole walk of paths; when a file or folder could not be
// read it deletes nothing and says so.
func (l *Loader) Sync(ctx context.Context, paths []string) error {
	if l.files.unsourced > 0 {
		fmt.Fprintf(l.log, "sync: removing nothing: %d files or folders could not be read (listed above)\n", l.files.unsourced)
		return nil
	}
	gone := map[string]int{}
	for _, p := range paths {
		from, err := l.fromPath(ctx, p)
		if err != nil {
			return err
		}
		for id, file := range from {
			if l.files.seen[file] || l.files.loaded[id] || l.pending.deletes[id] {
				continue
			}
			l.pending.deletes[id] = true
			gone[file]++
			l.stats.Removed++
		}
	}
	files := make([]string, 0, len(gone))
	for file := range gone {
		files = append(files, file)
		l.pending.digests[file] = ""
	}
	sort.Strings(files)
	for _, file := range files {
		fmt.Fprintf(l.log, "%s: gone: removing its %d articles\n", file, gone[file])
	}
	return nil
}

// fromPath returns the file of each indexed article read from the file or
// from under the folder p, by ID.
func (l *Loader) fromPath(ctx context.Context, p string) (map[string]string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, fmt.Errorf("sync %s: %w", p, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("sync %s: %w", p, err)
	}
	if info.IsDir() {
		return l.ix.FromFolder(ctx, abs)
	}
	ids, err := l.ix.FromFile(ctx, abs)
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = abs
	}
	return out, err
}
