// Fabula report: builds every section from the analysis JSON in #fabula-data.
// Safe by construction: story data only ever reaches the page as text nodes (el() below turns
// strings into text nodes; no innerHTML anywhere), and every href is one we make ("#...").
// A section whose member is absent says "not analysed yet"; when a stage adds the member to the
// JSON, its section picks it up (docs/report.md lists the members each section reads).
'use strict';
(function () {
  const D = JSON.parse(document.getElementById('fabula-data').textContent);
  const A = D.analysis || {};
  const T = typeof A.text === 'string' ? A.text : '';
  const P = D.paragraphs || [];
  const S = A.source || {};

  // ---- small DOM helpers -------------------------------------------------------------------
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'href') e.setAttribute('href', '#' + String(v).replace(/^#/, ''));
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'style') for (const s in v) e.style.setProperty(s, v[s]);
      else e.setAttribute(k, String(v));
    }
    add(e, kids);
    return e;
  }
  function add(e, kids) {
    for (const k of kids) {
      if (k == null || k === false) continue;
      if (Array.isArray(k)) add(e, k);
      else e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return e;
  }
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, ...kids) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs || {}) e.setAttribute(k, String(attrs[k]));
    for (const k of kids) if (k != null) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    return e;
  }
  const fmt = n => (n == null ? '—' : Number(n).toLocaleString('en-US'));
  const arr = v => (Array.isArray(v) ? v : []);
  const has = v => Array.isArray(v) ? v.length > 0 : v != null;
  const pick = (o, ...names) => { if (o) for (const n of names) if (o[n] != null) return o[n]; return undefined; };
  // The content stage's member (docs/content.md): rating, warnings with evidence, audit, reading time.
  const C = A.content || null;
  const WARNINGS = arr(C ? C.warnings : pick(A, 'warnings', 'contentWarnings'));
  const WARNINGS_ANALYSED = C != null || pick(A, 'warnings', 'contentWarnings') != null;
  function notYet(what) { return el('p', { class: 'not-yet' }, what || 'Not analysed yet.'); }
  function snippet(start, end, max) {
    max = max || 160;
    let s = T.slice(start, Math.min(end, start + max)).replace(/\s+/g, ' ').trim();
    if (end - start > max) { const cut = s.lastIndexOf(' '); s = (cut > max / 2 ? s.slice(0, cut) : s) + '…'; }
    return s;
  }

  // ---- characters and speakers -------------------------------------------------------------
  const CAST = arr(pick(A, 'characters', 'cast'));
  const byId = new Map();
  CAST.forEach((c, i) => byId.set(c.id != null ? c.id : i, c));
  const PALETTE = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#138d75', '#a04000', '#2e4053',
    '#cb4335', '#5b2c6f', '#117864', '#9a7d0a'];
  const colourOf = new Map();
  CAST.forEach((c, i) => colourOf.set(c.id != null ? c.id : i, PALETTE[i % PALETTE.length]));
  const nameOf = id => { const c = byId.get(id); return c ? (pick(c, 'name', 'canonical') || 'Character ' + id) : 'Character ' + id; };
  const speakerOf = q => pick(q, 'speaker', 'speakerId');

  // ---- the jump machinery: every finding links to its place, the place links back --------
  let backTarget = null;
  const backBar = el('div', { class: 'back', hidden: true },
    el('button', { type: 'button', onclick: () => { if (backTarget) { const t = backTarget; hideBack(); t.scrollIntoView({ block: 'center' }); flash(t); } } }, '↩ Back to the finding'),
    el('button', { type: 'button', class: 'x', 'aria-label': 'Close', onclick: () => hideBack() }, '×'));
  function hideBack() { backBar.hidden = true; backTarget = null; }
  function flash(node) { node.classList.remove('flash'); void node.offsetWidth; node.classList.add('flash'); }
  function jumpLink(start, end, label, from) {
    return el('a', { class: 'jump', href: '#at-' + start, 'data-start': start, 'data-end': end,
      onclick: ev => { ev.preventDefault(); jumpTo(start, end, ev.currentTarget.closest('[data-finding]') || ev.currentTarget); } }, label);
  }

  // ---- sections -----------------------------------------------------------------------------
  function section(id, title, ...body) {
    return el('section', { id, class: 'card' }, el('h2', null, title), body);
  }

  function overview() {
    const warnings = WARNINGS;
    const rating = pick(C, 'rating') ?? pick(A, 'rating');
    const minutes = pick(pick(C, 'readingTime'), 'minutes') ?? pick(A, 'readingMinutes');
    const dec = S.declared || null;
    const stats = [
      ['Words', fmt(S.words)],
      ['Reading time', minutes != null ? readingTime(minutes) : null],
      ['Rating', rating != null ? (typeof rating === 'object' ? pick(rating, 'name', 'label', 'value') : rating) : null],
      ['Chapters', fmt(arr(A.chapters).length)],
      ['Scenes', fmt(arr(A.scenes).length)],
      ['Quotations', fmt(arr(A.quotes).length)],
      ['Characters', CAST.length ? fmt(CAST.length) : null],
    ];
    const dl = el('dl', { class: 'stats' }, stats.map(([k, v]) => el('div', null, el('dt', null, k), el('dd', v == null ? { class: 'none' } : null, v == null ? 'not analysed yet' : v))));
    const wl = warnings.length
      ? el('ul', { class: 'chips' }, warnings.map((w, i) => el('li', null, el('a', { class: 'chip warn', href: '#warning-' + i }, warningName(w), el('span', { class: 'count' }, fmt(warningCount(w)))))))
      : notYet(WARNINGS_ANALYSED ? 'No content warnings found.' : 'Content warnings: not analysed yet.');
    const archive = arr(pick(C, 'archiveWarnings'));
    return section('overview', 'Overview',
      el('p', { class: 'byline' }, S.author ? ['by ', el('strong', null, S.author)] : 'Author unknown', ' · ', (S.format || 'txt').toUpperCase(), S.path ? [' · ', el('code', null, S.path.split(/[\\/]/).pop())] : null),
      dl, el('h3', null, 'Content warnings'), wl,
      archive.length ? el('p', { class: 'archive' }, el('span', { class: 'muted' }, 'AO3 archive warnings: '), archive.join(' · ')) : null,
      dec ? declared(dec) : null);
    function readingTime(m) { m = Math.round(m); return m < 60 ? m + ' min' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min'; }
  }
  // "graphic-violence" -> "Graphic violence": category ids are the contract, words are for readers.
  function warningName(w) {
    const n = pick(w, 'name', 'label', 'category', 'kind') || 'Warning';
    return pick(w, 'name', 'label') ? n : n.charAt(0).toUpperCase() + n.slice(1).replace(/-/g, ' ');
  }
  function warningCount(w) { return pick(w, 'passages') ?? arr(w.evidence).length; }

  function declared(dec) {
    const rows = [['Rating', dec.rating ? [dec.rating] : []], ['Archive warnings', dec.archiveWarnings], ['Categories', dec.categories],
      ['Fandoms', dec.fandoms], ['Relationships', dec.relationships], ['Characters', dec.characters], ['Tags', dec.additionalTags]];
    return el('div', { class: 'declared' }, el('h3', null, 'What the author declared'),
      el('dl', { class: 'tags' }, rows.filter(r => arr(r[1]).length).map(([k, v]) => el('div', null, el('dt', null, k), el('dd', null, el('ul', { class: 'chips' }, v.map(t => el('li', null, el('span', { class: 'chip' }, t)))))))),
      dec.summary ? el('blockquote', { class: 'summary' }, dec.summary) : null,
      arr(dec.notes).length ? el('details', null, el('summary', null, 'Author’s notes'), dec.notes.map(n => el('p', null, n))) : null);
  }

  function cast() {
    if (!CAST.length) return section('cast', 'Cast', notYet());
    const lines = new Map();
    for (const q of arr(A.quotes)) { const s = speakerOf(q); if (s != null) lines.set(s, (lines.get(s) || 0) + 1); }
    const rows = CAST.map((c, i) => {
      const id = c.id != null ? c.id : i;
      const first = pick(c, 'firstMention', 'firstAppearance', 'first', 'start');
      const firstStart = typeof first === 'object' && first ? first.start : first;
      // attributes: [{name, value}] (the JSON), or an object of name: value.
      const attrs = {};
      if (Array.isArray(c.attributes)) { for (const a of c.attributes) if (a && a.name !== 'class') attrs[a.name] = attrs[a.name] != null ? attrs[a.name] + ', ' + a.value : a.value; }
      else Object.assign(attrs, c.attributes || {});
      const cls = pick(c, 'class', 'taxonomy', 'group', 'importance');
      if (c.mentionCount != null) attrs.mentions = fmt(c.mentionCount);
      return el('tr', { id: 'char-' + id, 'data-finding': '' },
        el('th', { scope: 'row' }, el('span', { class: 'dot', style: { '--c': colourOf.get(id) } }), pick(c, 'name', 'canonical') || '?'),
        el('td', null, arr(c.aliases).map(a => typeof a === 'object' ? pick(a, 'name', 'text') : a).join(', ')),
        el('td', null, pick(c, 'pronouns') || ''),
        el('td', null, [cls, ...Object.keys(attrs).map(k => k + ': ' + attrs[k])].filter(Boolean).join('; ')),
        el('td', { class: 'num' }, fmt(c.lines ?? (c.dialogue && c.dialogue.quotes) ?? lines.get(id) ?? 0)),
        el('td', null, firstStart != null ? jumpLink(firstStart, firstStart + 1, snippet(firstStart, firstStart + 200, 60)) : ''),
        el('td', null, el('button', { type: 'button', class: 'mini', onclick: () => setFilter(id) }, 'Show lines')));
    });
    const heads = ['Name', 'Aliases', 'Pronouns', 'Class and attributes', 'Lines', 'First appearance', ''];
    for (const tr of rows) [...tr.children].forEach((td, i) => { if (i > 0) td.setAttribute('data-label', heads[i]); if (!td.textContent) td.classList.add('empty'); });
    return section('cast', 'Cast', el('div', { class: 'scroll' }, el('table', { class: 'cards' },
      el('thead', null, el('tr', null, ['Name', 'Aliases', 'Pronouns', 'Class and attributes', 'Lines', 'First appearance', ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', null, rows))));
  }

  function relationships() {
    const rels = arr(pick(A, 'relations', 'relationships'));
    if (!rels.length) return section('relationships', 'Relationships', notYet(CAST.length ? 'No relationships found.' : undefined));
    const ends = r => [pick(r, 'a', 'source', 'from'), pick(r, 'b', 'target', 'to')];
    // The strength of a relation: the passages that state it (the relation stage's `evidence`).
    const weightOf = r => pick(r, 'weight', 'interactions', 'count') || arr(r.evidence).length || 1;
    const labelOf = r => (pick(r, 'type', 'kind', 'label') || 'related') + (r.stage ? ' (' + r.stage + ')' : '') + (r.atEnd === false ? ', ended' : '');
    const nodes = [...new Set(rels.flatMap(ends))].sort((x, y) => String(x).localeCompare(String(y)));
    // A phone gets a narrow, tall drawing so labels keep their size; same data, same width, same picture.
    const narrow = window.innerWidth < 600;
    const W = narrow ? 360 : 640, H = nodes.length <= 4 ? (narrow ? 300 : 260) : (narrow ? 480 : 420);
    const pos = layout(nodes, rels.map(ends), W, H);
    const maxW = Math.max(1, ...rels.map(weightOf));
    const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'graph', role: 'img', 'aria-label': 'Relationship graph' });
    rels.forEach((r, i) => {
      const [a, b] = ends(r); const p = pos.get(a), q = pos.get(b);
      const w = weightOf(r);
      g.append(svg('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, 'stroke-width': (1 + 5 * w / maxW).toFixed(1), class: 'edge' }));
      const label = svg('text', { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 - 3, class: 'edge-label' }, labelOf(r));
      g.append(label); void i;
    });
    for (const n of nodes) {
      const p = pos.get(n);
      g.append(svg('circle', { cx: p.x, cy: p.y, r: 7, fill: colourOf.get(n) || '#666' }));
      g.append(svg('text', { x: p.x, y: p.y + 20, class: 'node-label' }, byId.has(n) ? nameOf(n) : String(n)));
    }
    return section('relationships', 'Relationships', el('div', { class: 'graph-box' }, g),
      el('details', null, el('summary', null, 'As a table'), el('ul', null, rels.map(r => { const [a, b] = ends(r); return el('li', null, nameOf(a), ' — ', labelOf(r), ' — ', nameOf(b), ' (', fmt(weightOf(r)), ')',
        arr(r.evidence).length ? [' ', jumpLink(r.evidence[0].start, r.evidence[0].end, '→ passage')] : null); }))));
  }
  // Deterministic force layout: nodes start on a circle in sorted order, then a fixed number of
  // Fruchterman–Reingold steps with a cooling schedule; no randomness, so the same data always
  // draws the same picture.
  function layout(nodes, edges, W, H) {
    const n = nodes.length, k = Math.sqrt(W * H / Math.max(1, n)) * 0.6;
    const pos = new Map();
    nodes.forEach((id, i) => pos.set(id, { x: W / 2 + (W / 2.6) * Math.cos(2 * Math.PI * i / n), y: H / 2 + (H / 2.6) * Math.sin(2 * Math.PI * i / n) }));
    for (let it = 0, t = W / 10; it < 200; it++, t *= 0.97) {
      const d = new Map(nodes.map(id => [id, { x: 0, y: 0 }]));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        const a = pos.get(nodes[i]), b = pos.get(nodes[j]);
        let dx = a.x - b.x, dy = a.y - b.y; const dist = Math.max(0.01, Math.hypot(dx, dy)); const f = k * k / dist;
        dx /= dist; dy /= dist;
        d.get(nodes[i]).x += dx * f; d.get(nodes[i]).y += dy * f; d.get(nodes[j]).x -= dx * f; d.get(nodes[j]).y -= dy * f;
      }
      for (const [s, e] of edges) {
        const a = pos.get(s), b = pos.get(e); if (!a || !b || a === b) continue;
        let dx = a.x - b.x, dy = a.y - b.y; const dist = Math.max(0.01, Math.hypot(dx, dy)); const f = dist * dist / k;
        dx /= dist; dy /= dist;
        d.get(s).x -= dx * f; d.get(s).y -= dy * f; d.get(e).x += dx * f; d.get(e).y += dy * f;
      }
      for (const id of nodes) {
        const p = pos.get(id), v = d.get(id), len = Math.max(0.01, Math.hypot(v.x, v.y));
        p.x = Math.min(W - 60, Math.max(60, p.x + v.x / len * Math.min(len, t)));
        p.y = Math.min(H - 30, Math.max(20, p.y + v.y / len * Math.min(len, t)));
      }
    }
    // Fit the drawing to the box: centre it and stretch it to the margins (labels need 60 px a side).
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const p of pos.values()) { x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y); }
    const sx = x1 > x0 ? (W - 140) / (x1 - x0) : 1, sy = y1 > y0 ? (H - 60) / (y1 - y0) : 1;
    for (const p of pos.values()) {
      p.x = x1 > x0 ? 70 + (p.x - x0) * sx : W / 2;
      p.y = y1 > y0 ? 22 + (p.y - y0) * sy : H / 2;
    }
    return pos;
  }

  function dialogue() {
    const quotes = arr(A.quotes);
    let inQuotes = 0;
    for (const q of quotes) inQuotes += q.end - q.start;
    const share = T.length ? inQuotes / T.length : 0;
    const body = [el('p', null, fmt(quotes.length), ' quotations; ', el('strong', null, Math.round(share * 100) + '%'), ' of the text is direct speech.'),
      bar([{ label: 'Dialogue', value: inQuotes, colour: '#2471a3' }, { label: 'Narration', value: Math.max(0, T.length - inQuotes), colour: '#b3b6b7' }], 'split')];
    const bySpeaker = new Map(); let attributed = 0;
    for (const q of quotes) {
      const s = speakerOf(q); if (s == null) continue;
      attributed++; bySpeaker.set(s, (bySpeaker.get(s) || 0) + (q.end - q.start));
    }
    if (!CAST.length || !attributed) body.push(el('h3', null, 'By character'), notYet('Speakers: not analysed yet.'));
    else {
      const rows = [...bySpeaker].sort((a, b) => b[1] - a[1]);
      const total = rows.reduce((s, r) => s + r[1], 0);
      body.push(el('h3', null, 'By character'), el('p', { class: 'muted' }, fmt(attributed), ' of ', fmt(quotes.length), ' quotations attributed.'),
        el('div', { class: 'bars' }, rows.map(([id, v]) => el('div', { class: 'bar-row' },
          el('button', { type: 'button', class: 'bar-name', onclick: () => setFilter(id) }, nameOf(id)),
          el('div', { class: 'bar-track' }, el('div', { class: 'bar-fill', style: { width: (100 * v / rows[0][1]).toFixed(1) + '%', '--c': colourOf.get(id) || '#666' } })),
          el('span', { class: 'bar-pct' }, Math.round(100 * v / total) + '%')))));
    }
    return section('dialogue', 'Dialogue', body);
  }
  function bar(parts, cls) {
    const total = parts.reduce((s, p) => s + p.value, 0) || 1;
    return el('div', { class: 'stack ' + (cls || '') }, parts.map(p => el('div', { class: 'stack-part', title: p.label, style: { width: (100 * p.value / total).toFixed(2) + '%', background: p.colour } }, p.value / total > 0.12 ? p.label : '')));
  }

  function timeline() {
    const events = arr(pick(A, 'timeline', 'events'));
    if (!events.length) return section('timeline', 'Timeline', notYet());
    return section('timeline', 'Timeline', el('ol', { class: 'timeline' }, events.map((e, i) => el('li', { 'data-finding': '', id: 'event-' + i },
      el('span', { class: 'when' }, pick(e, 'when', 'time', 'date', 'label', 'value') || ''), ' ',
      pick(e, 'what', 'description', 'text') || '', ' ',
      e.start != null ? jumpLink(e.start, e.end ?? e.start + 1, '→ passage') : null))));
  }

  function scenes() {
    const list = arr(A.scenes), chapters = arr(A.chapters);
    if (!list.length) return section('scenes', 'Chapters and scenes', notYet());
    const chapterTitle = i => { const c = chapters[i]; return c ? (c.title || 'Chapter ' + (i + 1)) : ''; };
    let last = -1;
    const items = [];
    for (const s of list) {
      if (s.chapter !== last && chapters.length > 1) { items.push(el('li', { class: 'chapter' }, chapterTitle(s.chapter))); last = s.chapter; }
      const people = arr(pick(s, 'characters', 'present')).map(nameOf);
      const place = pick(s, 'place', 'setting'), pov = pick(s, 'pointOfView', 'pov');
      items.push(el('li', { class: 'scene', 'data-finding': '', id: 'scene-' + s.index },
        jumpLink(s.start, s.end, 'Scene ' + (s.index + 1)), ' ',
        el('span', { class: 'muted' }, fmt(s.end - s.start), ' chars'),
        el('div', { class: 'scene-meta' },
          people.length ? el('span', null, '👥 ', people.join(', ')) : null,
          place != null ? el('span', null, '📍 ', typeof place === 'object' ? pick(place, 'name') : place) : null,
          pov != null ? el('span', null, '👁 ', typeof pov === 'object' ? pick(pov, 'name') : nameOf(pov)) : null,
          !people.length && place == null && pov == null ? el('span', { class: 'not-yet' }, 'characters, place, point of view: not analysed yet') : null),
        el('div', { class: 'scene-open' }, '“', snippet(s.start, s.end, 140), '”')));
    }
    return section('scenes', 'Chapters and scenes', el('ol', { class: 'scenes' }, items));
  }

  function findingList(id, title, list, name) {
    return section(id, title, el('ol', { class: 'findings' }, list.map((f, i) => {
      const ev = arr(f.evidence).length ? f.evidence : (f.start != null ? [{ start: f.start, end: f.end }] : []);
      const total = pick(f, 'passages') ?? ev.length;
      return el('li', { id: name + '-' + i, 'data-finding': '', class: 'finding' },
        el('div', { class: 'finding-head' }, el('strong', null, name === 'warning' ? warningName(f) : pick(f, 'name', 'label', 'category', 'kind', 'message') || title),
          f.severity ? el('span', { class: 'chip sev ' + f.severity }, f.severity) : null,
          f.confidence != null ? el('span', { class: 'muted' }, ' · ', Math.round(f.confidence * 100) + '% sure') : null,
          el('span', { class: 'muted' }, ' · ', fmt(total), total === 1 ? ' passage' : ' passages', total > ev.length ? ' (' + fmt(Math.min(ev.length, 50)) + ' shown)' : '')),
        f.message && f.message !== pick(f, 'name', 'label') ? el('p', null, f.message) : null,
        ev.length ? el('ul', { class: 'evidence' }, ev.slice(0, 50).map((e, j) => el('li', { id: name + '-' + i + '-' + j },
          jumpLink(e.start, e.end, quoteWithTrigger(e)),
          e.severity || e.aspect || e.rule ? el('span', { class: 'ev-meta' }, [e.severity, e.aspect, e.rule].filter(Boolean).join(' · ')) : null))) : null,
        ev.length > 50 ? el('p', { class: 'muted' }, '… and ', fmt(ev.length - 50), ' more, marked in the text.') : null);
    })));
  }
  // The passage as the finding quotes it, its trigger words in bold.
  function quoteWithTrigger(e) {
    const text = e.snippet || snippet(e.start, e.end, 200);
    const at = e.trigger ? text.toLowerCase().indexOf(String(e.trigger).toLowerCase()) : -1;
    if (at < 0) return ['“', text, '”'];
    return ['“', text.slice(0, at), el('b', null, text.slice(at, at + e.trigger.length)), text.slice(at + e.trigger.length), '”'];
  }
  function consistency() {
    const list = arr(pick(A, 'consistency', 'findings'));
    if (!list.length) return section('consistency', 'Consistency', notYet(has(pick(A, 'consistency', 'findings')) ? 'No inconsistencies found.' : undefined));
    return findingList('consistency', 'Consistency', list, 'finding');
  }
  function warnings() {
    const list = WARNINGS;
    const s = list.length ? findingList('warnings', 'Content warnings', list, 'warning')
      : section('warnings', 'Content warnings', notYet(WARNINGS_ANALYSED ? 'No content warnings found.' : undefined));
    const reasons = arr(pick(C, 'ratingReasons'));
    if (C && C.rating) s.append(el('h3', null, 'Rating: ' + C.rating), reasons.length ? el('ul', { class: 'reasons' }, reasons.map(r => el('li', null, r))) : null);
    const audit = pick(C, 'audit');
    if (audit) s.append(el('h3', null, 'Declared tags against the text'), el('dl', { class: 'tags audit' },
      el('div', null, el('dt', null, 'Rating'), el('dd', null, 'declared ', audit.declaredRating || 'none', ', found ', audit.detectedRating || '—')),
      el('div', null, el('dt', null, 'Declared warnings'), el('dd', null, audit.creatorChoseNotToWarn ? 'Creator chose not to use archive warnings' : arr(audit.declaredWarnings).join(' · ') || 'none')),
      el('div', null, el('dt', null, 'Found, not declared'), el('dd', { class: arr(audit.missing).length ? 'bad' : null }, arr(audit.missing).join(' · ') || 'nothing')),
      el('div', null, el('dt', null, 'Declared, not found'), el('dd', null, arr(audit.unsupported).join(' · ') || 'nothing'))));
    return s;
  }

  // ---- the text, rendered lazily --------------------------------------------------------------
  // Blocks: a chapter, or ~24K characters of paragraphs; a block is drawn when it nears the
  // viewport (IntersectionObserver) or when something jumps into it. A 2 MB novel is ~90 blocks.
  const BLOCK_CHARS = 24000;
  const blocks = [];
  const chapterStarts = arr(A.chapters).map(c => c.start);
  (function makeBlocks() {
    let from = 0, chars = 0, ch = 0;
    const pc = P.length / 2;
    for (let i = 0; i < pc; i++) {
      const start = P[2 * i];
      let newChapter = false;
      while (ch < chapterStarts.length && chapterStarts[ch] <= start) { newChapter = true; ch++; }
      if (i > from && (newChapter || chars > BLOCK_CHARS)) { blocks.push({ from, to: i }); from = i; chars = 0; }
      chars += P[2 * i + 1] - start;
    }
    if (pc > from) blocks.push({ from, to: pc });
    blocks.forEach(b => { b.start = P[2 * b.from]; b.end = P[2 * b.to - 1]; b.chapter = chapterIndexAt(b.start); });
  })();
  function chapterIndexAt(off) { let lo = 0, hi = chapterStarts.length - 1, r = -1; while (lo <= hi) { const m = (lo + hi) >> 1; if (chapterStarts[m] <= off) { r = m; lo = m + 1; } else hi = m - 1; } return r; }
  function paragraphAt(off) { let lo = 0, hi = P.length / 2 - 1, r = -1; while (lo <= hi) { const m = (lo + hi) >> 1; if (P[2 * m] <= off) { r = m; lo = m + 1; } else hi = m - 1; } return r < 0 ? 0 : r; }
  function blockOfParagraph(p) { let lo = 0, hi = blocks.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (blocks[m].from <= p) lo = m; else hi = m - 1; } return lo; }

  // Marks in the text: quotations (coloured by speaker) and finding evidence (linked back).
  const marks = [];
  arr(A.quotes).forEach((q, i) => marks.push({ start: q.start, end: q.end, kind: 'q', i, speaker: speakerOf(q) }));
  WARNINGS.forEach((w, i) => arr(w.evidence).forEach((e, j) => marks.push({ start: e.start, end: e.end, kind: 'w', back: 'warning-' + i + '-' + j, label: warningName(w) })));
  arr(pick(A, 'consistency', 'findings')).forEach((f, i) => (arr(f.evidence).length ? f.evidence : f.start != null ? [f] : []).forEach((e, j) => marks.push({ start: e.start, end: e.end, kind: 'f', back: 'finding-' + i + '-' + j, label: pick(f, 'name', 'kind', 'message') || 'Finding' })));
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const markStarts = marks.map(m => m.start);
  function firstMarkAtOrAfter(off) { let lo = 0, hi = marks.length; while (lo < hi) { const m = (lo + hi) >> 1; if (markStarts[m] < off) lo = m + 1; else hi = m; } return lo; }
  let maxMarkLen = 0; for (const m of marks) maxMarkLen = Math.max(maxMarkLen, m.end - m.start);

  let filter = null;
  function renderParagraph(pi) {
    const s = P[2 * pi], e = P[2 * pi + 1];
    const p = el('p', { id: 'p-' + pi, 'data-s': s });
    // marks overlapping [s, e): those starting up to maxMarkLen before s
    const open = [];
    for (let k = firstMarkAtOrAfter(s - maxMarkLen); k < marks.length && marks[k].start < e; k++) if (marks[k].end > s) open.push(marks[k]);
    if (!open.length) { p.append(T.slice(s, e)); return p; }
    const cuts = new Set([s, e]);
    for (const m of open) { cuts.add(Math.max(s, m.start)); cuts.add(Math.min(e, m.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    let speakers = false;
    for (let c = 0; c + 1 < points.length; c++) {
      const a = points[c], b = points[c + 1];
      const on = open.filter(m => m.start <= a && m.end >= b);
      let node = document.createTextNode(T.slice(a, b));
      for (const m of on) {
        if (m.kind === 'q') {
          const span = el('span', { class: 'q' + (m.speaker != null ? ' said' : ''), 'data-q': m.i, title: m.speaker != null ? nameOf(m.speaker) : null }, node);
          if (m.speaker != null) { span.style.setProperty('--c', colourOf.get(m.speaker) || '#666'); span.dataset.speaker = m.speaker; if (filter != null && String(m.speaker) === String(filter)) speakers = true; }
          node = span;
        } else {
          node = el('a', { class: 'mark ' + m.kind, href: '#' + m.back, title: m.label + ' — back to the finding',
            onclick: ev => { ev.preventDefault(); const t = document.getElementById(m.back); if (t) { t.scrollIntoView({ block: 'center' }); flash(t); } } }, node);
          if (m.start === a) node.id = 'at-' + m.back;
        }
      }
      p.append(node);
    }
    if (speakers) p.classList.add('has-speaker');
    return p;
  }
  function renderBlock(bi) {
    const b = blocks[bi];
    if (b.done) return b.node;
    b.done = true;
    const frag = document.createDocumentFragment();
    for (let pi = b.from; pi < b.to; pi++) frag.append(renderParagraph(pi));
    b.node.replaceChildren(frag);
    b.node.classList.remove('pending');
    b.node.style.removeProperty('min-height');
    return b.node;
  }
  function textSection() {
    const box = el('div', { class: 'text', id: 'story-text' });
    const io = 'IntersectionObserver' in window ? new IntersectionObserver(entries => {
      for (const en of entries) if (en.isIntersecting) { renderBlock(+en.target.dataset.b); io.unobserve(en.target); }
    }, { rootMargin: '1500px 0px' }) : null;
    let lastChapter = -2;
    blocks.forEach((b, i) => {
      if (b.chapter !== lastChapter && chapterStarts.length > 1 && b.chapter >= 0) {
        const c = A.chapters[b.chapter];
        box.append(el('div', { class: 'chapter-mark', id: 'chapter-' + b.chapter }, 'Chapter ' + (b.chapter + 1), c.title ? ' · ' + c.title : ''));
      }
      lastChapter = b.chapter;
      b.node = el('div', { class: 'block pending', 'data-b': i, style: { 'min-height': Math.round((b.end - b.start) / 70 * 1.75 * 17 / 1) + 'px' } });
      box.append(b.node);
      if (io) io.observe(b.node); else renderBlock(i);
    });
    const search = el('input', { type: 'search', placeholder: 'Search the text…', 'aria-label': 'Search the text', id: 'search' });
    const results = el('div', { class: 'results', id: 'search-results', hidden: true });
    let lower = null, timer = 0;
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 150); });
    search.addEventListener('keydown', ev => { if (ev.key === 'Enter') { clearTimeout(timer); run(); const a = results.querySelector('a'); if (a) a.click(); } });
    function run() {
      const q = search.value.trim().toLowerCase();
      results.replaceChildren();
      if (q.length < 2) { results.hidden = true; return; }
      lower = lower || T.toLowerCase();
      const hits = [];
      for (let i = lower.indexOf(q); i >= 0 && hits.length < 1000; i = lower.indexOf(q, i + q.length)) hits.push(i);
      results.hidden = false;
      results.append(el('p', { class: 'muted' }, hits.length >= 1000 ? '1,000+ matches' : fmt(hits.length) + (hits.length === 1 ? ' match' : ' matches'), hits.length > 100 ? ' (first 100 shown)' : ''));
      results.append(el('ol', null, hits.slice(0, 100).map(h => el('li', { 'data-finding': '' }, jumpLink(h, h + q.length,
        [T.slice(Math.max(0, h - 40), h).replace(/\s+/g, ' '), el('mark', null, T.slice(h, h + q.length)), T.slice(h + q.length, h + q.length + 40).replace(/\s+/g, ' ')])))));
    }
    const picker = el('select', { id: 'speaker-filter', 'aria-label': 'Show one character’s lines', onchange: ev => setFilter(ev.target.value === '' ? null : ev.target.value) },
      el('option', { value: '' }, CAST.length ? 'All characters' : 'Characters: not analysed yet'),
      CAST.map((c, i) => el('option', { value: c.id != null ? c.id : i }, pick(c, 'name', 'canonical') || '?')));
    if (!CAST.length) picker.disabled = true;
    const legend = CAST.length ? el('div', { class: 'legend' }, CAST.slice(0, 12).map((c, i) => el('span', null, el('span', { class: 'dot', style: { '--c': colourOf.get(c.id != null ? c.id : i) } }), pick(c, 'name', 'canonical')))) : null;
    return section('text', 'The text', el('div', { class: 'toolbar' }, search, picker), results, legend, box);
  }
  function setFilter(id) {
    filter = id == null ? null : String(id);
    const box = document.getElementById('story-text'), picker = document.getElementById('speaker-filter');
    if (picker) picker.value = filter == null ? '' : filter;
    box.classList.toggle('filtering', filter != null);
    for (const p of box.querySelectorAll('p.has-speaker')) p.classList.remove('has-speaker');
    for (const q of box.querySelectorAll('.q.said')) {
      const on = filter != null && q.dataset.speaker === filter;
      q.classList.toggle('chosen', on);
      if (on) q.closest('p').classList.add('has-speaker');
    }
    if (filter != null) document.getElementById('text').scrollIntoView();
  }

  function jumpTo(start, end, from) {
    if (!blocks.length) return;
    const pi = paragraphAt(start);
    renderBlock(blockOfParagraph(pi));
    const p = document.getElementById('p-' + pi);
    if (!p) return;
    const range = rangeIn(p, P[2 * pi], start, end);
    const target = range && range.startContainer.parentElement ? range.startContainer.parentElement : p;
    target.scrollIntoView({ block: 'center' });
    if (range && window.CSS && CSS.highlights && typeof Highlight === 'function') CSS.highlights.set('jump', new Highlight(range));
    flash(p);
    p.classList.add('target');
    document.querySelectorAll('p.target').forEach(x => { if (x !== p) x.classList.remove('target'); });
    if (from) { backTarget = from; backBar.hidden = false; }
  }
  function rangeIn(p, pStart, start, end) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let off = pStart, r = document.createRange(), started = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.nodeValue.length;
      if (!started && start < off + len) { r.setStart(n, Math.max(0, start - off)); started = true; }
      if (started && end <= off + len) { r.setEnd(n, Math.max(0, end - off)); return r; }
      off += len;
    }
    if (started) { r.setEndAfter(p.lastChild); return r; }
    return null;
  }

  // ---- page --------------------------------------------------------------------------------
  const sections = [overview(), cast(), relationships(), dialogue(), timeline(), scenes(), consistency(), warnings(), textSection()];
  const nav = el('nav', { class: 'toc', 'aria-label': 'Sections' }, el('ul', null, sections.map(s => el('li', null, el('a', { href: '#' + s.id }, s.querySelector('h2').textContent)))));
  // Without a title, the file's name: "113_the_secret_garden.txt" -> "113 the secret garden".
  const title = S.title || (S.path ? S.path.split(/[\\/]/).pop().replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() : 'Untitled story');
  document.title = title + ' — Fabula report';
  document.body.append(
    el('header', { class: 'top' }, el('div', { class: 'brand' }, 'Fabula'), el('h1', null, title)),
    el('div', { class: 'layout' }, nav, el('main', null, sections)),
    backBar);
  document.body.dataset.drawnMs = Math.round(performance.now());
  document.body.classList.add('ready');
})();
