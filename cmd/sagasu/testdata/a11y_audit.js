// The search page's accessibility audit, run in the browser by
// page_a11y_test.go (no network, no axe). Evaluated, it installs
// window.sagasuA11y:
//
//   audit(wantLang) checks <html lang> (it is wantLang), the accessible
//     names of form controls, buttons and links, the text alternatives of
//     images, heading levels, tabindex, and the WCAG AA contrast of every
//     visible text; it returns the failures as strings, each naming the
//     element (a selector and its text).
//   tabStart(), tabProbe() and tabEnd() let Go press the real Tab key
//     through the page: every focusable element must be reached, and look
//     different (outline or box-shadow) when it has the focus.
(() => {
  function describe(n) {

    if (!n || !n.tagName) return String(n);
    let s = n.tagName.toLowerCase();
    if (n.id) s += '#' + n.id;
    for (const c of n.classList) s += '.' + c;
    const p = n.parentElement;
    if (p && !n.id) s = (p.id ? '#' + p.id : p.tagName.toLowerCase() + (p.classList[0] ? '.' + p.classList[0] : '')) + ' > ' + s;
    const text = (n.textContent || n.getAttribute('aria-label') || n.placeholder || '').trim().replace(/\s+/g, ' ');
    return s + (text ? ' "' + text.slice(0, 40) + '"' : '');
  }

  // rendered: drawn (an sr-only element is); shown: and not hidden from
  // assistive technology either.
  const rendered = (n) => n.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !n.closest('[hidden]');
  const shown = (n) => rendered(n) && !n.closest('[aria-hidden="true"]');
  const focusable = () => [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]')]
    .filter((n) => rendered(n) && !n.disabled);

  function audit(wantLang) {
    const fails = [];
    const fail = (n, what) => fails.push(what + ': ' + describe(n));

    // --- the language ---------------------------------------------------------
    const lang = document.documentElement.getAttribute('lang');
    if (!lang) fails.push('<html> has no lang');
    else if (wantLang && lang !== wantLang) fails.push('<html lang="' + lang + '">, the interface is ' + wantLang);

    // --- accessible names -----------------------------------------------------
    function accName(n) {
      const byAria = (n.getAttribute('aria-label') || '').trim();
      if (byAria) return byAria;
      const ids = (n.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      const byIds = ids.map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
      if (byIds) return byIds;
      const byLabel = [...(n.labels || [])].map((l) => l.textContent).join(' ').trim();
      if (byLabel) return byLabel;
      if (['BUTTON', 'A'].includes(n.tagName)) {
        const text = (n.textContent + [...n.querySelectorAll('img[alt]')].map((i) => i.alt).join(' ')).trim();
        if (text) return text;
      }
      if (n.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(n.type) && n.value.trim()) return n.value;
      return (n.getAttribute('title') || '').trim();
    }
    for (const n of document.querySelectorAll('input:not([type="hidden"]), select, textarea, button, a[href], [role="button"], [role="link"]')) {
      if (shown(n) && !accName(n)) fail(n, 'no accessible name');
    }

    // --- images ---------------------------------------------------------------
    for (const n of document.querySelectorAll('img, svg, [role="img"]')) {
      if (n.closest('[aria-hidden="true"]') || !shown(n)) continue;
      const named = (n.tagName === 'IMG' && n.hasAttribute('alt')) || accName(n) ||
        (n.tagName.toLowerCase() === 'svg' && n.querySelector(':scope > title'));
      if (!named) fail(n, 'image without alt or aria-label (or aria-hidden when decorative)');
    }

    // --- headings -------------------------------------------------------------
    // Levels may fall any number, and rise by one: the first heading is an
    // h1 or, before the main content (the key prompt), an h2.
    let prev = 1, after = 'the top of the page';
    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (!shown(h)) continue;
      const level = +h.tagName[1];
      if (level > prev + 1) fail(h, 'heading h' + level + ' after ' + after);
      prev = level;
      after = 'h' + level;
    }

    // --- tabindex -------------------------------------------------------------
    for (const n of focusable()) {
      if (n.tabIndex < 0) fail(n, 'tabindex ' + n.tabIndex + ': not reachable by Tab');
    }

    // --- contrast -------------------------------------------------------------
    const parse = (c) => {
      const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/.exec(c);
      return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : [0, 0, 0, 0];
    };
    const over = (top, below) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat([1]);
    };
    const lum = (c) => {
      const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

    // background is the colour under n: its and its ancestors' background
    // colours, composed from the nearest opaque one (white past the root).
    function background(n) {
      const layers = [];
      for (let e = n; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reduceRight((below, top) => over(top, below), [255, 255, 255, 1]);
    }

    // opacity is the product of n's and its ancestors' opacity.
    function opacity(n) {
      let o = 1;
      for (let e = n; e; e = e.parentElement) o *= +getComputedStyle(e).opacity;
      return o;
    }

    function checkContrast(n, color, what) {
      const cs = getComputedStyle(n);
      const bg = background(n);
      const fg = parse(color);
      fg[3] *= opacity(n);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && +cs.fontWeight >= 700);
      const need = large ? 3 : 4.5;
      const got = ratio(over(fg, bg), bg);
      if (got < need) fail(n, what + ' contrast ' + got.toFixed(2) + ':1 < ' + need + ':1 (' + color + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + '))');
    }

    for (const n of document.body.querySelectorAll('*')) {
      if (!rendered(n) || n.closest('.sr-only')) continue;
      const hasText = [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim());
      if (hasText) checkContrast(n, getComputedStyle(n).color, 'text');
      if ((n.tagName === 'INPUT' || n.tagName === 'SELECT') && n.value) checkContrast(n, getComputedStyle(n).color, 'value');
      if (n.placeholder && !n.value) checkContrast(n, getComputedStyle(n, '::placeholder').color, 'placeholder');
    }
    return fails;
  }

  // --- focus, by the Tab key --------------------------------------------------
  let tab = null;
  const focusStyle = (n) => { const c = getComputedStyle(n); return [c.outlineStyle, c.outlineWidth, c.outlineColor, c.boxShadow].join(' '); };

  // tabStart notes how each focusable element looks without the focus and
  // puts the focus before the first; it returns how many there are.
  function tabStart() {
    if (document.activeElement) document.activeElement.blur();
    const all = focusable().filter((n) => n.tabIndex >= 0);
    tab = { all, before: all.map(focusStyle), seen: new Set(), last: null };
    const start = Object.assign(document.createElement('span'), { id: 'a11y-start', tabIndex: -1 });
    document.body.prepend(start);
    start.focus();
    return all.length;
  }

  // tabProbe tells where a Tab took the focus: done when it came back round
  // or left the page; otherwise whether the element looks focused.
  function tabProbe() {
    const n = document.activeElement;
    const i = tab.all.indexOf(n);
    // A date input takes several Tabs, one for each of its fields.
    if (n && n === tab.last) return { done: false, known: true, styled: true, desc: describe(n) };
    tab.last = n;
    if (!n || n === document.body || n.id === 'a11y-start' || tab.seen.has(i)) return { done: true };
    if (i < 0) return { done: false, known: false, styled: true, desc: describe(n) };
    tab.seen.add(i);
    return { done: false, known: true, styled: focusStyle(n) !== tab.before[i], desc: describe(n) };
  }

  // tabEnd returns the focusable elements no Tab reached.
  function tabEnd() {
    document.getElementById('a11y-start').remove();
    if (document.activeElement) document.activeElement.blur();
    return tab.all.filter((n, i) => !tab.seen.has(i)).map((n) => 'not reached by Tab: ' + describe(n));
  }

  window.sagasuA11y = { audit, tabStart, tabProbe, tabEnd };
})();
