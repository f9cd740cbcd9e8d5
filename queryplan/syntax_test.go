package queryplan

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func w(text string) Term { return Term{Text: text} }
func p(text string) Term { return Term{Text: text, Phrase: true} }
func req(terms ...Term) Clause {
	return Clause{Alternatives: terms}
}
func excl(t Term) Clause { return Clause{Alternatives: []Term{t}, Excluded: true} }

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q    string
		want []Clause
	}{
		{"", nil},
		{"   ", nil},
		{"kishida", []Clause{req(w("kishida"))}},
		{"kishida microsoft", []Clause{req(w("kishida")), req(w("microsoft"))}},
		{`"prime minister" kishida`, []Clause{req(p("prime minister")), req(w("kishida"))}},
		{`"  spaced  "`, []Clause{req(p("spaced"))}},
		{"ai -china", []Clause{req(w("ai")), excl(w("china"))}},
		{`ai -"south korea"`, []Clause{req(w("ai")), excl(p("south korea"))}},
		{"nvidia OR amazon", []Clause{req(w("nvidia"), w("amazon"))}},
		{"ai nvidia OR amazon OR arm chips", []Clause{req(w("ai")), req(w("nvidia"), w("amazon"), w("arm")), req(w("chips"))}},
		{`"joe biden" OR kishida`, []Clause{req(p("joe biden"), w("kishida"))}},
		{"this or that", []Clause{req(w("this")), req(w("or")), req(w("that"))}},
		{"japan - us", []Clause{req(w("japan")), req(w("-")), req(w("us"))}},
		{"-OR", []Clause{excl(w("OR"))}},
		{"high-tech", []Clause{req(w("high-tech"))}},
		{`foo"bar baz"`, []Clause{req(w("foo")), req(p("bar baz"))}},
		{"岸田 首相", []Clause{req(w("岸田")), req(w("首相"))}},
		// Operators from Lucene and Elasticsearch.
		{"honda AND nissan", []Clause{req(w("honda")), req(w("nissan"))}},
		{"nissan NOT honda", []Clause{req(w("nissan")), excl(w("honda"))}},
		{`nissan NOT "merger talks"`, []Clause{req(w("nissan")), excl(p("merger talks"))}},
		{"+nissan +honda", []Clause{req(w("nissan")), req(w("honda"))}},
		{"honda and not nissan", []Clause{req(w("honda")), req(w("and")), req(w("not")), req(w("nissan"))}},
		{"-AND +NOT", []Clause{excl(w("AND")), req(w("NOT"))}},
		{"title:Nissan", []Clause{req(Term{Text: "Nissan", Field: "title"})}},
		{`Title:"merger talks"`, []Clause{req(Term{Text: "merger talks", Phrase: true, Field: "title"})}},
		{"org:Honda -lang:en", []Clause{req(Term{Text: "Honda", Field: "organization"}), excl(Term{Text: "en", Field: "lang"})}},
		{"person:高市早苗", []Clause{req(Term{Text: "高市早苗", Field: "person"})}},
		{"title:OR", []Clause{req(Term{Text: "OR", Field: "title"})}},
		{"10:30 title:", []Clause{req(w("10:30")), req(w("title:"))}},
		{"semicond*", []Clause{req(Term{Text: "semicond", Prefix: true})}},
		{"半導*", []Clause{req(Term{Text: "半導", Prefix: true})}},
		{"panasonnic~ nisan~1 abc~", []Clause{req(Term{Text: "panasonnic", Fuzzy: 2}), req(Term{Text: "nisan", Fuzzy: 1}), req(Term{Text: "abc", Fuzzy: 1})}},
		{`"chip plant"~2`, []Clause{req(Term{Text: "chip plant", Phrase: true, Slop: 2})}},
		{"nissan OR title:honda", []Clause{req(w("nissan"), Term{Text: "honda", Field: "title"})}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got, err := ParseQuery(tt.q)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.q, err)
			}
			if !reflect.DeepEqual(got.Clauses, tt.want) {
				t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.q, got.Clauses, tt.want)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		q       string
		wantPos int
		wantMsg string
	}{
		{`"unclosed phrase`, 0, `unclosed quote: end the phrase with "`},
		{`kishida "prime`, 8, `unclosed quote: end the phrase with "`},
		{`""`, 0, "empty phrase"},
		{`a " " b`, 2, "empty phrase"},
		{"OR kishida", 0, "OR needs a term on each side"},
		{"kishida OR", 8, "OR needs a term on each side"},
		{"a OR OR b", 2, "OR needs a term on each side"},
		{"a OR -b", 2, "OR cannot join an excluded term; write -a -b to exclude both"},
		{"-a OR b", 3, "OR cannot join an excluded term; write -a -b to exclude both"},
		{"bad\xffutf8", 0, "the query is not valid UTF-8"},
		{"a AND", 2, "AND needs a term on each side (AND is the same as a space)"},
		{"AND a", 0, "AND needs a term on each side (AND is the same as a space)"},
		{"a AND OR b", 2, "AND needs a term on each side (AND is the same as a space)"},
		{"a NOT", 2, "NOT needs a term after it: NOT honda (or -honda)"},
		{"a NOT -b", 2, "NOT needs a term after it: NOT honda (or -honda)"},
		{"a OR NOT b", 2, "OR cannot join an excluded term; write -a -b to exclude both"},
		{"a^2", 0, "boosts (^) are not supported: write the word without ^ (a)"},
		{"x company:a", 2, `unknown field "company": search a field with title:, body:, source:, lang:, person:, organization:, place: or country:, or quote the word: "company:a"`},
		{"/ab+c/", 0, "regular expressions are not supported: write the word, a prefix (semicond*) or word~ for spelling variants"},
		{"[a TO b]", 0, "ranges [a TO b] are not supported: for dates use the since and until parameters"},
		{"a*b", 0, `* is only a prefix at the end of a word, e.g. semicond*; to search for the word, quote it: "a*b"`},
		{"s*", 0, "a prefix needs at least 2 letters before *, e.g. se*"},
		{"word~3", 0, "word~ takes 1 or 2 edits: word~ or word~1"},
		{`"a b"~11`, 5, `a phrase's ~ takes a number of positions from 0 to 10: "a b"~2`},
		{"a && b", 2, "&& is not supported: write AND, or just a space"},
		{"a || b", 2, "|| is not supported: write OR (in capitals)"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := ParseQuery(tt.q)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q) error = %v, want a *QueryError", tt.q, err)
			}
			if qe.Pos != tt.wantPos || qe.Msg != tt.wantMsg {
				t.Errorf("ParseQuery(%q) = {%d %q}, want {%d %q}", tt.q, qe.Pos, qe.Msg, tt.wantPos, tt.wantMsg)
			}
		})
	}
}

