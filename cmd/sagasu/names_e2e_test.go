package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sagasu-search/sagasu/corpus"
)

// nameFixtures are the searcher's name evaluation files, shared so that the
// same cases run through the HTTP API.
const (
	nameArticles = "../../searcher/testdata/names.json"
	nameCases    = "../../searcher/testdata/name_cases.json"
)

// TestNameCasesOverHTTP posts the name fixtures to a server holding the
// seeds and runs every name case and highlight through GET /api/v1/search.
// Both this server and the searcher's own test use the built-in gazetteer.
func TestNameCasesOverHTTP(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey})
	body, err := os.ReadFile(nameArticles)
	if err != nil {
		t.Fatal(err)
	}
	if code := s.do(t, "POST", "/api/v1/articles", testKey, string(body), nil); code != 200 {
		t.Fatalf("POST name fixtures: %d", code)
	}
	seedID := seedIDs(t)
	nc := readNameCases(t)
	tp, fp, fn := countNameCaseHits(t, s, seedID, nc.Cases)
	recall, precision := float64(tp)/float64(tp+fn), float64(tp)/float64(tp+fp)
	t.Logf("over HTTP: recall %.3f precision %.3f over %d cases", recall, precision, len(nc.Cases))
	if recall < 1 || precision < 1 {
		t.Errorf("recall %.3f (want 1.0), precision %.3f (want 1.0)", recall, precision)
	}
	checkNameHighlights(t, s, seedID, nc.Highlights)
}

// nameCase is a query of name_cases.json and the articles it must find.
type nameCase struct {
	Q    string   `json:"q"`
	Want []string `json:"want"`
}

// nameHighlight is a query, an article it finds, and text the article's
// body snippet must hold.
type nameHighlight struct{ Q, ID, Want string }

// nameCaseFile is name_cases.json.
type nameCaseFile struct {
	Cases      []nameCase      `json:"cases"`
	Highlights []nameHighlight `json:"highlights"`
}

// readNameCases reads the searcher's name cases.
func readNameCases(t *testing.T) nameCaseFile {
	t.Helper()
	var nc nameCaseFile
	raw, err := os.ReadFile(nameCases)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &nc); err != nil {
		t.Fatal(err)
	}
	return nc
}

// countNameCaseHits runs each case through s and counts the articles
// found that it wants (tp), found that it does not (fp) and wanted but
// not found (fn), logging each miss; seedID maps the cases' seed names.
func countNameCaseHits(t *testing.T, s *testServer, seedID func(string) string, cases []nameCase) (tp, fp, fn int) {
	t.Helper()
	for _, c := range cases {
		got := map[string]bool{}
		for _, id := range s.search(t, q("q", c.Q, "size", "100", "typos", "false")).ids() {
			got[id] = true
		}
		want := map[string]bool{}
		for _, id := range c.Want {
			want[seedID(id)] = true
		}
		for id := range got {
			if want[id] {
				tp++
			} else {
				fp++
				t.Logf("%-28s false positive %s", c.Q, id)
			}
		}
		for id := range want {
			if !got[id] {
				fn++
				t.Logf("%-28s missed %s", c.Q, id)
			}
		}
	}
	return tp, fp, fn
}

// checkNameHighlights checks that each highlight's query finds its
// article with the wanted text in the body snippet.
func checkNameHighlights(t *testing.T, s *testServer, seedID func(string) string, highlights []nameHighlight) {
	t.Helper()
	for _, h := range highlights {
		found := false
		for _, hit := range s.search(t, q("q", h.Q, "size", "100")).Hits {
			if hit.ID == seedID(h.ID) {
				found = true
				if body := strings.Join(hit.Snippets.Body, " "); !strings.Contains(body, h.Want) {
					t.Errorf("%s in %s: snippet %q lacks %q", h.Q, h.ID, body, h.Want)
				}
			}
		}
		if !found {
			t.Errorf("%s: %s not found", h.Q, h.ID)
		}
	}
}

// seedIDs maps the evaluation's names for the seeds (s0 … s4, in file
// order) to the IDs the server gives them; other IDs pass unchanged.
func seedIDs(t *testing.T) func(string) string {
	t.Helper()
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for i, a := range seeds {
		ids[fmt.Sprint("s", i)] = a.ID
	}
	return func(id string) string {
		if real, ok := ids[id]; ok {
			return real
		}
		return id
	}
}
