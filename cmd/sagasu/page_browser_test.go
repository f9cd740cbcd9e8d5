package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The search page's test in a real browser: Debian's chromium, headless,
// driven by chromedp over the DevTools protocol. It is skipped when no
// Chromium is installed; CI installs one (.ci/run).

// stepTimeout bounds one browser step: generous, for a loaded CI machine.
const stepTimeout = 45 * time.Second

// browser is a headless Chromium tab.
type browser struct {
	t     *testing.T
	ctx   context.Context
	shots string // where screenshots go

	mu   sync.Mutex
	errs []string // uncaught exceptions and console.error calls of the page
}

// findChromium returns the browser to drive: $SAGASU_CHROMIUM, or the
// first of the usual names on $PATH, or "".
func findChromium() string {
	if p := os.Getenv("SAGASU_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := findChromium()
	if path == "" {
		t.Skip("no Chromium found (apt-get install chromium, or set SAGASU_CHROMIUM): the search page's browser test needs one")
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 900))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	shots, err := os.MkdirTemp("", "sagasu-page-")
	if err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, ctx: ctx, shots: shots}
	if err := chromedp.Listen(ctx, b.record); err != nil { // starts the browser
		t.Fatalf("start %s: %v", path, err)
	}
	t.Logf("screenshots in %s", shots)
	return b
}

// record keeps the page's errors; it runs on chromedp's reading goroutine.
func (b *browser) record(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error()
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError {
			return
		}
		msg = "console.error:"
		for _, a := range ev.Args {
			msg += " " + string(a.Value) + a.Description
		}
	default:
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.errs = append(b.errs, msg)
}

// pageErrors returns what record kept.
func (b *browser) pageErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.errs)
}

// do runs steps within stepTimeout, failing the test with what on error.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.fail(what, err)
	}
}

func (b *browser) fail(what string, err error) {
	b.t.Helper()
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	b.shot("failed")
	b.t.Fatalf("%s: %v\nat %s\npage errors: %q", what, err, loc, b.pageErrors())
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *browser, expr string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		b.fail("evaluate "+expr, err)
	}
	return v
}

// waitDrawn waits until the page has drawn the view of its address and
// cond (JavaScript) holds.
func (b *browser) waitDrawn(what, cond string) {
	b.t.Helper()
	expr := `document.body.dataset.ready === location.pathname + location.search && (` + cond + `)`
	b.do(what, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(stepTimeout))(ctx, t)
		return err
	}))
}

// shot saves a screenshot of the viewport as name.png, and the one named
// search-page also into $SAGASU_SCREENSHOT_DIR when set (docs/ for the README).
func (b *browser) shot(name string) {
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	dirs := []string{b.shots}
	if d := os.Getenv("SAGASU_SCREENSHOT_DIR"); d != "" && name == "search-page" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
			b.t.Errorf("save screenshot: %v", err)
		}
	}
}

// js quotes s as a JavaScript string.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// total is the number of matching articles the search view shows.
const totalJS = `+document.getElementById('status').dataset.total`

