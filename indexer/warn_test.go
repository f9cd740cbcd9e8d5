package indexer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoaderReportsWarnings loads a page whose charset declaration its
// bytes contradict: its article is indexed, and the log names the file
// and both charsets.
func TestLoaderReportsWarnings(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "corpus", "htmlpage", "testdata", "pages", "ja-no-lang.html"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	declared := bytes.Replace(page, []byte(`<meta charset="utf-8">`), []byte(`<meta charset="Shift_JIS">`), 1)
	writeFile(t, filepath.Join(dir, "declared.html"), string(declared))
	writeFile(t, filepath.Join(dir, "right.html"), string(page))
	var log bytes.Buffer
	ix := newTestIndex(t)
	st, err := LoadPaths(context.Background(), ix, []string{dir}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Errors != 0 || st.Warnings != 1 {
		t.Errorf("stats %+v, want 2 articles, 0 errors, 1 warning", st)
	}
	want := filepath.Join(dir, "declared.html") + ": warning: wrong charset declaration: the page declares shift_jis in a <meta> tag, but its bytes are utf-8: read as utf-8\n"
	if !strings.HasPrefix(log.String(), want) || strings.Count(log.String(), "warning:") != 1 {
		t.Errorf("log %q, want it to start %q (and progress lines only after)", log.String(), want)
	}
	if !strings.Contains(st.String(), "1 warnings (listed above)") {
		t.Errorf("stats say %q, want the warning counted", st)
	}
}
