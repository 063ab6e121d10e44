// Longer than 300 lines: the page's script is one browser file, held in one string.
// The script of review.html, as plain browser JavaScript (ES2017, no modules, no network). It reads
// the run from the page's JSON block, renders one page at a time (at most 50 rows and 150 links: a
// group of thousands of links is split over pages, so 5,000 groups or a 200-article event cost the DOM
// of one page), and keeps the reviewer's decisions in localStorage until they are exported as CSV.
// Above 1,000 candidates the ones the tool did not accept are hidden until asked for, and above 12
// documents a row lists only the documents its links touch instead of a column for every document.
// Written without template literals so it can live in this String.raw string.
// The CSV writer mirrors src/export/csv.ts (csv-stringify with bom, escape_formulas, CRLF); the browser
// test compares its output with toCsv byte for byte.

import { QUOTES_HEADER } from '../quotes.ts';

export const REVIEW_SCRIPT = String.raw`
(function () {
  'use strict';
  var PAGE_ROWS = 50, PAGE_LINKS = 150;
  var MANY_DOCS = 12, CANDIDATES_SHOWN_UP_TO = 1000;
  var QUOTE_HEADER = ${JSON.stringify(QUOTES_HEADER)};
  var HEADER = ['group_id', 'score', 'margin', 'confidence', 'kind', 'method', 'status', 'src_doc', 'src_lang', 'src_sent', 'src_text',
    'tgt_doc', 'tgt_lang', 'tgt_sent', 'tgt_text'];
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var docs = data.docs, texts = data.texts, links = data.links, groups = data.groups, bands = data.bands, quotes = data.quotes || [];
  var STORE_KEY = 'polyalign-review:' + data.run;
  var quoteById = {};
  quotes.forEach(function (q) { quoteById[q.id] = q; });

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function fixed(x, n) { return typeof x === 'number' ? x.toFixed(n) : String(x); }

  // ---- links: identity, band, status --------------------------------------------------------
  function sideLabel(side) { return docs[side[0]].lang + ' #' + side[1]; }
  var keys = links.map(function (l) {
    return docs[l.src[0]].id + '\u0000' + l.src[1] + '\u0000' + docs[l.tgt[0]].id + '\u0000' + l.tgt[1];
  });
  var keyIndex = {};
  keys.forEach(function (k, i) { keyIndex[k] = i; });
  // The calibrated confidence; a link without one counts as the lowest.
  function conf(l) { return typeof l.confidence === 'number' ? l.confidence : 0; }
  function bandOf(l) {
    for (var i = 0; i < bands.length; i++) if (bands[i].min === null || conf(l) >= bands[i].min) return bands[i];
    return bands[bands.length - 1];
  }
  var DOTS = { high: '\u25cf\u25cf\u25cf', medium: '\u25cf\u25cf\u25cb', low: '\u25cf\u25cb\u25cb' };

  // Decisions made on this page: link key -> 'auto' | 'confirmed' | 'rejected'; absent: as the run had it.
  var decisions = {};
  // Quote decisions: 'Q001:2' (group id, member) -> 'confirmed' | 'rejected'; absent: as the run had it.
  var qdecisions = {};
  var storageNote = '';
  try {
    var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || 'null');
    if (saved && saved.v === 1 && saved.decisions) {
      Object.keys(saved.decisions).forEach(function (k) {
        var i = keyIndex[k];
        if (i !== undefined && saved.decisions[k] !== links[i].status && (saved.decisions[k] !== 'auto' || canUndo(i))) decisions[k] = saved.decisions[k];
      });
    }
    if (saved && saved.v === 1 && saved.quotes) {
      Object.keys(saved.quotes).forEach(function (k) {
        var at = k.split(':'), q = quoteById[at[0]], m = q && q.members[Number(at[1])];
        if (m && saved.quotes[k] !== m[7]) qdecisions[k] = saved.quotes[k];
      });
    }
    var restored = Object.keys(decisions).length + Object.keys(qdecisions).length;
    if (restored) storageNote = 'Restored ' + restored + ' decision' + (restored === 1 ? '' : 's') + ' kept in this browser from an earlier visit.';
  } catch (e) {
    storageNote = 'This browser does not let the page keep your work: export your decisions before closing it.';
  }
  function save() {
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify({ v: 1, decisions: decisions, quotes: qdecisions })); } catch (e) { /* shown at load */ }
  }
  // A link the run shows as confirmed or rejected was decided in an earlier review: the decisions store
  // keeps that decision, and an export can only replace it with another, never take it back to auto.
  function canUndo(i) { return links[i].status === 'auto'; }
  var NO_UNDO = 'decided in an earlier review; the decisions store keeps that decision, so it cannot be set back to auto here: confirm or reject it instead';
  function statusOf(i) { var d = decisions[keys[i]]; return d === undefined ? links[i].status : d; }
  function changed(i) { return decisions[keys[i]] !== undefined; }

  // ---- view state: filters, sort, rows, pages -----------------------------------------------
  var belowCount = links.filter(function (l) { return l.kind === 'below'; }).length;
  var view = { show: 'links', pair: '', status: '', type: '', sort: 'group', below: belowCount <= CANDIDATES_SHOWN_UP_TO };
  var rows = [];      // { g: group index or -1, links: [link index], low, part, parts, from, total }
  var flat = [];      // { row, link } in display order: what j/k walk through
  var pageStart = [0]; // the first row of each page
  var rowPage = [];   // row index -> its page
  var page = 0;
  var cur = -1;       // index into flat
  var linkEls = {};   // link index -> <li> on the current page
  var cellEls = {};   // 'row:doc' -> cell on the current page

  function pairKey(l) { return l.src[0] + '-' + l.tgt[0]; }
  function passes(i) {
    var l = links[i];
    if (view.pair && pairKey(l) !== view.pair) return false;
    if (view.type && l.type !== view.type) return false;
    if (l.kind === 'below' && !view.below && view.status !== 'below') return false;
    var s = statusOf(i);
    switch (view.status) {
      case '': return true;
      case 'auto': return s === 'auto' && l.kind !== 'below';
      case 'below': return s === 'auto' && l.kind === 'below';
      case 'changed': return changed(i);
      default: return s === view.status;
    }
  }
  function lowest(list) {
    var low = Infinity;
    for (var k = 0; k < list.length; k++) low = Math.min(low, conf(links[list[k]]));
    return low;
  }
  function buildRows() {
    if (view.show === 'quotes') {
      // who said what: a row per quote, those several documents hold first; each member confirmed or rejected as one of it
      rows = quotes.map(function (q, i) { return { quote: i, links: [] }; });
      pageStart = [0];
      rowPage = [];
      rows.forEach(function (r, n) {
        if (n > 0 && n - pageStart[pageStart.length - 1] >= PAGE_ROWS) pageStart.push(n);
        rowPage.push(pageStart.length - 1);
      });
      flat = [];
      return;
    }
    var whole = [];
    groups.forEach(function (g, gi) {
      var shown = g.links.filter(passes);
      if (shown.length) whole.push({ g: gi, links: shown });
    });
    links.forEach(function (l, i) { if (l.g < 0 && passes(i)) whole.push({ g: -1, links: [i] }); });
    whole.forEach(function (r, n) {
      r.order = n;
      r.low = lowest(r.links);
      if (view.sort === 'low') r.links = r.links.slice().sort(function (a, b) { return conf(links[a]) - conf(links[b]) || a - b; });
    });
    if (view.sort === 'low') whole.sort(function (a, b) { return a.low - b.low || a.order - b.order; });
    // A row of more links than a page holds is shown in parts, one after the other.
    rows = [];
    whole.forEach(function (r) {
      var parts = Math.ceil(r.links.length / PAGE_LINKS);
      for (var k = 0; k < parts; k++) {
        rows.push({ g: r.g, links: r.links.slice(k * PAGE_LINKS, (k + 1) * PAGE_LINKS), low: r.low, part: k, parts: parts, from: k * PAGE_LINKS, total: r.links.length });
      }
    });
    // Pages: at most PAGE_ROWS rows and PAGE_LINKS links each.
    pageStart = [0];
    rowPage = [];
    var onPage = 0;
    rows.forEach(function (r, n) {
      var first = pageStart[pageStart.length - 1];
      if (n > first && (n - first >= PAGE_ROWS || onPage + r.links.length > PAGE_LINKS)) { pageStart.push(n); onPage = 0; }
      onPage += r.links.length;
      rowPage.push(pageStart.length - 1);
    });
    flat = [];
    rows.forEach(function (r, n) { r.links.forEach(function (i) { flat.push({ row: n, link: i }); }); });
  }
  function shownDocs() {
    if (!view.pair) return docs.map(function (d, i) { return i; });
    return view.pair.split('-').map(Number);
  }
  // Too many documents for a column each: a row lists the documents its links touch.
  function listed() { return shownDocs().length > MANY_DOCS; }
  function pageCount() { return pageStart.length; }
  function pageEnd(p) { return p + 1 < pageStart.length ? pageStart[p + 1] : rows.length; }

  // ---- rendering ---------------------------------------------------------------------------
  function renderHeads() {
    var shown = shownDocs();
    var single = listed() || view.show === 'quotes';
    document.documentElement.style.setProperty('--n', String(single ? 1 : shown.length));
    var heads = $('colheads');
    heads.textContent = '';
    heads.hidden = single;
    if (single) return;
    shown.forEach(function (d) {
      var h = el('div', 'colhead');
      h.appendChild(el('div', 'lang', docs[d].lang));
      var id = el('div', 'doc', docs[d].id);
      id.title = docs[d].id;
      h.appendChild(id);
      heads.appendChild(h);
    });
  }

  function cellFor(rowEl, n, d, side) {
    var c = el('div', side ? 'cell' : 'cell empty');
    // The language is read out before the text: the column heading is not announced with it.
    if (side && listed()) {
      var who = el('span', 'who', docs[d].lang + ' \u00b7 ' + docs[d].id);
      who.title = docs[d].id;
      c.appendChild(who);
      c.appendChild(el('span', 'sent', '#' + side[1]));
      c.appendChild(document.createTextNode(texts[side[2]]));
    } else if (side) {
      c.appendChild(el('span', 'visually-hidden', docs[d].lang + ', sentence '));
      c.appendChild(el('span', 'sent', '#' + side[1]));
      c.appendChild(document.createTextNode(texts[side[2]]));
    } else {
      c.appendChild(el('span', 'visually-hidden', docs[d].lang + ': no sentence'));
      c.appendChild(el('span', null, '\u2014')).setAttribute('aria-hidden', 'true');
    }
    cellEls[n + ':' + d] = c;
    rowEl.appendChild(c);
  }

  function describe(i) {
    var l = links[i], b = bandOf(l), s = statusOf(i);
    return sideLabel(l.src) + ' \u2194 ' + sideLabel(l.tgt) + ', ' + b.label.toLowerCase() + ' confidence (' + fixed(l.confidence, 2) + '), margin ' +
      fixed(l.margin, 2) + ', score ' + fixed(l.score, 2) + (l.type ? ', ' + l.type : '') + (l.kind === 'below' ? ', not accepted' : '') + ', status ' + s;
  }

  function renderLink(i) {
    var l = links[i], b = bandOf(l);
    var li = el('li', 'link band-' + b.id + ' kind-' + l.kind);
    li.tabIndex = -1;
    li.dataset.link = String(i);
    var badge = el('span', 'badge band-' + b.id);
    badge.appendChild(el('span', 'dots', DOTS[b.id] || ''));
    badge.appendChild(document.createTextNode(b.label));
    li.appendChild(badge);
    li.appendChild(el('span', 'pair', sideLabel(l.src) + ' \u2194 ' + sideLabel(l.tgt)));
    if (l.type) li.appendChild(el('span', 'type type-' + l.type, l.type));
    li.appendChild(el('span', 'nums', 'confidence ' + fixed(l.confidence, 2) + ' \u00b7 margin ' + fixed(l.margin, 2) + ' \u00b7 score ' + fixed(l.score, 2) + ' \u00b7 ' + l.method));
    if (l.kind === 'below') li.appendChild(el('span', 'flag', 'not accepted'));
    li.appendChild(el('span', 'status'));
    var actions = el('span', 'actions');
    [['confirmed', 'Confirm', 'c'], ['rejected', 'Reject', 'r'], ['auto', 'Undo', 'u']].forEach(function (a) {
      var btn = el('button', 'act-' + a[0], a[1]);
      btn.type = 'button';
      btn.dataset.act = a[0];
      btn.setAttribute('aria-keyshortcuts', a[2]);
      actions.appendChild(btn);
    });
    li.appendChild(actions);
    linkEls[i] = li;
    updateLink(i);
    return li;
  }

  function updateLink(i) {
    var li = linkEls[i];
    if (!li) return;
    var s = statusOf(i), l = links[i];
    li.classList.remove('st-auto', 'st-confirmed', 'st-rejected');
    li.classList.add('st-' + s);
    li.setAttribute('aria-label', 'Link ' + describe(i));
    var st = li.querySelector('.status');
    st.className = 'status st-' + s + (changed(i) ? ' changed' : '');
    st.textContent = s === 'confirmed' ? '\u2713 confirmed' : s === 'rejected' ? '\u2717 rejected' : 'auto';
    var label = sideLabel(l.src) + ' \u2194 ' + sideLabel(l.tgt);
    li.querySelectorAll('button').forEach(function (btn) {
      var act = btn.dataset.act;
      if (act === 'auto') {
        btn.disabled = s === 'auto' || !canUndo(i);
        btn.setAttribute('aria-label', canUndo(i) ? 'Undo: set link ' + label + ' back to auto' : 'Undo is not available: link ' + label + ' was ' + NO_UNDO);
        btn.title = canUndo(i) ? 'Set back to auto (u)' : 'This link was ' + NO_UNDO + '.';
      } else {
        btn.setAttribute('aria-pressed', String(s === act));
        btn.setAttribute('aria-label', (act === 'confirmed' ? 'Confirm' : 'Reject') + ' link ' + label);
      }
    });
  }

  function renderQuote(board, r) {
    var q = quotes[r.quote];
    var sec = el('article', 'row quote');
    var head = el('div', 'row-head');
    head.appendChild(el('strong', null, q.id));
    head.appendChild(document.createTextNode(' \u00b7 ' + (q.speaker || 'speaker not named') + ' \u00b7 ' + q.members.length + ' document' + (q.members.length === 1 ? '' : 's')));
    sec.setAttribute('aria-label', 'Quote ' + q.id + (q.speaker ? ' by ' + q.speaker : ''));
    sec.appendChild(head);
    var list = el('div', 'cols');
    q.members.forEach(function (m, mi) {
      var c = el('div', 'cell');
      var who = el('span', 'who', docs[m[0]].lang + ' \u00b7 ' + docs[m[0]].id);
      who.title = docs[m[0]].id;
      c.appendChild(who);
      c.appendChild(el('span', 'sent', '#' + m[2]));
      c.appendChild(el('span', 'type type-' + m[1], m[1]));
      c.appendChild(document.createTextNode(' ' + texts[m[3]]));
      if (m[4] !== '') c.appendChild(el('span', 'nums', ' \u00b7 confidence ' + fixed(m[4], 2)));
      if (q.members.length > 1 || m[7] !== 'auto') {
        var acts = el('span', 'acts');
        ['confirmed', 'rejected'].forEach(function (act) {
          var b = el('button', 'act act-' + act, act === 'confirmed' ? '\u2713' : '\u2717');
          b.type = 'button';
          b.dataset.quote = q.id;
          b.dataset.member = String(mi);
          b.dataset.qact = act;
          b.setAttribute('aria-pressed', String(quoteStatus(q, mi) === act));
          b.setAttribute('aria-label', (act === 'confirmed' ? 'Confirm ' : 'Reject ') + docs[m[0]].lang + ' as quote ' + q.id);
          b.title = act === 'confirmed' ? 'The same quote as the other confirmed ones of ' + q.id : 'Not the same quote as the others of ' + q.id;
          acts.appendChild(b);
        });
        c.appendChild(acts);
      }
      list.appendChild(c);
    });
    sec.appendChild(list);
    board.appendChild(sec);
  }

  function renderPage() {
    var shown = shownDocs();
    var board = $('board');
    board.textContent = '';
    linkEls = {};
    cellEls = {};
    var start = rows.length ? pageStart[page] : 0, end = pageEnd(page);
    if (view.show === 'quotes') {
      if (!rows.length) board.appendChild(el('p', 'empty-view', 'The documents hold no quotes polyalign found.'));
      for (var k = start; k < end; k++) renderQuote(board, rows[k]);
      $('page-info').textContent = rows.length ? 'Quotes ' + (start + 1) + '\u2013' + end + ' of ' + rows.length + ' (page ' + (page + 1) + ' of ' + pageCount() + ')' : 'No quotes';
      $('prev').disabled = page === 0;
      $('next').disabled = page >= pageCount() - 1;
      return;
    }
    if (!rows.length) board.appendChild(el('p', 'empty-view', 'No links match these filters.' + (!view.below && belowCount ? ' ' + belowCount + ' candidates the tool did not accept are hidden: tick "Show candidates" to see them.' : '')));
    for (var n = start; n < end; n++) {
      var r = rows[n];
      var sec = el('article', 'row');
      var head = el('div', 'row-head');
      var rowLinks = el('ul', 'links');
      var byDoc = {};
      if (r.g >= 0) {
        var g = groups[r.g];
        head.appendChild(el('strong', null, g.id));
        var shownLinks = r.parts > 1
          ? 'links ' + (r.from + 1) + '\u2013' + (r.from + r.links.length) + ' of the ' + r.total + ' shown (part ' + (r.part + 1) + ' of ' + r.parts + ')'
          : r.links.length + ' of ' + g.links.length + ' links shown';
        head.appendChild(document.createTextNode(' \u00b7 ' + g.spans.length + ' documents \u00b7 mean score ' + fixed(g.score, 2) + ' \u00b7 ' + shownLinks));
        sec.setAttribute('aria-label', 'Group ' + g.id + (r.parts > 1 ? ', part ' + (r.part + 1) + ' of ' + r.parts : ''));
        if (listed()) {
          var touched = {};
          r.links.forEach(function (i) { touched[links[i].src[0]] = true; touched[links[i].tgt[0]] = true; });
          g.spans.forEach(function (s) { if (touched[s[0]]) byDoc[s[0]] = s; });
        } else {
          g.spans.forEach(function (s) { byDoc[s[0]] = s; });
        }
      } else {
        var l = links[r.links[0]];
        head.appendChild(el('strong', null, l.kind === 'below' ? 'Candidate the tool did not accept' : l.kind === 'rejected' ? 'Rejected link' : 'Link outside every group'));
        head.appendChild(document.createTextNode(' \u00b7 not in a group'));
        sec.setAttribute('aria-label', 'Link ' + sideLabel(l.src) + ' to ' + sideLabel(l.tgt) + ', not in a group');
        byDoc[l.src[0]] = l.src;
        byDoc[l.tgt[0]] = l.tgt;
      }
      sec.appendChild(head);
      var grid = el('div', 'cols');
      (listed() ? shown.filter(function (d) { return byDoc[d]; }) : shown).forEach(function (d) { cellFor(grid, n, d, byDoc[d]); });
      sec.appendChild(grid);
      r.links.forEach(function (i) { rowLinks.appendChild(renderLink(i)); });
      rowLinks.setAttribute('aria-label', 'Links');
      sec.appendChild(rowLinks);
      board.appendChild(sec);
    }
    $('page-info').textContent = rows.length
      ? 'Rows ' + (start + 1) + '\u2013' + end + ' of ' + rows.length + ' (page ' + (page + 1) + ' of ' + pageCount() + ')'
      : 'No rows';
    $('prev').disabled = page === 0;
    $('next').disabled = page >= pageCount() - 1;
  }

  function updateSummary() {
    var c = { auto: 0, confirmed: 0, rejected: 0, below: 0, changed: 0 };
    for (var i = 0; i < links.length; i++) {
      var s = statusOf(i);
      if (s === 'auto') c[links[i].kind === 'below' ? 'below' : 'auto']++;
      else c[s]++;
      if (changed(i)) c.changed++;
    }
    $('count-auto').textContent = String(c.auto);
    $('count-confirmed').textContent = String(c.confirmed);
    $('count-rejected').textContent = String(c.rejected);
    $('count-below').textContent = String(c.below);
    $('count-changed').textContent = String(c.changed);
    var n = c.confirmed + c.rejected;
    $('export').disabled = n === 0;
    $('export').textContent = 'Export decisions (' + n + ')';
  }

  // ---- current link, keyboard, decisions ------------------------------------------------------
  function highlight(on) {
    if (cur < 0 || !flat[cur]) return;
    var f = flat[cur], l = links[f.link], li = linkEls[f.link];
    if (li) { li.classList.toggle('current', on); li.tabIndex = on ? 0 : -1; }
    [l.src[0], l.tgt[0]].forEach(function (d) {
      var c = cellEls[f.row + ':' + d];
      if (c) c.classList.toggle('hl', on);
    });
  }
  function setCurrent(next, focus) {
    if (!flat.length) return;
    highlight(false);
    cur = Math.max(0, Math.min(flat.length - 1, next));
    var want = rowPage[flat[cur].row];
    if (want !== page) { page = want; renderPage(); }
    highlight(true);
    var li = linkEls[flat[cur].link];
    if (li && focus) { li.focus({ preventScroll: true }); li.scrollIntoView({ block: 'nearest' }); }
  }
  function decide(i, status) {
    if (status === 'auto' && !canUndo(i)) return;
    if (status === links[i].status) delete decisions[keys[i]];
    else decisions[keys[i]] = status;
    save();
    updateLink(i);
    updateSummary();
    var l = links[i];
    say(sideLabel(l.src) + ' \u2194 ' + sideLabel(l.tgt) + ': ' + statusOf(i));
  }
  function say(text) { $('message').textContent = text; }

  function refilter() {
    var keep = cur >= 0 && flat[cur] ? flat[cur].link : -1;
    highlight(false);
    buildRows();
    cur = -1;
    page = 0;
    if (keep >= 0) {
      for (var n = 0; n < flat.length; n++) if (flat[n].link === keep) { cur = n; break; }
      if (cur >= 0) page = rowPage[flat[cur].row];
    }
    renderHeads();
    renderPage();
    highlight(true);
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'SELECT' || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    var onCur = cur >= 0 && flat[cur];
    switch (e.key) {
      case 'j': case 'ArrowDown': setCurrent(cur + 1, true); break;
      case 'k': case 'ArrowUp': setCurrent(cur < 0 ? 0 : cur - 1, true); break;
      case 'c': case 'y': if (onCur) decide(flat[cur].link, 'confirmed'); break;
      case 'r': case 'x': if (onCur) decide(flat[cur].link, 'rejected'); break;
      case 'u':
        if (!onCur) break;
        if (canUndo(flat[cur].link)) decide(flat[cur].link, 'auto');
        else { var ul = links[flat[cur].link]; say(sideLabel(ul.src) + ' \u2194 ' + sideLabel(ul.tgt) + ' was ' + NO_UNDO + '.'); }
        break;
      case 'PageDown': case 'n': if (page < pageCount() - 1) goPage(page + 1); break;
      case 'PageUp': case 'p': if (page > 0) goPage(page - 1); break;
      default: return;
    }
    e.preventDefault();
  });

  function goPage(p) {
    highlight(false);
    page = p;
    renderPage();
    for (var n = 0; n < flat.length; n++) if (rowPage[flat[n].row] === page) { cur = n; break; }
    highlight(true);
    var li = cur >= 0 && flat[cur] ? linkEls[flat[cur].link] : null;
    if (li) li.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  $('board').addEventListener('click', function (e) {
    var li = e.target.closest('li.link');
    if (!li) return;
    var i = Number(li.dataset.link);
    for (var n = 0; n < flat.length; n++) if (flat[n].link === i) { setCurrent(n, false); break; }
    var btn = e.target.closest('button[data-act]');
    if (btn && !btn.disabled) decide(i, btn.dataset.act);
  });

  // ---- quote decisions ----------------------------------------------------------------------
  function quoteStatus(q, mi) { var d = qdecisions[q.id + ':' + mi]; return d === undefined ? q.members[mi][7] : d; }
  function quoteDecided() { return Object.keys(qdecisions).length; }
  function updateQuoteExport() {
    var b = $('export-quotes');
    b.hidden = !quotes.length;
    b.disabled = quoteDecided() === 0;
    b.textContent = 'Export quote decisions (' + quoteDecided() + ')';
  }
  $('board').addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-qact]');
    if (!b) return;
    var q = quoteById[b.dataset.quote], mi = Number(b.dataset.member), key = q.id + ':' + mi, act = b.dataset.qact;
    var next = quoteStatus(q, mi) === act ? q.members[mi][7] : act;
    if (next === q.members[mi][7]) delete qdecisions[key]; else qdecisions[key] = next;
    save();
    renderPage();
    updateQuoteExport();
    say(docs[q.members[mi][0]].lang + ' in quote ' + q.id + ': ' + quoteStatus(q, mi));
  });
  // quotes.csv's rows of every quote with a decision, all its members, so that a rejection is read against the rest
  function quoteDecisionsCsv() {
    var out = csvRow(QUOTE_HEADER);
    quotes.forEach(function (q) {
      var touched = q.members.some(function (m, mi) { return qdecisions[q.id + ':' + mi] !== undefined; });
      if (!touched) return;
      q.members.forEach(function (m, mi) {
        var d = docs[m[0]];
        out += csvRow([q.id, m[1], q.speaker, q.entry, d.id, d.lang, m[2], m[5], m[6], texts[m[3]], m[4], quoteStatus(q, mi)]);
      });
    });
    return out;
  }

  // ---- export -------------------------------------------------------------------------------
  function csvCell(v) {
    if (typeof v === 'number') return String(v);
    if (v === '') return '';
    var quote = /[",\r\n]/.test(v);
    if (/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(v)) v = "'" + v;
    v = v.replace(/"/g, '""');
    return quote ? '"' + v + '"' : v;
  }
  function csvRow(cells) { return cells.map(csvCell).join(',') + '\r\n'; }
  function decisionsCsv() {
    var out = csvRow(HEADER);
    for (var i = 0; i < links.length; i++) {
      var s = statusOf(i);
      if (s !== 'confirmed' && s !== 'rejected') continue;
      var l = links[i], a = docs[l.src[0]], b = docs[l.tgt[0]];
      out += csvRow([l.gid, l.score, l.margin, l.confidence, l.type, l.method, s, a.id, a.lang, l.src[1], texts[l.src[2]], b.id, b.lang, l.tgt[1], texts[l.tgt[2]]]);
    }
    return out;
  }
  function two(n) { return (n < 10 ? '0' : '') + n; }
  $('export').addEventListener('click', function () { download('decisions', decisionsCsv()); });
  $('export-quotes').addEventListener('click', function () { download('quote-decisions', quoteDecisionsCsv()); });
  function download(what, csv) {
    var d = new Date();
    var name = what + '-' + d.getFullYear() + two(d.getMonth() + 1) + two(d.getDate()) + '-' + two(d.getHours()) + two(d.getMinutes()) + '.csv';
    var blob = new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    say('Saved ' + name + '. Apply it with: polyalign run --review ' + name);
  }

  // ---- controls -----------------------------------------------------------------------------
  var pairs = {};
  links.forEach(function (l) { var k = pairKey(l); pairs[k] = (pairs[k] || 0) + 1; });
  var pairSel = $('f-pair');
  Object.keys(pairs).sort(function (a, b) {
    var x = a.split('-').map(Number), y = b.split('-').map(Number);
    return x[0] - y[0] || x[1] - y[1];
  }).forEach(function (k) {
    var ab = k.split('-').map(Number);
    var o = el('option', null, docs[ab[0]].lang + ' ' + docs[ab[0]].id + ' \u2194 ' + docs[ab[1]].lang + ' ' + docs[ab[1]].id + ' (' + pairs[k] + ')');
    o.value = k;
    pairSel.appendChild(o);
  });
  pairSel.addEventListener('change', function () { view.pair = pairSel.value; refilter(); });
  $('f-status').addEventListener('change', function () { view.status = $('f-status').value; refilter(); });
  var showSel = $('f-show');
  showSel.options[1].textContent = 'Quotes (' + quotes.length + ')';
  showSel.addEventListener('change', function () {
    view.show = showSel.value;
    ['f-pair', 'f-status', 'f-type', 'f-sort', 'f-below'].forEach(function (id) { $(id).disabled = view.show === 'quotes'; });
    refilter();
  });
  var belowBox = $('f-below');
  belowBox.checked = view.below;
  $('below-count').textContent = String(belowCount);
  belowBox.addEventListener('change', function () { view.below = belowBox.checked; refilter(); });
  $('f-type').addEventListener('change', function () { view.type = $('f-type').value; refilter(); });
  $('f-sort').addEventListener('change', function () { view.sort = $('f-sort').value; refilter(); });
  $('prev').addEventListener('click', function () { if (page > 0) goPage(page - 1); });
  $('next').addEventListener('click', function () { if (page < pageCount() - 1) goPage(page + 1); });

  $('run-info').textContent = docs.length + ' documents \u00b7 ' + groups.length + ' groups \u00b7 ' + links.length + ' links to review';
  if (storageNote) say(storageNote);
  buildRows();
  renderHeads();
  renderPage();
  updateSummary();
  updateQuoteExport();
  document.body.dataset.ready = 'true';
})();
`;
