// The mall checklist's XForm in stock ODK Web Forms (@getodk/web-forms,
// the OdkWebForm component with nothing of ours in between) in headless
// Chromium, filled by clicking as an auditor would:
//
//   - an untouched form has nothing checked, and Send does not submit it
//     (its questions are required), saying so in the form's language;
//   - answering "no" to has_parking hides the car-park questions, "yes"
//     shows them;
//   - the language menu switches the form to the checklist's second
//     language (its itext translation);
//   - the first of the mall's recorded visits (examples/mall/visits.jsonl),
//     entered by clicks and typing, is submitted; the submission's XML
//     imports with `cxkit import --from odk-xml` as exactly that visit's
//     answers and audit fields, and `cxkit score` scores it exactly as it
//     scores the visit.
//
//   node webforms.mjs CXKIT OUTDIR
//
// Screenshots land in OUTDIR/webforms*.png, the submission in
// OUTDIR/mall.submission.xml.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const [cxkit, outDir = join(root, 'testoutput', 'odk')] = process.argv.slice(2);
if (!cxkit) {
  console.error('usage: node webforms.mjs CXKIT [OUTDIR]');
  process.exit(2);
}
const checklist = join(root, 'examples', 'mall', 'mall.korto');
const run = (...args) => execFileSync(cxkit, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
const failures = [];
function check(ok, msg) {
  if (ok) console.log(`ok: ${msg}`);
  else { console.error(`FAIL: ${msg}`); failures.push(msg); }
}
await mkdir(outDir, { recursive: true });

const xml = run('form', checklist, '--to', 'xform');
const visit = JSON.parse((await readFile(join(root, 'examples', 'mall', 'visits.jsonl'), 'utf8')).split('\n')[0]);

// The form's controls in body order with their labels in the default
// (first) translation. The XForm is cxkit's own output, so a pattern
// reads it; the engine and the renderer read the same text as XML.
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const firstTranslation = xml.slice(0, xml.indexOf('</translation>'));
const labels = Object.fromEntries([...firstTranslation.matchAll(/<text id="([^"]+)"><value>(.*?)<\/value><\/text>/g)].map((m) => [unescape(m[1]), unescape(m[2])]));
const body = xml.slice(xml.indexOf('<h:body>'));
const types = Object.fromEntries([...xml.matchAll(/<bind nodeset="([^"]+)" type="([^"]+)"/g)].map((m) => [m[1], m[2]]));
const controls = [...body.matchAll(/<(select1|input) ref="([^"]+)"/g)].map((m) => ({
  kind: m[1], path: m[2], type: types[m[2]], name: m[2].split('/').at(-1), audit: m[2].split('/')[2] === 'audit', label: labels[`${m[2]}:label`],
}));
const byName = Object.fromEntries(controls.map((c) => [c.name, c]));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 900, height: 1400 }, locale: 'ru-RU' });
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
// localhost is a secure context, which the engine needs (crypto.randomUUID).
await page.route('http://localhost/**', async (route) => {
  const file = new URL(route.request().url()).pathname.slice(1) || 'index.html';
  if (file === 'form.xml') return route.fulfill({ body: xml, contentType: 'application/xml' });
  const data = await readFile(join(here, 'dist', 'webforms', file)).catch(() => null);
  if (data === null) return route.fulfill({ status: 404, body: '' });
  return route.fulfill({ body: data, contentType: { '.html': 'text/html', '.js': 'text/javascript' }[extname(file)] });
});
await page.goto('http://localhost/');

// A question's box is the question container whose label is its text.
const box = (c) => page.locator('.question-container').filter({ has: page.locator('.control-text label').getByText(c.label, { exact: true }) });
const shown = async (c) => (await box(c).count()) > 0;
async function answer(c, v) {
  const b = box(c);
  const n = await b.count();
  if (n !== 1) throw new Error(`${n} boxes labelled "${c.label}" (${c.name})`);
  if (c.kind === 'select1') return b.locator(`input[type=radio][value="${v}"]`).click();
  const input = b.locator('input, textarea').first();
  switch (c.type) {
    case 'decimal':
    case 'int':
      // Typed as the auditor's locale writes numbers ("2,7" in Russian).
      await input.click();
      return input.pressSequentially(String(v).replace('.', decimalSeparator));
    case 'date': {
      // The date picker takes no typing: pick the year, month and day.
      const [y, m, d] = String(v).split('-').map(Number);
      await input.click();
      const panel = page.locator('.p-datepicker-panel');
      await panel.locator('.p-datepicker-select-year').click();
      for (let i = 0; i < 20 && !(await panel.locator('.p-datepicker-year', { hasText: String(y) }).count()); i++) {
        const first = Number(await panel.locator('.p-datepicker-year').first().innerText());
        await panel.locator(y < first ? '.p-datepicker-prev-button' : '.p-datepicker-next-button').click();
      }
      await panel.locator('.p-datepicker-year', { hasText: String(y) }).click();
      await panel.locator('.p-datepicker-month').nth(m - 1).click();
      await panel.locator('.p-datepicker-day-cell:not(.p-datepicker-other-month) .p-datepicker-day').getByText(String(d), { exact: true }).click();
      return panel.waitFor({ state: 'detached' }).catch(() => {});
    }
  }
  return input.fill(String(v));
}
const decimalSeparator = await page.evaluate(() => new Intl.NumberFormat(navigator.language).format(1.5)[1]);
const send = () => page.getByRole('button', { name: /send|submit|отправить/i }).click();

