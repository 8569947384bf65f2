// app.js: the wiring of the educators' page. It reads the controls, asks the kzpenalty library
// (WebAssembly, ./kzpenalty.mjs) and writes its answers into the page. No legal rule and no number is
// worked out here: bounds and the rule behind each, tenge, words, equivalences, who may not receive a
// punishment, the compulsory payment and citations (in the page's language) are the library's; this file
// only chooses which questions to ask and lays the answers out (chart lengths are ratios of library numbers).

import { load } from './kzpenalty.mjs';
import { LANGS, texts, fill, showDate, preferredLang } from './i18n.js';
import { stackedBars, rowBars } from './charts.js';

const $ = (id) => document.getElementById(id);
const ui = {
  lang: $('lang'),
  article: $('article'),
  date: $('date'),
  year: $('year'),
  halfCap: $('half-cap'),
  orderProcedure: $('order-procedure'),
  mci: $('mci'),
};

let k = null; // the library module
let law = null; // Context of the embedded dataset
let charts = null; // what the charts were last drawn from, to redraw them at a new width
let whatIf = null; // { raw, ctx }: the last hypothetical-MCI Context, kept while its value stays
let linkIgnored = []; // names of the link's parameters that could not be used, shown until the form changes

/** An HTML element with attributes and children (strings become text, never markup). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

/** 4325 -> "4 325": digits grouped for reading, nothing computed. */
const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

const lang = () => (LANGS.includes(ui.lang.value) ? ui.lang.value : 'ru');

/** A hypothetical MCI as typed: whole tenge in digits, exact as a JavaScript number (its range is the library's). */
const wholeTenge = (raw) => /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw));
const currentArticle = () => law.articles().find((a) => a.id === ui.article.value) || law.articles()[0];

/** "200 МРП", "50 суток": an amount from the library with the library's unit word. */
function amount(value, unit, l) {
  return `${k.formatQty(value, l)}\u00a0${k.unitLabel(unit, l, String(value))}`;
}

/** A citation in the page's language as the library gives it: its reference ("ч. 2 ст. 41"), followed by
 * its act unless that is the act of the article asked about (then the reference says it all), or the act
 * alone when there is no reference. */
function ref(citation, l, article) {
  if (!citation) {
    return '';
  }
  const reference = citation.referenceIn[l] || citation.reference;
  const act = citation.actIn[l] || citation.act;
  const articleAct = article ? article.citation.actIn[l] || article.citation.act : null;
  return !reference ? act : act === articleAct ? reference : `${reference}, ${act}`;
}

/** The fines periods of the MCI table grouped by year, the last period of each year kept. */
function mciYears() {
  const years = new Map();
  for (const p of law.mciTable()) {
    if (p.purpose !== 'benefits') {
      years.set(p.from.slice(0, 4), p);
    }
  }
  return years;
}

/** The date a year stands for: its last MCI period's first day, or the article's first day if later. */
function yearDate(year, article) {
  const period = mciYears().get(year);
  if (!period) {
    return null;
  }
  const inForce = article.inForceFrom;
  return inForce.slice(0, 4) === year && inForce > period.from ? inForce : period.from;
}

/** A library error as a sentence in the page's language. */
function errorText(e, t, vars) {
  if (e && typeof e.code === 'string' && t.err[e.code]) {
    return fill(t.err[e.code], { ...vars, message: e.message });
  }
  return fill(t.err.other, { message: e && e.message ? e.message : String(e) });
}

// ---- questions to the library ---------------------------------------------------------------

