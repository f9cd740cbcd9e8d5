package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

const testKey = "test-key-0123456789"

// Titles of seed articles the tests refer to.
const (
	title000 = "Japan’s PM Kishida Aims to Forge Stronger AI Collaboration on US Visit"
	title002 = "Japan: Microsoft will invest nearly $3 billion to boost artificial intelligence"
	title004 = "US and Japan Join Forces on AI Research for Life Sciences and Workforce Development"
)

// TestSearchSeeds runs searches, filters, facets and listings against one
// server holding the five seed articles.
func TestSearchSeeds(t *testing.T) {
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey})
	t.Run("Kishida finds all five with marks and a person facet of 5", func(t *testing.T) { checkSeedsKishida(t, s) })
	t.Run("a name in either order finds all five, marked as written", func(t *testing.T) { checkSeedsNameOrder(t, s) })
	t.Run("title match ranks first and its organization is counted", func(t *testing.T) { checkSeedsTitleMatch(t, s) })
	t.Run("phrase, exclusion and OR", func(t *testing.T) { checkSeedsOperators(t, s) })
	t.Run("entity filter by canonical name and by alias", func(t *testing.T) { checkSeedsEntityFilter(t, s) })
	t.Run("country facet, and country filters", func(t *testing.T) { checkSeedsCountries(t, s) })
	t.Run("date filters and the month facet", func(t *testing.T) { checkSeedsDates(t, s) })
	t.Run("sort by date puts the dated article first", func(t *testing.T) { checkSeedsSortByDate(t, s) })
	t.Run("paging is stable and disjoint", func(t *testing.T) { checkSeedsPaging(t, s) })
	t.Run("lang filter and facet", func(t *testing.T) { checkSeedsLang(t, s) })
	t.Run("entities listing", func(t *testing.T) { checkSeedsEntitiesListing(t, s) })
	t.Run("stats, health, readiness", func(t *testing.T) { checkSeedsStatsAndHealth(t, s) })
	t.Run("size=0 gives the total and facets, no hits", func(t *testing.T) { checkSeedsFacetsOnly(t, s) })
}

// checkSeedsFacetsOnly checks that size=0 answers the total and facets of
// the same search with a page, and an empty list of hits.
func checkSeedsFacetsOnly(t *testing.T, s *testServer) {
	t.Helper()
	for _, params := range []url.Values{q("q", "Kishida"), q("q", "AI", "entity", "organization:Microsoft"), q()} {
		page := s.search(t, params)
		params.Set("size", "0")
		var raw map[string]json.RawMessage
		if code := s.do(t, "GET", "/api/v1/search?"+params.Encode(), "", "", &raw); code != http.StatusOK {
			t.Fatalf("%v: status %d", params, code)
		}
		only := s.search(t, params)
		if string(raw["hits"]) != "[]" || only.Total != page.Total || only.Total == 0 ||
			!reflect.DeepEqual(only.Facets, page.Facets) {
			t.Errorf("%v: hits %s, total %d, facets %v; want [], %d, %v", params, raw["hits"], only.Total, only.Facets, page.Total, page.Facets)
		}
	}
}

// checkSeedsKishida checks that Kishida finds all five seeds, marked in
// their snippets, best first, with the titled article on top.
func checkSeedsKishida(t *testing.T, s *testServer) {
	t.Helper()
	ans := s.search(t, q("q", "Kishida"))
	if ans.Total != 5 || len(ans.Hits) != 5 {
		t.Fatalf("total %d, %d hits, want 5: %q", ans.Total, len(ans.Hits), ans.titles())
	}
	for i, h := range ans.Hits {
		all := strings.Join(append(h.Snippets.Title, h.Snippets.Body...), " ")
		if !strings.Contains(all, "<mark>Kishida</mark>") {
			t.Errorf("hit %d %q: no <mark>Kishida</mark> in snippets %q", i, h.Title, all)
		}
		if i > 0 && h.Score > ans.Hits[i-1].Score {
			t.Errorf("hit %d scores %f above hit %d's %f", i, h.Score, i-1, ans.Hits[i-1].Score)
		}
	}
	if got := facetCount(ans.Facets["person"], "Fumio Kishida"); got != 5 {
		t.Errorf("person facet Fumio Kishida = %d, want 5: %v", got, ans.Facets["person"])
	}
	if ans.Hits[0].Title != title000 {
		t.Errorf("top hit %q, want the article with Kishida in its title, %q", ans.Hits[0].Title, title000)
	}
	if got := ans.Hits[0].Snippets.Title; len(got) != 1 || !strings.Contains(got[0], "PM <mark>Kishida</mark> Aims") {
		t.Errorf("title snippet %q, want PM <mark>Kishida</mark> Aims", got)
	}
}

