package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The fixtures under testdata/ir/<name>/ are tiny collections written for
// these tests in each distribution's format, named as layouts names them.

// loadCollectionCase is a fixture under testdata/ir/<name> and what
// LoadCollection must read from it.
type loadCollectionCase struct {
	name    string
	docs    []Doc
	queries []Query
	qrels   Qrels
}

// loadCollectionCases is TestLoadCollection's table, one case per fixture;
// read only.
var loadCollectionCases = []loadCollectionCase{
	{
		// .I/.T/.A/.B/.W; doc 3 is empty, as Cranfield's 471 and 995
		// are. cran.qry numbers its queries 001, 002, 004, 008, while
		// cranqrel numbers them 1..4 in file order; codes 1..4 become
		// grades 4..1 and -1 is dropped, so query 004 (judged -1 only)
		// and 008 (not judged) are dropped.
		name: "cran",
		docs: []Doc{
			{ID: "1", Lang: "en",
				Title: "experimental investigation of the aerodynamics of a wing in a slipstream .",
				Text: "experimental investigation of the aerodynamics of a wing in a slipstream . " +
					"an experimental study of a wing in a propeller slipstream was made in order " +
					"to determine the spanwise distribution of the lift ."},
			{ID: "2", Lang: "en",
				Title: "simple shear flow past a flat plate in an incompressible fluid of small viscosity .",
				Text:  "simple shear flow past a flat plate in an incompressible fluid of small viscosity ."},
			{ID: "3", Lang: "en"},
			{ID: "4", Lang: "en",
				Title: "heat conduction in composite slabs .",
				Text:  "the heat conduction problem for composite slabs is solved exactly ."},
		},
		queries: []Query{
			{ID: "001", Text: "what similarity laws must be obeyed when constructing aeroelastic models of heated high speed aircraft ."},
			{ID: "002", Text: "what are the structural and aeroelastic problems associated with flight of high speed aircraft ."},
		},
		qrels: Qrels{
			"001": {"1": 3},                 // "1 1 2"; "1 2 -1" dropped
			"002": {"2": 4, "4": 1, "1": 2}, // "2 2 1", "2 4 4", "2 1 3"
		},
	},
	{
		// .I/.T/.A/.W/.X with ".T " (trailing blank) markers and a
		// two-line title; .X cross-references are not text. Query 2
		// has .T/.A/.B around its .W: only .W is the query. Qrels are
		// "q d 0 0.000000" with leading blanks and tabs; query 3 is
		// not judged.
		name: "cisi",
		docs: []Doc{
			{ID: "1", Lang: "en", Title: "18 Editions of the Dewey Decimal Classifications",
				Text: "The present study is a history of the DEWEY Decimal Classification. The first edition of the DDC was published in 1876."},
			{ID: "2", Lang: "en", Title: "Use Made of Technical Libraries",
				Text: "This report is an analysis of 6300 acts of use in 104 technical libraries."},
			{ID: "3", Lang: "en", Title: "Two Kinds of Power An Essay on Bibliographic Control",
				Text: "The relationships between the organization and control of writings and the organization and control of knowledge."},
		},
		queries: []Query{
			{ID: "1", Text: "What problems and concerns are there in making up descriptive titles? What difficulties are involved in automatically retrieving articles?"},
			{ID: "2", Text: "Bibliographic control before and after MARC is reviewed."},
		},
		qrels: Qrels{"1": {"2": 1, "3": 1}, "2": {"3": 1, "1": 1}},
	},
	{
		// .I/.W only, lines padded with blanks, blank lines between
		// records; qrels "q 0 d 1"; query 2 is not judged.
		name: "med",
		docs: []Doc{
			{ID: "1", Lang: "en", Text: "correlation between maternal and fetal plasma levels of glucose and free fatty acids . " +
				"correlation coefficients have been determined between the levels of glucose and ffa in maternal and fetal plasma collected at delivery ."},
			{ID: "2", Lang: "en", Text: "changes of the nucleic acid and phospholipid levels of the livers in the course of fetal and postnatal development ."},
			{ID: "3", Lang: "en", Text: "electron microscopy of the crystalline lens ."},
		},
		queries: []Query{
			{ID: "1", Text: "the crystalline lens in vertebrates, including humans."},
			{ID: "3", Text: "fetal plasma glucose."},
		},
		qrels: Qrels{"1": {"3": 1}, "3": {"1": 1, "2": 1}},
	},
	{
		// id line, text lines, "/" (indented in doc-text); rlv-ass
		// lists ids over several lines and its last record has no "/"
		// (nor a final newline); query 2 is not judged.
		name: "npl",
		docs: []Doc{
			{ID: "1", Lang: "en", Text: "compact memories have flexible capacities a digital data storage system with capacity up to bits and random and or sequential access is described"},
			{ID: "2", Lang: "en", Text: "an electronic analogue computer for solving systems of linear equations"},
			{ID: "3", Lang: "en", Text: "electronic coordinate transformer circuit details are given"},
		},
		queries: []Query{
			{ID: "1", Text: "MEASUREMENT OF DIELECTRIC CONSTANT OF LIQUIDS BY THE USE OF MICROWAVE TECHNIQUES"},
			{ID: "3", Text: "USE OF DIGITAL COMPUTERS IN THE DESIGN OF BAND PASS FILTERS HAVING GIVEN PHASE AND ATTENUATION CHARACTERISTICS"},
		},
		qrels: Qrels{"1": {"2": 1, "3": 1}, "3": {"1": 1, "2": 1, "3": 1}},
	},
}