/** Everything the page shows for the current controls, or an error. */
function ask() {
  const l = lang();
  const t = texts(l);
  const article = currentArticle();
  const date = ui.date.value;
  const mitigated = ui.halfCap.checked;
  const options = { mitigated, orderProcedure: ui.orderProcedure.checked };
  const vars = {
    article: article.id,
    inForce: showDate(article.inForceFrom, l),
    date: showDate(date, l),
    until: showDate(law.info.mciKnownUntil, l),
  };
  const model = { l, t, article, date, options, hypo: null, error: null };
  try {
    model.history = askHistory(article, options);
  } catch (e) {
    console.error('kzpenalty: the history chart could not be computed', e);
    model.history = null;
  }

  let ctx = law;
  const raw = ui.mci.value.trim();
  if (raw !== '') {
    if (!wholeTenge(raw)) {
      model.error = t.err.mciWhole;
      return model;
    }
    try {
      if (!whatIf || whatIf.raw !== raw) {
        whatIf = { raw, ctx: law.whatIf(Number(raw)) };
      }
      ctx = whatIf.ctx;
      model.hypo = raw;
    } catch (e) {
      model.error = errorText(e, t, vars);
      return model;
    }
  }
  if (!date) {
    model.error = t.err.noDate;
    return model;
  }
  try {
    const range = ctx.range(article.id, date, options);
    model.range = range;
    model.sentences = ctx.sanctionTexts(article.id, date, l, options);
    model.equivalence = range.sanctions.length > 1 ? askEquivalence(ctx, range) : null;
  } catch (e) {
    model.error = errorText(e, t, vars);
  }
  return model;
}

/** The library's equivalence (its default rule): each alternative's maximum in MCI of fine, the fine's
 * maximum in the other alternatives, one unit of the largest in the others. */
function askEquivalence(ctx, range) {
  const rows = range.sanctions.map((s) => {
    let mci = null;
    let conversion = null;
    if (s.kind === 'fine') {
      mci = s.max.amount; // the fine itself: nothing to convert
    } else {
      try {
        conversion = ctx.convert(s.max.amount, s.kind, 'fine');
        mci = conversion.whole.toString();
      } catch {
        mci = null; // a kind without a rate in the dataset: no bar length
      }
    }
    return { sanction: s, mci, conversion };
  });
  const fine = range.sanctions.find((s) => s.kind === 'fine');
  const fromFine = [];
  const citations = [];
  let scope = '';
  if (fine) {
    for (const s of range.sanctions) {
      if (s.kind !== 'fine') {
        try {
          const c = ctx.convert(fine.max.amount, 'fine', s.kind);
          fromFine.push({ kind: s.kind, unit: s.unit, conversion: c });
          citations.push(c.citation);
          scope = scope || c.scope;
        } catch {
          /* no rate for this pair: left out */
        }
      }
    }
  }
  // One unit of the alternative with the largest unit (a day of arrest), in the others.
  const base = range.sanctions.find((s) => s.kind === 'arrest') || null;
  const oneUnit = [];
  if (base) {
    for (const s of range.sanctions) {
      if (s.kind !== base.kind) {
        try {
          oneUnit.push({ kind: s.kind, unit: s.unit, conversion: ctx.convert(1, base.kind, s.kind) });
        } catch {
          /* no rate for this pair: left out */
        }
      }
    }
  }
  return { rows, fine, fromFine, base, oneUnit, citations, scope };
}

/** The tenge value of the article's maximum fine for every year of the MCI table (the dataset, never a what-if).
 * A year the library prices no fine for (before the Code whose pricing rule the dataset holds) is listed with
 * the library's reason and no value. */
function askHistory(article, options) {
  let probe;
  try {
    probe = law.range(article.id, article.inForceFrom, options);
  } catch {
    return null;
  }
  const fine = probe.sanctions.find((s) => s.kind === 'fine');
  if (!fine) {
    return null;
  }
  const rows = [];
  for (const [year, period] of mciYears()) {
    const date = yearDate(year, article);
    try {
      const r = law.range(article.id, date, options);
      const f = r.sanctions.find((s) => s.kind === 'fine');
      rows.push({ year, date, inForce: true, tiyn: f.max.tiyn, mci: r.mci, certainty: r.mci.certainty });
    } catch (e) {
      if (e.code !== 'KZP_E_NOT_IN_FORCE') {
        throw e;
      }
      try {
        const f = law.fine(fine.max.amount, date);
        rows.push({ year, date, inForce: false, tiyn: f.amountTiyn, mci: f.mci, certainty: f.certainty });
      } catch (notPriced) {
        if (notPriced.code !== 'KZP_E_NOT_IN_FORCE') {
          throw notPriced;
        }
        rows.push({ year, date, inForce: false, tiyn: null, mci: period, certainty: period.citation.status });
      }
    }
  }
  return { fine, rows, receipt: probe.receipt };
}

