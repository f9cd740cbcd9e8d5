package main

import (
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
)

// newsFixtures are the entity package's 22 news articles (15 English, 7
// Japanese) whose gold entities entity's own test checks.
const newsFixtures = "../../entity/testdata/news.jsonl"

// abeArticles and softbankEnglish are, by the gold annotations of
// newsFixtures, the articles that name Shinzo Abe, and the English ones
// that name SoftBank Group.
var (
	abeArticles     = []string{"n01", "n02", "n11", "n12", "n17", "n19"}
	softbankEnglish = []string{"n09", "n10", "n13"}
)

// TestEntityKnowledgeOverHTTP posts the news fixtures as JSON Lines to the
// real server and checks, through the API, that one person is one entity
// in every spelling and script, that a katakana query finds English
// articles about the company it names, and the entity page.
func TestEntityKnowledgeOverHTTP(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey})
	body, err := os.ReadFile(newsFixtures)
	if err != nil {
		t.Fatal(err)
	}
	if code := s.do(t, "POST", "/api/v1/articles", testKey, string(body), nil); code != http.StatusOK {
		t.Fatalf("POST %s: %d", newsFixtures, code)
	}

	t.Run("安倍晋三 and Abe Shinzo find the same articles", func(t *testing.T) {
		for _, query := range []string{"安倍晋三", "Abe Shinzo", "Shinzō Abe"} {
			got := sortedIDs(s.search(t, q("q", query, "size", "100")))
			if !slices.Equal(got, abeArticles) {
				t.Errorf("q=%s: %q, want %q", query, got, abeArticles)
			}
		}
	})

	t.Run("ソフトバンク finds the English SoftBank Group articles", func(t *testing.T) { checkKatakanaFindsSoftBank(t, s) })

	t.Run("one person facet value for Shinzo Abe", func(t *testing.T) { checkOneAbeFacetValue(t, s) })

	t.Run("entity page by any alias", func(t *testing.T) { checkAbeEntityPage(t, s) })

	t.Run("an unknown entity is a JSON 404", func(t *testing.T) {
		var e errorAnswer
		if code := s.do(t, "GET", "/api/v1/entities/person/Nobody%20Atall", "", "", &e); code != http.StatusNotFound || e.Error.Code != "not_found" {
			t.Errorf("status %d, error %+v", code, e.Error)
		}
	})
}

// checkKatakanaFindsSoftBank checks that the katakana ソフトバンク finds
// the English SoftBank Group articles and is read as that entity.
func checkKatakanaFindsSoftBank(t *testing.T, s *testServer) {
	t.Helper()
	var ans struct {
		searchAnswer
		QueryEntities []struct{ Type, Name string } `json:"query_entities"`
	}
	if code := s.do(t, "GET", "/api/v1/search?"+q("q", "ソフトバンク", "size", "100").Encode(), "", "", &ans); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	got := ans.ids()
	for _, id := range softbankEnglish {
		if !slices.Contains(got, id) {
			t.Errorf("%s missing from %q", id, got)
		}
	}
	want := []struct{ Type, Name string }{{"organization", "SoftBank Group"}}
	if !slices.Equal(ans.QueryEntities, want) {
		t.Errorf("query_entities %v, want %v", ans.QueryEntities, want)
	}
}

// checkOneAbeFacetValue checks that every spelling of Shinzo Abe counts
// under one person facet value.
func checkOneAbeFacetValue(t *testing.T, s *testServer) {
	t.Helper()
	ans := s.search(t, q("q", "Abe OR 安倍 OR Shinzo OR 晋三", "size", "100", "facet_size", "100"))
	var abes []facetValue
	for _, v := range ans.Facets["person"] {
		if strings.Contains(v.Value, "Abe") || strings.Contains(v.Value, "Shinz") || strings.Contains(v.Value, "安倍") {
			abes = append(abes, v)
		}
	}
	want := []facetValue{{"Shinzo Abe", len(abeArticles)}}
	if !slices.Equal(abes, want) {
		t.Errorf("person facet values for Abe %v, want %v", abes, want)
	}
}

// checkAbeEntityPage checks Shinzo Abe's entity page, reached by each of
// his aliases: name, count, aliases, months and related entities.
func checkAbeEntityPage(t *testing.T, s *testServer) {
	t.Helper()
	for _, alias := range []string{"安倍晋三", "Abe Shinzo", "Shinzo Abe"} {
		var page struct {
			Type, Name string
			Aliases    []string
			Count      int
			Months     []facetValue
			Related    []struct {
				Type, Name string
				Count      int
			}
		}
		path := "/api/v1/entities/person/" + url.PathEscape(alias)
		if code := s.do(t, "GET", path, "", "", &page); code != http.StatusOK {
			t.Fatalf("GET %s: %d", path, code)
		}
		if page.Name != "Shinzo Abe" || page.Count != len(abeArticles) || !slices.Contains(page.Aliases, "安倍晋三") {
			t.Errorf("%s: name %q, count %d, aliases %q", alias, page.Name, page.Count, page.Aliases)
		}
		months := 0
		for _, m := range page.Months {
			months += m.Count
		}
		if months != len(abeArticles) || len(page.Related) == 0 {
			t.Errorf("%s: months %v, related %v", alias, page.Months, page.Related)
		}
	}
}

// sortedIDs returns the ids of the answer's hits, sorted.
func sortedIDs(a searchAnswer) []string {
	ids := a.ids()
	slices.Sort(ids)
	return ids
}
