package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestBulkDeleteOverHTTP checks POST /api/v1/articles/delete: it deletes
// every id listed or, when one is missing or the list is malformed,
// nothing, with a JSON error naming the problem.
func TestBulkDeleteOverHTTP(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEYS": testReadKey + ":read," + testWriteKey + ":write"})
	if code := s.do(t, "POST", "/api/v1/articles", testWriteKey, articlesJSON("bulk", "quokka", 4), nil); code != 200 {
		t.Fatalf("post: %d", code)
	}
	marker := func() []string {
		a := s.search(t, url.Values{"q": {"quokka"}, "size": {"10"}})
		ids := a.ids()
		slices.Sort(ids)
		return ids
	}
	all := []string{"bulk-0", "bulk-1", "bulk-2", "bulk-3"}
	tests := []struct {
		name, key, body string
		want            int
		wantCode        string
		left            []string
	}{
		{"read key", testReadKey, `{"ids":["bulk-0"]}`, 403, "forbidden", all},
		{"one id missing", testWriteKey, `{"ids":["bulk-0","nope","bulk-1"]}`, 404, "not_found", all},
		{"empty list", testWriteKey, `{"ids":[]}`, 400, "invalid_article", all},
		{"listed twice", testWriteKey, `{"ids":["bulk-0","bulk-0"]}`, 400, "invalid_article", all},
		{"bad id", testWriteKey, `{"ids":["a/b"]}`, 400, "invalid_article", all},
		{"unknown field", testWriteKey, `{"ids":["bulk-0"],"force":true}`, 400, "invalid_article", all},
		{"not JSON", testWriteKey, `ids=bulk-0`, 400, "invalid_article", all},
		{"two deleted", testWriteKey, `{"ids":["bulk-1","bulk-2"]}`, 200, "", []string{"bulk-0", "bulk-3"}},
		{"already deleted", testWriteKey, `{"ids":["bulk-1"]}`, 404, "not_found", []string{"bulk-0", "bulk-3"}},
	}
	for _, tt := range tests {
		var answer struct {
			Deleted []string `json:"deleted"`
			Error   struct {
				Code    string `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		code := s.do(t, "POST", "/api/v1/articles/delete", tt.key, tt.body, &answer)
		if code != tt.want || answer.Error.Code != tt.wantCode {
			t.Errorf("%s: %d %q (%s), want %d %q", tt.name, code, answer.Error.Code, answer.Error.Message, tt.want, tt.wantCode)
		}
		if tt.want == 404 && !strings.Contains(answer.Error.Message, "nothing was deleted") {
			t.Errorf("%s: message %q does not say nothing was deleted", tt.name, answer.Error.Message)
		}
		if got := marker(); !slices.Equal(got, tt.left) {
			t.Errorf("%s: left %v, want %v", tt.name, got, tt.left)
		}
	}
}