// FuzzParseQuery checks that ParseQuery never panics, fails only with a
// *QueryError, and otherwise returns clauses that each have at least one
// term, none of them empty.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"", " ", "kishida", `"a b" -c OR d`, "a OR", `-"x`, "岸田 OR 首相",
		// Invalid UTF-8, NUL, control and odd spaces.
		"bad\xffutf8", "\xe5\xb2", "a\x00b", "a\tb\nc\rd", "a\x1bb", "\x7f", "a\u0085b", "岸田\u3000首相", "a\u00a0b", "\u200b",
		// Huge words and many terms.
		strings.Repeat("x", 5000), strings.Repeat("a OR ", 500) + "b", strings.Repeat("-", 1000),
		// Unbalanced and empty quotes.
		`"`, `""`, `"""`, `a"b"c"`, `"a "b" c`, `" "`, `-"`, `-""`, `"a" OR`, `OR "a"`, "“curly”",
		// Lone '-' and OR at the edges.
		"-", "- -", "--a", "-a-", "a -", "OR", "OR a", "a OR", "a OR OR b", "a OR -b", "-a OR b", "-OR", "or", "a OR\tb",
		// Japanese and mixed scripts.
		"AIとGPU OR 岸田首相", "安倍晋三 -\"北朝鮮\"", "Привет OR 한국어", "😀 OR 👍🏽",
		// Operators.
		"a AND b", "NOT a", "a NOT", "+a", "title:a", "title:", ":a", "a:b:c", "a*", "*", "**", "a~", "~", "a~~1", `"a"~`, `"a"~2~`,
		"a^", "^", "/", "//", "[a TO b]", "{", "&&", "||", "person:\"\"", "org:*",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		pq, err := ParseQuery(q)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q) returned %T, want *QueryError", q, err)
			}
			return
		}
		for _, c := range pq.Clauses {
			if len(c.Alternatives) == 0 {
				t.Fatalf("ParseQuery(%q): clause without terms", q)
			}
			for _, term := range c.Alternatives {
				if term.Text == "" {
					t.Fatalf("ParseQuery(%q): empty term", q)
				}
			}
		}
	})
}
