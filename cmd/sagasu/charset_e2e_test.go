package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCharsetWarningOnEveryPath gives a UTF-8 page that declares
// Shift_JIS to sagasu index, serve --corpus and POST /api/v1/articles:
// each indexes its article and says, naming the file where there is one,
// which charset was declared and which was used.
func TestCharsetWarningOnEveryPath(t *testing.T) {
	page := bytes.Replace(htmlPage(t, "ja-no-lang"), []byte(`<meta charset="utf-8">`), []byte(`<meta charset="Shift_JIS">`), 1)
	dir := t.TempDir()
	file := filepath.Join(dir, "temple.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	const warning = "warning: wrong charset declaration: the page declares shift_jis in a <meta> tag, but its bytes are utf-8: read as utf-8"
	data := filepath.Join(t.TempDir(), "idx")
	stdout, stderr, err := runCmd(t, "index", "--data", data, dir)
	if err != nil || !strings.Contains(stderr, file+": "+warning) || !strings.Contains(stdout, "indexed 1 articles") || !strings.Contains(stdout, "1 warnings") {
		t.Errorf("index: err %v, stdout %q, stderr %q; want the article indexed and the warning naming %s", err, stdout, stderr, file)
	}
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey}, "--corpus", dir)
	if logs := s.logs.String(); !strings.Contains(logs, file+": "+warning) || !strings.Contains(logs, `"warnings":1`) {
		t.Errorf("serve --corpus: log lacks the warning naming %s:\n%s", file, logs)
	}
	ans := postForWarnings(t, s, page)
	if len(ans.IDs) != 1 || ans.IDs[0] != "temple" || len(ans.Warnings) != 1 || !strings.Contains(warning, ans.Warnings[0]) {
		t.Errorf("POST: ids %v, warnings %q; want [temple] and the warning", ans.IDs, ans.Warnings)
	}
	if ids := s.search(t, q("q", "清水寺")).ids(); len(ids) != 2 {
		t.Errorf("search 清水寺: %v, want the page from the corpus and the posted one", ids)
	}
}

// postForWarnings posts page as text/html with id "temple" and returns
// the answer.
func postForWarnings(t *testing.T, s *testServer, page []byte) (ans struct {
	IDs      []string `json:"ids"`
	Warnings []string `json:"warnings"`
}) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.base+"/api/v1/articles?id=temple", bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Content-Type", "text/html")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || json.Unmarshal(raw, &ans) != nil {
		t.Fatalf("POST: status %d, answer %q", resp.StatusCode, raw)
	}
	return ans
}