// ---- the link: the question in the address's query string ----------------------------------
// ?lang=kk&article=115-1&date=2025-10-01&half-cap=1&order-procedure=1&mci=5000: the controls' own names.
// A value is used only once checked (a date and a hypothetical MCI by the library itself); one that
// cannot be used is left out and named in a notice, and its control keeps its default.

/** Which text of i18n.js names the control of each parameter, in the order the link writes them. */
const LINK_LABELS = {
  lang: 'lang',
  article: 'article',
  date: 'date',
  'half-cap': 'halfCap',
  'order-procedure': 'orderProcedure',
  mci: 'mci',
};

/** The language a link asks for, when the page has its words in it; else null (and 'lang' is ignored). */
function linkLang(query, ignored) {
  const value = query.get('lang');
  if (value !== null && !LANGS.includes(value)) {
    ignored.push('lang');
  }
  return LANGS.includes(value) ? value : null;
}

/** A date the library reads as a date (one it has no MCI or no article for is still a date to ask about). */
function isDate(value) {
  try {
    law.mci(value);
    return true;
  } catch (e) {
    return Boolean(e && e.code) && e.code !== 'KZP_E_BAD_DATE';
  }
}

/** Puts the link's values, other than the language, into the controls; each one that cannot be used is
 * named in ignored, and its control keeps the default it has. */
function applyLink(query, ignored) {
  const use = (name, apply) => {
    if (query.has(name) && !apply(query.get(name))) {
      ignored.push(name);
    }
  };
  const flag = (box) => (value) => {
    if (value !== '1' && value !== '0') {
      return false;
    }
    box.checked = value === '1';
    return true;
  };
  use('article', (value) => {
    if (!law.articles().some((a) => a.id === value)) {
      return false;
    }
    ui.article.value = value;
    return true;
  });
  ui.date.value = defaultDate(currentArticle());
  use('date', (value) => {
    const before = ui.date.value;
    ui.date.value = value; // a date input keeps only a real calendar day written YYYY-MM-DD
    if (ui.date.value === value && isDate(value)) {
      return true;
    }
    ui.date.value = before;
    return false;
  });
  use('half-cap', flag(ui.halfCap));
  use('order-procedure', flag(ui.orderProcedure));
  use('mci', (value) => {
    if (value === '') {
      return true; // no hypothetical MCI: the law's
    }
    if (!wholeTenge(value)) {
      return false;
    }
    try {
      whatIf = { raw: value, ctx: law.whatIf(Number(value)) };
    } catch {
      return false; // out of the range the library accepts
    }
    ui.mci.value = value;
    return true;
  });
}

/** The address of the question the controls hold now, written over the current one (no new history entry). */
function writeLink(t) {
  const query = new URLSearchParams();
  query.set('lang', lang());
  query.set('article', currentArticle().id);
  if (ui.date.value) {
    query.set('date', ui.date.value);
  }
  if (ui.halfCap.checked) {
    query.set('half-cap', '1');
  }
  if (ui.orderProcedure.checked) {
    query.set('order-procedure', '1');
  }
  if (ui.mci.value.trim() !== '') {
    query.set('mci', ui.mci.value.trim()); // as typed, even when refused: the link is the form's
  }
  const search = `?${query}`;
  if (window.location.search !== search) {
    try {
      const { pathname, hash } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
    } catch {
      /* a browser that limits how often the address changes (Safari): the next change writes it */
    }
  }
  $('case-link').textContent = fill(t.caseLink, { url: window.location.href });
}

// ---- the page -------------------------------------------------------------------------------

function applyChrome(l) {
  const t = texts(l);
  document.documentElement.lang = l;
  document.title = t.docTitle;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t[node.dataset.i18n];
  }
  const none = ui.year.querySelector('option[value=""]');
  if (none) {
    none.textContent = t.yearNone;
  }
  for (const option of ui.article.options) {
    const a = law && law.articles().find((x) => x.id === option.value);
    if (a) {
      option.textContent = `${a.id}. ${a.title[l]}`;
    }
  }
}

function fillControls() {
  for (const a of law.articles()) {
    ui.article.append(h('option', { value: a.id }, a.id));
  }
  ui.year.append(h('option', { value: '' }, ''));
  for (const year of mciYears().keys()) {
    ui.year.append(h('option', { value: year }, year));
  }
}