// checkSeedsNameOrder checks Kishida's name in either order, quoted or
// not, with a title or in Japanese, and its marks as written.
func checkSeedsNameOrder(t *testing.T, s *testServer) {
	t.Helper()
	for _, query := range []string{`"Kishida Fumio"`, `"Fumio Kishida"`, "Kishida Fumio", `"PM Kishida"`, "岸田"} {
		ans := s.search(t, q("q", query))
		if ans.Total != 5 {
			t.Errorf("q=%s: %d hits %q, want all 5 seeds", query, ans.Total, ans.titles())
		}
	}
	ans := s.search(t, q("q", `"Kishida Fumio"`))
	for _, h := range ans.Hits {
		if h.Title == title000 && !strings.Contains(strings.Join(h.Snippets.Body, " "), "<mark>Kishida</mark> <mark>Fumio</mark>") {
			t.Errorf("seed 000 snippet %q lacks the name as written, <mark>Kishida</mark> <mark>Fumio</mark>", h.Snippets.Body)
		}
	}
}

// checkSeedsTitleMatch checks that a match in the title ranks first and
// that the organization facet counts every hit.
func checkSeedsTitleMatch(t *testing.T, s *testServer) {
	t.Helper()
	ans := s.search(t, q("q", "Microsoft invest"))
	if len(ans.Hits) == 0 || ans.Hits[0].Title != title002 {
		t.Fatalf("top hits %q, want %q first", ans.titles(), title002)
	}
	if got := facetCount(ans.Facets["organization"], "Microsoft"); got != ans.Total {
		t.Errorf("organization facet Microsoft = %d, want all %d hits", got, ans.Total)
	}
}

// checkSeedsOperators checks quoted phrases, -exclusion and OR.
func checkSeedsOperators(t *testing.T, s *testServer) {
	t.Helper()
	phrase := s.search(t, q("q", `"Brad Smith"`))
	if phrase.Total != 2 {
		t.Errorf(`"Brad Smith": %d hits %q, want 2`, phrase.Total, phrase.titles())
	}
	excl := s.search(t, q("q", "Kishida -Microsoft"))
	for _, h := range excl.Hits {
		if h.Title == title002 || h.Title == title000 {
			t.Errorf("Kishida -Microsoft returned %q, which names Microsoft", h.Title)
		}
	}
	or := s.search(t, q("q", "Raimondo OR Ivanova"))
	if or.Total != 2 {
		t.Errorf("Raimondo OR Ivanova: %d hits %q, want 2", or.Total, or.titles())
	}
}

// checkSeedsEntityFilter checks entity= by canonical name, in any case,
// by alias, and two filters at once.
func checkSeedsEntityFilter(t *testing.T, s *testServer) {
	t.Helper()
	for _, e := range []string{"person:Brad Smith", "person:brad smith"} {
		ans := s.search(t, q("entity", e))
		titles := ans.titles()
		sort.Strings(titles)
		want := []string{title002, title000}
		sort.Strings(want)
		if !reflect.DeepEqual(titles, want) {
			t.Errorf("entity=%s: %q, want %q", e, titles, want)
		}
	}
	alias := s.search(t, q("q", "AI", "entity", "person:Kishida Fumio"))
	if alias.Total != 5 {
		t.Errorf("entity=person:Kishida Fumio: %d hits, want 5", alias.Total)
	}
	both := s.search(t, q("entity", "person:Masayoshi Son", "entity", "organization:SoftBank Group"))
	if len(both.Hits) != 1 || both.Hits[0].Title != title002 {
		t.Errorf("Son + SoftBank: %q, want only %q", both.titles(), title002)
	}
}

