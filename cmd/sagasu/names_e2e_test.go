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
	var nc struct {
		Cases []struct {
			Q    string   `json:"q"`
			Want []string `json:"want"`
		} `json:"cases"`
		Highlights []struct{ Q, ID, Want string } `json:"highlights"`
	}
	raw, err := os.ReadFile(nameCases)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &nc); err != nil {
		t.Fatal(err)
	}
	tp, fp, fn := 0, 0, 0
	for _, c := range nc.Cases {
		got := map[string]bool{}
		for _, id := range s.search(t, q("q", c.Q, "size", "100")).ids() {
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
	recall, precision := float64(tp)/float64(tp+fn), float64(tp)/float64(tp+fp)
	t.Logf("over HTTP: recall %.3f precision %.3f over %d cases", recall, precision, len(nc.Cases))
	if recall < 1 || precision < 0.95 {
		t.Errorf("recall %.3f (want 1.0), precision %.3f (want ≥ 0.95)", recall, precision)
	}
	for _, h := range nc.Highlights {
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