/** Today if the library can answer for it, else the latest MCI period's start, else the article's first day. */
function defaultDate(article) {
  const now = new Date();
  const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  const latest = [...mciYears().values()].pop();
  for (const date of [today, latest && latest.from, article.inForceFrom]) {
    try {
      law.range(article.id, date);
      return date;
    } catch {
      /* try the next one */
    }
  }
  return article.inForceFrom;
}

function syncYear() {
  const year = ui.date.value.slice(0, 4);
  ui.year.value = mciYears().has(year) ? year : '';
}

function render() {
  const m = ask();
  const { t, l } = m;
  applyChrome(l);

  const banner = $('hypo-banner');
  banner.hidden = !m.hypo;
  banner.textContent = m.hypo ? fill(t.hypoBanner, { mci: group(m.hypo) }) : '';
  $('error').textContent = m.error || '';
  const notice = $('link-notice');
  notice.hidden = linkIgnored.length === 0;
  notice.textContent = linkIgnored.length === 0 ? '' : fill(t.linkIgnored, {
    fields: Object.keys(LINK_LABELS).filter((name) => linkIgnored.includes(name))
      .map((name) => t[LINK_LABELS[name]]).join('; '),
  });

  const ok = !m.error && m.range;
  $('results').hidden = !ok;
  $('equivalence').hidden = !ok || !m.equivalence;
  $('basis-section').hidden = !ok;
  if (ok) {
    renderResults(m);
    renderBasis(m);
  }
  renderHistory(m);
  renderFooter(m);
  charts = { m, ok };
  drawCharts();
  $('summary').textContent = ok ? [m.hypo ? banner.textContent : '', ...m.sentences].filter(Boolean).join('; ') : '';
  writeLink(t);
}

/** A bound of a sanction as the library gives it: amount and unit, tenge for an amount in MCI, and the
 * rule that sets it in the page's language. which: 'min' or 'max' (test ids). */
function boundCell(s, bound, which, m) {
  const { t, l } = m;
  const style = k.moneyStyleOf(l);
  if (bound === null) {
    const cell = [h('span', { 'data-testid': `${which}-${s.kind}` }, t.noBound)];
    if (which === 'min' && s.minLiftedBy) {
      cell.push(h('br'), h('small', { class: 'rule', 'data-testid': `min-rule-${s.kind}` },
        fill(t.lifted, { rule: ref(s.minLiftedBy, l, m.article) })));
    }
    return cell;
  }
  const cell = [
    h('span', { 'data-testid': `${which}-${s.kind}` }, k.formatQty(bound.amount, l)),
    `\u00a0${k.unitLabel(s.unit, l, bound.amount)}`,
  ];
  if (bound.tiyn !== null) {
    cell.push(' = ', h('span', { class: 'nowrap', 'data-testid': `${which}-tenge-${s.kind}` },
      k.formatTenge(bound.tiyn, style)));
  }
  if (bound.citation) {
    cell.push(h('br'), h('small', { class: 'rule', 'data-testid': `${which}-rule-${s.kind}`,
      'data-source': bound.source }, ref(bound.citation, l, m.article)));
  }
  return cell;
}

