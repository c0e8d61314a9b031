// Browser test of the HTML reports: `cxkit report --html` for several
// example inputs and `cxkit score --html` for one visit, each opened in
// headless Chromium at a desktop width, a phone width and as printed on
// A4. What the page shows is checked against `cxkit report --json` (or
// `cxkit score --json`) of the same input, so the page cannot silently
// drop a row the numbers have.
//
//   node e2e.mjs CXKIT OUTDIR
//
// Per page and width it checks: no network request at all (the file is
// self-contained), no sideways scrolling of the page, no text clipped in
// a table cell, every block the JSON calls for present and visible with
// as many rows as the JSON has (critical failures, league rows, groups,
// sections, what to fix, comments, late promises, bands, CSI
// attributes), the order of the blocks (reports.md: critical failures
// first, before the league table), rank intervals shown as "3–9", no
// medal for a group too small to rank, the pyramid's four levels, and
// that Cyrillic is drawn with a real font. It writes OUTDIR/NAME-1280.png,
// NAME-390.png (full pages), NAME-print.png (the first printed page) and
// NAME.pdf (A4), and exits non-zero after listing every failed check.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [cxkit, outArg = 'testoutput/reporthtml'] = process.argv.slice(2);
if (!cxkit) {
  console.error('usage: node e2e.mjs CXKIT OUTDIR');
  process.exit(2);
}
const outDir = resolve(outArg);
await mkdir(outDir, { recursive: true });
const ex = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const mall = [join(ex, 'mall/mall.korto'), join(ex, 'mall/visits/')];

// The pages: each is a cxkit command line without --json / --html.
const cases = [
  { name: 'mall', lang: 'ru', args: ['report', ...mall, '--by', 'location', '--period', 'month'] },
  { name: 'mall-en', lang: 'en', args: ['report', ...mall, '--by', 'location', '--period', 'month', '--lang', 'en'] },
  // Promises kept and late (lx-0003 is open past its due date).
  { name: 'luxury', lang: 'ru', args: ['report', join(ex, 'luxury/boutique.korto'), join(ex, 'luxury/'), join(ex, 'luxury/followups/'), '--by', 'location', '--as-of', '2026-12-10'] },
  // Score bands, one audit, no grouping.
  { name: 'salesfloor', lang: 'ru', args: ['report', join(ex, 'salesfloor/salesfloor.korto'), join(ex, 'salesfloor/visit-01.json')] },
  { name: 'csi', lang: 'ru', args: ['report', join(ex, 'csi/store.korto'), join(ex, 'csi/visits.jsonl'), '--by', 'location'] },
  // Four auditors of unequal counts: wide rank intervals, and one
  // auditor under --min-n who must get no rank and no medal.
  { name: 'league', lang: 'ru', args: ['report', join(ex, 'mall/mall.korto'), join(ex, 'mall/visits.jsonl'), '--by', 'auditor', '--min-n', '12'] },
  { name: 'score', lang: 'ru', args: ['score', join(ex, 'mall/mall.korto'), join(ex, 'mall/visit-01.json')] },
  // Critical failures and comments of sheets without an audit id or
  // date: the page names where each sheet was read (the JSON's "audit"
  // is empty).
  { name: 'noid', lang: 'ru', args: ['report', join(ex, '../cmd/cxkit/testdata/report/shop.korto'), join(ex, '../cmd/cxkit/testdata/report/noid.jsonl'), '--by', 'location'] },
];

const widths = [
  { tag: '1280', width: 1280, height: 900 },
  { tag: '390', width: 390, height: 844 },
  // A4 less the page's 14 mm margins, at 96 CSS px per inch: what
  // page.pdf lays out on.
  { tag: 'print', width: 688, height: 1000, print: true },
];

const failures = [];
function check(ok, msg) {
  if (ok) return;
  failures.push(msg);
  console.log(`FAIL: ${msg}`);
}