// TestLoadCollection reads each fixture of loadCollectionCases.
func TestLoadCollection(t *testing.T) {
	for _, tt := range loadCollectionCases {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadCollection(tt.name, filepath.Join("testdata", "ir", tt.name))
			if err != nil {
				t.Fatal(err)
			}
			if c.Name != tt.name {
				t.Errorf("Name = %q, want %q", c.Name, tt.name)
			}
			if !reflect.DeepEqual(c.Docs, tt.docs) {
				t.Errorf("Docs:\n got %#v\nwant %#v", c.Docs, tt.docs)
			}
			if !reflect.DeepEqual(c.Queries, tt.queries) {
				t.Errorf("Queries:\n got %#v\nwant %#v", c.Queries, tt.queries)
			}
			if !reflect.DeepEqual(c.Qrels, tt.qrels) {
				t.Errorf("Qrels:\n got %v\nwant %v", c.Qrels, tt.qrels)
			}
		})
	}
}

// copyFixture copies testdata/ir/<name> into a temporary folder that a
// test may change.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("testdata", "ir", name)
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadCollectionMissingFiles(t *testing.T) {
	for _, name := range Collections {
		l := layouts[name]
		for _, file := range []string{l.docs, l.queries, l.qrels} {
			t.Run(name+"/"+file, func(t *testing.T) {
				dir := copyFixture(t, name)
				path := filepath.Join(dir, file)
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
				c, err := LoadCollection(name, dir)
				if !errors.Is(err, ErrNoData) {
					t.Fatalf("LoadCollection = %v, %v; want an error wrapping ErrNoData", c, err)
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name %s", err, path)
				}
			})
		}
	}
	t.Run("no folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "absent")
		_, err := LoadCollection("med", dir)
		if !errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), filepath.Join(dir, "MED.ALL")) {
			t.Errorf("err = %v, want ErrNoData naming %s", err, filepath.Join(dir, "MED.ALL"))
		}
	})
	t.Run("unknown collection", func(t *testing.T) {
		_, err := LoadCollection("trec", filepath.Join("testdata", "ir", "med"))
		if err == nil || errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), `unknown collection "trec"`) {
			t.Errorf("err = %v, want an unknown-collection error that is not ErrNoData", err)
		}
	})
}