function renderResults(m) {
  const { t, l, range } = m;
  $('fact-date').textContent = showDate(range.offenceDate, l);
  $('fact-category').textContent = k.categoryLabel(m.article.category, l);
  const mci = range.mci;
  $('fact-mci').textContent = !mci
    ? '—'
    : mci.certainty === 'hypothetical'
      ? fill(t.mciHypo, { tenge: group(mci.tenge) })
      : fill(t.mciFrom, { tenge: group(mci.tenge), from: showDate(mci.from, l) });
  const badge = $('fact-certainty');
  badge.textContent = t.cert[range.certainty] || range.certainty;
  badge.className = `badge cert-${range.certainty}`;
  const stale = $('stale');
  stale.hidden = !range.stale;
  stale.textContent = range.stale ? t.stale : '';

  const style = k.moneyStyleOf(l);
  $('sanction-rows').replaceChildren(
    ...range.sanctions.map((s) => {
      const max = boundCell(s, s.max, 'max', m);
      if (s.capped) {
        max.push(h('br'), h('small', {}, fill(t.capped, { max: amount(s.articleMax.amount, s.unit, l) })));
      }
      if (s.perDayMax !== null) {
        max.push(h('br'), h('small', { 'data-testid': `per-day-${s.kind}` },
          fill(t.perDay, { max: amount(s.perDayMax, s.unit, l), rule: ref(s.perDayCitation, l, m.article) })));
      }
      return h(
        'tr',
        { 'data-kind': s.kind },
        h('th', { scope: 'row' }, k.kindLabel(s.kind, l)),
        h('td', { 'data-label': t.colMin }, ...boundCell(s, s.min, 'min', m)),
        h('td', { 'data-label': t.colMax }, ...max),
      );
    }),
  );
  const omitted = $('omitted');
  omitted.hidden = range.omitted.length === 0;
  omitted.textContent = range.omitted.length === 0 ? '' : fill(t.omitted, {
    kinds: range.omitted.map((kind) => k.kindLabel(kind, l)).join(', '),
    rule: ref(range.omittedBy, l, m.article),
  });

  const restricted = range.sanctions.filter((s) => s.restriction);
  $('restrictions-block').hidden = restricted.length === 0;
  $('restrictions').replaceChildren(
    ...restricted.map((s) =>
      h(
        'li',
        { 'data-kind': s.kind },
        h('strong', {}, k.kindLabel(s.kind, l)),
        ` (${ref(s.restriction.citation, l, m.article)}): `,
        s.restriction.persons[l].join('; '),
      ),
    ),
  );

  $('payments-block').hidden = range.payments.length === 0;
  $('payments').replaceChildren(
    ...range.payments.map((p) =>
      h(
        'li',
        { 'data-payment': p.id },
        h('strong', {}, p.name[l]),
        ` (${ref(p.citation, l, m.article)}): ${amount(p.mciCount, 'mci', l)}`,
        p.priced ? [' = ', h('span', { class: 'nowrap', 'data-testid': 'payment-amount' },
          k.formatTenge(p.amountTiyn, style))] : null,
        ' ',
        h('span', { class: `badge cert-${p.certainty}`, 'data-testid': 'payment-certainty' },
          t.cert[p.certainty] || p.certainty),
        p.pricedBy ? h('br') : null,
        p.pricedBy ? h('small', {}, fill(t.pricedBy, { rule: ref(p.pricedBy, l, m.article) })) : null,
      ),
    ),
  );

  const fine = range.sanctions.find((s) => s.kind === 'fine' && s.max.tiyn !== null);
  $('fine-figures').textContent = fine ? k.formatTenge(fine.max.tiyn, style) : '—';
  $('fine-words').textContent = fine ? k.tengeWords(fine.max.tiyn, l) : '—';
  $('verdict').replaceChildren(...m.sentences.map((s) => h('li', {}, s)));

  const eq = m.equivalence;
  if (!eq) {
    return;
  }
  const link = (kind, value, unit) => `${k.kindLabel(kind, l)}: ${amount(value, unit, l)}`;
  const rest = (c) => (c.exact ? '' : ` + ${amount(c.remainder, c.remainderUnit, l)}`);
  const converted = (x) => link(x.kind, x.conversion.whole, x.unit) + rest(x.conversion);
  $('equiv-scope').textContent = eq.scope ? eq.scope[l] : '';
  $('equiv-caption').textContent = eq.fine
    ? [link('fine', eq.fine.max.amount, 'mci'), ...eq.fromFine.map(converted)].join(' = ')
    : '';
  $('equiv-one').textContent = eq.base
    ? `${t.equivOne} ${[link(eq.base.kind, '1', eq.base.unit), ...eq.oneUnit.map(converted)].join(' = ')}`
    : '';
  const head = [t.colKind, t.colMaxAmount, t.colEquiv].map((c) => h('th', { scope: 'col' }, c));
  $('equiv-table').replaceChildren(
    h('thead', {}, h('tr', {}, ...head)),
    h(
      'tbody',
      {},
      ...eq.rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, k.kindLabel(r.sanction.kind, l)),
          h('td', {}, amount(r.sanction.max.amount, r.sanction.unit, l)),
          h('td', {}, r.mci === null ? '—' : amount(r.mci, 'mci', l)),
        ),
      ),
    ),
  );
}

