// Sagasu's search page. The address is the state: render() reads it and
// draws the view it names; every change goes through go(), which pushes a
// history entry (typing replaces the entry it pushed). Text from the API is
// set with textContent; only snippets, which the API escapes and marks with
// <mark>, are set as HTML, and only after safeSnippet has checked them.
'use strict';
(() => {
  const STRINGS = window.SAGASU_STRINGS;
  const PAGE_SIZE = 10;          // hits per page
  const FACET_SHOWN = 10;        // facet values shown before "show more"
  const FACET_MORE = 20;         // values "show more" adds
  const MONTHS = 120;            // month facet values asked for: ten years
  const MAX_PAGE = 1000;         // from + size <= 10,000
  const DEBOUNCE_MS = 200;
  const FACETS = ['person', 'organization', 'place', 'country', 'source', 'lang'];
  const ENTITY_TYPES = ['person', 'organization', 'place', 'country'];
  const KEY_STORE = 'sagasu-key';
  const UI_STORE = 'sagasu-ui';

  const $ = (id) => document.getElementById(id);
  let ui = pickUILang();
  let current = null;      // AbortController of the view being loaded
  let composing = false;   // an IME composition is under way
  let typingTimer = 0;
  let typingEntry = false; // the current history entry was pushed by typing
  let typingSearch = false; // the next search is of a query still being typed: its last word is a prefix

  // --- text ---------------------------------------------------------------

  function pickUILang() {
    const saved = localStorage.getItem(UI_STORE);
    if (saved === 'en' || saved === 'ja') return saved;
    return (navigator.language || '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }

  function t(key, ...args) {
    let s = STRINGS[ui][key] ?? STRINGS.en[key] ?? key;
    args.forEach((a, i) => { s = s.replaceAll('{' + i + '}', String(a)); });
    return s;
  }

  function applyStrings() {
    document.documentElement.lang = ui;
    document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-aria-label]').forEach((n) => { n.setAttribute('aria-label', t(n.dataset.i18nAriaLabel)); });
    const sw = $('ui-lang');
    sw.textContent = t('switchTo');
    sw.lang = ui === 'ja' ? 'en' : 'ja';
  }

  function fmtDate(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return '';
    return new Intl.DateTimeFormat(ui === 'ja' ? 'ja-JP' : 'en-GB',
      { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
  }

  function fmtMonth(ym) {
    const [y, m] = ym.split('-').map(Number);
    return new Intl.DateTimeFormat(ui === 'ja' ? 'ja-JP' : 'en-GB',
      { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  }

  function langName(code) {
    return STRINGS[ui]['lang_' + code] ? t('lang_' + code) : code;
  }

  // el makes an element; attrs are attributes (never innerHTML), kids are
  // nodes or strings (text).
  function el(tag, attrs, ...kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null && v !== false) n.setAttribute(k, v === true ? '' : v);
    }
    n.append(...kids.filter((k) => k !== null && k !== undefined));
    return n;
  }

  // safeSnippet returns s if it is the API's escaped text with <mark> and
  // </mark> only, balanced and not nested; otherwise null.
  function safeSnippet(s) {
    if (typeof s !== 'string' || s === '') return null;
    const parts = s.split(/(<\/?mark>)/);
    let open = false;
    for (const p of parts) {
      if (p === '<mark>') { if (open) return null; open = true; continue; }
      if (p === '</mark>') { if (!open) return null; open = false; continue; }
      if (/[<>]/.test(p)) return null;
      if (/&(?!(amp|lt|gt|quot|#39|#34|#x27|apos);)/.test(p)) return null;
    }
    return open ? null : s;
  }

  function snippetNode(tag, attrs, snippet, fallback) {
    const n = el(tag, attrs);
    const s = safeSnippet(snippet);
    if (s !== null) n.innerHTML = s; // checked: escaped text and <mark> only
    else n.textContent = fallback;
    return n;
  }

  // --- the address --------------------------------------------------------

  function posInt(s, dflt, max) {
    const n = parseInt(s, 10);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : dflt;
  }

  function safeDecode(s) {
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }

  function readLocation() {
    const u = new URL(location.href);
    const p = u.searchParams;
    const st = {
      view: 'search', q: p.get('q') || '', entity: p.getAll('entity').filter(Boolean),
      since: p.get('since') || '', until: p.get('until') || '', lang: p.get('lang') || '',
      source: p.get('source') || '', sort: p.get('sort') === 'date' ? 'date' : '',
      page: posInt(p.get('page'), 1, MAX_PAGE), facetSize: posInt(p.get('facet_size'), FACET_SHOWN, 999),
    };
    const parts = u.pathname.split('/').filter(Boolean).map(safeDecode);
    const ep = p.get('entity_page');
    if (parts[0] === 'entity' && parts.length >= 3) {
      Object.assign(st, { view: 'entity', etype: parts[1], ename: parts.slice(2).join('/') });
    } else if (ep && ep.includes(':')) {
      const i = ep.indexOf(':');
      Object.assign(st, { view: 'entity', etype: ep.slice(0, i), ename: ep.slice(i + 1) });
    } else if (parts[0] === 'article' && parts.length >= 2) {
      Object.assign(st, { view: 'article', id: parts.slice(1).join('/') });
    }
    return st;
  }

  function emptySearch() {
    return { view: 'search', q: '', entity: [], since: '', until: '', lang: '', source: '', sort: '', page: 1, facetSize: FACET_SHOWN };
  }

  // searchURL is the page address of a search state.
  function searchURL(st) {
    const p = new URLSearchParams();
    if (st.q) p.set('q', st.q);
    st.entity.forEach((e) => p.append('entity', e));
    for (const k of ['since', 'until', 'lang', 'source', 'sort']) if (st[k]) p.set(k, st[k]);
    if (st.page > 1) p.set('page', st.page);
    if (st.facetSize !== FACET_SHOWN) p.set('facet_size', st.facetSize);
    const s = p.toString();
    return '/' + (s ? '?' + s : '');
  }

  function entityURL(type, name, page) {
    return '/entity/' + encodeURIComponent(type) + '/' + encodeURIComponent(name) + (page > 1 ? '?page=' + page : '');
  }

  function articleURL(id) {
    return '/article/' + encodeURIComponent(id);
  }

  // go shows url: a new history entry, or in place of the current one.
  function go(url, replace) {
    if (url !== location.pathname + location.search) {
      if (replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typingEntry = false;
    render();
  }

  // --- the API ------------------------------------------------------------

  class KeyNeeded extends Error {}

  async function api(path, signal) {
    const headers = { Accept: 'application/json' };
    const key = sessionStorage.getItem(KEY_STORE);
    if (key) headers.Authorization = 'Bearer ' + key;
    const r = await fetch(path, { headers, signal });
    let body = null;
    try { body = await r.json(); } catch (e) { /* not JSON: the status says enough */ }
    if (r.status === 401 || r.status === 403) {
      $('status').textContent = '';
      showKeyPrompt(Boolean(key));
      throw new KeyNeeded('key');
    }
    if (!r.ok) {
      const err = new Error((body && body.error && body.error.message) || ('HTTP ' + r.status));
      err.status = r.status;
      throw err;
    }
    return body;
  }

  function showKeyPrompt(refused) {
    $('key-prompt').hidden = false;
    $('key-message').textContent = t(refused ? 'keyRefused' : 'keyHelp');
    $('key').focus();
  }

  // --- rendering ----------------------------------------------------------

  function render(fromPop) {
    const st = readLocation();
    if (current) current.abort();
    current = new AbortController();
    const signal = current.signal;
    $('search-view').hidden = st.view !== 'search';
    $('entity-view').hidden = st.view !== 'entity';
    $('article-view').hidden = st.view !== 'article';
    syncControls(st, fromPop);
    // body[data-ready] names the address whose view is drawn: tests (and
    // anyone curious) can wait for it.
    const where = location.pathname + location.search;
    delete document.body.dataset.ready;
    const job = st.view === 'entity' ? renderEntity(st, signal)
      : st.view === 'article' ? renderArticle(st, signal) : renderSearch(st, signal);
    job.then(() => { if (!signal.aborted) document.body.dataset.ready = where; }).catch((err) => {
      if (signal.aborted || err instanceof KeyNeeded || err.name === 'AbortError') return;
      const status = $('status');
      status.textContent = t('error', err.message);
      status.dataset.state = 'error';
      if (st.view !== 'search') $(st.view + '-view').replaceChildren(el('p', { class: 'status', role: 'alert' }, t('error', err.message)));
    });
  }

  function syncControls(st, fromPop) {
    const q = $('q');
    if (fromPop || document.activeElement !== q) q.value = st.view === 'search' ? st.q : '';
    $('sort').value = st.sort || 'relevance';
    $('since').value = st.since.slice(0, 10);
    $('until').value = st.until.slice(0, 10);
    $('lang').value = ['en', 'ja'].includes(st.lang) ? st.lang : '';
  }

  function searchParams(st, facetSize) {
    const p = new URLSearchParams();
    if (st.q) p.set('q', st.q);
    st.entity.forEach((e) => p.append('entity', e));
    for (const k of ['since', 'until', 'lang', 'source', 'sort']) if (st[k]) p.set(k, st[k]);
    p.set('from', (st.page - 1) * PAGE_SIZE);
    p.set('size', PAGE_SIZE);
    p.set('facet_size', facetSize);
    if (typingSearch) p.set('prefix', 'true');
    typingSearch = false;
    return p;
  }

  async function renderSearch(st, signal) {
    const status = $('status');
    status.dataset.state = 'loading';
    status.textContent = t('loading');
    const res = await api('/api/v1/search?' + searchParams(st, Math.max(st.facetSize + 1, MONTHS)), signal);
    if (signal.aborted) return;
    document.title = (st.q ? st.q + ' — ' : '') + 'Sagasu';
    renderStatus(st, res);
    $('results').replaceChildren(...res.hits.map((h) => hitItem(h, 2)));
    renderPager($('pager'), st.page, res.total, (n) => searchURL({ ...st, page: n }));
    renderActive(st);
    renderFacets(st, res.facets || {});
    renderHistogram($('histogram'), (res.facets || {}).published || [], monthState(st),
      (range) => searchURL({ ...st, ...range, page: 1 }));
    status.dataset.state = 'ready';
    status.dataset.total = res.total;
  }

  function renderStatus(st, res) {
    const status = $('status');
    const ms = Math.round(res.took_ms * 10) / 10;
    status.replaceChildren(res.total === 0 ? t('none') : t(res.total === 1 ? 'totalOne' : 'total', res.total.toLocaleString(ui), ms));
    if (res.relaxed) status.append(' ', el('span', { class: 'note' }, t('relaxed')));
    if (res.suggestion) {
      const link = el('a', { href: searchURL({ ...st, q: res.suggestion, page: 1 }), class: 'suggestion' }, res.suggestion);
      status.append(' ', el('span', { class: 'note' }, t('didYouMean'), link, '?'));
    }
    const qe = res.query_entities || [];
    if (qe.length) {
      const span = el('span', { class: 'note' }, t('understood'));
      qe.forEach((e, i) => span.append(i ? ', ' : '', el('a', { href: entityURL(e.type, e.name) }, e.name)));
      status.append(' ', span);
    }
  }

  // hitItem is a result; its title is a heading of level (2 under the
  // search view's h1, 3 under the entity page's "Articles").
  function hitItem(h, level) {
    const li = el('li', { class: 'hit' });
    const title = snippetNode('a', { href: articleURL(h.id), class: 'hit-link' },
      h.snippets && h.snippets.title && h.snippets.title[0], h.title || t('untitled'));
    li.append(el('h' + level, { class: 'hit-title' }, title));
    li.append(metaLine(h));
    const body = el('p', { class: 'snippet' });
    ((h.snippets && h.snippets.body) || []).forEach((s, i) => {
      if (safeSnippet(s) === null) return;
      if (i) body.append(' … ');
      body.append(snippetNode('span', {}, s, ''));
    });
    li.append(body, chips(h.entities));
    return li;
  }

  function metaLine(a) {
    const meta = el('p', { class: 'meta' });
    const bits = [];
    if (a.published) bits.push(el('time', { datetime: a.published }, fmtDate(a.published)));
    if (a.source) bits.push(el('span', { class: 'source' }, a.source));
    if (a.lang) bits.push(el('span', { class: 'lang' }, langName(a.lang)));
    bits.forEach((b, i) => meta.append(i ? ' · ' : '', b));
    return meta;
  }

  function chips(entities) {
    const ul = el('ul', { class: 'chips', 'aria-label': t('entities') });
    for (const type of ENTITY_TYPES) {
      for (const name of (entities && entities[type]) || []) {
        ul.append(el('li', {}, el('a', { class: 'chip chip-' + type, href: entityURL(type, name), title: t('type_' + type) }, name)));
      }
    }
    return ul;
  }

  function renderPager(nav, page, total, urlOf) {
    const pages = Math.min(Math.ceil(total / PAGE_SIZE), MAX_PAGE);
    nav.replaceChildren();
    if (pages <= 1) return;
    if (page > 1) nav.append(el('a', { href: urlOf(page - 1), rel: 'prev', class: 'prev' }, t('prev')));
    nav.append(el('span', { class: 'page-of' }, t('page', page, pages)));
    if (page < pages) nav.append(el('a', { href: urlOf(page + 1), rel: 'next', class: 'next' }, t('next')));
  }

  // --- filters and facets -------------------------------------------------

  function sameName(a, b) {
    return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
  }

  function entityFilter(type, name) { return type + ':' + name; }

  // activeIn returns the filter that already keeps value of facet, or null.
  function activeIn(st, facet, value) {
    if (facet === 'lang') return st.lang === value ? value : null;
    if (facet === 'source') return st.source === value ? value : null;
    return st.entity.find((e) => {
      const i = e.indexOf(':');
      return e.slice(0, i).trim() === facet && sameName(e.slice(i + 1), value);
    }) || null;
  }

  // toggled is st with facet=value added, or removed when it is on.
  function toggled(st, facet, value) {
    const next = { ...st, page: 1 };
    const on = activeIn(st, facet, value);
    if (facet === 'lang' || facet === 'source') next[facet] = on ? '' : value;
    else next.entity = on ? st.entity.filter((e) => e !== on) : [...st.entity, entityFilter(facet, value)];
    return next;
  }

  function renderFacets(st, facets) {
    const box = $('facet-lists');
    box.replaceChildren();
    for (const name of FACETS) {
      const values = facets[name] || [];
      if (!values.length) continue;
      const ul = el('ul', { class: 'facet-values' });
      for (const v of values.slice(0, st.facetSize)) {
        const on = activeIn(st, name, v.value) !== null;
        const label = name === 'lang' ? langName(v.value) : v.value;
        ul.append(el('li', {}, el('a', {
          class: 'facet-value', href: searchURL(toggled(st, name, v.value)), 'aria-current': on ? 'true' : null,
          'data-facet': name, 'data-value': v.value,
        }, el('span', { class: 'name' }, label), el('span', { class: 'count' }, v.count.toLocaleString(ui)))));
      }
      const sec = el('section', { class: 'facet', 'data-facet': name }, el('h2', {}, t('facet_' + name)), ul);
      if (values.length > st.facetSize) sec.append(el('a', { class: 'more', href: searchURL({ ...st, facetSize: st.facetSize + FACET_MORE }) }, t('showMore')));
      else if (st.facetSize > FACET_SHOWN) sec.append(el('a', { class: 'more', href: searchURL({ ...st, facetSize: FACET_SHOWN }) }, t('showFewer')));
      box.append(sec);
    }
  }

  function renderActive(st) {
    const ul = $('active');
    const items = [];
    st.entity.forEach((e) => items.push([e.replace(':', ': '), { ...st, page: 1, entity: st.entity.filter((x) => x !== e) }]));
    if (st.lang) items.push([t('language') + ': ' + langName(st.lang), { ...st, page: 1, lang: '' }]);
    if (st.source) items.push([st.source, { ...st, page: 1, source: '' }]);
    if (st.since || st.until) items.push([t('dateRange', st.since || '…', st.until || '…'), { ...st, page: 1, since: '', until: '' }]);
    ul.replaceChildren(...items.map(([label, next]) => el('li', {},
      el('a', { class: 'active-filter', href: searchURL(next), 'aria-label': t('removeFilter', label) }, label, el('span', { 'aria-hidden': 'true' }, ' ×')))));
  }

  // monthState returns "YYYY-MM" when since and until are exactly one month.
  function monthState(st) {
    const m = /^(\d{4})-(\d{2})-01$/.exec(st.since);
    return m && st.until === monthRange(m[1] + '-' + m[2]).until ? m[1] + '-' + m[2] : '';
  }

  function monthRange(ym) {
    const [y, m] = ym.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { since: ym + '-01', until: ym + '-' + String(last).padStart(2, '0') };
  }

  // fillMonths returns the months from the first to the last of values,
  // those without articles at 0 (only when that is at most 240 bars).
  function fillMonths(values) {
    const counts = new Map(values.filter((v) => /^\d{4}-\d{2}$/.test(v.value)).map((v) => [v.value, v.count]));
    const months = [...counts.keys()].sort();
    if (!months.length) return [];
    let [y, m] = months[0].split('-').map(Number);
    const out = [];
    for (let i = 0; i < 240; i++) {
      const ym = y + '-' + String(m).padStart(2, '0');
      out.push({ value: ym, count: counts.get(ym) || 0 });
      if (ym >= months[months.length - 1]) return out;
      if (++m > 12) { m = 1; y++; }
    }
    return months.map((v) => ({ value: v, count: counts.get(v) }));
  }

  function renderHistogram(box, values, kept, urlOf) {
    const months = fillMonths(values);
    box.replaceChildren();
    if (!months.length) { box.append(el('p', { class: 'note' }, t('noDates'))); return; }
    const max = Math.max(...months.map((v) => v.count));
    const bars = el('div', { class: 'bars' });
    for (const v of months) {
      const on = v.value === kept;
      const label = t(on ? 'monthBarOn' : 'monthBar', fmtMonth(v.value), v.count);
      const fill = el('span', { class: 'fill' });
      fill.style.height = (v.count ? Math.max(4, 100 * v.count / max) : 0) + '%';
      const href = v.count || on ? urlOf(on ? { since: '', until: '' } : monthRange(v.value)) : null;
      bars.append(el(href ? 'a' : 'span', {
        class: 'bar', href, 'aria-label': label, title: label, 'aria-current': on ? 'true' : null, 'data-month': v.value, 'data-count': v.count,
      }, fill));
    }
    box.append(bars, el('div', { class: 'axis' }, el('span', {}, fmtMonth(months[0].value)), el('span', {}, fmtMonth(months[months.length - 1].value))));
  }

  // --- the entity page ----------------------------------------------------

  async function renderEntity(st, signal) {
    const view = $('entity-view');
    view.dataset.state = 'loading';
    view.replaceChildren(el('p', { class: 'status' }, t('loading')));
    let page;
    try {
      page = await api('/api/v1/entities/' + encodeURIComponent(st.etype) + '/' + encodeURIComponent(st.ename) + '?size=20', signal);
    } catch (err) {
      if (err.status !== 404) throw err;
      view.replaceChildren(el('h1', {}, st.ename), el('p', { class: 'status' }, t('noEntity', t('type_' + st.etype), st.ename)));
      view.dataset.state = 'ready';
      return;
    }
    const arts = await api('/api/v1/search?' + new URLSearchParams({
      entity: entityFilter(page.type, page.name), sort: 'date', size: PAGE_SIZE, from: (st.page - 1) * PAGE_SIZE, facet_size: 1,
    }), signal);
    if (signal.aborted) return;
    document.title = page.name + ' — Sagasu';
    view.replaceChildren(...entityParts(page, arts, st));
    view.dataset.state = 'ready';
  }

  function entityParts(page, arts, st) {
    const kept = { ...emptySearch(), entity: [entityFilter(page.type, page.name)] };
    const aliases = (page.aliases || []).length
      ? el('ul', { class: 'aliases' }, ...page.aliases.map((a) => el('li', {}, a)))
      : el('p', { class: 'note' }, t('noAliases'));
    const timeline = el('div', { class: 'histogram timeline' });
    renderHistogram(timeline, page.months || [], '', (range) => searchURL({ ...kept, ...range }));
    const related = el('ul', { class: 'related' }, ...(page.related || []).map((r) => el('li', {},
      el('a', { href: entityURL(r.type, r.name), class: 'chip chip-' + r.type, title: t('type_' + r.type) }, r.name),
      ' ', el('span', { class: 'count' }, r.count.toLocaleString(ui)))));
    const list = el('ol', { class: 'results', id: 'entity-results' }, ...arts.hits.map((h) => hitItem(h, 3)));
    const pager = el('nav', { class: 'pager', 'aria-label': t('pages') });
    renderPager(pager, st.page, arts.total, (n) => entityURL(page.type, page.name, n));
    return [
      el('h1', { class: 'entity-name' }, page.name),
      el('p', { class: 'meta' }, t('entityKind', t('type_' + page.type), page.count.toLocaleString(ui))),
      el('section', {}, el('h2', {}, t('aliases')), aliases),
      el('section', {}, el('h2', {}, t('timeline')), timeline),
      el('section', {}, el('h2', {}, t('related')), related),
      el('section', {}, el('h2', {}, t('articles')), el('p', {}, el('a', { href: searchURL(kept) }, t('searchThese'))), list, pager),
    ];
  }

  // --- the article view ---------------------------------------------------

  async function renderArticle(st, signal) {
    const view = $('article-view');
    view.dataset.state = 'loading';
    view.replaceChildren(el('p', { class: 'status' }, t('loading')));
    let a;
    try {
      a = await api('/api/v1/articles/' + encodeURIComponent(st.id), signal);
    } catch (err) {
      if (err.status !== 404) throw err;
      view.replaceChildren(el('p', { class: 'status' }, t('notFound')));
      return;
    }
    if (signal.aborted) return;
    document.title = (a.title || t('untitled')) + ' — Sagasu';
    const back = el('a', { href: '/', class: 'back' }, t('back'));
    back.addEventListener('click', (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } });
    const body = el('div', { class: 'article-body', lang: a.lang || null },
      ...String(a.body || '').split(/\n+/).filter((s) => s.trim()).map((s) => el('p', {}, s)));
    const parts = [back, el('h1', { lang: a.lang || null }, a.title || t('untitled')), metaLine(a)];
    if (/^https?:\/\//i.test(a.url || '')) parts.push(el('p', {}, el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, t('original'))));
    parts.push(chips(a.entities), body);
    view.replaceChildren(...parts);
    view.dataset.state = 'ready';
  }

  // --- events -------------------------------------------------------------

  function typed() {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const st = readLocation();
      const v = $('q').value.trim();
      if (st.view === 'search' && v === st.q) return;
      const base = st.view === 'search' ? st : emptySearch();
      const replace = typingEntry;
      typingSearch = true;
      go(searchURL({ ...base, q: v, page: 1 }), replace);
      typingEntry = true;
    }, DEBOUNCE_MS);
  }

  function bindSearchBox() {
    const q = $('q');
    q.addEventListener('compositionstart', () => { composing = true; clearTimeout(typingTimer); });
    q.addEventListener('compositionend', () => { composing = false; typed(); });
    q.addEventListener('input', (e) => { if (!composing && !e.isComposing) typed(); });
    q.addEventListener('blur', () => { typingEntry = false; });
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      if (composing) return;
      clearTimeout(typingTimer);
      const st = readLocation();
      const base = st.view === 'search' ? st : emptySearch();
      go(searchURL({ ...base, q: q.value.trim(), page: 1 }), typingEntry);
    });
  }

  function bindControls() {
    const change = (field, value) => {
      const st = readLocation();
      go(searchURL({ ...(st.view === 'search' ? st : emptySearch()), [field]: value, page: 1 }));
    };
    $('sort').addEventListener('change', (e) => change('sort', e.target.value === 'date' ? 'date' : ''));
    $('lang').addEventListener('change', (e) => change('lang', e.target.value));
    $('since').addEventListener('change', (e) => change('since', e.target.value));
    $('until').addEventListener('change', (e) => change('until', e.target.value));
  }

  // Links within the page are followed by go(), so that the page is not
  // reloaded; modified clicks (new tab) are left to the browser.
  function bindLinks() {
    document.addEventListener('click', (e) => {
      const a = e.target.closest && e.target.closest('a[href]');
      if (!a || a.target || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const u = new URL(a.href, location.href);
      if (u.origin !== location.origin || /^\/(api|static)\//.test(u.pathname)) return;
      e.preventDefault();
      go(u.pathname + u.search);
      if (!a.classList.contains('more')) window.scrollTo(0, 0); // a new view starts at its top; "show more" stays put
    });
  }

  function bindKeys() {
    document.addEventListener('keydown', (e) => {
      const tag = (e.target.tagName || '').toLowerCase();
      const editing = ['input', 'textarea', 'select'].includes(tag);
      if (e.key === '/' && !editing && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        $('q').focus();
        $('q').select();
        return;
      }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      if (editing && e.target.id !== 'q') return;
      const links = [...document.querySelectorAll('main :not([hidden]) .hit-link')].filter((n) => n.offsetParent !== null);
      if (!links.length) return;
      const i = links.indexOf(document.activeElement);
      const next = e.key === 'ArrowDown' ? Math.min(i + 1, links.length - 1) : i - 1;
      e.preventDefault();
      if (next < 0) $('q').focus();
      else links[next].focus();
    });
  }

  function bindKeyPrompt() {
    $('key-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const key = $('key').value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY_STORE, key);
      $('key').value = '';
      $('key-prompt').hidden = true;
      render();
    });
  }

  function start() {
    applyStrings();
    bindSearchBox();
    bindControls();
    bindLinks();
    bindKeys();
    bindKeyPrompt();
    $('ui-lang').addEventListener('click', () => {
      ui = ui === 'ja' ? 'en' : 'ja';
      localStorage.setItem(UI_STORE, ui);
      applyStrings();
      render(true);
    });
    window.addEventListener('popstate', () => { typingEntry = false; render(true); });
    render(true);
  }

  start();
})();
