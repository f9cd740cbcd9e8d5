package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The search page's accessibility audit (testdata/a11y_audit.js), run in
// the browser on the views the browser tests draw.

// tabStop is where one press of Tab took the focus (see tabProbe).
type tabStop struct {
	Done, Known, Styled bool
	Desc                string
}

// audit checks the view drawn, named where, and fails the test with each
// failure: names, images, headings, contrast, <html lang> (wantLang), and
// the Tab key's way through the page.
func audit(t *testing.T, b *browser, where, wantLang string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "a11y_audit.js"))
	if err != nil {
		t.Fatal(err)
	}
	b.do("install the audit", chromedp.Evaluate[chromedp.Void](string(src)))
	fails := eval[[]string](b, `sagasuA11y.audit(`+js(wantLang)+`)`)
	fails = append(fails, tabThrough(b)...)
	for _, f := range fails {
		t.Errorf("accessibility of %s: %s", where, f)
	}
	if len(fails) > 0 {
		b.shot("a11y-" + strings.ReplaceAll(where, " ", "-"))
	}
}

// tabThrough presses Tab until the focus comes back round, and returns the
// elements that showed no focus, and those it never reached.
func tabThrough(b *browser) []string {
	b.t.Helper()
	n := eval[int](b, `sagasuA11y.tabStart()`)
	var fails []string
	for range 2*n + 20 { // date inputs take a Tab for each field
		b.do("press Tab", chromedp.KeyEvent("\t"))
		stop := eval[tabStop](b, `sagasuA11y.tabProbe()`)
		if stop.Done {
			break
		}
		if !stop.Styled {
			fails = append(fails, "no visible focus style: "+stop.Desc)
		}
	}
	return append(fails, eval[[]string](b, `sagasuA11y.tabEnd()`)...)
}

// uiLang is the interface language the page picks first: the browser's.
func uiLang(b *browser) string {
	return eval[string](b, `(navigator.language || '').toLowerCase().startsWith('ja') ? 'ja' : 'en'`)
}

// TestAccessibilityAuditCatches plants a fault of each kind in the page
// and checks the audit reports every one: a passing audit means something.
func TestAccessibilityAuditCatches(t *testing.T) {
	b := newBrowser(t)
	s := startServer(t, t.TempDir(), nil)
	b.do("open the page", chromedp.Navigate(s.base+"/?q=Kishida"))
	b.waitDrawn("the results", `document.querySelectorAll('#results li.hit').length > 0`)
	// The page's CSP refuses inline styles: the faults are styled through
	// the CSSOM, which it allows.
	b.do("plant faults", chromedp.Evaluate[chromedp.Void](`(() => {
		document.getElementById('results').insertAdjacentHTML('beforebegin',
			'<p id="t-contrast">pale</p>' +
			'<p id="t-dark"><mark id="t-mark">dark on dark</mark></p>' +
			'<button id="t-noname"></button>' +
			'<svg id="t-svg" width="10" height="10"></svg>' +
			'<h5 id="t-h5">deep</h5>' +
			'<a id="t-neg" href="/" tabindex="-1">negative</a>' +
			'<a id="t-nofocus" href="/x">no ring</a>' +
			'<input id="t-placeholder" placeholder="pale hint" aria-label="x">');
		const sheet = document.styleSheets[0];
		for (const r of ['#t-contrast { color: #aaa }', '#t-dark { background: #1a4f8b }',
			'#t-mark { background: transparent; color: #1b1f24 }', '#t-placeholder::placeholder { color: #bbb }',
			'#t-nofocus:focus-visible { outline: none }']) sheet.insertRule(r, sheet.cssRules.length);
	})()`))
	src, err := os.ReadFile(filepath.Join("testdata", "a11y_audit.js"))
	if err != nil {
		t.Fatal(err)
	}
	b.do("install the audit", chromedp.Evaluate[chromedp.Void](string(src)))
	got := strings.Join(append(eval[[]string](b, `sagasuA11y.audit('ja')`), tabThrough(b)...), "\n")
	for _, want := range []string{
		`<html lang="en">, the interface is ja`,
		`contrast`, `#t-contrast`, `#t-mark`, `placeholder contrast`,
		`no accessible name: button#t-noname`,
		`image without alt`, `#t-svg`,
		`heading h5 after h1`,
		`tabindex -1`, `#t-neg`,
		`no visible focus style: a#t-nofocus`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the audit did not report %q; it said:\n%s", want, got)
		}
	}
}
