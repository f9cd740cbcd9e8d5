package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"strings"

	"github.com/sagasu-search/sagasu/api"
	"github.com/sagasu-search/sagasu/internal/cli"
	"github.com/sagasu-search/sagasu/searcher"
	"github.com/sagasu-search/sagasu/searcher/facet"
)

// searchFlags are the flags of "sagasu search".
type searchFlags struct {
	commonFlags
	size     int
	from     int
	sort     string
	lang     string
	since    string
	until    string
	entities cli.ListFlag
	asJSON   bool
	color    string
}

// runSearch searches the index at --data and prints ranked hits.
func runSearch(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f searchFlags
	fs := newFlagSet("search", stderr)
	f.register(fs)
	fs.IntVar(&f.size, "size", 10, "hits to show (0: the total and facets only)")
	fs.IntVar(&f.from, "from", 0, "hits to skip")
	fs.StringVar(&f.sort, "sort", "relevance", `"relevance" or "date"`)
	fs.StringVar(&f.lang, "lang", "", `only articles in this language ("en" or "ja")`)
	fs.StringVar(&f.since, "since", "", "only articles published on or after (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&f.until, "until", "", "only articles published before the end of (YYYY-MM-DD or RFC 3339)")
	fs.Var(&f.entities, "entity", `only articles naming an entity, as type:Name ("person:Fumio Kishida"; repeatable)`)
	fs.BoolVar(&f.asJSON, "json", false, "print the API's JSON answer")
	fs.StringVar(&f.color, "color", "auto", `highlight matches with terminal colours: "auto", "always" or "never"`)
	if err := cli.ParseFlags(fs, args, getenv); err != nil {
		return err
	}
	req, err := f.request(strings.Join(fs.Args(), " "))
	if err != nil {
		return err
	}
	eng, err := f.openEngine(true)
	if err != nil {
		return err
	}
	defer eng.Close()
	res, err := eng.Searcher.Search(ctx, req)
	if err != nil {
		return err
	}
	if f.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printHits(stdout, res, req.From, f.useColor(stdout))
	return nil
}

// request builds the search request, parsing dates and entities the way
// the API does.
func (f *searchFlags) request(q string) (searcher.Request, error) {
	v := map[string][]string{"q": {q}, "sort": {f.sort}, "lang": {f.lang}, "since": {f.since}, "until": {f.until},
		"size": {fmt.Sprint(f.size)}, "from": {fmt.Sprint(f.from)}, "entity": f.entities}
	return api.ParseParams(v)
}

func (f *searchFlags) useColor(w io.Writer) bool {
	switch f.color {
	case "always":
		return true
	case "never":
		return false
	}
	file, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return false
	}
	st, err := file.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// printHits writes a terminal rendering of res.
func printHits(w io.Writer, res *searcher.Response, from int, color bool) {
	fmt.Fprintf(w, "%d articles match %q (%.1f ms)\n", res.Total, res.Query, res.TookMS)
	if res.Suggestion != "" {
		fmt.Fprintf(w, "Did you mean %q?\n", res.Suggestion)
	}
	for i, h := range res.Hits {
		date := "undated"
		if h.Published != nil {
			date = h.Published.Format("2006-01-02")
		}
		fmt.Fprintf(w, "\n%2d. %s\n", from+i+1, terminalText(first(h.Snippets.Title, h.Title), color))
		fmt.Fprintf(w, "    %s · %s · id %s · score %.3f\n", date, h.Lang, h.ID, h.Score)
		for _, s := range h.Snippets.Body {
			fmt.Fprintf(w, "    %s\n", terminalText(s, color))
		}
	}
	for _, facet := range []struct {
		name   string
		values []facet.Value
	}{{"people", res.Facets.Person}, {"organizations", res.Facets.Organization}, {"places", res.Facets.Place},
		{"countries", res.Facets.Country}} {
		if len(facet.values) == 0 {
			continue
		}
		parts := make([]string, len(facet.values))
		for i, v := range facet.values {
			parts[i] = fmt.Sprintf("%s (%d)", v.Value, v.Count)
		}
		fmt.Fprintf(w, "\n%s: %s", facet.name, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
}

// terminalText turns an HTML snippet into terminal text, matches in bold
// yellow (or between » « without colour).
func terminalText(snippet string, color bool) string {
	open, closing := "»", "«"
	if color {
		open, closing = "\x1b[1;33m", "\x1b[0m"
	}
	s := strings.ReplaceAll(snippet, "<mark>", open)
	s = strings.ReplaceAll(s, "</mark>", closing)
	s = strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	return s
}

func first(list []string, fallback string) string {
	if len(list) > 0 {
		return list[0]
	}
	return html.EscapeString(fallback)
}