// checkSeedsDates checks since and until, by day and RFC 3339 time, and
// the published facet.
func checkSeedsDates(t *testing.T, s *testServer) {
	t.Helper()
	since := s.search(t, q("q", "Kishida", "since", "2024-04-10"))
	if since.Total != 1 || since.Hits[0].Title != title000 {
		t.Errorf("since 2024-04-10: %q, want only the dated article", since.titles())
	}
	day := s.search(t, q("since", "2024-04-10", "until", "2024-04-10"))
	if day.Total != 1 {
		t.Errorf("since = until = 2024-04-10: %d hits, want 1 (until includes its day)", day.Total)
	}
	before := s.search(t, q("q", "Kishida", "until", "2024-04-09"))
	if before.Total != 0 {
		t.Errorf("until 2024-04-09: %d hits, want 0", before.Total)
	}
	rfc := s.search(t, q("since", "2024-04-10T03:00:00Z", "until", "2024-04-10T04:00:00Z"))
	if rfc.Total != 1 {
		t.Errorf("RFC 3339 window: %d hits, want 1", rfc.Total)
	}
	all := s.search(t, q("q", "Kishida"))
	if got := facetCount(all.Facets["published"], "2024-04"); got != 1 {
		t.Errorf("published facet 2024-04 = %d, want 1: %v", got, all.Facets["published"])
	}
}

// checkSeedsSortByDate checks that sort=date puts the one dated seed
// before the undated ones.
func checkSeedsSortByDate(t *testing.T, s *testServer) {
	t.Helper()
	ans := s.search(t, q("q", "Japan", "sort", "date"))
	if ans.Hits[0].Title != title000 || ans.Hits[0].Published == nil {
		t.Errorf("sort=date first hit %q (published %v), want %q", ans.Hits[0].Title, ans.Hits[0].Published, title000)
	}
	for _, h := range ans.Hits[1:] {
		if h.Published != nil {
			t.Errorf("undated seeds expected after the dated one, got %q dated %v", h.Title, h.Published)
		}
	}
}

// checkSeedsPaging checks that pages join up to the whole list, keep
// the total, and are empty past the end.
func checkSeedsPaging(t *testing.T, s *testServer) {
	t.Helper()
	whole := s.search(t, q("q", "Japan", "size", "4")).ids()
	p1 := s.search(t, q("q", "Japan", "size", "2")).ids()
	p2 := s.search(t, q("q", "Japan", "size", "2", "from", "2"))
	if got := append(p1, p2.ids()...); !reflect.DeepEqual(got, whole) {
		t.Errorf("pages %q, want %q", got, whole)
	}
	if p2.Total != 5 {
		t.Errorf("total on page 2 = %d, want 5", p2.Total)
	}
	past := s.search(t, q("q", "Japan", "from", "50"))
	if len(past.Hits) != 0 || past.Total != 5 {
		t.Errorf("from=50: %d hits total %d, want none of 5", len(past.Hits), past.Total)
	}
}

// checkSeedsLang checks the lang filter and facet.
func checkSeedsLang(t *testing.T, s *testServer) {
	t.Helper()
	ans := s.search(t, q("q", "Japan", "lang", "en"))
	if facetCount(ans.Facets["lang"], "en") != 5 || ans.Total != 5 {
		t.Errorf("lang=en: total %d, facet %v", ans.Total, ans.Facets["lang"])
	}
	if none := s.search(t, q("q", "Japan", "lang", "ja")); none.Total != 0 {
		t.Errorf("lang=ja: %d hits, want 0", none.Total)
	}
}

// checkSeedsEntitiesListing checks /api/v1/entities by type and prefix.
func checkSeedsEntitiesListing(t *testing.T, s *testServer) {
	t.Helper()
	var ans struct {
		Entities []struct {
			Type, Name string
			Count      int
			Aliases    []string
		} `json:"entities"`
	}
	if code := s.do(t, "GET", "/api/v1/entities?type=person&prefix=Ki&size=20", "", "", &ans); code != 200 {
		t.Fatalf("status %d", code)
	}
	if len(ans.Entities) == 0 || ans.Entities[0].Name != "Fumio Kishida" || ans.Entities[0].Count != 5 {
		t.Fatalf("entities %+v, want Fumio Kishida (5) first", ans.Entities)
	}
	for _, e := range ans.Entities {
		if e.Type != "person" {
			t.Errorf("type=person listed %+v", e)
		}
	}
}

// checkSeedsStatsAndHealth checks /api/v1/stats and /healthz.
func checkSeedsStatsAndHealth(t *testing.T, s *testServer) {
	t.Helper()
	var st struct {
		Articles int    `json:"articles"`
		Analyzer string `json:"analyzer"`
	}
	if code := s.do(t, "GET", "/api/v1/stats", "", "", &st); code != 200 || st.Articles != 5 || st.Analyzer != "sagasu" {
		t.Errorf("stats: status %d, articles %d, analyzer %q, want 200, 5 and sagasu", code, st.Articles, st.Analyzer)
	}
	if code := s.do(t, "GET", "/healthz", "", "", nil); code != 200 {
		t.Errorf("healthz: %d", code)
	}
}