// TestSearchPageInBrowser drives the page over the real server on the
// embedded seeds: typing searches, snippets are marked, a facet narrows
// the results and the back button widens them again, a month bar keeps
// that month, an entity page opens from a chip, and a reloaded address
// shows the same view.
func TestSearchPageInBrowser(t *testing.T) {
	b := newBrowser(t)
	s := startServer(t, t.TempDir(), nil)

	b.do("open the page", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	b.waitDrawn("the first view", `true`)
	b.do("press /", chromedp.KeyEvent("/"))
	if id := eval[string](b, `document.activeElement.id`); id != "q" {
		t.Errorf("after /, the focus is on %q, want the search box", id)
	}
	// chromedp sends the "/" as keyDown then a separate char event, which
	// the page's preventDefault on keydown cannot stop (a person's key
	// press is one event): the box gets a "/" that a person would not see.
	b.do("empty the box", chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = ''`))
	b.do("type Kishida", chromedp.SendKeys(chromedp.ID("q"), "Kishida"))
	b.waitDrawn("the results of Kishida", `location.search === '?q=Kishida'`)
	want := s.search(t, q("q", "Kishida")).Total
	if got := eval[int](b, totalJS); got != want || got == 0 {
		t.Fatalf("the page shows %d articles, the API %d", got, want)
	}
	marks := eval[[]string](b, `[...document.querySelectorAll('#results mark')].map(m => m.textContent)`)
	if !slices.ContainsFunc(marks, func(m string) bool { return strings.EqualFold(m, "Kishida") }) {
		t.Errorf("marked words %q, want Kishida among them", marks)
	}
	b.shot("search-page")
	audit(t, b, "the search results", uiLang(b))

	checkFacetNarrows(t, b, want)
	checkMonthBar(t, b)
	entityURL := checkEntityPage(t, b)
	audit(t, b, "the entity page", uiLang(b))
	checkReload(t, b, s.base+entityURL)
	checkArticleView(t, b)
	checkShowMore(t, b, s.base+"/?q=Kishida")
	checkSuggestion(t, b, s.base+"/?q=Kshidaa")
	checkNarrowScreen(t, b, s.base+"/?q=Kishida")
	checkComposition(t, b, s)
	if errs := b.pageErrors(); len(errs) > 0 {
		t.Errorf("the page logged errors: %q", errs)
	}
}

// checkSuggestion opens a misspelled search that finds nothing, and
// follows the page's "did you mean" to the articles of the right spelling.
func checkSuggestion(t *testing.T, b *browser, url string) {
	t.Helper()
	b.do("open a misspelled search", chromedp.Navigate(url))
	b.waitDrawn("no results and a suggestion", totalJS+` === 0 && !!document.querySelector('#status a.suggestion')`)
	if got := eval[string](b, `document.querySelector('#status a.suggestion').textContent`); got != "Kishida" {
		t.Fatalf("the page suggests %q, want Kishida", got)
	}
	b.do("follow the suggestion", chromedp.Click(chromedp.CSS(`#status a.suggestion`)))
	b.waitDrawn("the suggestion's results", `location.search === '?q=Kishida' && `+totalJS+` > 0`)
}

// checkFacetNarrows clicks an entity facet value that fewer articles than
// all have, checks the results narrow to its count and each names it, then
// goes back and forward in history.
func checkFacetNarrows(t *testing.T, b *browser, total int) {
	t.Helper()
	pick := eval[[]string](b, `(() => {
		const a = [...document.querySelectorAll('#facet-lists a.facet-value')].find(a =>
			['person', 'organization', 'place'].includes(a.dataset.facet) &&
			+a.querySelector('.count').textContent.replace(/\D/g, '') < `+totalJS+`);
		if (!a) return [];
		a.dataset.testPick = '1';
		return [a.dataset.facet, a.dataset.value, a.querySelector('.count').textContent.replace(/\D/g, '')];
	})()`)
	if len(pick) != 3 {
		t.Fatalf("no entity facet value narrows the %d results", total)
	}
	b.do("click the facet "+pick[1], chromedp.Click(chromedp.CSS(`a[data-test-pick]`)))
	b.waitDrawn("the narrowed results", `location.search.includes('entity=')`)
	if got := fmt.Sprint(eval[int](b, totalJS)); got != pick[2] {
		t.Errorf("facet %s %q: %s articles shown, the facet said %s", pick[0], pick[1], got, pick[2])
	}
	if !eval[bool](b, `[...document.querySelectorAll('#results li.hit')].every(li =>
		[...li.querySelectorAll('.chip')].some(c => c.textContent === `+js(pick[1])+`))`) {
		t.Errorf("a result does not name %q", pick[1])
	}
	if !eval[bool](b, `!!document.querySelector('a.facet-value[aria-current="true"]') && !!document.querySelector('#active a')`) {
		t.Errorf("the chosen facet value is not shown as on")
	}
	b.shot("facet")
	b.do("back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	b.waitDrawn("back to all results", `location.search === '?q=Kishida' && `+totalJS+` === `+fmt.Sprint(total))
	b.do("forward", chromedp.Evaluate[chromedp.Void](`history.forward()`))
	b.waitDrawn("forward to the narrowed results", `location.search.includes('entity=') && `+totalJS+` === `+pick[2])
}

// checkMonthBar clicks the first month bar with articles and checks that
// the view keeps that month: since and until in the address, its count.
func checkMonthBar(t *testing.T, b *browser) {
	t.Helper()
	bar := eval[[]string](b, `(() => { const a = document.querySelector('#histogram a.bar');
		return a ? [a.dataset.month, a.dataset.count] : []; })()`)
	if len(bar) != 2 {
		t.Fatal("no month bar to click")
	}
	b.do("click the month "+bar[0], chromedp.Click(chromedp.CSS(`#histogram a.bar[data-month="`+bar[0]+`"]`)))
	b.waitDrawn("the month "+bar[0], `location.search.includes('since=`+bar[0]+`-01')`)
	if got := fmt.Sprint(eval[int](b, totalJS)); got != bar[1] {
		t.Errorf("month %s: %s articles shown, its bar said %s", bar[0], got, bar[1])
	}
	if !eval[bool](b, `!!document.querySelector('#histogram .bar[aria-current="true"]')`) {
		t.Errorf("the kept month's bar is not shown as on")
	}
}

// checkEntityPage opens a person's page from a chip of the first result
// (Fumio Kishida's when it is there) and checks what it shows; it returns
// the page's address.
func checkEntityPage(t *testing.T, b *browser) string {
	t.Helper()
	name := eval[string](b, `(() => {
		const chips = [...document.querySelectorAll('#results .chip-person')];
		const c = chips.find(c => c.textContent === 'Fumio Kishida') || chips[0];
		if (!c) return '';
		c.dataset.testPick = '1';
		return c.textContent;
	})()`)
	if name == "" {
		t.Fatal("no person chip in the results")
	}
	b.do("click the chip "+name, chromedp.Click(chromedp.CSS(`#results a.chip[data-test-pick]`)))
	b.waitDrawn("the entity page of "+name, `location.pathname.startsWith('/entity/person/')`)
	page := eval[struct {
		Path, Name       string
		Aliases, Related int
		Hits, Bars       int
		Kind             string
	}](b, `({path: location.pathname, name: document.querySelector('.entity-name').textContent,
		aliases: document.querySelectorAll('#entity-view .aliases li').length,
		related: document.querySelectorAll('#entity-view .related a').length,
		hits: document.querySelectorAll('#entity-results li.hit').length,
		bars: document.querySelectorAll('#entity-view .timeline .bar').length,
		kind: document.querySelector('#entity-view .meta').textContent})`)
	if page.Name != name || page.Hits == 0 || page.Bars == 0 || page.Related == 0 || page.Kind == "" {
		t.Errorf("entity page of %s: %+v", name, page)
	}
	if name == "Fumio Kishida" && page.Aliases == 0 {
		t.Errorf("Fumio Kishida's page lists no aliases")
	}
	b.shot("entity-page")
	return page.Path
}

// checkReload loads the address afresh and checks the same view is drawn.
func checkReload(t *testing.T, b *browser, url string) {
	t.Helper()
	before := eval[string](b, `document.getElementById('entity-view').innerText`)
	b.do("reload", chromedp.Reload())
	b.waitDrawn("the reloaded entity page", `!document.getElementById('entity-view').hidden`)
	if after := eval[string](b, `document.getElementById('entity-view').innerText`); after != before {
		t.Errorf("after a reload the entity page shows\n%s\nwant\n%s", after, before)
	}
	b.do("open the address in a new load", chromedp.Navigate(url))
	b.waitDrawn("the entity page, opened by its address", `!document.getElementById('entity-view').hidden`)
	if after := eval[string](b, `document.getElementById('entity-view').innerText`); after != before {
		t.Errorf("%s shows\n%s\nwant\n%s", url, after, before)
	}
}

// checkArticleView opens the first article of the entity page.
func checkArticleView(t *testing.T, b *browser) {
	t.Helper()
	b.do("open an article", chromedp.Click(chromedp.CSS(`#entity-results a.hit-link`)))
	b.waitDrawn("the article", `location.pathname.startsWith('/article/')`)
	if n := eval[int](b, `document.querySelectorAll('#article-view .article-body p').length`); n == 0 {
		t.Errorf("the article view shows no body")
	}
}

// checkNarrowScreen shows a search at 375 px wide: nothing wider than the
// screen; and the Japanese interface.
func checkNarrowScreen(t *testing.T, b *browser, url string) {
	t.Helper()
	b.do("a phone's width", chromedp.EmulateViewport(375, 812), chromedp.Navigate(url))
	b.waitDrawn("the results at 375 px", `true`)
	if w := eval[int](b, `document.documentElement.scrollWidth`); w > 375 {
		t.Errorf("at 375 px the page is %d px wide", w)
	}
	b.shot("narrow")
	audit(t, b, "the search results at 375 px", uiLang(b))
	b.do("switch to Japanese", chromedp.Click(chromedp.ID("ui-lang")))
	b.waitDrawn("the Japanese interface", `document.documentElement.lang === 'ja'`)
	if ph := eval[string](b, `document.getElementById('q').placeholder`); !strings.Contains(ph, "検索") {
		t.Errorf("Japanese placeholder %q", ph)
	}
	b.shot("narrow-ja")
	audit(t, b, "the Japanese interface at 375 px", "ja")
}

// TestSearchPageAsksForKey: with --read-key-required the page asks for a
// key, keeps it for the tab, and searches with it.
func TestSearchPageAsksForKey(t *testing.T) {
	b := newBrowser(t)
	s := startServer(t, t.TempDir(), map[string]string{"SAGASU_API_KEY": testKey}, "--read-key-required")
	b.do("open the page", chromedp.Navigate(s.base+"/?q=Kishida"), chromedp.WaitVisible(chromedp.ID("key-prompt")))
	audit(t, b, "the key prompt", uiLang(b))
	b.do("give the key", chromedp.SendKeys(chromedp.ID("key"), testKey), chromedp.Click(chromedp.CSS(`#key-form button`)))
	b.waitDrawn("the results with the key", `document.querySelectorAll('#results mark').length > 0`)
	if k := eval[string](b, `sessionStorage.getItem('sagasu-key')`); k != testKey {
		t.Errorf("sessionStorage holds %q", k)
	}
	if !eval[bool](b, `document.getElementById('key-prompt').hidden`) {
		t.Errorf("the key prompt is still shown")
	}
}

// checkShowMore clicks a facet's "Show more" and checks that the facet
// lists more values and the address keeps facet_size. The seeds have few
// values per facet: when none has more than the ten shown, the page is
// opened with facet_size=2.
func checkShowMore(t *testing.T, b *browser, url string) {
	t.Helper()
	b.do("open "+url, chromedp.Navigate(url))
	b.waitDrawn("the results", `true`)
	if !eval[bool](b, `!!document.querySelector('#facet-lists .facet a.more')`) {
		url += "&facet_size=2"
		t.Logf("no facet has more than ten values: show more is tried at %s", url)
		b.do("open "+url, chromedp.Navigate(url))
		b.waitDrawn("the results with two values a facet", `true`)
	}
	pick := eval[[]string](b, `(() => {
		const sec = [...document.querySelectorAll('#facet-lists .facet')].find(s => s.querySelector('a.more'));
		if (!sec) return [];
		sec.querySelector('a.more').dataset.testPick = '1';
		return [sec.dataset.facet, String(sec.querySelectorAll('a.facet-value').length)];
	})()`)
	if len(pick) != 2 {
		t.Fatalf("no facet offers more values at %s", url)
	}
	before := eval[string](b, `new URLSearchParams(location.search).get('facet_size') || '10'`)
	b.do("show more "+pick[0], chromedp.Click(chromedp.CSS(`a.more[data-test-pick]`)))
	b.waitDrawn("more "+pick[0], `new URLSearchParams(location.search).get('facet_size') > `+before+
		` && document.querySelectorAll('#facet-lists .facet[data-facet="`+pick[0]+`"] a.facet-value').length > `+pick[1])
	if q := eval[string](b, `new URLSearchParams(location.search).get('q')`); q != "Kishida" {
		t.Errorf("after show more, q is %q", q)
	}
	b.do("back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	b.waitDrawn("fewer "+pick[0], `document.querySelectorAll('#facet-lists .facet[data-facet="`+pick[0]+`"] a.facet-value').length === `+pick[1])
}

// checkComposition types through an IME: while composing, a partial
// reading searches nothing, even after the debounce; the composed word is
// searched.
func checkComposition(t *testing.T, b *browser, s *testServer) {
	t.Helper()
	b.do("open the page", chromedp.Navigate(s.base+"/"))
	b.waitDrawn("the first view", `true`)
	b.do("count searches", chromedp.Evaluate[chromedp.Void](`(() => {
		window.testSearches = 0;
		const f = window.fetch;
		window.fetch = (u, ...rest) => { if (String(u).startsWith('/api/v1/search')) window.testSearches++; return f(u, ...rest); };
	})()`))
	where := eval[string](b, `location.pathname + location.search`)
	b.do("compose きし", chromedp.Evaluate[chromedp.Void](`(() => {
		const q = document.getElementById('q');
		q.focus();
		q.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
		for (const v of ['き', 'きし']) {
			q.value = v;
			q.dispatchEvent(new CompositionEvent('compositionupdate', { data: v }));
			q.dispatchEvent(new InputEvent('input', { data: v, inputType: 'insertCompositionText', isComposing: true, bubbles: true }));
		}
	})()`))
	// Nothing should happen: wait out three debounces (200 ms each), then
	// check that nothing did.
	quiet := eval[bool](b, `new Promise(r => setTimeout(() => r(window.testSearches === 0 &&
		location.pathname + location.search === `+js(where)+` && document.body.dataset.ready === `+js(where)+`), 600))`,
		chromedp.EvalAwaitPromise)
	if !quiet {
		t.Errorf("while composing, the page searched: %d searches, at %s", eval[int](b, `window.testSearches`), eval[string](b, `location.href`))
	}
	b.do("compose 岸田", chromedp.Evaluate[chromedp.Void](`(() => {
		const q = document.getElementById('q');
		q.value = '岸田';
		q.dispatchEvent(new CompositionEvent('compositionend', { data: '岸田' }));
		q.dispatchEvent(new InputEvent('input', { data: '岸田', inputType: 'insertText', bubbles: true }));
	})()`))
	b.waitDrawn("the results of 岸田", `new URLSearchParams(location.search).get('q') === '岸田' && window.testSearches > 0`)
	want := s.search(t, q("q", "岸田")).Total
	if got := eval[int](b, totalJS); got != want || got == 0 || eval[int](b, `document.querySelectorAll('#results li.hit').length`) == 0 {
		t.Errorf("岸田: the page shows %d articles, the API %d", got, want)
	}
}
