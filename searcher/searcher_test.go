package searcher

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sagasu-search/sagasu/corpus"
	"github.com/sagasu-search/sagasu/entity"
	"github.com/sagasu-search/sagasu/indexer"
	"github.com/sagasu-search/sagasu/queryplan"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// aliasResolver knows a few aliases, standing in for the gazetteer.
type aliasResolver map[string]entity.Entity

func (r aliasResolver) Lookup(typ, name string) (entity.Entity, bool) {
	e, ok := r[typ+":"+strings.ToLower(name)]
	return e, ok
}

func newTestSearcher(t *testing.T) *Searcher {
	t.Helper()
	kishida := entity.Entity{Type: corpus.TypePerson, Name: "Fumio Kishida", Aliases: []string{"Kishida", "岸田文雄"}}
	return New(indexFixture(t, "testdata/articles.json"), aliasResolver{"person:kishida": kishida, "person:fumio kishida": kishida})
}

// indexFixture indexes a JSON fixture of articles, and any extra articles,
// into an in-memory index closed with the test; the articles keep the
// entities the fixture gives them.
func indexFixture(t *testing.T, path string, extra ...corpus.Article) *indexer.Index {
	t.Helper()
	return annotatedFixture(t, nil, path, extra...)
}

// annotatedFixture is indexFixture with the entities annotator a finds
// (nil: as the fixture gives them).
func annotatedFixture(t *testing.T, a indexer.Annotator, path string, extra ...corpus.Article) *indexer.Index {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	articles, err := corpus.Decode(f, corpus.DecodeOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := indexer.NewInMemory(indexer.Options{Annotator: a})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Put(context.Background(), append(articles, extra...)); err != nil {
		t.Fatal(err)
	}
	return ix
}

func ids(res *Response) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

func TestSearchMatches(t *testing.T) {
	s := newTestSearcher(t)
	tests := []struct {
		q       string
		want    []string
		ordered bool
	}{
		{"Kishida", []string{"n1", "n6", "n2"}, true}, // title matches first, 岸田 read as kishida
		{"kishida", []string{"n1", "n6", "n2"}, true},
		{"Kishida's", []string{"n1", "n6", "n2"}, true},
		{"岸田", []string{"n1", "n2", "n6"}, false}, // and the other way round
		{"岸田文雄", []string{"n1", "n6"}, false},     // read as kishida fumio, so "Fumio Kishida" too
		{"京都", []string{"n7"}, false},
		{"東京", nil, false}, // bigrams: 東京 is not 京都
		{"US", []string{"n1"}, false},
		{"U.S.", []string{"n1"}, false},
		{"Shinzo", []string{"n4"}, false},
		{"SHINZŌ", []string{"n4"}, false},
		{"high-tech", []string{"n3"}, false},
		{"tech high", []string{"n3"}, false},
		{`"tech high"`, nil, false},
		{`"prime minister"`, []string{"n1", "n4", "n5"}, false},
		{"invested", []string{"n2", "n5"}, false}, // stemming
		{"invest -Microsoft", []string{"n5"}, false},
		{"Nvidia OR Yoon", []string{"n3", "n5"}, false},
		{"chips OR Nvidia research", []string{"n3"}, false},
		{"-Japan", []string{"n3", "n5", "n6", "n7", "n8"}, false},
		{"!!!", nil, false},
		{"", []string{"n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := s.Search(context.Background(), Request{Query: tt.q, Size: 20})
			if err != nil {
				t.Fatal(err)
			}
			got, want := ids(res), tt.want
			if !tt.ordered {
				got, want = sorted(got), sorted(want)
			}
			if len(got) == 0 && len(want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Search(%q) = %q, want %q", tt.q, got, want)
			}
			if int(res.Total) != len(tt.want) {
				t.Errorf("Search(%q).Total = %d, want %d", tt.q, res.Total, len(tt.want))
			}
		})
	}
}

func TestSearchFilters(t *testing.T) {
	s := newTestSearcher(t)
	day := func(d string) *time.Time {
		tm, _ := time.Parse(time.DateOnly, d)
		return &tm
	}
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"entity canonical", Request{Entities: []EntityFilter{{"person", "Fumio Kishida"}}}, []string{"n1", "n2", "n6"}},
		{"entity alias", Request{Entities: []EntityFilter{{"person", "KISHIDA"}}}, []string{"n1", "n2", "n6"}},
		{"two entities", Request{Entities: []EntityFilter{{"person", "Kishida"}, {"organization", "Microsoft"}}}, []string{"n2"}},
		{"entity and query", Request{Query: "Washington", Entities: []EntityFilter{{"person", "Joe Biden"}}, NoTypos: true}, []string{"n1"}},
		// Typo tolerance: washinton, the reading of ワシントン, is two edits
		// away but no commoner than washington, which finds n1 as typed.
		{"entity and query, typos", Request{Query: "Washington", Entities: []EntityFilter{{"person", "Joe Biden"}}}, []string{"n1"}},
		{"lang", Request{Lang: "ja"}, []string{"n6", "n7"}},
		{"source", Request{Source: "Wire A"}, []string{"n1", "n3"}},
		{"since", Request{Since: day("2024-04-10")}, []string{"n1", "n5", "n6"}},
		{"until", Request{Until: day("2024-04-09")}, []string{"n3", "n4", "n7"}},
		{"window", Request{Since: day("2024-04-09"), Until: day("2024-04-10")}, []string{"n2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Size = 20
			res, err := s.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := sorted(ids(res)); !reflect.DeepEqual(got, sorted(tt.want)) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSearchFiltersDoNotChangeScores(t *testing.T) {
	s := newTestSearcher(t)
	plain, err := s.Search(context.Background(), Request{Query: "Kishida"})
	if err != nil {
		t.Fatal(err)
	}
	filtered, err := s.Search(context.Background(), Request{Query: "Kishida", Entities: []EntityFilter{{"person", "Kishida"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(plain), ids(filtered)) {
		t.Fatalf("filter changed the hits: %q vs %q", ids(plain), ids(filtered))
	}
	for i := range plain.Hits {
		if plain.Hits[i].Score != filtered.Hits[i].Score {
			t.Errorf("hit %s: score %f with filters, %f without", plain.Hits[i].ID, filtered.Hits[i].Score, plain.Hits[i].Score)
		}
	}
}

func TestSortByDate(t *testing.T) {
	s := newTestSearcher(t)
	res, err := s.Search(context.Background(), Request{Sort: SortDate, Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"n5", "n6", "n1", "n2", "n3", "n7", "n4", "n8"} // undated last
	if got := ids(res); !reflect.DeepEqual(got, want) {
		t.Errorf("sort=date: %q, want %q", got, want)
	}
}

func TestPaging(t *testing.T) {
	s := newTestSearcher(t)
	var pages []string
	for from := 0; from < 8; from += 3 {
		res, err := s.Search(context.Background(), Request{From: from, Size: 3, Sort: SortDate})
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ids(res)...)
	}
	all, _ := s.Search(context.Background(), Request{Size: 20, Sort: SortDate})
	if !reflect.DeepEqual(pages, ids(all)) {
		t.Errorf("pages %q, want %q", pages, ids(all))
	}
}

func TestSnippets(t *testing.T) {
	s := newTestSearcher(t)
	get := func(q, id string) Snippets {
		t.Helper()
		res, err := s.Search(context.Background(), Request{Query: q, Size: 20})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.ID == id {
				return h.Snippets
			}
		}
		t.Fatalf("%q: no hit %s", q, id)
		return Snippets{}
	}
	tests := []struct {
		q, id     string
		wantTitle string
		wantBody  string
	}{
		{"Kishida", "n1", "<mark>Kishida</mark> meets Biden in Washington", "Prime Minister Fumio <mark>Kishida</mark> met"},
		{"US", "n1", "Kishida meets Biden in Washington", "The <mark>U.S</mark>. and Japan"},
		{"shinzo", "n4", "<mark>Shinzō</mark> Abe remembered", "Former prime minister <mark>Shinzō</mark> Abe"},
		{`"prime minister"`, "n5", "South Korea bets on chips", "by the <mark>prime</mark> <mark>minister</mark>."},
		{"preview", "n8", "Markets &amp; chips: a &lt;<mark>preview</mark>&gt;", "Chip makers rallied; the tag &lt;b&gt;bold&lt;/b&gt; stays text."},
		{"岸田", "n6", "<mark>岸田</mark>首相が訪米", "<mark>岸田</mark>文雄首相"},
		{"Kishida", "n6", "<mark>岸田</mark>首相が訪米", "<mark>岸田</mark>文雄首相"},
		{"岸田", "n2", "Microsoft to invest in Japan", "<mark>Kishida</mark> welcomed the plan."},
		{"Shinzō", "n4", "<mark>Shinzō</mark> Abe remembered", "Former prime minister <mark>Shinzō</mark> Abe"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			sn := get(tt.q, tt.id)
			if len(sn.Title) != 1 || sn.Title[0] != tt.wantTitle {
				t.Errorf("title snippets %q, want [%q]", sn.Title, tt.wantTitle)
			}
			if len(sn.Body) != 1 || !strings.Contains(sn.Body[0], tt.wantBody) {
				t.Errorf("body snippets %q, want one containing %q", sn.Body, tt.wantBody)
			}
		})
	}
	t.Run("opening of a long unmatched body is cut at a word", func(t *testing.T) {
		sn := get("preview", "n8")
		if !strings.HasSuffix(sn.Body[0], "…") || strings.Contains(sn.Body[0], "<mark>") || len([]rune(html.UnescapeString(sn.Body[0]))) > SnippetRunes+1 {
			t.Errorf("fallback body snippet %q", sn.Body[0])
		}
	})
}

func TestFacets(t *testing.T) {
	s := newTestSearcher(t)
	res, err := s.Search(context.Background(), Request{FacetSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  []facet.Value
		want []facet.Value
	}{
		{"person", res.Facets.Person, []facet.Value{fv("Fumio Kishida", 3), fv("Joe Biden", 2), fv("Shinzo Abe", 1)}},
		{"place", res.Facets.Place, []facet.Value{fv("Japan", 3), fv("United States", 2), fv("Washington", 2)}},
		{"organization", res.Facets.Organization, []facet.Value{fv("Amazon", 1), fv("Microsoft", 1), fv("Nvidia", 1)}},
		{"source", res.Facets.Source, []facet.Value{fv("Wire A", 2), fv("Wire B", 2), fv("Wire J", 2)}},
		{"lang", res.Facets.Lang, []facet.Value{fv("en", 6), fv("ja", 2)}},
		{"published", res.Facets.Published, []facet.Value{fv("2024-04", 4), fv("2022-07", 1), fv("2023-11", 1)}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s facet = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	q, err := s.Search(context.Background(), Request{Query: "Kishida"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []facet.Value{fv("Fumio Kishida", 3), fv("Joe Biden", 2)}; !reflect.DeepEqual(q.Facets.Person, want) {
		t.Errorf("person facet for Kishida = %v, want %v (counts only matching articles)", q.Facets.Person, want)
	}
}

// TestFacetsOnly: a facets-only request (the API's size=0) answers the
// total and the facets of the same request with a page of hits, and no
// hits, whatever from is (within the window).
func TestFacetsOnly(t *testing.T) {
	s := newTestSearcher(t)
	tests := []Request{
		{},
		{Query: "Kishida"},
		{Query: "Kishida", From: 3},
		{Entities: []EntityFilter{{"person", "Kishida"}}, Sort: SortDate},
		{Query: "kishida biden washington tokyo"}, // relaxed, as its page is
	}
	for _, page := range tests {
		t.Run(fmt.Sprintf("%+v", page), func(t *testing.T) {
			want, err := s.Search(context.Background(), page)
			if err != nil {
				t.Fatal(err)
			}
			only := page
			only.FacetsOnly = true
			got, err := s.Search(context.Background(), only)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Hits) != 0 || got.Total != want.Total || got.Relaxed != want.Relaxed ||
				!reflect.DeepEqual(got.Facets, want.Facets) {
				t.Errorf("facets only: %d hits, total %d, relaxed %v, facets %v; want 0 hits and %d, %v, %v",
					len(got.Hits), got.Total, got.Relaxed, got.Facets, want.Total, want.Relaxed, want.Facets)
			}
		})
	}
}

func TestRequestErrors(t *testing.T) {
	s := newTestSearcher(t)
	tests := []struct {
		req       Request
		wantParam string
	}{
		{Request{Size: 101}, "size"},
		{Request{Size: -1}, "size"},
		{Request{From: -1}, "from"},
		{Request{From: 9995, Size: 10}, "from"},
		{Request{FacetsOnly: true, Size: 5}, "size"},
		{Request{FacetsOnly: true, From: -1}, "from"},
		{Request{FacetsOnly: true, From: MaxWindow + 1}, "from"},
		{Request{FacetSize: MaxFacetSize + 1}, "facet_size"},
		{Request{Sort: "random"}, "sort"},
		{Request{Query: strings.Repeat("a ", MaxQueryRunes)}, "q"},
		{Request{Entities: []EntityFilter{{"animal", "cat"}}}, "entity"},
		{Request{Entities: []EntityFilter{{"person", " "}}}, "entity"},
	}
	for _, tt := range tests {
		_, err := s.Search(context.Background(), tt.req)
		var re *RequestError
		if !errors.As(err, &re) || re.Param != tt.wantParam {
			t.Errorf("Search(%+v) error = %v, want a RequestError for %q", tt.req, err, tt.wantParam)
		}
	}
	_, err := s.Search(context.Background(), Request{Query: `"open`})
	var qe *queryplan.QueryError
	if !errors.As(err, &qe) {
		t.Errorf("unclosed quote: %v, want *QueryError", err)
	}
}

func TestEntities(t *testing.T) {
	s := newTestSearcher(t)
	tests := []struct {
		req  EntitiesRequest
		want []string
	}{
		{EntitiesRequest{Type: "person", Prefix: "Ki"}, []string{"Fumio Kishida"}},
		{EntitiesRequest{Type: "person", Prefix: "岸田"}, []string{"Fumio Kishida"}},
		{EntitiesRequest{Type: "person", Prefix: "shinz"}, []string{"Shinzo Abe"}},
		{EntitiesRequest{Type: "place", Prefix: "south k"}, []string{"South Korea"}},
		{EntitiesRequest{Type: "person"}, []string{"Fumio Kishida", "Joe Biden", "Shinzo Abe", "Yoon Suk Yeol"}},
		{EntitiesRequest{Prefix: "wa", Size: 5}, []string{"Washington"}},
		{EntitiesRequest{Size: 2}, []string{"Fumio Kishida", "Japan"}},
	}
	for _, tt := range tests {
		list, err := s.Entities(context.Background(), tt.req)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range list {
			got = append(got, e.Name)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Entities(%+v) = %q, want %q", tt.req, got, tt.want)
		}
	}
}

// fv is a facet value and its count.
func fv(v string, n int) facet.Value { return facet.Value{Value: v, Count: n} }