func TestAPIErrors(t *testing.T) {
	s := startServer(t, t.TempDir(), nil)
	tests := []struct {
		name, method, path string
		wantStatus         int
		wantCode           string
		wantInMessage      string
	}{
		{"malformed query", "GET", "/api/v1/search?q=%22unclosed", 400, "invalid_query", "unclosed quote"},
		{"dangling OR", "GET", "/api/v1/search?q=Kishida+OR", 400, "invalid_query", "OR needs a term"},
		{"bad date", "GET", "/api/v1/search?q=Japan&since=2024-13-01", 400, "invalid_parameter", "since"},
		{"negative size", "GET", "/api/v1/search?q=Japan&size=-1", 400, "invalid_parameter", "size"},
		{"facets only, negative from", "GET", "/api/v1/search?q=Japan&size=0&from=-1", 400, "invalid_parameter", "from"},
		{"facets only, from beyond the window", "GET", "/api/v1/search?q=Japan&size=0&from=10001", 400, "invalid_parameter", "10000"},
		{"huge size", "GET", "/api/v1/search?q=Japan&size=100000", 400, "invalid_parameter", "size"},
		{"deep page", "GET", "/api/v1/search?q=Japan&from=9999&size=10", 400, "invalid_parameter", "10000"},
		{"size not a number", "GET", "/api/v1/search?q=Japan&size=ten", 400, "invalid_parameter", "whole number"},
		{"unknown parameter", "GET", "/api/v1/search?q=Japan&szie=3", 400, "invalid_parameter", "szie"},
		{"bad sort", "GET", "/api/v1/search?q=Japan&sort=popularity", 400, "invalid_parameter", "sort"},
		{"entity without type", "GET", "/api/v1/search?entity=Kishida", 400, "invalid_parameter", "type:Name"},
		{"unknown entity type", "GET", "/api/v1/search?entity=animal:Cat", 400, "invalid_parameter", "animal"},
		{"until before since", "GET", "/api/v1/search?since=2024-05-01&until=2024-04-01", 400, "invalid_parameter", "until"},
		{"cursor not base64url", "GET", "/api/v1/search?q=Japan&search_after=a%2Bb", 400, "invalid_parameter", "search_after"},
		{"not a cursor", "GET", "/api/v1/search?q=Japan&search_after=AXI", 400, "invalid_parameter", "search_after"},
		{"relevance cursor, date sort", "GET", "/api/v1/search?q=Japan&sort=date&search_after=AXIAAAAAAAAAAAAAAAAAAAAAYQ", 400, "invalid_parameter", "search_after"},
		{"cursor and from", "GET", "/api/v1/search?q=Japan&from=10&search_after=AXIAAAAAAAAAAAAAAAAAAAAAYQ", 400, "invalid_parameter", "from"},
		{"missing article", "GET", "/api/v1/articles/nope", 404, "not_found", "nope"},
		{"unknown route", "GET", "/api/v2/search", 404, "not_found", "route"},
		{"wrong method", "PUT", "/api/v1/search", 405, "method_not_allowed", "PUT"},
		{"write without the key of this run", "POST", "/api/v1/articles", 401, "unauthorized", "Bearer"},
		{"delete without the key of this run", "DELETE", "/api/v1/articles/x", 401, "unauthorized", "Bearer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ans errorAnswer
			code := s.do(t, tt.method, tt.path, "", "", &ans)
			if code != tt.wantStatus || ans.Error.Code != tt.wantCode || !strings.Contains(ans.Error.Message, tt.wantInMessage) {
				t.Errorf("%s %s = %d %+v, want %d %s containing %q", tt.method, tt.path, code, ans.Error, tt.wantStatus, tt.wantCode, tt.wantInMessage)
			}
		})
	}
	t.Run("search_after pages as from does", func(t *testing.T) {
		for _, by := range []string{"relevance", "date"} {
			all := s.search(t, q("q", "Japan", "sort", by, "size", "100"))
			var walked []string
			for after := ""; ; {
				page := s.search(t, q("q", "Japan", "sort", by, "size", "2", "search_after", after))
				if len(page.Hits) == 0 || len(walked) > all.Total {
					break
				}
				walked = append(walked, page.ids()...)
				after = page.Hits[len(page.Hits)-1].Cursor
			}
			if !slices.Equal(walked, all.ids()) || len(walked) < 3 {
				t.Errorf("by %s: walked %v, one page %v", by, walked, all.ids())
			}
		}
	})
}