// The checks that run inside the page. They return plain data; the
// comparisons with the JSON are made here.
function measure() {
  const vis = (el) => {
    if (!el) return false;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
  };
  const txt = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
  const rows = (sel) => [...document.querySelectorAll(sel)].filter(vis).length;
  const W = document.documentElement.clientWidth;
  const out = {
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    clientWidth: W,
    clipped: [],
    wideScroll: [],
    listScroll: [],
    sections: [...document.querySelectorAll('body > section')].map((s) => s.id || s.className),
    heading: {},
    visible: {},
  };
  // Text clipped in a cell: its content is wider or taller than the box
  // it is shown in.
  for (const el of document.querySelectorAll('td, th, h1, h2, h3, .kpi b')) {
    if (!vis(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      out.clipped.push(`${el.tagName.toLowerCase()} "${txt(el).slice(0, 40)}" ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
    }
  }
  // Tables that do not fit the page and scroll in their own box.
  for (const el of document.querySelectorAll('.wide')) {
    if (el.scrollWidth > el.clientWidth + 1) {
      out.wideScroll.push(`${txt(el.closest('section')?.querySelector('h2, h3')) ?? '?'}: ${el.scrollWidth} in ${el.clientWidth}`);
      const t = el.querySelector('table');
      if (t?.matches('.critical, .late')) out.listScroll.push(t.className);
    }
  }
  for (const id of ['critical', 'league', 'pyramid', 'levels', 'reached', 'bands', 'problems', 'tags', 'survey', 'csi', 'promises', 'drivers']) {
    const s = document.getElementById(id);
    out.visible[id] = vis(s);
    out.heading[id] = txt(s?.querySelector('h2'));
  }
  out.critical = rows('#critical table.critical tbody tr');
  out.criticalCells = [...document.querySelectorAll('#critical table.critical tbody tr')].filter(vis).map((tr) => [...tr.cells].map(txt));
  out.league = [...document.querySelectorAll('#league table.league tbody tr')].filter(vis).map((tr) => ({
    cells: [...tr.cells].map(txt),
    medal: !!tr.querySelector('.medal'),
    tooFew: tr.classList.contains('too-few'),
  }));
  out.groups = [...document.querySelectorAll('body > section.group')].filter(vis).map((s) => ({
    name: txt(s.querySelector('h2 bdi')),
    sections: [...s.querySelectorAll('table.sections tbody tr')].filter(vis).length,
    // The order of the group's own blocks, by their tables and lists.
    order: [...s.querySelectorAll('table.sections, table.fix, ul.comments, table.periods')].map((e) => e.className),
    fix: [...s.querySelectorAll('table.fix tbody tr')].filter(vis).length,
    comments: [...s.querySelectorAll('ul.comments li')].filter(vis).length,
    commentMeta: [...s.querySelectorAll('ul.comments li .meta')].filter(vis).map(txt),
    periods: [...s.querySelectorAll('table.periods tbody tr')].filter(vis).length,
  }));
  out.late = rows('#promises table.late tbody tr');
  out.bands = rows('#bands tbody tr');
  out.bandCols = document.querySelectorAll('#bands thead th').length;
  out.csiRows = rows('#csi table.attrs tbody tr');
  out.driverOutcomes = rows('#drivers h3');
  const pyr = document.querySelector('svg.pyramid');
  out.pyramid = pyr && vis(pyr) ? [...pyr.querySelectorAll(':scope > g')].map((g) => txt(g.querySelector('text'))) : null;
  out.scoreLevels = rows('table.levels tbody tr');
  return out;
}

// cyrillic reports whether the page's body font draws Cyrillic letters
// as letters: a missing glyph is drawn as the same box for every letter,
// so the widths of 33 different letters would collapse to one value.
function cyrillic() {
  const ctx = document.createElement('canvas').getContext('2d');
  const body = getComputedStyle(document.body);
  ctx.font = `${body.fontSize} ${body.fontFamily}`;
  const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
  const widths = new Set([...letters].map((c) => ctx.measureText(c).width.toFixed(2)));
  const tofu = ctx.measureText('\u{10FFFD}').width.toFixed(2);
  return { distinct: widths.size, sameAsTofu: widths.has(tofu) && widths.size === 1 };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  for (const c of cases) {
    const t0 = Date.now();
    const html = join(outDir, `${c.name}.html`);
    const json = JSON.parse(execFileSync(cxkit, [...c.args, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    execFileSync(cxkit, [...c.args, '--html', html], { stdio: ['ignore', 'ignore', 'inherit'] });
    await writeFile(join(outDir, `${c.name}.json`), JSON.stringify(json, null, 1));
    const url = pathToFileURL(html).href;
    const context = await browser.newContext({ locale: c.lang === 'ru' ? 'ru-RU' : 'en-US', viewport: widths[0] });
    // Anything but the file itself is a request the page should not
    // make: it is aborted, so the test never waits on the network.
    const requests = [];
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      requests.push(u);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => { if (r.url() !== url && !requests.includes(r.url())) requests.push(r.url()); });
    await page.goto(url, { waitUntil: 'load' });
    // One load, laid out again at each width: the page has no script,
    // so what it shows depends on the width and the media alone.
    for (const w of widths) {
      const where = `${c.name} @${w.tag}`;
      await page.setViewportSize({ width: w.width, height: w.height });
      await page.emulateMedia({ media: w.print ? 'print' : 'screen' });
      const m = await page.evaluate(measure);
      check(m.scrollWidth <= m.clientWidth, `${where}: the page is ${m.scrollWidth}px wide in a ${m.clientWidth}px window`);
      check(m.clipped.length === 0, `${where}: text clipped: ${m.clipped.slice(0, 5).join('; ')}`);
      // A table may scroll in its own box on a phone, never on a desktop
      // or on paper, where nothing can scroll.
      if (w.tag !== '390') check(m.wideScroll.length === 0, `${where}: tables wider than the page: ${m.wideScroll.join('; ')}`);
      // What failed and what is late must be read without scrolling,
      // on a phone too.
      check(m.listScroll.length === 0, `${where}: ${m.listScroll.join(', ')} scrolls sideways`);
      if (c.args[0] === 'report') checkReport(where, m, json);
      else checkScore(where, m, json);
      if (c.lang === 'ru' && w.tag === '1280') {
        const cy = await page.evaluate(cyrillic);
        check(cy.distinct >= 10 && !cy.sameAsTofu, `${where}: Cyrillic letters have ${cy.distinct} distinct widths: drawn as boxes (install fonts-dejavu-core)`);
        // Which installed font Chromium drew the title with.
        const cdp = await context.newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        check(fonts.length > 0 && fonts.every((f) => f.familyName), `${where}: no installed font drew the title`);
        console.log(`ok: ${where}: Cyrillic drawn with ${fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(', ')}`);
        await cdp.detach();
      }
      if (w.print) {
        await page.screenshot({ path: join(outDir, `${c.name}-print.png`) });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        await writeFile(join(outDir, `${c.name}.pdf`), pdf);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        check(pages >= 1, `${where}: the PDF has no pages`);
        console.log(`ok: ${where}: ${pages} A4 pages`);
      } else {
        await page.screenshot({ path: join(outDir, `${c.name}-${w.tag}.png`), fullPage: true });
      }
      console.log(`ok: ${where}: checked (${m.wideScroll.length} tables scroll in their box)`);
    }
    check(requests.length === 0, `${c.name}: the page requested ${requests.join(', ')}`);
    await context.close();
    console.log(`ok: ${c.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser.close();
}

function checkReport(where, m, r) {
  const grouped = !!r.group_by;
  // reports.md: the critical failures come first, then the league table.
  const order = m.sections;
  check(order[0] === 'critical', `${where}: the first block is ${order[0]}, not the critical failures`);
  if (grouped) check(order[1] === 'league', `${where}: the league table is not right after the critical failures (${order.slice(0, 3).join(', ')})`);
  const firstGroup = order.indexOf('group');
  if (firstGroup >= 0) check(order.slice(firstGroup).every((s) => s === 'group'), `${where}: overall blocks after the groups: ${order.join(', ')}`);

  check(m.visible.critical, `${where}: no critical failures block`);
  check(m.heading.critical?.includes(`(${r.critical_failures_total})`), `${where}: critical heading "${m.heading.critical}" lacks the total ${r.critical_failures_total}`);
  check(m.critical === r.critical_failures.length, `${where}: ${m.critical} critical-failure rows, JSON has ${r.critical_failures.length}`);
  // An audit without an id or a date (empty in the JSON) is never a
  // blank cell a manager cannot act on.
  r.critical_failures.forEach((cf, i) => {
    const cells = m.criticalCells[i] ?? [];
    const [date, audit] = cells.slice(grouped ? 1 : 0);
    check(!!audit && (cf.audit.trim() !== '' || audit.includes(':')), `${where}: critical failure ${i + 1}: audit cell "${audit}" for audit "${cf.audit}"`);
    check(!!date, `${where}: critical failure ${i + 1}: a blank date cell`);
  });
  for (const id of ['pyramid', 'levels', 'reached', 'problems']) check(m.visible[id], `${where}: no ${id} block`);

  check(m.visible.league === grouped, `${where}: league table shown: ${m.visible.league}, grouped: ${grouped}`);
  if (grouped) {
    check(m.league.length === r.groups.length, `${where}: ${m.league.length} league rows, JSON has ${r.groups.length} groups`);
    r.groups.forEach((g, i) => {
      const row = m.league[i];
      if (!row) return;
      const [rank, name, n, , , , range] = row.cells;
      check(name === g.group, `${where}: league row ${i + 1} is "${name}", JSON has "${g.group}"`);
      check(n === String(g.n), `${where}: ${g.group}: n ${n}, JSON ${g.n}`);
      check(rank === (g.rank == null ? '—' : String(g.rank)), `${where}: ${g.group}: rank "${rank}", JSON ${g.rank}`);
      const want = g.rank_low == null ? '' : g.rank_low === g.rank_high ? String(g.rank_low) : `${g.rank_low}–${g.rank_high}`;
      check(range === want, `${where}: ${g.group}: rank range "${range}", want "${want}"`);
      check(row.medal === (g.rank != null && g.rank <= 3 && !g.too_few), `${where}: ${g.group}: medal ${row.medal} with rank ${g.rank}, too_few ${g.too_few}`);
      check(row.tooFew === g.too_few, `${where}: ${g.group}: too-few mark ${row.tooFew}, JSON ${g.too_few}`);
    });
    check(m.groups.length === r.groups.length, `${where}: ${m.groups.length} group blocks, JSON has ${r.groups.length}`);
    r.groups.forEach((g, i) => {
      const b = m.groups[i];
      if (!b) return;
      check(b.name === g.group, `${where}: group block ${i + 1} is "${b.name}", JSON has "${g.group}"`);
      check(b.sections === g.sections.length, `${where}: ${g.group}: ${b.sections} section rows, JSON ${g.sections.length}`);
      check(b.fix === g.top_problems.length, `${where}: ${g.group}: ${b.fix} rows to fix, JSON ${g.top_problems.length}`);
      check(b.comments === g.comments.length, `${where}: ${g.group}: ${b.comments} comments, JSON ${g.comments.length}`);
      // A comment, like a critical failure, names its audit and date
      // even when the sheet has neither.
      g.comments.forEach((c, j) => {
        const [date, audit] = (b.commentMeta[j] ?? '').split(' · ');
        check(!!audit && (c.audit.trim() !== '' || audit.includes(':')), `${where}: ${g.group}: comment ${j + 1}: audit "${audit}" for audit "${c.audit}"`);
        check(!!date, `${where}: ${g.group}: comment ${j + 1}: a blank date`);
      });
      check(b.periods === (g.periods ?? []).length, `${where}: ${g.group}: ${b.periods} waves, JSON ${(g.periods ?? []).length}`);
      const want = ['sections', 'fix', 'comments', 'periods'].filter((k) => b.order.includes(k));
      check(b.order.join() === want.join(), `${where}: ${g.group}: blocks in the order ${b.order.join(', ')}`);
    });
  }
  if (r.open_promises_total != null) {
    check(m.visible.promises, `${where}: no promises block`);
    check(m.late === r.open_promises.length, `${where}: ${m.late} late promises shown, JSON has ${r.open_promises.length}`);
  } else {
    check(!m.visible.promises, `${where}: a promises block without promises`);
  }
  const o = r.overall;
  if (o.bands) {
    check(m.visible.bands, `${where}: no bands block`);
    const rowsWant = 1 + r.groups.filter((g) => g.bands).length * (grouped ? 1 : 0);
    check(m.bands === rowsWant, `${where}: ${m.bands} band rows, want ${rowsWant}`);
    check(m.bandCols === 3 + o.bands.length, `${where}: ${m.bandCols} band columns, want ${3 + o.bands.length}`);
  } else {
    check(!m.visible.bands, `${where}: a bands block without bands`);
  }
  if (o.csi) {
    check(m.visible.csi, `${where}: no CSI block`);
    check(m.csiRows === o.csi.attributes.length, `${where}: ${m.csiRows} CSI attribute rows, JSON ${o.csi.attributes.length}`);
  } else {
    check(!m.visible.csi, `${where}: a CSI block without csi questions`);
  }
  if ((r.drivers ?? []).length) {
    check(m.visible.drivers, `${where}: no drivers block, JSON has ${r.drivers.length} outcomes`);
    check(m.driverOutcomes === r.drivers.length, `${where}: ${m.driverOutcomes} driver outcomes, JSON ${r.drivers.length}`);
  }
  checkPyramid(where, m, r.overall.levels.map((l) => l.level));
}

function checkScore(where, m, r) {
  check(m.scoreLevels === r.levels.length, `${where}: ${m.scoreLevels} level rows, JSON ${r.levels.length}`);
  checkPyramid(where, m, r.levels.map((l) => l.level));
}

// The pyramid always has the model's four levels; those the checklist
// leaves out are outlined, and the drawing reads top level first.
function checkPyramid(where, m, levels) {
  check(m.pyramid?.length === 4, `${where}: the pyramid has ${m.pyramid?.length ?? 'no'} levels, not 4`);
  if (!m.pyramid) return;
  m.pyramid.forEach((t, i) => check(t?.startsWith(`${4 - i}.`), `${where}: pyramid band ${i + 1} reads "${t}"`));
  for (const l of levels) check(m.pyramid[4 - l]?.includes(' — '), `${where}: level ${l} has no score in the pyramid: "${m.pyramid[4 - l]}"`);
}

if (failures.length) {
  console.error(`e2e: ${failures.length} checks failed`);
  process.exit(1);
}
console.log(`ok: ${cases.length} pages at ${widths.length} widths`);
