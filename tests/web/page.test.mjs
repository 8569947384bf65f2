// page.test.mjs: the educators' page (web/) in a real browser. It serves the assembled site
// (build-wasm/site, or $KZP_SITE_DIR) with Python's static server on a free port of 127.0.0.1, drives
// Debian's chromium with playwright-core, and checks numbers a person worked out from the law.
//   cd tests/web && npm ci          (once: playwright-core, no browser download)
//   sh scripts/build-wasm && node --test tests/web/
// KZP_UPDATE_SCREENSHOT=1 also writes docs/web-page.png (1280 px wide) and docs/web-page-phone.png (390 px).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const SITE = resolve(ROOT, process.env.KZP_SITE_DIR || 'build-wasm/site');
const CHROMIUM = process.env.KZP_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Expected words come from the shared vectors, written out by hand (tests/vectors/words.json).
const WORDS = JSON.parse(readFileSync(join(ROOT, 'tests/vectors/words.json'), 'utf8'));
const DATASET = JSON.parse(readFileSync(join(ROOT, 'data/kzpenalty.json'), 'utf8'));
/** A citation's reference as the dataset records it in a language (the page must show the library's). */
const reference = (id, lang) => {
  const c = DATASET.citations.find((x) => x.id === id);
  return lang === 'en' ? c.reference : c.translations[lang].reference;
};
// The names of the four alternatives as the Criminal Code words them (include/kzpenalty.h, kzp_kind_label).
const KINDS = ['fine', 'correctional_work', 'community_service', 'arrest'];
const KIND_LABELS = {
  en: ['fine', 'correctional work', 'community service', 'arrest'],
  ru: ['штраф', 'исправительные работы', 'привлечение к общественным работам', 'арест'],
  kk: ['айыппұл', 'түзеу жұмыстары', 'қоғамдық жұмыстарға тарту', 'қамаққа алу'],
};

/** Text with every kind of space made a plain space, trimmed. */
const norm = (s) => String(s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) {
      throw new Error(`python3 -m http.server exited with code ${child.exitCode}`);
    }
    try {
      const r = await fetch(url);
      if (r.ok) {
        return;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url} after 10 s`);
}

/**
 * How many pages a PDF has, read from its structure (ISO 32000-1, 7.5.5 and 7.7.2-3): the trailer names the
 * catalog, the catalog the root of the page tree, and that root's /Count is the number of pages. Chromium's
 * PDF writer (Skia) keeps these dictionaries as plain text, outside compressed object streams. The page
 * objects (/Type /Page, not /Pages) are counted as well and must agree, so a PDF this cannot read fails the
 * test instead of passing it.
 */
function pdfPageCount(bytes) {
  const pdf = Buffer.from(bytes).toString('latin1');
  const object = (n) => {
    const found = new RegExp(`(?:^|\\s)${n} 0 obj([\\s\\S]*?)endobj`).exec(pdf);
    assert.ok(found, `the PDF has no object ${n}`);
    return found[1];
  };
  const trailer = [...pdf.matchAll(/trailer\s*<<([\s\S]*?)>>/g)].pop();
  assert.ok(trailer, 'the PDF has a trailer dictionary');
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailer[1]);
  assert.ok(root, 'the trailer names the catalog');
  const tree = /\/Pages\s+(\d+)\s+0\s+R/.exec(object(root[1]));
  assert.ok(tree, 'the catalog names the page tree');
  const count = /\/Count\s+(\d+)/.exec(object(tree[1]));
  assert.ok(count, 'the page tree has a /Count');
  const leaves = (pdf.match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
  assert.equal(leaves, Number(count[1]), 'page objects and the page tree agree');
  return leaves;
}

/** What the page test needs; a missing piece fails the run with what to do, never skips it. */
function prerequisites() {
  const files = ['index.html', 'file-check.js', 'app.js', 'charts.js', 'i18n.js', 'style.css', 'kzpenalty.mjs',
    'kzpenalty_core.mjs'];
  for (const file of files) {
    assert.ok(existsSync(join(SITE, file)),
      `the site is missing ${join(SITE, file)}: run "sh scripts/build-wasm" (or set KZP_SITE_DIR)`);
  }
  assert.ok(existsSync(CHROMIUM), `chromium is missing at ${CHROMIUM}: install Debian's chromium package`);
}

test('the site and chromium are there', () => prerequisites());

test('the page\'s own words name no rule and no number of the law (those come from the library)', async () => {
  const source = readFileSync(new URL('../../web/i18n.js', import.meta.url), 'utf8');
  const { texts, LANGS } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  const values = (o) => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? values(v) : [v]));
  // no digit at all, no article, part or half named (the kk "{article}-бап" only inflects the library's number)
  const law = /\d|\bArts?\.|\bpart \d|ст\.|\bhalf\b|половин|жартыс/i;
  for (const lang of LANGS) {
    for (const v of values(texts(lang))) assert.doesNotMatch(String(v), law, `${lang}: "${v}"`);
  }
  // the page's markup: text between tags, the structure's defaults included
  const html = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ');
  assert.doesNotMatch(html, law);
  // the wiring's string literals (what app.js writes that is not the library's or i18n.js's)
  const app = readFileSync(new URL('../../web/app.js', import.meta.url), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
  for (const [literal] of app.matchAll(/'[^'\n]*'|`[^`]*`/g)) {
    assert.doesNotMatch(literal, /\bArts?\.|ст\.|\d+-бап|\bpart \d/, `app.js: ${literal}`);
  }
});