function renderBasis(m) {
  const { t, l, range, equivalence } = m;
  const seen = new Set();
  const payments = range.payments.flatMap((p) => [p.citation, p.pricedBy]);
  const citations = [...range.basis, ...payments, ...(equivalence ? equivalence.citations : [])]
    .filter((c) => c && !seen.has(c.id) && seen.add(c.id));
  const source = (c) => [c.document, c.seenIn ? `${t.seenIn}: ${c.seenIn}` : ''].filter(Boolean).join('. ');
  $('basis').replaceChildren(
    ...citations.map((c) =>
      h(
        'li',
        { 'data-citation': c.id },
        h(
          'p',
          {},
          h('strong', {}, c.referenceIn[l] || c.reference || c.actIn[l] || c.act),
          ' ',
          h('span', { class: `badge cert-${c.status}` }, t.cert[c.status] || c.status),
        ),
        c.reference ? h('p', {}, c.actIn[l] || c.act) : null,
        c.note ? h('p', { lang: 'en' }, c.note) : null,
        source(c) ? h('p', { class: 'hint', lang: 'en' }, source(c)) : null,
      ),
    ),
  );
}

function renderHistory(m) {
  const { t, l, history } = m;
  $('history').hidden = !history;
  if (!history) {
    return;
  }
  const maxText = amount(history.fine.max.amount, 'mci', l);
  $('history-intro').textContent = fill(t.historyIntro, { date: showDate(m.article.inForceFrom, l), max: maxText });
  const style = k.moneyStyleOf(l);
  $('history-table').replaceChildren(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t.colYear, t.colMciFrom, t.colValue, t.colStatus, t.certainty].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      ...history.rows.map((r) =>
        h(
          'tr',
          { 'data-year': r.year },
          h('th', { scope: 'row' }, r.year),
          h('td', {}, `${group(r.mci.tenge)} ₸ (${showDate(r.mci.from, l)})`),
          h('td', { class: 'nowrap' }, r.tiyn === null ? '—' : k.formatTenge(r.tiyn, style)),
          h('td', {}, r.inForce ? t.statusInForce : r.tiyn === null ? t.statusNotPriced : t.statusNotInForce),
          h('td', {}, t.cert[r.certainty] || r.certainty),
        ),
      ),
    ),
  );
  const legend = [
    ['sw-in-force', t.legendInForce],
    ['sw-not-in-force', fill(t.legendNotInForce, { max: maxText })],
  ];
  if (history.rows.some((r) => r.certainty === 'unverified')) {
    legend.push([null, t.legendUnverified]);
  }
  if (m.hypo && m.range) {
    legend.push(['sw-hypo', t.legendHypo]);
  }
  $('history-legend').replaceChildren(
    ...legend.map(([cls, text]) =>
      h('li', {}, cls ? h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }) : null, text),
    ),
  );
}

function renderFooter(m) {
  const info = law.info;
  const receipt = (m.range && m.range.receipt) || (m.history && m.history.receipt);
  $('footer').textContent = fill(m.t.footer, {
    library: receipt ? receipt.library : '',
    dataset: info.id,
    version: info.version,
    verified: showDate(info.verifiedOn, m.l),
    fingerprint: info.fingerprint,
    until: showDate(info.mciKnownUntil, m.l),
  });
}