// tk1Article is the article TestWriteRoutes posts, with every field set.
const tk1Article = `{"id":"tk-1","title":"Takaichi visits Osaka","body":"Sanae Takaichi toured a chip plant in Osaka with Toyota engineers.","published":"2025-11-02T09:00:00Z","source":"Test Wire","lang":"en","url":"https://example.com/tk-1"}`

// TestWriteRoutes posts, replaces, batches and deletes articles through
// the API on one server, in order, and restarts it on the same folder.
func TestWriteRoutes(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir, map[string]string{"SAGASU_API_KEY": testKey})

	t.Run("key required", func(t *testing.T) { checkWriteKeyRequired(t, s) })
	t.Run("post, get, search, delete", func(t *testing.T) { checkWritePostGetSearchDelete(t, s) })
	t.Run("re-posting an id replaces the article", func(t *testing.T) { checkWriteRepostReplaces(t, s) })
	t.Run("array and JSON Lines", func(t *testing.T) { checkWriteArrayAndLines(t, s) })
	t.Run("a batch with one invalid article is refused whole", func(t *testing.T) { checkWriteBatchRefusedWhole(t, s) })
	t.Run("acknowledged writes survive a restart; seeds are not indexed twice", func(t *testing.T) { checkWritesSurviveRestart(t, s, dir) })
}

// checkWriteKeyRequired checks that a POST without the key, or with a
// wrong one, is refused and indexes nothing.
func checkWriteKeyRequired(t *testing.T, s *testServer) {
	t.Helper()
	for _, key := range []string{"", "wrong-key"} {
		var ans errorAnswer
		if code := s.do(t, "POST", "/api/v1/articles", key, tk1Article, &ans); code != http.StatusUnauthorized || ans.Error.Code != "unauthorized" {
			t.Errorf("key %q: %d %+v, want 401 unauthorized", key, code, ans.Error)
		}
	}
	if n := s.search(t, q("q", "Takaichi")).Total; n != 0 {
		t.Errorf("unauthorized POST indexed something: %d hits", n)
	}
}

// checkWritePostGetSearchDelete posts tk1Article, reads it back, finds
// it, and deletes it twice.
func checkWritePostGetSearchDelete(t *testing.T, s *testServer) {
	t.Helper()
	var put struct {
		Indexed int      `json:"indexed"`
		IDs     []string `json:"ids"`
	}
	if code := s.do(t, "POST", "/api/v1/articles", testKey, tk1Article, &put); code != 200 || put.Indexed != 1 || put.IDs[0] != "tk-1" {
		t.Fatalf("POST: %d %+v", code, put)
	}
	var got map[string]interface{}
	if code := s.do(t, "GET", "/api/v1/articles/tk-1", "", "", &got); code != 200 {
		t.Fatalf("GET: %d", code)
	}
	if got["title"] != "Takaichi visits Osaka" || got["published"] != "2025-11-02T09:00:00Z" || got["source"] != "Test Wire" || got["url"] != "https://example.com/tk-1" {
		t.Errorf("GET returned %v", got)
	}
	ans := s.search(t, q("q", "Takaichi"))
	if ans.Total != 1 || ans.Hits[0].ID != "tk-1" || !strings.Contains(ans.Hits[0].Snippets.Title[0], "<mark>Takaichi</mark>") {
		t.Fatalf("search after POST: %+v", ans)
	}
	if got := facetCount(s.search(t, q("source", "Test Wire")).Facets["source"], "Test Wire"); got != 1 {
		t.Errorf("source facet Test Wire = %d, want 1", got)
	}
	if code := s.do(t, "DELETE", "/api/v1/articles/tk-1", testKey, "", nil); code != 200 {
		t.Fatalf("DELETE: %d", code)
	}
	if code := s.do(t, "GET", "/api/v1/articles/tk-1", "", "", nil); code != 404 {
		t.Errorf("GET after DELETE: %d, want 404", code)
	}
	if n := s.search(t, q("q", "Takaichi")).Total; n != 0 {
		t.Errorf("search after DELETE: %d hits", n)
	}
	if code := s.do(t, "DELETE", "/api/v1/articles/tk-1", testKey, "", nil); code != 404 {
		t.Errorf("second DELETE: %d, want 404", code)
	}
}