func TestLoadCollectionMalformed(t *testing.T) {
	tests := []struct {
		name, collection, file, content string
		want                            []string // substrings of the error besides the file's path
	}{
		{"cran qrels query not a number", "cran", "cranqrel", "1 1 2\nx 2 1\n", []string{"line 2", `query "x" is not in 1..4`}},
		{"cran qrels query out of range", "cran", "cranqrel", "1 1 2\n\n5 2 1\n", []string{"line 3", `query "5" is not in 1..4`}},
		{"cran qrels query zero", "cran", "cranqrel", "0 1 2\n", []string{"line 1", `query "0" is not in 1..4`}},
		{"cran qrels two fields", "cran", "cranqrel", "1 1 2\n2 2 1\n1 4\n", []string{"line 3", "want query, document, code"}},
		{"cran qrels bad code", "cran", "cranqrel", "1 1 two\n", []string{"line 1", `code "two"`}},
		{"cisi qrels one field", "cisi", "CISI.REL", "1 2 0 0.000000\n3\n", []string{"line 2", "want at least 2 fields"}},
		{"med qrels two fields", "med", "MED.REL", "1 0 3 1\n3 0\n", []string{"line 2", "want at least 3 fields"}},
		{"cran docs text before .I", "cran", "cran.all.1400", "stray text\n.I 1\n.W\ntext\n", []string{"line 1", "text before the first .I"}},
		{"med queries .I without id", "med", "MED.QRY", ".I 1\n.W\nfirst\n.I   \n.W\nsecond\n", []string{"line 4", ".I without an id"}},
		{"med docs empty", "med", "MED.ALL", "", []string{"no records"}},
		{"npl docs / twice", "npl", "doc-text", "1\ntext\n/\n/\n", []string{"line 4", "/ without a record"}},
		{"npl qrels starting with /", "npl", "rlv-ass", "   /\n1\n2\n", []string{"line 1", "/ without a record"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyFixture(t, tt.collection)
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := LoadCollection(tt.collection, dir)
			if err == nil {
				t.Fatalf("LoadCollection = %+v, want an error", c)
			}
			if errors.Is(err, ErrNoData) {
				t.Errorf("error %q wraps ErrNoData; the data is there but malformed", err)
			}
			for _, want := range append([]string{path + ": "}, tt.want...) {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestLoadLivedoor(t *testing.T) {
	dir := filepath.Join("testdata", "livedoor")
	// Sorted by path; LICENSE.txt in each folder, README.txt beside the
	// folders are not articles.
	all := []struct{ id, title, text string }{
		// The body's leading ideographic space and final newline are
		// trimmed; its inner line break stays.
		{"it-life-hack-100", "ノートPCの新製品が登場", "新しいノートPCが発表された。\n価格は未定だ。"},
		// CRLF line endings, a padded title and a blank first body line.
		{"it-life-hack-101", "スマートフォン向けアプリ特集", "おすすめのアプリを紹介する。"},
		{"it-life-hack-102", "クラウド時代のバックアップ術", "大切なデータは複数の場所に保存しよう。"},
		{"sports-watch-200", "本田圭佑、決勝ゴール", "試合終了間際に本田がゴールを決めた。"},
		// No final newline.
		{"sports-watch-201", "ダルビッシュ、メジャーへ", "ダルビッシュ有投手の移籍が決まった。"},
	}
	tests := []struct {
		limit int
		keep  []int // indexes into all
	}{
		{0, []int{0, 1, 2, 3, 4}},
		{-1, []int{0, 1, 2, 3, 4}},
		{5, []int{0, 1, 2, 3, 4}},
		{100, []int{0, 1, 2, 3, 4}},
		{4, []int{0, 2, 4}}, // step ⌈5/4⌉ = 2
		{3, []int{0, 2, 4}}, // step ⌈5/3⌉ = 2
		{2, []int{0, 3}},    // step ⌈5/2⌉ = 3
		{1, []int{0}},       // step 5
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("limit %d", tt.limit), func(t *testing.T) {
			var docs []Doc
			var queries []Query
			qrels := Qrels{}
			for _, i := range tt.keep {
				a := all[i]
				docs = append(docs, Doc{ID: a.id, Text: a.text, Lang: "ja"})
				queries = append(queries, Query{ID: a.id, Text: a.title})
				qrels[a.id] = map[string]int{a.id: 1}
			}
			for run := 0; run < 2; run++ { // the same subset every time
				c, err := LoadLivedoor(dir, tt.limit)
				if err != nil {
					t.Fatal(err)
				}
				if c.Name != "livedoor" {
					t.Errorf("Name = %q", c.Name)
				}
				if !reflect.DeepEqual(c.Docs, docs) {
					t.Errorf("Docs:\n got %#v\nwant %#v", c.Docs, docs)
				}
				if !reflect.DeepEqual(c.Queries, queries) {
					t.Errorf("Queries:\n got %#v\nwant %#v", c.Queries, queries)
				}
				if !reflect.DeepEqual(c.Qrels, qrels) {
					t.Errorf("Qrels:\n got %v\nwant %v", c.Qrels, qrels)
				}
			}
		})
	}
}

func TestLoadLivedoorErrors(t *testing.T) {
	t.Run("missing folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "livedoor")
		_, err := LoadLivedoor(dir, 0)
		if !errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), dir) {
			t.Errorf("err = %v, want ErrNoData naming %s", err, dir)
		}
	})
	t.Run("licences only", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "topic-news", "LICENSE.txt"), "licence\ntext\nhere\nmore\n")
		_, err := LoadLivedoor(dir, 0)
		if !errors.Is(err, ErrNoData) {
			t.Errorf("err = %v, want ErrNoData", err)
		}
	})
	for _, tt := range []struct{ name, content string }{
		{"three lines", "http://example.com/\n2012-01-01T00:00:00+0900\ntitle only"},
		{"blank title", "http://example.com/\n2012-01-01T00:00:00+0900\n   \nbody\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "peachy", "peachy-1.txt")
			writeFile(t, path, tt.content)
			_, err := LoadLivedoor(dir, 0)
			if err == nil || errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), path) {
				t.Errorf("err = %v, want an error naming %s", err, path)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// realDataDir is the shared evaluation data: $SAGASU_DATA_DIR, or
// shared/data beside the repository (../../../shared/data from this package).
func realDataDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SAGASU_DATA_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no evaluation data at %s (set SAGASU_DATA_DIR): %v", dir, err)
	}
	return dir
}

