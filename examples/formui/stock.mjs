// Browser test of the forms cxkit writes, in the stock renderers with
// nothing of ours between the documents and the renderer:
// react-jsonschema-form 6 (default props), JSON Forms with the vanilla
// renderers, and SurveyJS. For each, on the mall checklist:
//
//   - an untouched form holds no answer (no radio checked, no value);
//   - the options of every question with named answers show their
//     titles ("Да", an option's label), not raw values; JSON Forms gets
//     the schema of --choices const, from which it takes titles;
//   - answering "no" to has_parking hides the car-park questions, and an
//     answer given to one of them while shown leaves the data;
//   - a form filled by clicking scores, through cxkit, exactly as the
//     answers the test meant to give (its own sheet) do;
//   - a click answers in under 100 ms in react-jsonschema-form (the
//     other two are timed and the times printed);
//   - (SurveyJS) the result records when the audit started and ended,
//     which cxkit import takes as the audit's started and ended.
//
//   node stock.mjs CXKIT OUTDIR
//
// CXKIT is a built cxkit binary. The pages are dist/stock/*/ (npm run
// build); the documents are written to OUTDIR/<renderer>/ and served
// beside the page through Playwright's request routing, so no server is
// started. Screenshots land in OUTDIR/<renderer>.png.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [cxkit, outDir = 'testoutput/stock'] = process.argv.slice(2);
if (!cxkit) {
  console.error('usage: node stock.mjs CXKIT [OUTDIR]');
  process.exit(2);
}
const checklist = join(here, '..', 'mall', 'mall.korto');
const run = (...args) => execFileSync(cxkit, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
const failures = [];
function check(ok, msg) {
  if (ok) console.log(`ok: ${msg}`);
  else { console.error(`FAIL: ${msg}`); failures.push(msg); }
}

// The questions of the mall checklist in form order, from its schema:
// those always asked are the answers' properties, those behind `when`
// sit in the "then" of their condition's block, in the schema's allOf.
const schema = JSON.parse(run('schema', checklist, '--draft', '07'));
const uiSchema = JSON.parse(run('schema', checklist, '--draft', '07', '--ui'));
const answersSchema = schema.properties.answers;
const questions = Object.entries({
  ...answersSchema.properties,
  ...Object.assign({}, ...(schema.allOf ?? []).map((b) => b.then?.properties?.answers?.properties ?? {})),
}).map(([id, s]) => ({ id, ...s })).sort((a, b) => a.propertyOrder - b.propertyOrder);

// plan is the answer the test gives a question: mostly full marks, with
// a few "no"s so that the score is not trivially 100%. has_parking is
// "yes" so that the car-park questions are asked.
let yesNo = 0;
function plan(q) {
  const kind = q['x-cxkit-kind'];
  const values = q.enum?.filter((v) => v !== 'na');
  switch (kind) {
    case 'yesno':
      return q.id === 'has_parking' || (yesNo++ % 7) ? 'yes' : 'no';
    case 'choice': {
      const best = [...q.oneOf].filter((o) => o.enum[0] !== 'na')
        .sort((a, b) => (b['x-cxkit-value'] ?? 0) - (a['x-cxkit-value'] ?? 0))[0];
      return best.enum[0];
    }
    case 'emotion':
      return 'positive';
    case 'measure': {
      const [op, target] = (q['x-cxkit-target'] ?? '= 1').split(' ');
      const t = Number(target);
      return { '<': t - 1, '>': t + 1 }[op] ?? t;
    }
    case 'text':
      return 'Проверено в браузере';
    default:
      return values ? Math.max(...values) : q.maximum;
  }
}
const audit = { id: 'stock-001', location: 'ТЦ Европа', date: '2026-11-20', auditor: 'Headless Chromium' };

// score returns what cxkit score says of a sheet.
async function score(name, sheet) {
  const file = join(outDir, `${name}.sheet.json`);
  await writeFile(file, JSON.stringify(sheet, null, 2) + '\n');
  return JSON.parse(run('score', checklist, file, '--json'));
}

async function sameScore(name, formSheet, intended) {
  const [got, want] = [await score(`${name}.form`, formSheet), await score(`${name}.intended`, { checklist: schema.properties.checklist.const, audit, answers: intended })];
  check(JSON.stringify(formSheet.answers, Object.keys(formSheet.answers).sort()) === JSON.stringify(intended, Object.keys(intended).sort()),
    `${name}: the form's answers are the ones given (${Object.keys(intended).length})`);
  check(got.score === want.score && got.reached === want.reached && JSON.stringify(got.levels) === JSON.stringify(want.levels),
    `${name}: the form's data scores as cxkit scores the same answers (${got.score}, level ${got.reached})`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// open loads a stock page with its documents.
async function open(name, docs) {
  const dir = join(outDir, name);
  await mkdir(dir, { recursive: true });
  for (const [file, v] of Object.entries(docs)) await writeFile(join(dir, file), JSON.stringify(v, null, 2));
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, locale: 'ru-RU' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('http://form.test/**', async (route) => {
    const file = new URL(route.request().url()).pathname.slice(1) || 'index.html';
    const body = await readFile(join(dir, file)).catch(() => readFile(join(here, 'dist', 'stock', name, file)));
    await route.fulfill({ body, contentType: { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[extname(file)] });
  });
  await page.goto('http://form.test/');
  return { page, errors };
}

// fill answers, in form order, every question the page shows, by the
// plan, into intended (the answers the test means to give), and returns
// it. shownOf asks the page in one round trip which of the given
// questions it shows; asked again after each pass, it brings the
// questions the answers just switched on.
async function fill(shownOf, answer, intended = {}) {
  for (;;) {
    const shown = new Set(await shownOf(questions.map((q) => q.id)));
    const todo = questions.filter((q) => shown.has(q.id) && !(q.id in intended));
    if (todo.length === 0) return intended;
    for (const q of todo) {
      intended[q.id] = plan(q);
      await answer(q, intended[q.id]);
    }
  }
}

// shownIds returns the shownOf of fill for a page on which isShown(id),
// run in the page once the last change has rendered, tells whether it
// shows question id.
const shownIds = (page, isShown) => (ids) => page.evaluate(async ([ids, isShown]) => {
  await new Promise((r) => requestAnimationFrame(() => r()));
  const shown = new Function('id', `return (${isShown})(id)`);
  return ids.filter((id) => shown(id));
}, [ids, isShown.toString()]);

// untitled returns the shown questions with named answers whose box, as
// box(id) finds it in the page, does not show every option's title, as
// "id: missing titles"; answers are to be labelled in the checklist's
// language, never with their raw values.
const titled = questions.filter((q) => q.oneOf?.every((o) => o.title)).map((q) => [q.id, q.oneOf.map((o) => o.title)]);
const untitled = (page, box) => page.evaluate(([titled, box]) => {
  const find = new Function('id', `return (${box})(id)`);
  const out = [];
  for (const [id, titles] of titled) {
    const el = find(id);
    if (!el?.checkVisibility()) continue;
    const missing = titles.filter((t) => !el.innerText.includes(t));
    if (missing.length) out.push(`${id}: ${missing.join(', ')}`);
  }
  return out;
}, [titled, box.toString()]);
const titledCount = (page, box) => page.evaluate(([ids, box]) => {
  const find = new Function('id', `return (${box})(id)`);
  return ids.filter((id) => find(id)?.checkVisibility()).length;
}, [titled.map(([id]) => id), box.toString()]);

async function titlesShown(page, box, seen = { n: 0, bad: [] }) {
  seen.n += await titledCount(page, box);
  seen.bad.push(...await untitled(page, box));
  return seen;
}
const checkTitles = (name, { n, bad }) =>
  check(n > 0 && bad.length === 0, `${name}: the options of ${n} questions show their titles${bad.length ? `; not: ${bad.slice(0, 5).join('; ')}` : ''}`);

// checkedButtons, run in the page, lists the radio buttons checked.
const checkedButtons = () => [...document.querySelectorAll('input[type=radio]:checked')].map((e) => `${e.name}=${e.value}`).join();

// clickSpeed clicks, in the page, the buttons of clicks ([selector,
// index] pairs, one button each) in turn, 12 clicks in all, and checks
// that a click has answered, and the page rendered what the answer
// changes (the next animation frame), in under 100 ms. has_parking
// among them shows and hides the car park. The median is what an
// auditor feels: a shared CI machine stalls a single click now and then,
// hence not the slowest.
// dataOf(), run in the page, is the state of the form's buttons: every
// click must change it. Issue 13 sets the limit for the schema in
// react-jsonschema-form, whose speed the schema's shape decides; the
// other renderers' times are printed, not checked (on a busy shared
// machine they vary fivefold from run to run).
async function clickSpeed(name, page, clicks, dataOf, limit) {
  // clickMs clicks one button and returns how long until the page has
  // rendered the change (the next animation frame), and whether the
  // buttons' state changed.
  const clickMs = ([sel, k]) => page.evaluate(async ([sel, k, dataOf]) => {
    const data = new Function(`return (${dataOf})()`);
    const el = document.querySelectorAll(sel)[k];
    const before = data();
    const t0 = performance.now();
    el.click();
    await new Promise((r) => requestAnimationFrame(() => r()));
    return [performance.now() - t0, data() !== before];
  }, [sel, k, dataOf.toString()]);
  const times = [];
  let idle = 0;
  // The first round of clicks also compiles the code they run.
  for (let i = 0; i < clicks.length + 12; i++) {
    const [ms, changed] = await clickMs(clicks[i % clicks.length]);
    if (!changed) idle++;
    if (i >= clicks.length) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const what = `on ${questions.length} questions (median ${median.toFixed(1)} ms of ${times.length}, slowest ${times.at(-1).toFixed(1)} ms)`;
  check(idle === 0, `${name}: every click answers${idle ? `; ${idle} changed nothing` : ''}`);
  if (limit) check(median < limit, `${name}: a click answers in under ${limit} ms ${what}`);
  else console.log(`measured: ${name}: a click answers ${what}`);
}

const radiosChecked = (page) => page.evaluate(() => document.querySelectorAll('input[type=radio]:checked, input[type=checkbox]:checked').length);

async function rjsf() {
  const { page, errors } = await open('rjsf', { 'schema.json': schema, 'uischema.json': uiSchema });
  await page.waitForSelector('#root_answers_has_parking', { timeout: 30000 });
  const field = (id) => page.locator(`#root_answers_${id}`);
  const shown = async (id) => (await field(id).count()) > 0;
  const label = (q, v) => uiSchema.answers[q.id]?.['ui:enumNames']?.[q.enum.indexOf(v)] ?? String(v);
  const state = () => page.evaluate(() => window.form.current.state.formData);

  check(await radiosChecked(page) === 0, 'rjsf: an untouched form has no radio checked');
  check(Object.keys((await state()).answers ?? {}).length === 0, 'rjsf: an untouched form holds no answers');
  await page.locator('button[type=submit]').click();
  check(await page.evaluate(() => window.submitted.length) === 0, 'rjsf: an untouched form is not submitted');

  const byId = Object.fromEntries(questions.map((q) => [q.id, q]));
  check(!(await shown('park_lighting')), 'rjsf: park_lighting is hidden while has_parking is unanswered');
  await field('has_parking').getByLabel(label(byId.has_parking, 'yes'), { exact: true }).check();
  check(await shown('park_lighting'), 'rjsf: park_lighting shows once has_parking is "yes"');
  await field('park_lighting').getByLabel(label(byId.park_lighting, 'yes'), { exact: true }).check();
  await field('has_parking').getByLabel(label(byId.has_parking, 'no'), { exact: true }).check();
  check(!(await shown('park_lighting')), 'rjsf: park_lighting hides when has_parking turns "no"');
  // RJSF clears the key (undefined), which JSON leaves out of the sheet.
  check((await state()).answers.park_lighting === undefined, 'rjsf: the hidden answer to park_lighting left the data');
  await clickSpeed('rjsf', page, ['paths_clear', 'has_parking'].flatMap((id) => [0, 1].map((i) => [`#root_answers_${id}-${i}`, 0])),
    checkedButtons, 100);

  for (const [k, v] of Object.entries(audit)) await page.locator(`#root_audit_${k}`).fill(v);
  const intended = await fill(
    shownIds(page, (id) => document.getElementById(`root_answers_${id}`)),
    async (q, v) => {
      const f = field(q.id);
      const kind = q['x-cxkit-kind'];
      if (kind === 'measure') await f.fill(String(v));
      else if (kind === 'text') await f.fill(v);
      else if (await f.evaluate((el) => el.tagName === 'SELECT')) await f.selectOption({ label: label(q, v) });
      else await f.getByLabel(label(q, v), { exact: true }).check();
    });
  checkTitles('rjsf', await titlesShown(page, (id) => document.getElementById(`root_answers_${id}`)));
  await page.screenshot({ path: join(outDir, 'rjsf.png'), fullPage: true });
  await page.locator('button[type=submit]').click();
  await page.waitForFunction(() => window.submitted.length > 0, null, { timeout: 10000 }).catch(() => {});
  const sent = await page.evaluate(() => window.submitted[0]);
  check(sent != null, 'rjsf: the filled form is submitted');
  if (sent) await sameScore('rjsf', sent, intended);
  check(errors.length === 0, `rjsf: no script errors ${errors.join('; ')}`);
  await page.close();
}

async function jsonforms() {
  // JSON Forms labels options only from a oneOf of {const, title}.
  const constSchema = JSON.parse(run('schema', checklist, '--draft', '07', '--choices', 'const'));
  const ui = JSON.parse(run('schema', checklist, '--ui', 'jsonforms'));
  const { page, errors } = await open('jsonforms', { 'schema.json': constSchema, 'uischema.json': ui });
  const box = (id) => page.locator(`.root_properties_answers_properties_${id}`);
  await box('has_parking').waitFor({ timeout: 30000 });
  const shown = async (id) => (await box(id).count()) > 0 && (await box(id).isVisible());
  // The vanilla radio group gives every option the id of its value, so
  // the labels of all "yes" options point at the first one: the test
  // clicks the buttons themselves, as a user tapping them does.
  const input = (id, v) => page.locator(`input[type=radio][name="#/properties/answers/properties/${id}"][value="${v}"]`);
  const radio = (id, v) => ({ check: () => input(id, v).evaluate((el) => el.click()) });

  check(await radiosChecked(page) === 0, 'jsonforms: an untouched form has no radio checked');
  check(Object.keys((await page.evaluate(() => window.data)).answers ?? {}).length === 0, 'jsonforms: an untouched form holds no answers');
  check(!(await shown('park_lighting')), 'jsonforms: park_lighting is hidden while has_parking is unanswered');
  await radio('has_parking', 'yes').check();
  check(await shown('park_lighting'), 'jsonforms: park_lighting shows once has_parking is "yes"');
  await radio('has_parking', 'no').check();
  check(!(await shown('park_lighting')), 'jsonforms: park_lighting hides when has_parking turns "no"');
  await clickSpeed('jsonforms', page, ['paths_clear', 'has_parking'].flatMap((id) => ['yes', 'no'].map((v) =>
    [`input[type=radio][name="#/properties/answers/properties/${id}"][value="${v}"]`, 0])), checkedButtons);

  for (const [k, v] of Object.entries(audit)) await page.locator(`.root_properties_audit_properties_${k} input`).fill(v);
  const intended = await fill(
    shownIds(page, (id) => document.querySelector(`.root_properties_answers_properties_${id}`)?.checkVisibility()),
    async (q, v) => {
      const kind = q['x-cxkit-kind'];
      if (kind === 'measure') await box(q.id).locator('input').fill(String(v));
      else if (kind === 'text') await box(q.id).locator('textarea').fill(v);
      else if (await box(q.id).locator('select').count()) await box(q.id).locator('select').selectOption(String(v));
      else await radio(q.id, v).check();
    });
  checkTitles('jsonforms', await titlesShown(page, (id) => document.querySelector(`.root_properties_answers_properties_${id}`)));
  await page.screenshot({ path: join(outDir, 'jsonforms.png'), fullPage: true });
  const data = await page.evaluate(() => window.data);
  // JSON Forms has no submit: the data it reports is the sheet, which
  // the app stamps with the checklist it was made from.
  await sameScore('jsonforms', { checklist: schema.properties.checklist.const, ...data }, intended);
  check(errors.length === 0, `jsonforms: no script errors ${errors.join('; ')}`);
  await page.close();
}

async function surveyjs() {
  const survey = JSON.parse(run('form', checklist, '--to', 'surveyjs'));
  const { page, errors } = await open('survey', { 'survey.json': survey });
  await page.waitForSelector('[data-name="id"]', { timeout: 30000 });
  const q = (id) => page.locator(`[data-name="${id}"]`);
  const shown = async (id) => (await q(id).count()) > 0 && (await q(id).first().isVisible());
  const data = () => page.evaluate(() => window.survey.data);
  const kinds = {};
  const walk = (es) => es.forEach((e) => (e.type === 'panel' ? walk(e.elements) : (kinds[e.name] = e)));
  survey.pages.forEach((p) => walk(p.elements));
  const yesLabel = (e, v) => (v === 'yes' ? e.labelTrue : e.labelFalse)[survey.locale];
  async function answer(e, v) {
    const box = q(e.name);
    switch (e.type) {
      case 'boolean':
        // The switch's thumb covers the side already chosen.
        if (await page.evaluate((n) => window.survey.getValue(n), e.name) === v) return;
        return box.locator('.sd-boolean__thumb-ghost', { hasText: yesLabel(e, v) }).click();
      // SurveyJS takes a typed value when the box loses focus.
      case 'text':
        await box.locator('input').fill(String(v));
        return box.locator('input').blur();
      case 'comment':
        await box.locator('textarea').fill(v);
        return box.locator('textarea').blur();
      default:
        // SurveyJS checks the button when it has rendered the new value,
        // which a busy machine can put after Playwright's own check of
        // the state: click, then wait for the survey to hold the value.
        await box.locator(`input[value="${v}"]`).evaluate((el) => el.click());
        return page.waitForFunction(([n, v]) => String(window.survey.getValue(n)) === v, [e.name, String(v)], { timeout: 5000 });
    }
  }
  const next = () => page.locator('.sd-navigation__next-btn').click();

  // The survey records when it was opened and when last answered
  // (calculatedValues "started" and "ended"), audit fields, not answers.
  const untouched = await data();
  const times = ['started', 'ended'];
  check(Object.keys(untouched).filter((k) => !times.includes(k)).length === 0, `surveyjs: an untouched survey holds no answers (${JSON.stringify(untouched)})`);
  check(!Number.isNaN(Date.parse(untouched.started)), `surveyjs: the survey records when it was opened (started ${JSON.stringify(untouched.started)})`);
  for (const [k, v] of Object.entries(audit)) await q(k).locator('input').fill(v);
  await next();
  await q('has_parking').waitFor();
  check(await radiosChecked(page) === 0, 'surveyjs: the first level opens with nothing answered');
  check(!(await shown('park_lighting')), 'surveyjs: park_lighting is hidden while has_parking is unanswered');
  await answer(kinds.has_parking, 'yes');
  await q('park_lighting').waitFor();
  check(await shown('park_lighting'), 'surveyjs: park_lighting shows once has_parking is "yes"');
  await answer(kinds.park_lighting, 'yes');
  await answer(kinds.has_parking, 'no');
  await q('park_lighting').waitFor({ state: 'detached' }).catch(() => {});
  check(!(await shown('park_lighting')), 'surveyjs: park_lighting hides when has_parking turns "no"');
  check(!('park_lighting' in (await data())), 'surveyjs: the hidden answer to park_lighting left the data');
  await clickSpeed('surveyjs', page, ['paths_clear', 'has_parking'].flatMap((id) => [0, 1].map((i) => [`[data-name="${id}"] .sd-boolean__thumb-ghost`, i])),
    () => JSON.stringify(window.survey.data, (k, v) => (k === 'ended' ? undefined : v)));

  const intended = {};
  const titles = { n: 0, bad: [] };
  for (let p = 1; p < survey.pages.length; p++) {
    await fill(shownIds(page, (id) => document.querySelector(`[data-name="${id}"]`)?.checkVisibility()), (q, v) => answer(kinds[q.id], v), intended);
    await titlesShown(page, (id) => document.querySelector(`[data-name="${id}"]`), titles);
    if (p === 1) await page.screenshot({ path: join(outDir, 'survey.png'), fullPage: true });
    if (p < survey.pages.length - 1) await next();
  }
  checkTitles('surveyjs', titles);
  await page.locator('.sd-navigation__complete-btn').click();
  await page.waitForFunction(() => window.completed.length > 0, null, { timeout: 10000 }).catch(() => {});
  const result = await page.evaluate(() => window.completed[0]);
  const missing = result ? [] : await page.evaluate(() => window.survey.getAllQuestions().filter((x) => x.isVisible && x.isRequired && x.isEmpty()).map((x) => x.name));
  check(result != null, `surveyjs: the filled survey completes${missing.length ? `; unanswered: ${missing.join(', ')}` : ''}`);
  if (result) {
    const file = join(outDir, 'survey.result.json');
    await writeFile(file, JSON.stringify(result, null, 2) + '\n');
    const sheet = JSON.parse(run('import', file, '--checklist', checklist, '--from', 'surveyjs').trim().split('\n')[0]);
    await sameScore('surveyjs', sheet, intended);
    const [started, ended] = [result.started, result.ended].map((t) => new Date(t).toISOString());
    // ended follows the answers to the minute (engines.mjs checks it
    // with SurveyJS's clock moved on).
    check(started === new Date(untouched.started).toISOString() && Date.parse(ended) >= Date.parse(started),
      `surveyjs: the result records when the audit started and ended (${started} .. ${ended})`);
    check(sheet.audit?.started === started && sheet.audit?.ended === ended,
      `surveyjs: cxkit import takes them as the audit's started and ended (${JSON.stringify(sheet.audit)})`);
  }
  check(errors.length === 0, `surveyjs: no script errors ${errors.join('; ')}`);
  await page.close();
}

await mkdir(outDir, { recursive: true });
for (const t of [rjsf, jsonforms, surveyjs]) {
  const t0 = performance.now();
  try {
    await t();
    console.log(`stock: ${t.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    failures.push(`${t.name}: ${e.message}`);
    console.error(`FAIL: ${t.name}: ${e.stack}`);
  }
}
await browser.close();
if (failures.length) {
  console.error(`stock: ${failures.length} failed`);
  process.exit(1);
}
console.log('stock: PASS');