try {
  await box(byName.has_parking).waitFor({ timeout: 60000 });
  check(await page.locator('input[type=radio]:checked').count() === 0, 'webforms: an untouched form has no radio checked');
  check(!(await shown(byName.park_lighting)), 'webforms: park_lighting is hidden while has_parking is unanswered');
  await answer(byName.has_parking, 'yes');
  check(await shown(byName.park_lighting), 'webforms: park_lighting shows once has_parking is "yes"');
  await answer(byName.has_parking, 'no');
  check(!(await shown(byName.park_lighting)), 'webforms: park_lighting hides when has_parking turns "no"');
  await send();
  await page.waitForTimeout(500);
  check(await page.evaluate(() => window.submitted.length) === 0, 'webforms: Send does not submit a form with required questions unanswered');
  await page.screenshot({ path: join(outDir, 'webforms-required.png') });
  // The first required question on screen other than the one answered
  // above was left empty. (The audit fields are not required: forms.md.)
  let required = null;
  for (const c of controls) {
    if (c !== byName.has_parking && labels[`${c.path}:jr:requiredMsg`] && await shown(c)) {
      required = c;
      break;
    }
  }
  const requiredMsg = required && labels[`${required.path}:jr:requiredMsg`];
  check(requiredMsg && await box(required).getByText(requiredMsg, { exact: true }).isVisible(),
    `webforms: a required question left empty (${required?.name}) says so in the form's words ("${requiredMsg}")`);

  // The second language of the checklist is the form's second
  // translation: Web Forms' language menu switches the labels to it.
  const translations = [...xml.matchAll(/<translation lang="([^"]+)"/g)].map((m) => m[1]);
  if (translations.length > 1) {
    const other = xml.slice(xml.indexOf(`<translation lang="${translations[1]}"`));
    const otherLabel = unescape(other.match(new RegExp(`<text id="${byName.has_parking.path}:label"><value>(.*?)</value>`))[1]);
    const pickLanguage = async (lang) => {
      await page.locator('.language-changer').filter({ visible: true }).click();
      await page.getByRole('option', { name: lang, exact: true }).click();
    };
    await pickLanguage(translations[1]);
    const switched = await page.locator('.control-text label').getByText(otherLabel, { exact: true }).isVisible().catch(() => false);
    await page.screenshot({ path: join(outDir, 'webforms-language.png') });
    check(switched, `webforms: the language menu shows the form in ${translations[1]} ("${otherLabel}")`);
    await pickLanguage(translations[0]);
    await box(byName.has_parking).waitFor();
  }

  // The visit, in form order: each question is shown by the answers
  // before it.
  let entered = 0;
  for (const c of controls) {
    const v = c.audit ? visit.audit[c.name] : visit.answers[c.name];
    if (v === undefined) continue;
    await answer(c, v);
    entered++;
  }
  check(entered === Object.keys(visit.answers).length + Object.keys(visit.audit).length,
    `webforms: entered the visit's ${Object.keys(visit.answers).length} answers and ${Object.keys(visit.audit).length} audit fields`);
  await page.screenshot({ path: join(outDir, 'webforms.png'), fullPage: false });
  await send();
  await page.waitForFunction(() => window.submitted.length > 0, null, { timeout: 15000 }).catch(() => {});
  const sent = await page.evaluate(() => window.submitted[0]);
  check(sent?.status === 'ready', `webforms: the filled form is submitted (status ${sent?.status})`);
  await page.screenshot({ path: join(outDir, 'webforms-sent.png') });
  if (sent) {
    const file = join(outDir, 'mall.submission.xml');
    await writeFile(file, sent.xml);
    const lines = run('import', file, '--checklist', checklist, '--from', 'odk-xml').trim().split('\n');
    check(lines.length === 1, `webforms: the submission imports as one sheet (${lines.length})`);
    const sheet = JSON.parse(lines[0]);
    const sorted = (o) => JSON.stringify(o, Object.keys(o).sort());
    check(sorted(sheet.answers) === sorted(visit.answers), `webforms: the submission holds exactly the visit's answers${sorted(sheet.answers) === sorted(visit.answers) ? '' : `\n  got  ${sorted(sheet.answers)}\n  want ${sorted(visit.answers)}`}`);
    for (const k of Object.keys(visit.audit)) check(sheet.audit[k] === visit.audit[k], `webforms: audit ${k} is ${JSON.stringify(sheet.audit[k])}`);
    check(sheet.audit.started && sheet.audit.ended, `webforms: the form recorded its start and end (${sheet.audit.started} .. ${sheet.audit.ended})`);
    const imported = join(outDir, 'mall.imported.json');
    const original = join(outDir, 'mall.visit.json');
    await writeFile(imported, lines[0]);
    await writeFile(original, JSON.stringify(visit));
    const [got, want] = [imported, original].map((f) => JSON.parse(run('score', checklist, f, '--json')));
    check(got.score === want.score && got.reached === want.reached && JSON.stringify(got.levels) === JSON.stringify(want.levels),
      `webforms: the submission scores as cxkit scores the visit (${got.score}, level ${got.reached})`);
  }
} catch (e) {
  failures.push(e.message);
  console.error(`FAIL: ${e.stack}`);
  await page.screenshot({ path: join(outDir, 'webforms-failed.png') }).catch(() => {});
}
check(pageErrors.length === 0, `webforms: no script errors ${pageErrors.join('; ')}`);
await browser.close();
if (failures.length) {
  console.error(`webforms: ${failures.length} failed`);
  process.exit(1);
}
console.log('webforms: PASS');