test('the page has every text in every language (same keys in ru, kk and en)', async () => {
  // web/*.js are ES modules for the browser; Node 18 would read a .js file outside a "type": "module"
  // package as CommonJS, so the module is imported from its source text
  const source = readFileSync(new URL('../../web/i18n.js', import.meta.url), 'utf8');
  const { texts, LANGS } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  const keys = (o, prefix = '') => Object.entries(o).flatMap(([k, v]) =>
    (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
  assert.deepEqual([...LANGS].sort(), ['en', 'kk', 'ru']);
  for (const lang of ['kk', 'en']) assert.deepEqual(keys(texts(lang)), keys(texts('ru')), lang);
  for (const lang of LANGS) {
    for (const k of keys(texts(lang))) {
      const v = k.split('.').reduce((o, part) => o[part], texts(lang));
      assert.ok(typeof v === 'function' || (typeof v === 'string' && v.trim() !== ''), `${lang}: ${k} is empty`);
    }
  }
});

describe('educators page (web/) in chromium', () => {
  let server;
  let browser;
  let page;
  let base;
  const requests = [];
  const consoleErrors = [];

  before(async () => {
    prerequisites();
    let chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch (e) {
      throw new Error(`playwright-core is not installed: run "npm ci" in tests/web (${e.message})`);
    }

    const port = await freePort();
    server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', SITE],
      { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}/`;
    await waitForServer(base, server);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') {
        consoleErrors.push(m.text());
      }
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await open();
  });

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  async function open() {
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  }

  /** Set the controls; each control re-renders the page synchronously on its input event. */
  async function ask({ lang = 'ru', date = '2026-02-10', halfCap = false, orderProcedure = false, mci = '' } = {}) {
    await page.selectOption('#lang', lang);
    await page.fill('#date', date);
    await page.setChecked('#half-cap', halfCap);
    await page.setChecked('#order-procedure', orderProcedure);
    await page.fill('#mci', mci);
  }

  const text = async (selector) => norm(await page.textContent(selector));

  test('2026-02-10: the maximum fine is 865 000 tenge, in figures and in Russian words', async () => {
    await ask({ lang: 'ru', date: '2026-02-10' });
    // Art. 115-1: a fine of up to 200 MCI; the MCI on 10 Feb 2026 is 4,325 tenge (from 1 Jan 2026):
    // 200 MCI x 4,325 tenge = 865,000 tenge.
    assert.equal(await text('[data-testid=fine-max-figures]'), '865 000 тенге');
    assert.match(await text('[data-testid=fine-max-words]'), /восемьсот шестьдесят пять тысяч/);
    assert.match(await text('[data-testid=mci-used]'), /^4 325 ₸/);
    assert.equal(await text('[data-testid=max-fine]'), '200');
    assert.equal(await text('[data-testid=max-correctional_work]'), '200');
    assert.equal(await text('[data-testid=max-community_service]'), '200');
    assert.equal(await text('[data-testid=max-arrest]'), '50');
    // the article's 200 MCI for a fine and for correctional work: 200 x 4,325 = 865,000 tenge each
    assert.equal(await text('[data-testid=max-tenge-fine]'), '865 000 тенге');
    assert.equal(await text('[data-testid=max-tenge-correctional_work]'), '865 000 тенге');
    assert.equal(await text('[data-testid=max-rule-fine]'), reference('cc-115-1', 'ru'));
    // The sanctions of 115-1 are known from statements of state bodies, not the act's text.
    assert.match(await page.getAttribute('[data-testid=certainty]', 'class'), /cert-statement/);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.equal(await page.isVisible('[data-testid=hypothetical-banner]'), false);
    assert.equal(await text('[data-testid=error]'), '');
  });

  test('the words follow the language switch (kk from the shared vectors, en)', async () => {
    // 200 x 4,325 = 865,000 tenge = 86,500,000 tiyn.
    const vector = WORDS.tenge.find((v) => v.tiyn === 86500000);
    assert.ok(vector, 'tests/vectors/words.json has 865,000 tenge');
    await ask({ lang: 'kk', date: '2026-02-10' });
    assert.equal(await text('[data-testid=fine-max-words]'), vector.words.kk);
    assert.equal(await text('[data-testid=fine-max-figures]'), '865 000 теңге');
    assert.equal(await page.getAttribute('html', 'lang'), 'kk');
    await ask({ lang: 'en', date: '2026-02-10' });
    assert.equal(await text('[data-testid=fine-max-words]'), 'eight hundred sixty-five thousand tenge');
    assert.equal(await text('[data-testid=fine-max-words]'), vector.words.en);
    // money as the library's English text writes it (kzp_lang_money_style), as in its sentences
    assert.equal(await text('[data-testid=fine-max-figures]'), '865,000 KZT');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  });

  test('quantities and money styles come from the library in the page too', async () => {
    const got = await page.evaluate(async () => {
      const k = await (await import('./kzpenalty.mjs')).load();
      return ['ru', 'kk', 'en'].map((l) => [k.formatQty('12.5', l), k.moneyStyleOf(l)]);
    });
    assert.deepEqual(got, [['12,5', 'ru'], ['12,5', 'kk'], ['12.5', 'en']]);
    const i18n = await page.evaluate(async () => Object.keys(await import('./i18n.js')));
    assert.ok(!i18n.includes('showQty') && !i18n.includes('moneyStyle'), 'no copy of the rules in i18n.js');
  });

  test('every language fills every text: no missing wording, no unfilled placeholder', async () => {
    for (const lang of ['ru', 'kk', 'en']) {
      for (const options of [{ halfCap: true, mci: '5000' }, { orderProcedure: true }]) {
        await ask({ lang, date: '2026-02-10', ...options });
        const body = await page.innerText('body');
        assert.doesNotMatch(body, /undefined|null|NaN|\{[a-z]+\}|\[object/, `${lang}: a text is missing or unfilled`);
      }
    }
    await ask({ lang: 'ru', date: '2026-02-10' });
  });

  test('four alternatives in three languages, in the Code\'s order, named by the library', async () => {
    for (const lang of ['ru', 'kk', 'en']) {
      await ask({ lang, date: '2026-02-10' });
      const rows = page.locator('[data-testid=sanctions] tbody tr');
      assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.kind)), KINDS, lang);
      assert.deepEqual((await rows.locator('th').allTextContents()).map(norm), KIND_LABELS[lang], lang);
      // the verdict wording: one sentence per alternative, from the shared vectors
      const vector = WORDS.sentences.find((v) => v.lang === lang && v.date === '2026-02-10' && !v.mitigated &&
        !v.order_procedure);
      assert.deepEqual((await page.locator('[data-testid=verdict] li').allTextContents()).map(norm),
        vector.texts.map(norm), lang);
    }
  });

  test('the General Part minimums, each with the rule that sets it (86 500 tenge for 20 MCI)', async () => {
    for (const [lang, tenge] of [['ru', '86 500 тенге'], ['kk', '86 500 теңге'], ['en', '86,500 KZT']]) {
      await ask({ lang, date: '2026-02-10' });
      // the article says only "up to"; for a criminal offence the General Part sets the lower bounds:
      // a fine and correctional work 20 MCI (Art. 41 part 2, Art. 42 part 3): 20 x 4,325 = 86,500 tenge;
      // community service 20 hours (Art. 43 part 2); arrest 10 days (Art. 45 part 2)
      assert.equal(await text('[data-testid=min-fine]'), '20');
      assert.equal(await text('[data-testid=min-tenge-fine]'), tenge);
      assert.equal(await text('[data-testid=min-correctional_work]'), '20');
      assert.equal(await text('[data-testid=min-tenge-correctional_work]'), tenge);
      assert.equal(await text('[data-testid=min-community_service]'), '20');
      assert.equal(await text('[data-testid=min-arrest]'), '10');
      const rules = ['fine', 'correctional_work', 'community_service', 'arrest'].map((kind) =>
        text(`[data-testid=min-rule-${kind}]`));
      assert.deepEqual(await Promise.all(rules),
        ['cc-41-2', 'cc-42-3', 'cc-43-2', 'cc-45-2'].map((id) => reference(id, lang)), lang);
      // at most 4 hours of community service a day (Art. 43 part 2)
      const perDay = await text('[data-testid=per-day-community_service]');
      assert.match(perDay, /(^|\s)4\s/);
      assert.ok(perDay.includes(reference('cc-43-2', lang)), perDay);
    }
    // mitigation lifts the fine's minimum (Art. 41 part 7 with Art. 55 part 6), not the others
    await ask({ lang: 'en', date: '2026-02-10', halfCap: true });
    assert.equal(await text('[data-testid=min-fine]'), 'none');
    assert.match(await text('[data-testid=min-rule-fine]'), new RegExp(reference('cc-41-7', 'en')));
    assert.equal(await text('[data-testid=min-correctional_work]'), '20');
    assert.equal(await text('[data-testid=max-rule-arrest]'), reference('cc-55-2', 'en'));
  });

  test('the order procedure: only the fine, 10 to 20 MCI (43 250 to 86 500 tenge)', async () => {
    await ask({ lang: 'en', date: '2026-02-10', orderProcedure: true });
    // Art. 55 part 3: in the order procedure only a fine of 10 to 20 MCI: 10 x 4,325 = 43,250 and
    // 20 x 4,325 = 86,500 tenge; the other alternatives are left out
    const rows = page.locator('[data-testid=sanctions] tbody tr');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.kind)), ['fine']);
    assert.equal(await text('[data-testid=min-fine]'), '10');
    assert.equal(await text('[data-testid=min-tenge-fine]'), '43,250 KZT');
    assert.equal(await text('[data-testid=max-fine]'), '20');
    assert.equal(await text('[data-testid=max-tenge-fine]'), '86,500 KZT');
    assert.equal(await text('[data-testid=max-rule-fine]'), reference('cc-55-3-order', 'en'));
    assert.equal(await text('[data-testid=fine-max-figures]'), '86,500 KZT');
    const omitted = await text('[data-testid=omitted]');
    for (const label of KIND_LABELS.en.slice(1)) assert.ok(omitted.includes(label), `omitted names ${label}`);
    assert.ok(!omitted.includes('fine,'));
    const vector = WORDS.sentences.find((v) => v.lang === 'en' && v.order_procedure);
    assert.deepEqual((await page.locator('[data-testid=verdict] li').allTextContents()).map(norm), vector.texts);
    // one alternative: nothing to compare, no restriction listed for a fine
    assert.equal(await page.isVisible('#equivalence'), false);
    assert.equal(await page.locator('[data-testid=restrictions] li').count(), 0);
    // with mitigation too, 10 to 20 MCI stands (half of 200 is above 20)
    await ask({ lang: 'ru', date: '2026-02-10', orderProcedure: true, halfCap: true });
    assert.equal(await text('[data-testid=max-tenge-fine]'), '86 500 тенге');
    await ask({ lang: 'en', date: '2026-02-10' });
    assert.equal(await page.locator('[data-testid=sanctions] tbody tr').count(), 4);
    assert.equal(await text('[data-testid=omitted]'), '');
  });

  test('the compulsory payment: 5 MCI = 21 625 tenge, marked unverified', async () => {
    await ask({ lang: 'en', date: '2026-02-10' });
    // Art. 98-2: 5 MCI for a criminal offence: 5 x 4,325 = 21,625 tenge; which day's MCI prices it is an estimate
    assert.equal(await text('[data-testid=payment-amount]'), '21,625 KZT');
    assert.equal(await text('[data-testid=payment-certainty]'), 'unverified');
    assert.match(await page.getAttribute('[data-testid=payment-certainty]', 'class'), /cert-unverified/);
    assert.match(await text('[data-testid=payments]'), new RegExp(reference('cc-98-2', 'en')));
    await ask({ lang: 'ru', date: '2025-10-01' });
    assert.equal(await text('[data-testid=payment-amount]'), '19 660 тенге'); // 5 x 3,932
    assert.equal(await text('[data-testid=payment-certainty]'), 'не проверено');
    await ask({ lang: 'kk', date: '2026-02-10', orderProcedure: true });
    assert.equal(await text('[data-testid=payment-amount]'), '21 625 теңге');
  });

  test('who may not receive each punishment, in the page\'s language with the rule', async () => {
    for (const lang of ['ru', 'kk', 'en']) {
      await ask({ lang, date: '2026-02-10' });
      const items = page.locator('[data-testid=restrictions] li');
      assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.dataset.kind)),
        ['correctional_work', 'community_service', 'arrest'], lang);
      for (const r of DATASET.rules.restrictions) {
        const shown = norm(await page.textContent(`[data-testid=restrictions] li[data-kind="${r.kind}"]`));
        assert.ok(shown.includes(reference(r.citation, lang)), `${lang} ${r.kind}: the rule`);
        for (const person of r.persons) assert.ok(shown.includes(norm(person[lang])), `${lang}: ${person[lang]}`);
      }
    }
  });

  test('2025-10-01: 786 400 tenge', async () => {
    await ask({ lang: 'ru', date: '2025-10-01' });
    // The MCI for 2025 is 3,932 tenge: 200 MCI x 3,932 tenge = 786,400 tenge.
    assert.equal(await text('[data-testid=fine-max-figures]'), '786 400 тенге');
    assert.match(await text('[data-testid=fine-max-words]'), /семьсот восемьдесят шесть тысяч четыреста/);
    // The year control follows the date.
    assert.equal(await page.inputValue('#year'), '2025');
    // the same amount in Kazakh and English
    await ask({ lang: 'kk', date: '2025-10-01' });
    assert.equal(await text('[data-testid=fine-max-figures]'), '786 400 теңге');
    await ask({ lang: 'en', date: '2025-10-01' });
    assert.equal(await text('[data-testid=fine-max-figures]'), '786,400 KZT');
    assert.equal(await text('[data-testid=fine-max-words]'), 'seven hundred eighty-six thousand four hundred tenge');
  });

  test('the half cap (Art. 55 part 2): 100 MCI, 100 MCI, 100 hours, 25 days', async () => {
    await ask({ lang: 'en', date: '2026-02-10', halfCap: true });
    // At most half of each maximum: 200 / 2 = 100 MCI, 100 MCI, 200 / 2 = 100 hours, 50 / 2 = 25 days;
    // the fine: 100 MCI x 4,325 tenge = 432,500 tenge.
    assert.equal(await text('[data-testid=max-fine]'), '100');
    assert.equal(await text('[data-testid=max-correctional_work]'), '100');
    assert.equal(await text('[data-testid=max-community_service]'), '100');
    assert.equal(await text('[data-testid=max-arrest]'), '25');
    assert.equal(await text('[data-testid=fine-max-figures]'), '432,500 KZT');
    // Art. 61: 1 day of arrest = 4 MCI of fine = 4 MCI of correctional work = 4 hours:
    // 100 MCI = 100 MCI of correctional work = 100 hours = 100 / 4 = 25 days.
    assert.equal(await text('[data-testid=equivalence-caption]'),
      'fine: 100 MCI = correctional work: 100 MCI = community service: 100 hours = arrest: 25 days');
    await ask({ lang: 'en', date: '2026-02-10', halfCap: false });
    assert.equal(await text('[data-testid=max-arrest]'), '50');
  });

  test('a hypothetical MCI of 5 000: 1 000 000 tenge and the "not law" banner', async () => {
    await ask({ lang: 'en', date: '2026-02-10', mci: '5000' });
    // 200 MCI x 5,000 tenge = 1,000,000 tenge.
    assert.equal(await text('[data-testid=fine-max-figures]'), '1,000,000 KZT');
    assert.equal(await text('[data-testid=fine-max-words]'), 'one million tenge');
    assert.ok(await page.isVisible('[data-testid=hypothetical-banner]'));
    assert.match(await text('[data-testid=hypothetical-banner]'),
      /Hypothetical MCI of 5 000 tenge: these numbers are not law/);
    assert.match(await page.getAttribute('[data-testid=certainty]', 'class'), /cert-hypothetical/);
    // The history chart keeps the law's values and adds one what-if bar.
    assert.equal(await page.locator('[data-testid=history-chart] rect[data-hypothetical]').count(), 1);
    assert.match(await text('[data-testid=basis]'), /hypothetical value \(what-if\)/);

    await ask({ lang: 'en', date: '2026-02-10', mci: '12.5' });
    assert.match(await text('[data-testid=error]'), /whole number of tenge/);
    assert.equal(await page.getAttribute('[data-testid=error]', 'role'), 'alert');
    await ask({ lang: 'en', date: '2026-02-10', mci: '' });
    assert.equal(await page.isVisible('[data-testid=hypothetical-banner]'), false);
    assert.equal(await text('[data-testid=fine-max-figures]'), '865,000 KZT');
  });

  test('an offence before 2025-09-16: the article is not in force (role=alert)', async () => {
    await ask({ lang: 'en', date: '2025-09-15' });
    // Art. 115-1 applies to offences from 16 Sep 2025 (sixty days after publication of the law of 16 Jul 2025).
    const alert = page.locator('[role=alert]');
    assert.equal(await alert.count(), 1);
    assert.ok(await alert.isVisible());
    assert.equal(norm(await alert.textContent()),
      'Article 115-1 applies to offences committed on or after 2025-09-16; it was not in force on 2025-09-15.');
    assert.equal(await page.isVisible('[data-testid=results]'), false);
    // The first day it applies works again.
    await ask({ lang: 'en', date: '2025-09-16' });
    assert.equal(await text('[data-testid=error]'), '');
    assert.equal(await text('[data-testid=fine-max-figures]'), '786,400 KZT');
    // After the known MCI table (2026-12-31) the fine cannot be priced.
    await ask({ lang: 'en', date: '2027-01-01' });
    assert.match(await text('[role=alert]'), /The MCI is known until 2026-12-31/);
  });

  test('the Art. 61 chart: 200 MCI = 200 MCI = 200 hours = 50 days, with a title, a description and a table', async () => {
    await ask({ lang: 'en', date: '2026-02-10' });
    // Art. 61: 1 day of arrest = 4 MCI of fine = 4 MCI of correctional work = 4 hours of community service,
    // so 200 MCI of correctional work = 200 MCI, 200 hours = 200 MCI, 50 days = 50 x 4 = 200 MCI: the four
    // maxima are equal.
    assert.equal(await text('[data-testid=equivalence-caption]'),
      'fine: 200 MCI = correctional work: 200 MCI = community service: 200 hours = arrest: 50 days');
    // what the rule is for, from the dataset
    assert.equal(await text('[data-testid=equivalence-scope]'), norm(DATASET.rules.equivalence.scope.en));
    const chart = page.locator('[data-testid=equivalence-chart] svg');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.match(norm(await chart.locator('title').textContent()), /maxima of the alternatives/);
    assert.match(norm(await chart.locator('desc').textContent()), /200 MCI = .*200 MCI = .*200 hours = .*50 days/);
    const bars = chart.locator('rect[data-kind]');
    assert.equal(await bars.count(), 4);
    const widths = [];
    for (let i = 0; i < 4; i++) {
      assert.equal(await bars.nth(i).getAttribute('data-mci'), '200');
      widths.push(Number(await bars.nth(i).getAttribute('width')));
    }
    assert.ok(widths.every((w) => w > 0 && w === widths[0]), `equal bars for equal amounts: ${widths}`);
    assert.equal(await page.locator('[data-testid=equivalence-table] tbody tr').count(), 4);
  });

  test('the history chart: one bar per year of the MCI table, values from the law', async () => {
    await ask({ lang: 'en', date: '2026-02-10' });
    // The dataset's MCI periods for fines (2022's April change was for benefits only): one bar per year the
    // library prices a fine for; offences before 2015-01-01 fell under the 1997 Code, which priced a fine at the
    // sentencing day's MCI, so the library prices none (tests/vectors: "fine before Code 226-V").
    const forFines = DATASET.mci.periods.filter((p) => p.purpose !== 'benefits');
    const allYears = [...new Set(forFines.map((p) => p.from.slice(0, 4)))];
    const years = allYears.filter((y) => y >= '2015');
    const chart = page.locator('[data-testid=history-chart] svg');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.ok(norm(await chart.locator('title').textContent()).length > 0);
    assert.ok(norm(await chart.locator('desc').textContent()).length > 0);
    const bars = chart.locator('rect[data-year]');
    assert.equal(await bars.count(), years.length);
    assert.ok(years.length >= 12, 'the chart runs from 2015 to 2026 at least');
    const shown = await bars.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-year')));
    assert.deepEqual(shown, years);
    const rows = await page.locator('[data-testid=history-table] tbody tr').evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) =>
        [tr.dataset.year, [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())])));
    // every year of the MCI table is in the table, 2014 without a value
    assert.deepEqual(Object.keys(rows), allYears);
    assert.deepEqual([rows['2014'][2], rows['2014'][3]], ['—', 'not priced by the library']);
    // 2015: 200 x 1,982 = 396,400 tenge (the article did not exist yet: the value of 200 MCI then).
    assert.equal(rows['2015'][2], '396,400 KZT');
    assert.equal(rows['2015'][3], 'not yet in force');
    // 2020: the MCI rose to 2,778 on 1 April: 200 x 2,778 = 555,600 tenge.
    assert.equal(rows['2020'][2], '555,600 KZT');
    // 2022: fines kept 3,063 all year: 200 x 3,063 = 612,600 tenge.
    assert.equal(rows['2022'][2], '612,600 KZT');
    // 2025 from 16 Sep (in force): 200 x 3,932 = 786,400; 2026: 200 x 4,325 = 865,000.
    assert.deepEqual([rows['2025'][2], rows['2025'][3]], ['786,400 KZT', 'in force']);
    assert.deepEqual([rows['2026'][2], rows['2026'][3]], ['865,000 KZT', 'in force']);
    // each bar carries the certainty the library gave; 2026's MCI is from the official budget law
    const status2026 = DATASET.citations.find((c) => c.id === 'mci-2026').status;
    assert.equal(await chart.locator('rect[data-year="2026"]').getAttribute('data-certainty'), status2026);
    // The longest bar is the largest amount (2026).
    const w = async (y) => Number(await chart.locator(`rect[data-year="${y}"]`).getAttribute('width'));
    assert.ok((await w('2026')) > (await w('2025')) && (await w('2025')) > (await w('2015')));
  });

  test('the legal basis lists the citations behind the answer', async () => {
    await ask({ lang: 'en', date: '2026-02-10' });
    const basis = await text('[data-testid=basis]');
    const budget2026 = DATASET.citations.find((c) => c.id === 'mci-2026').act; // the 2026 budget law
    for (const ref of ['Art. 115-1', 'Art. 41 part 1', 'Art. 61', 'MCI from 2026-01-01', budget2026]) {
      assert.ok(basis.includes(ref), `basis names ${ref}`);
    }
    assert.ok(basis.includes('statement of a state body') && basis.includes('official text'));
    // the rules behind the bounds and the payment are listed too, in the page's language
    await ask({ lang: 'ru', date: '2026-02-10' });
    const ru = await text('[data-testid=basis]');
    for (const id of ['cc-41-2', 'cc-45-2', 'cc-43-3', 'cc-98-2']) {
      assert.ok(ru.includes(reference(id, 'ru')), `basis names ${reference(id, 'ru')}`);
    }
  });

  test('every citation shows its act and reference in the page\'s language (issue 15: the dataset translates all)', async () => {
    for (const c of DATASET.citations) {
      for (const lang of ['ru', 'kk']) {
        assert.ok(c.translations?.[lang]?.act, `${c.id}: the dataset has its ${lang} act`);
      }
    }
    for (const lang of ['ru', 'kk', 'en']) {
      await ask({ lang, date: '2026-02-10' });
      const items = page.locator('[data-testid=basis] li[data-citation]');
      const n = await items.count();
      assert.ok(n >= 10, `${lang}: ${n} citations listed`);
      for (let i = 0; i < n; i++) {
        const id = await items.nth(i).getAttribute('data-citation');
        const c = DATASET.citations.find((x) => x.id === id);
        const want = lang === 'en' ? c : c.translations[lang];
        const shown = norm(await items.nth(i).textContent());
        assert.ok(shown.includes(norm(want.act)), `${lang} ${id}: the act in ${lang}`);
        if (want.reference) {
          assert.ok(shown.includes(norm(want.reference)), `${lang} ${id}: the reference in ${lang}`);
        }
      }
    }
  });

  test('keyboard and labels: Tab reaches the controls in order, each with a label and a visible focus', async () => {
    await open(); // a fresh page: focus starts at the document
    const order = [];
    for (let i = 0; i < 24 && order.length < 7; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement && document.activeElement.id);
      if (id && order[order.length - 1] !== id) {
        order.push(id); // a date field takes several Tabs (day, month, year): counted once
      }
    }
    assert.deepEqual(order, ['lang', 'article', 'date', 'year', 'half-cap', 'order-procedure', 'mci']);
    await page.focus('#mci');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'order-procedure');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'half-cap');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return [s.outlineStyle, parseFloat(s.outlineWidth)];
    });
    assert.notEqual(outline[0], 'none');
    assert.ok(outline[1] >= 2, `focus outline ${outline[1]}px`);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select')].filter((c) => c.labels.length === 0).map((c) => c.id));
    assert.deepEqual(unlabelled, []);
    assert.equal(await page.getAttribute('[data-testid=summary]', 'aria-live'), 'polite');
    // The keyboard works the controls too: Space ticks the half cap.
    await page.keyboard.press('Space');
    assert.equal(await text('[data-testid=max-arrest]'), '25');
    await page.keyboard.press('Space');
    assert.equal(await text('[data-testid=max-arrest]'), '50');
  });

  test('text contrast is at least 4.5:1', async () => {
    await ask({ lang: 'en', date: '2026-02-10', mci: '5000' });
    const low = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || c[3] === 1) {
            return c.slice(0, 3);
          }
        }
        return [255, 255, 255];
      };
      const bad = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el.closest('svg') || !el.checkVisibility() || el.closest('.sr-only')) {
          continue;
        }
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) {
          continue;
        }
        const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
        const b = lum(background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) {
          bad.push(`${el.tagName}#${el.id}.${el.className}: ${ratio.toFixed(2)}`);
        }
      }
      return bad;
    });
    assert.deepEqual(low, []);
    await ask({ lang: 'en', date: '2026-02-10', mci: '' });
  });

  test('a 360 px phone: no sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await ask({ lang: 'ru', date: '2026-02-10' });
    await page.waitForTimeout(100); // the charts redraw at the new width
    const [scroll, client] = await page.evaluate(() =>
      [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `page ${scroll}px wide in a ${client}px window`);
    const svg = await page.locator('[data-testid=history-chart] svg').boundingBox();
    assert.ok(svg.width <= 360, `history chart ${svg.width}px wide`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  /** The query parameters of the page's address, as the page sees it (page.url() may lag behind replaceState). */
  const linkOf = (p = page) => p.evaluate(() => Object.fromEntries(new URLSearchParams(window.location.search)));

  async function reload() {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  }

  test('the address keeps the question, and a reload shows the same case (issue 15)', async () => {
    const entries = await page.evaluate(() => window.history.length);
    await ask({ lang: 'kk', date: '2025-10-01', halfCap: true });
    assert.deepEqual(await linkOf(), { lang: 'kk', article: '115-1', date: '2025-10-01', 'half-cap': '1' });
    assert.equal(await page.evaluate(() => window.history.length), entries, 'the address is replaced, not pushed');
    await reload();
    assert.equal(await page.inputValue('#lang'), 'kk');
    assert.equal(await page.getAttribute('html', 'lang'), 'kk');
    assert.equal(await page.inputValue('#date'), '2025-10-01');
    assert.equal(await page.inputValue('#year'), '2025');
    assert.equal(await page.isChecked('#half-cap'), true);
    assert.equal(await page.isChecked('#order-procedure'), false);
    assert.equal(await page.inputValue('#mci'), '');
    // The MCI of 2025 is 3,932 tenge; with the half cap the fine is at most half of 200 MCI = 100 MCI:
    // 100 x 3,932 = 393,200 tenge.
    assert.equal(await text('[data-testid=max-fine]'), '100');
    assert.equal(await text('[data-testid=fine-max-figures]'), '393 200 теңге');
    assert.equal(await page.isVisible('[data-testid=link-notice]'), false);

    // A hypothetical MCI: 200 MCI x 5,000 tenge = 1,000,000 tenge.
    await ask({ lang: 'en', date: '2026-02-10', mci: '5000' });
    assert.deepEqual(await linkOf(), { lang: 'en', article: '115-1', date: '2026-02-10', mci: '5000' });
    await reload();
    assert.equal(await page.inputValue('#mci'), '5000');
    assert.equal(await page.isChecked('#half-cap'), false);
    assert.equal(await text('[data-testid=fine-max-figures]'), '1,000,000 KZT');
    assert.ok(await page.isVisible('[data-testid=hypothetical-banner]'));

    // The order procedure: a fine of 10 to 20 MCI only; 20 x 4,325 = 86,500 tenge.
    await ask({ lang: 'ru', date: '2026-02-10', orderProcedure: true });
    assert.deepEqual(await linkOf(), { lang: 'ru', article: '115-1', date: '2026-02-10', 'order-procedure': '1' });
    await reload();
    assert.equal(await page.isChecked('#order-procedure'), true);
    assert.equal(await text('[data-testid=fine-max-figures]'), '86 500 тенге');

    // Boxes cleared and the MCI emptied leave the address: 200 MCI x 4,325 tenge = 865,000 tenge (2026).
    await ask({ lang: 'ru', date: '2026-02-10' });
    assert.deepEqual(await linkOf(), { lang: 'ru', article: '115-1', date: '2026-02-10' });
    await reload();
    assert.equal(await text('[data-testid=fine-max-figures]'), '865 000 тенге');
    assert.equal(await page.isVisible('[data-testid=hypothetical-banner]'), false);
    // 2025: 200 MCI x 3,932 tenge = 786,400 tenge.
    await ask({ lang: 'en', date: '2025-10-01' });
    await reload();
    assert.equal(await page.inputValue('#date'), '2025-10-01');
    assert.equal(await text('[data-testid=fine-max-figures]'), '786,400 KZT');
    assert.equal(await page.evaluate(() => window.history.length), entries);
  });

  test('a link with values the page cannot use: each one ignored, its default kept, nothing broken', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const fresh = await context.newPage();
    const errors = [];
    fresh.on('console', (m) => {
      if (m.type() === 'error') {
        errors.push(m.text());
      }
    });
    fresh.on('pageerror', (e) => errors.push(String(e)));
    const visit = async (query) => {
      await fresh.goto(`${base}${query}`);
      await fresh.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    };
    const label = async (id) => norm(await fresh.textContent(`label[for="${id}"]`));
    try {
      await visit('');
      const defaults = {
        date: await fresh.inputValue('#date'),
        fine: norm(await fresh.textContent('[data-testid=fine-max-figures]')),
      };
      assert.ok(defaults.date && defaults.fine, 'the page without a link answers for its default date');
      const cases = [
        // an unknown language, a day that does not exist, box values that are neither 1 nor 0, letters for the MCI
        ['?lang=xx&date=2026-02-30&half-cap=maybe&order-procedure=2&mci=abc',
          ['lang', 'date', 'half-cap', 'order-procedure', 'mci']],
        // no month 13; an MCI of zero (the library refuses it)
        ['?date=2026-13-01&mci=0', ['date', 'mci']],
        // a year the library does not read; an MCI too large to be exact; an article the library does not know
        ['?date=10000-01-01&mci=99999999999999999999&article=999', ['article', 'date', 'mci']],
        // an empty language, not a date at all, a fraction, a negative number
        ['?lang=&date=%3Cscript%3E&mci=12.5', ['lang', 'date', 'mci']],
        ['?mci=-5&date=2026-02-10T00:00', ['date', 'mci']],
      ];
      for (const [query, bad] of cases) {
        await visit(query);
        assert.equal(await fresh.inputValue('#lang'), 'en', query); // the browser's language
        assert.equal(await fresh.inputValue('#date'), defaults.date, query);
        assert.equal(await fresh.isChecked('#half-cap'), false, query);
        assert.equal(await fresh.isChecked('#order-procedure'), false, query);
        assert.equal(await fresh.inputValue('#mci'), '', query);
        assert.equal(norm(await fresh.textContent('[data-testid=error]')), '', query);
        assert.ok(await fresh.isVisible('[data-testid=results]'), query);
        assert.equal(norm(await fresh.textContent('[data-testid=fine-max-figures]')), defaults.fine, query);
        // a short notice names the controls whose values were not used
        const notice = fresh.locator('[data-testid=link-notice]');
        assert.ok(await notice.isVisible(), query);
        assert.equal(await notice.getAttribute('role'), 'status');
        const said = norm(await notice.textContent());
        for (const name of bad) {
          assert.ok(said.includes(await label(name === 'lang' ? 'lang' : name)), `${query}: ${name} in "${said}"`);
        }
        // the address now holds what the page shows, without the refused values
        assert.deepEqual(await linkOf(fresh), { lang: 'en', article: '115-1', date: defaults.date }, query);
      }
      // a good value beside a bad one is kept: Kazakh and an MCI of 5,000 tenge (200 x 5,000 = 1,000,000)
      await visit('?lang=kk&date=2026-02-30&mci=5000');
      assert.equal(await fresh.inputValue('#lang'), 'kk');
      assert.equal(await fresh.inputValue('#mci'), '5000');
      assert.equal(await fresh.inputValue('#date'), defaults.date);
      assert.equal(norm(await fresh.textContent('[data-testid=fine-max-figures]')), '1 000 000 теңге');
      assert.ok(norm(await fresh.textContent('[data-testid=link-notice]')).includes(await label('date')));
      // the notice goes once the form is changed
      await fresh.setChecked('#half-cap', true);
      assert.equal(await fresh.isVisible('[data-testid=link-notice]'), false);
      // a real day the article does not cover is a question, not a bad value: the library's answer is shown
      await visit('?lang=en&date=2025-09-15');
      assert.equal(await fresh.inputValue('#date'), '2025-09-15');
      assert.equal(await fresh.isVisible('[data-testid=link-notice]'), false);
      assert.match(norm(await fresh.textContent('[data-testid=error]')), /not in force on 2025-09-15/);
      // parameters the page does not use (a messenger's tags) are no error, and are dropped from the address
      await visit('?utm_source=chat&lang=en&date=2026-02-10');
      assert.equal(await fresh.isVisible('[data-testid=link-notice]'), false);
      assert.deepEqual(await linkOf(fresh), { lang: 'en', article: '115-1', date: '2026-02-10' });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('printing: one A4 sheet, without the controls, with the answer and both charts whole (issue 15)', async () => {
    // the longest answers: Russian and Kazakh words, the half cap's notes and a hypothetical MCI's banner and bar
    for (const question of [
      { lang: 'ru', date: '2026-02-10', halfCap: true, mci: '5000' },
      { lang: 'kk', date: '2026-02-10', halfCap: true, mci: '5000' },
      { lang: 'kk', date: '2025-10-01', orderProcedure: true },
      { lang: 'en', date: '2026-02-10' },
    ]) {
      await ask(question);
      const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
      assert.equal(pages, 1, `${JSON.stringify(question)}: ${pages} pages`);
    }
    // after printing, the charts are drawn for the screen again (afterprint): as wide as their boxes
    const drawn = await page.evaluate(() =>
      ['equiv-chart', 'history-chart'].map((id) => {
        const box = document.getElementById(id);
        return [Number(box.querySelector('svg').getAttribute('width')), box.clientWidth];
      }));
    for (const [width, box] of drawn) assert.equal(width, box, 'a chart drawn for the screen after printing');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('printing')), false);
    // The sheet as print media at its width: A4 less the @page margins of style.css (10 mm each side), in CSS px.
    await ask({ lang: 'ru', date: '2026-02-10', mci: '5000' });
    const sheet = Math.floor(((210 - 2 * 10) * 96) / 25.4);
    await page.setViewportSize({ width: sheet, height: 900 });
    await page.emulateMedia({ media: 'print' });
    try {
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, button, summary, form')].filter((e) => e.checkVisibility())
          .map((e) => e.id || e.tagName));
      assert.deepEqual(shown, [], 'no control on the sheet');
      for (const selector of ['#question', '.lang-field', 'details']) {
        assert.equal(await page.locator(selector).first().evaluate((e) => getComputedStyle(e).display), 'none', selector);
      }
      for (const selector of ['[data-testid=results]', '[data-testid=verdict]', '[data-testid=fine-max-figures]',
        '[data-testid=hypothetical-banner]', '[data-testid=case-link]']) {
        assert.ok(await page.isVisible(selector), `${selector} is printed`);
      }
      assert.equal((await page.locator('[data-testid=verdict] li').allTextContents()).length, 4);
      assert.ok(norm(await page.textContent('[data-testid=case-link]')).includes('date=2026-02-10'));
      for (const chart of ['equivalence-chart', 'history-chart']) {
        const svg = page.locator(`[data-testid=${chart}] svg`);
        assert.ok(await svg.isVisible(), `${chart} is printed`);
        const box = await svg.boundingBox();
        assert.ok(box.width > 100 && box.height > 100 && box.x >= 0 && box.x + box.width <= sheet + 1,
          `${chart} within the sheet: ${JSON.stringify(box)}`);
      }
      // nothing wider than the sheet (Chromium would shrink the whole page to fit, hiding an overflow)
      const [scroll, client] = await page.evaluate(() =>
        [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `the sheet's content is ${scroll}px wide for ${client}px`);
    } finally {
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('screenshots', async () => {
    await ask({ lang: 'en', date: '2026-02-10' });
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    mkdirSync(join(ROOT, 'build-wasm'), { recursive: true });
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(ROOT, 'build-wasm/web-page.png'), fullPage: true });
    if (process.env.KZP_UPDATE_SCREENSHOT === '1') {
      await page.screenshot({ path: join(ROOT, 'docs/web-page.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(ROOT, 'docs/web-page-phone.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('no console errors, and no request to any host but 127.0.0.1', async () => {
    assert.deepEqual(consoleErrors, []);
    assert.ok(requests.length > 0);
    const foreign = requests.filter((u) => {
      const url = new URL(u);
      return !(url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1');
    });
    assert.deepEqual(foreign, []);
  });
  test('opened from a file, the page says at once how to open it (issue 15), and over HTTP it does not', async () => {
    assert.equal(await page.$('#status-file'), null); // this page came over HTTP
    const filePage = await browser.newPage();
    try {
      await filePage.goto(`file://${join(SITE, 'index.html')}`);
      const notice = await filePage.waitForSelector('#status-file', { timeout: 3000 });
      const text = norm(await notice.textContent());
      for (const words of ['python3 -m http.server', 'открыта как файл', 'файл ретінде ашылды', 'opened as a file']) {
        assert.ok(text.includes(words), `${words} in: ${text}`);
      }
      assert.equal(await filePage.isHidden('#status-loading'), true); // no "Loading the library…" for ever
    } finally {
      await filePage.close();
    }
  });
});
