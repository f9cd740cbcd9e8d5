package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestBadInput sends malformed and hostile input of every kind to a real
// server with small limits. Each must get a 4xx whose JSON error names the
// problem; nothing of a refused batch may be indexed; and the server must
// keep answering afterwards.
func TestBadInput(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey},
		"--max-body-bytes", "65536", "--max-batch", "3", "--max-title-bytes", "200",
		"--max-article-bytes", "20000", "--max-query-chars", "100", "--max-window", "50", "--max-facet-size", "20")
	for _, tt := range badInputCases() {
		t.Run(tt.name, func(t *testing.T) {
			var e errorAnswer
			code := s.do(t, tt.method, tt.path, testKey, tt.body, &e)
			if code != tt.wantStatus || e.Error.Code != tt.wantCode || !strings.Contains(e.Error.Message, tt.wantInMessage) {
				t.Errorf("%d %+v, want %d %s containing %q", code, e.Error, tt.wantStatus, tt.wantCode, tt.wantInMessage)
			}
		})
	}
	t.Run("odd but valid queries are answered", func(t *testing.T) {
		for _, query := range []string{"-Kishida", "-", "   ", "\t\n", strings.Repeat("\"a\" ", 16)} {
			s.search(t, q("q", query)) // fails the test on any status but 200
		}
	})
	t.Run("nothing of a refused batch was indexed", func(t *testing.T) {
		for _, id := range []string{"u1", "n1", "c1", "t1", "f1", "d1", "y1", "y2", "e1", "l1", "w1", "big", "ok-1"} {
			if code := s.do(t, "GET", "/api/v1/articles/"+url.PathEscape(id), "", "", nil); code != http.StatusNotFound {
				t.Errorf("article %s: %d, want 404", id, code)
			}
		}
	})
	t.Run("the server still serves", func(t *testing.T) {
		if code := s.do(t, "POST", "/api/v1/articles", testKey, validQuoll, nil); code != http.StatusOK {
			t.Errorf("valid POST after the bad ones: %d", code)
		}
		if got := s.search(t, q("q", "quolls")).Total; got != 1 {
			t.Errorf("search after the bad input: %d hits, want 1", got)
		}
	})
}

// validQuoll is a valid article that TestBadInput posts beside an invalid
// one, and alone at the end.
const validQuoll = `{"id":"ok-1","title":"Valid","body":"A valid article about quolls.","lang":"en"}`

// badInputCase is a request TestBadInput's server must refuse, and the
// status, error code and part of the message it must answer with.
type badInputCase struct {
	name, method, path, body string
	wantStatus               int
	wantCode, wantInMessage  string
}

// badInputCases returns TestBadInput's table, written for the server's
// small limits.
func badInputCases() []badInputCase {
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	return []badInputCase{
		// Articles.
		{"invalid UTF-8", "POST", "/api/v1/articles", `{"id":"u1","title":"Bad ` + "\xff\xfe" + `","body":"x"}`, 400, "invalid_article", "UTF-8"},
		{"NUL byte", "POST", "/api/v1/articles", `{"id":"n1","title":"Nul","body":"a\u0000b"}`, 400, "invalid_article", "control"},
		{"control character", "POST", "/api/v1/articles", `{"id":"c1","title":"Bell\u0007","body":"x"}`, 400, "invalid_article", "control"},
		{"deeply nested JSON", "POST", "/api/v1/articles", deep, 400, "invalid_article", ""},
		{"truncated JSON", "POST", "/api/v1/articles", `[{"id":"t1","title":"Cut","body":"x"}, {"id":"t2","ti`, 400, "invalid_article", ""},
		{"unknown field", "POST", "/api/v1/articles", `{"id":"f1","title":"T","body":"x","autor":"me"}`, 400, "invalid_article", "autor"},
		{"wrong type", "POST", "/api/v1/articles", `{"id":7,"title":"T","body":"x"}`, 400, "invalid_article", "id"},
		{"duplicate ids in one batch", "POST", "/api/v1/articles", `[{"id":"d1","title":"A","body":"x"},{"id":"d1","title":"B","body":"y"}]`, 400, "invalid_article", "d1"},
		{"date out of range", "POST", "/api/v1/articles", `{"id":"y1","title":"T","body":"x","published":"9999-01-01T00:00:00Z"}`, 400, "invalid_article", "published"},
		{"unparseable date", "POST", "/api/v1/articles", `{"id":"y2","title":"T","body":"x","published":"yesterday"}`, 400, "invalid_article", "published"},
		{"empty title and body", "POST", "/api/v1/articles", `{"id":"e1","title":"","body":"  "}`, 400, "invalid_article", ""},
		{"title too long", "POST", "/api/v1/articles", `{"id":"l1","title":"` + strings.Repeat("t", 300) + `","body":"x"}`, 400, "invalid_article", "title"},
		{"enormous single word", "POST", "/api/v1/articles", `{"id":"w1","title":"Word","body":"` + strings.Repeat("a", 30000) + `"}`, 400, "invalid_article", "body"},
		{"too many articles", "POST", "/api/v1/articles", articlesJSON("many", "x", 4), 413, "body_too_large", "limit is 3"},
		{"body too large", "POST", "/api/v1/articles", `{"id":"big","title":"T","body":"` + strings.Repeat("word ", 20000) + `"}`, 413, "body_too_large", "65536"},
		{"empty body", "POST", "/api/v1/articles", "", 400, "invalid_article", ""},
		{"not JSON", "POST", "/api/v1/articles", "hello", 400, "invalid_article", ""},
		{"a valid article beside an invalid one", "POST", "/api/v1/articles", "[" + validQuoll + `,{"id":"v2","title":"","body":""}]`, 400, "invalid_article", "article 1"},
		// Queries.
		{"unclosed quote", "GET", "/api/v1/search?q=%22unclosed", "", 400, "invalid_query", "quote"},
		{"empty phrase", "GET", "/api/v1/search?q=%22%22", "", 400, "invalid_query", "empty"},
		{"OR alone", "GET", "/api/v1/search?q=OR", "", 400, "invalid_query", "OR"},
		{"OR OR", "GET", "/api/v1/search?q=OR+OR", "", 400, "invalid_query", "OR"},
		{"query too long", "GET", "/api/v1/search?q=" + strings.Repeat("a", 101), "", 400, "invalid_parameter", "100"},
		{"query with invalid UTF-8", "GET", "/api/v1/search?q=%FF%FE", "", 400, "invalid_query", "UTF-8"},
		{"query with NUL", "GET", "/api/v1/search?q=a%00b", "", 400, "invalid_query", "control"},
		{"window too deep", "GET", "/api/v1/search?q=Japan&from=45&size=10", "", 400, "invalid_parameter", "50"},
		{"negative from", "GET", "/api/v1/search?q=Japan&from=-1", "", 400, "invalid_parameter", "from"},
		{"facet size too large", "GET", "/api/v1/search?q=Japan&facet_size=21", "", 400, "invalid_parameter", "20"},
		{"repeated parameter", "GET", "/api/v1/search?q=a&q=b", "", 400, "invalid_parameter", "q"},
		{"huge number", "GET", "/api/v1/search?q=Japan&size=99999999999999999999", "", 400, "invalid_parameter", "size"},
		{"entity page unknown type", "GET", "/api/v1/entities/animal/Cat", "", 400, "invalid_parameter", "animal"},
		{"entity listing size too large", "GET", "/api/v1/entities?size=21", "", 400, "invalid_parameter", "20"},
	}
}