// checkWriteRepostReplaces posts two versions under one id and checks
// only the second is found.
func checkWriteRepostReplaces(t *testing.T, s *testServer) {
	t.Helper()
	first := `{"id":"r-1","title":"Alpha headline","body":"zebraword appears here."}`
	second := `{"id":"r-1","title":"Beta headline","body":"quaggaword appears here."}`
	for _, body := range []string{first, second} {
		if code := s.do(t, "POST", "/api/v1/articles", testKey, body, nil); code != 200 {
			t.Fatalf("POST %s: %d", body, code)
		}
	}
	if n := s.search(t, q("q", "zebraword")).Total; n != 0 {
		t.Errorf("old version still found: %d", n)
	}
	if n := s.search(t, q("q", "quaggaword")).Total; n != 1 {
		t.Errorf("new version found %d times, want 1", n)
	}
}

// checkWriteArrayAndLines posts a JSON array and JSON Lines of two
// articles each.
func checkWriteArrayAndLines(t *testing.T, s *testServer) {
	t.Helper()
	array := `[{"id":"a-1","title":"Array one","body":"ocelotword one"},{"id":"a-2","title":"Array two","body":"ocelotword two"}]`
	lines := "{\"id\":\"l-1\",\"title\":\"Line one\",\"body\":\"margayword\"}\n\n{\"id\":\"l-2\",\"title\":\"Line two\",\"body\":\"margayword\"}\n"
	for body, word := range map[string]string{array: "ocelotword", lines: "margayword"} {
		var put struct{ Indexed int }
		if code := s.do(t, "POST", "/api/v1/articles", testKey, body, &put); code != 200 || put.Indexed != 2 {
			t.Fatalf("POST: %d, indexed %d", code, put.Indexed)
		}
		if n := s.search(t, q("q", word)).Total; n != 2 {
			t.Errorf("%s: %d hits, want 2", word, n)
		}
	}
}

// checkWriteBatchRefusedWhole checks that a batch with one invalid
// article indexes nothing, and that malformed bodies are refused.
func checkWriteBatchRefusedWhole(t *testing.T, s *testServer) {
	t.Helper()
	batch := `[{"id":"b-1","title":"Valid","body":"servalword is here"},{"id":"b-2","title":"","body":""}]`
	var ans errorAnswer
	code := s.do(t, "POST", "/api/v1/articles", testKey, batch, &ans)
	if code != 400 || ans.Error.Code != "invalid_article" || !strings.Contains(ans.Error.Message, "article 1") {
		t.Errorf("POST: %d %+v, want 400 invalid_article naming article 1", code, ans.Error)
	}
	if n := s.search(t, q("q", "servalword")).Total; n != 0 {
		t.Errorf("the valid half was indexed: %d hits", n)
	}
	for _, bad := range []string{`{"title":"x","body":"y","colour":"red"}`, `{"title":"x","published":"yesterday"}`, `[{"title":1}]`, `{"title":"x"`, ``} {
		var ans errorAnswer
		if code := s.do(t, "POST", "/api/v1/articles", testKey, bad, &ans); code != 400 || ans.Error.Code != "invalid_article" {
			t.Errorf("POST %q: %d %+v, want 400 invalid_article", bad, code, ans.Error)
		}
	}
}

// checkWritesSurviveRestart posts tk1Article, stops s, starts a server
// on dir again and checks the article is there and the seeds are not
// doubled.
func checkWritesSurviveRestart(t *testing.T, s *testServer, dir string) {
	t.Helper()
	if code := s.do(t, "POST", "/api/v1/articles", testKey, tk1Article, nil); code != 200 {
		t.Fatalf("POST: %d", code)
	}
	s.stop()
	s2 := startServer(t, dir, map[string]string{"SAGASU_API_KEY": testKey})
	if code := s2.do(t, "GET", "/api/v1/articles/tk-1", "", "", nil); code != 200 {
		t.Errorf("GET after restart: %d", code)
	}
	if n := s2.search(t, q("q", "Kishida")).Total; n != 5 {
		t.Errorf("Kishida after restart: %d hits, want 5", n)
	}
}

func TestAccessLog(t *testing.T) {
	s := startServer(t, t.TempDir(), nil)
	s.do(t, "GET", "/api/v1/search?q=Kishida", "", "", nil)
	s.stop()
	var line string
	for _, l := range strings.Split(s.logs.String(), "\n") {
		if strings.Contains(l, `"path":"/api/v1/search"`) {
			line = l
		}
	}
	for _, want := range []string{`"method":"GET"`, `"status":200`, `"request_id":"`, `"duration":`, `"message":"request"`} {
		if !strings.Contains(line, want) {
			t.Errorf("access log line %q lacks %s", line, want)
		}
	}
}