/** Both charts, at the width their boxes have now. */
function drawCharts() {
  if (!charts) {
    return;
  }
  const { m, ok } = charts;
  const { t, l } = m;
  const dense = document.documentElement.classList.contains('printing'); // drawn for a sheet (style.css)
  if (ok && m.equivalence) {
    const box = $('equiv-chart');
    const rows = m.equivalence.rows;
    const longest = Math.max(...rows.map((r) => (r.mci === null ? 0 : Number(r.mci))));
    box.replaceChildren(
      stackedBars({
        id: 'equiv-svg',
        width: box.clientWidth,
        dense,
        title: t.equivTitle,
        desc: $('equiv-caption').textContent,
        rows: rows.map((r) => ({
          label: k.kindLabel(r.sanction.kind, l),
          text:
            amount(r.sanction.max.amount, r.sanction.unit, l) +
            (r.sanction.kind !== 'fine' && r.mci !== null ? ` = ${amount(r.mci, 'mci', l)}` : ''),
          ratio: r.mci === null || !longest ? 0 : Number(r.mci) / longest,
          cls: `bar-${r.sanction.kind}`,
          attrs: { 'data-kind': r.sanction.kind, 'data-mci': r.mci },
        })),
      }),
    );
  }
  const history = m.history;
  if (history) {
    const box = $('history-chart');
    const rows = history.rows.filter((r) => r.tiyn !== null).map((r) => ({
      label: r.year,
      tiyn: r.tiyn,
      text: `${k.formatTenge(r.tiyn, 'sign')}${r.certainty === 'unverified' ? ' *' : ''}`,
      hatched: !r.inForce,
      cls: r.inForce ? 'bar-in-force' : 'bar-not-in-force',
      attrs: { 'data-year': r.year, 'data-in-force': String(r.inForce), 'data-certainty': r.certainty },
    }));
    const fine = m.hypo && m.range && m.range.sanctions.find((s) => s.kind === 'fine' && s.max.tiyn !== null);
    if (fine) {
      rows.push({
        label: t.hypoRow,
        tiyn: fine.max.tiyn,
        text: k.formatTenge(fine.max.tiyn, 'sign'),
        cls: 'bar-hypo',
        attrs: { 'data-hypothetical': 'true' },
      });
    }
    const most = rows.reduce((a, r) => (r.tiyn > a ? r.tiyn : a), 0n);
    for (const r of rows) {
      r.ratio = most > 0n ? Number(r.tiyn) / Number(most) : 0;
    }
    const priced = history.rows.filter((r) => r.tiyn !== null);
    const first = priced[0];
    const last = priced[priced.length - 1];
    box.replaceChildren(
      rowBars({
        id: 'history-svg',
        width: box.clientWidth,
        dense,
        title: t.historyTitle,
        desc: fill(t.historyDesc, {
          first: first.year,
          firstValue: k.formatTenge(first.tiyn, k.moneyStyleOf(l)),
          last: last.year,
          lastValue: k.formatTenge(last.tiyn, k.moneyStyleOf(l)),
        }),
        rows,
      }),
    );
  }
}

async function main() {
  const query = new URLSearchParams(window.location.search);
  const ignored = [];
  const stored = linkLang(query, ignored) || preferredLang(navigator.languages || [navigator.language]);
  ui.lang.value = stored;
  applyChrome(stored);
  try {
    k = await load();
    law = new k.Context();
  } catch (e) {
    $('status-loading').hidden = true;
    $('error').textContent = fill(texts(stored).err.load, { message: e && e.message ? e.message : String(e) });
    return;
  }
  fillControls();
  applyLink(query, ignored);
  linkIgnored = ignored;
  syncYear();
  $('status-loading').hidden = true;

  // a change of the form answers the new question, and the link's notice has done its work
  const on = (control, type, answer) => control.addEventListener(type, () => {
    linkIgnored = [];
    answer();
  });
  on(ui.lang, 'change', render);
  on(ui.article, 'change', render);
  on(ui.halfCap, 'change', render);
  on(ui.orderProcedure, 'change', render);
  on(ui.mci, 'input', render);
  on(ui.date, 'input', () => {
    syncYear();
    render();
  });
  on(ui.year, 'change', () => {
    if (ui.year.value) {
      ui.date.value = yearDate(ui.year.value, currentArticle());
    }
    render();
  });
  $('form').addEventListener('submit', (e) => e.preventDefault());

  // Printing puts the charts side by side (style.css): they are drawn again at the width they get on the sheet,
  // so that their text prints at its own size, and at the screen's width again afterwards.
  window.addEventListener('beforeprint', () => {
    document.documentElement.classList.add('printing');
    drawCharts();
  });
  window.addEventListener('afterprint', () => {
    document.documentElement.classList.remove('printing');
    drawCharts();
  });

  let width = 0;
  new ResizeObserver(() => {
    const now = $('history-chart').clientWidth;
    if (now !== width) {
      width = now;
      drawCharts();
    }
  }).observe(document.querySelector('main'));

  render();
  document.body.dataset.ready = 'true';
}

main();
