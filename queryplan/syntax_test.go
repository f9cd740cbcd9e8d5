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