// realCollectionCase is a Glasgow collection's known sizes.
type realCollectionCase struct {
	name                     string
	docs, queries, judgments int
	empty                    []string // documents with neither title nor text
	firstQuery, lastQuery    string
}

// TestLoadRealCollections checks the loaders against the Glasgow
// distribution's known sizes. Judgment counts are distinct relevant
// (query, document) pairs.
func TestLoadRealCollections(t *testing.T) {
	dir := realDataDir(t)
	tests := []realCollectionCase{
		{"cran", 1400, 225, 1612, []string{"471", "995"}, "001", "365"},
		{"cisi", 1460, 76, 3114, nil, "1", "111"},
		{"med", 1033, 30, 696, nil, "1", "30"},
		{"npl", 11429, 93, 2083, nil, "1", "93"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadCollection(tt.name, filepath.Join(dir, "ir", tt.name))
			if errors.Is(err, ErrNoData) {
				t.Skipf("%v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			checkRealCollection(t, c, tt)
		})
	}
	t.Run("cran grades", func(t *testing.T) { checkCranGrades(t, dir) })
	t.Run("npl last record without /", func(t *testing.T) {
		c, err := LoadCollection("npl", filepath.Join(dir, "ir", "npl"))
		if err != nil {
			t.Skipf("%v", err)
		}
		if n := len(c.Qrels["93"]); n != 46 || c.Qrels["93"]["11318"] != 1 {
			t.Errorf("query 93: %d relevant, 11318 → %d; want 46 and 1", n, c.Qrels["93"]["11318"])
		}
	})
}

// checkRealCollection checks c's sizes, empty documents, distinct ids,
// judgments and first and last query against tt.
func checkRealCollection(t *testing.T, c *Collection, tt realCollectionCase) {
	t.Helper()
	if len(c.Docs) != tt.docs || len(c.Queries) != tt.queries || len(c.Qrels) != tt.queries {
		t.Errorf("%d docs, %d queries, qrels for %d queries; want %d, %d, %d",
			len(c.Docs), len(c.Queries), len(c.Qrels), tt.docs, tt.queries, tt.queries)
	}
	var empty []string
	ids := map[string]bool{}
	for _, d := range c.Docs {
		if d.Title == "" && d.Text == "" {
			empty = append(empty, d.ID)
		}
		ids[d.ID] = true
	}
	if !reflect.DeepEqual(empty, tt.empty) {
		t.Errorf("empty documents %v, want %v", empty, tt.empty)
	}
	if len(ids) != tt.docs {
		t.Errorf("%d distinct document ids, want %d", len(ids), tt.docs)
	}
	judgments := 0
	for _, q := range c.Queries {
		if relevantCount(c.Qrels[q.ID]) == 0 || q.Text == "" {
			t.Errorf("query %s: %d relevant, text %q", q.ID, relevantCount(c.Qrels[q.ID]), q.Text)
		}
		judgments += len(c.Qrels[q.ID])
	}
	if judgments != tt.judgments {
		t.Errorf("%d judgments, want %d", judgments, tt.judgments)
	}
	if len(c.Queries) > 0 && (c.Queries[0].ID != tt.firstQuery || c.Queries[len(c.Queries)-1].ID != tt.lastQuery) {
		t.Errorf("queries %s..%s, want %s..%s", c.Queries[0].ID, c.Queries[len(c.Queries)-1].ID, tt.firstQuery, tt.lastQuery)
	}
}

// checkCranGrades checks how the real cranqrel's codes become grades and
// its query numbers become .I ids.
func checkCranGrades(t *testing.T, dir string) {
	t.Helper()
	c, err := LoadCollection("cran", filepath.Join(dir, "ir", "cran"))
	if err != nil {
		t.Skipf("%v", err)
	}
	// cranqrel's codes 1, 2, 3, 4 occur 128, 387, 734, 363 times
	// (and -1 225 times): grades 4, 3, 2, 1.
	grades := map[int]int{}
	for _, judged := range c.Qrels {
		for _, g := range judged {
			grades[g]++
		}
	}
	if want := map[int]int{4: 128, 3: 387, 2: 734, 1: 363}; !reflect.DeepEqual(grades, want) {
		t.Errorf("grades %v, want %v", grades, want)
	}
	// cranqrel's first line "1 184 2" is query .I 001; "225 1379 2"
	// is the 225th query, .I 365.
	if c.Qrels["001"]["184"] != 3 || c.Qrels["365"]["1379"] != 3 {
		t.Errorf("qrels[001][184] = %d, qrels[365][1379] = %d; want 3 and 3", c.Qrels["001"]["184"], c.Qrels["365"]["1379"])
	}
}

func TestLoadRealLivedoor(t *testing.T) {
	dir := filepath.Join(realDataDir(t), "livedoor")
	c, err := LoadLivedoor(dir, 0)
	if errors.Is(err, ErrNoData) {
		t.Skipf("%v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 7367 || len(c.Queries) != 7367 || len(c.Qrels) != 7367 {
		t.Errorf("%d docs, %d queries, %d qrels; want 7367 each", len(c.Docs), len(c.Queries), len(c.Qrels))
	}
	categories := map[string]int{}
	for i, d := range c.Docs {
		cat := d.ID[:strings.LastIndex(d.ID, "-")] // "sports-watch-4597641" → "sports-watch"
		categories[cat]++
		if d.Text == "" || c.Queries[i].Text == "" || strings.HasPrefix(d.Text, "http") {
			t.Errorf("%s: text %.40q, title %q", d.ID, d.Text, c.Queries[i].Text)
		}
	}
	want := map[string]int{"dokujo-tsushin": 870, "it-life-hack": 870, "kaden-channel": 864, "livedoor-homme": 511,
		"movie-enter": 870, "peachy": 842, "smax": 870, "sports-watch": 900, "topic-news": 770}
	if !reflect.DeepEqual(categories, want) {
		t.Errorf("articles per category %v, want %v", categories, want)
	}
	// limit 100: step ⌈7367/100⌉ = 74, so indexes 0, 74, …, 7326: 100.
	sub, err := LoadLivedoor(dir, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub.Docs) != 100 || sub.Docs[0].ID != c.Docs[0].ID || sub.Docs[1].ID != c.Docs[74].ID || sub.Docs[99].ID != c.Docs[7326].ID {
		t.Errorf("limit 100: %d docs, first two %s %s", len(sub.Docs), sub.Docs[0].ID, sub.Docs[1].ID)
	}
}
