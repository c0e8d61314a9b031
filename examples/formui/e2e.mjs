// End-to-end test of the form page in headless Chromium: it opens the
// mall checklist's form served by `cxkit serve-form`, checks that a
// `when` question hides and shows, answers every question it is asked,
// submits, and checks the score that korto sends back.
//
//   node e2e.mjs URL OUTDIR
//
// It writes OUTDIR/form.png (the filled form with its result),
// OUTDIR/result.png (the score the page shows), OUTDIR/sheet.json (the sheet the browser posted) and OUTDIR/result.json
// (the server's reply), and exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [url, outDir = 'testoutput'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node e2e.mjs URL [OUTDIR]');
  process.exit(2);
}
await mkdir(outDir, { recursive: true });

function check(ok, msg) {
  if (!ok) throw new Error(`check failed: ${msg}`);
  console.log(`ok: ${msg}`);
}

// best returns the answer that scores full marks for a question, from its
// schema: the option worth most, the top of a scale, a measure that meets
// its target.
function best(q) {
  const kind = q['x-cxkit-kind'];
  switch (kind) {
    case 'yesno':
    case 'emotion':
      return { label: q.oneOf[0].title };
    case 'choice': {
      const top = [...q.oneOf].filter((o) => o.enum[0] !== 'na').sort((a, b) => (b['x-cxkit-value'] ?? 0) - (a['x-cxkit-value'] ?? 0))[0];
      return { label: top.title };
    }
    case 'measure': {
      const [op, target] = q['x-cxkit-target'].split(' ');
      const t = Number(target);
      return { number: { '<': t - 1, '>': t + 1 }[op] ?? t };
    }
    case 'text':
      return { text: 'Проверено в браузере' };
    default: {
      // A row of points: the top one.
      const top = q.oneOf.filter((o) => o.enum[0] !== 'na').at(-1);
      return { label: top.title };
    }
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = false;
const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, locale: 'ru-RU' });
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
try {
  const schema = await (await fetch(new URL('schema.json', url))).json();
  // The questions always asked are the answers' properties; those behind
  // `when` are declared in the "then" of their condition's block.
  const questions = Object.entries({
    ...schema.properties.answers.properties,
    ...Object.assign({}, ...(schema.allOf ?? []).map((b) => b.then?.properties?.answers?.properties ?? {})),
  }).sort(([, a], [, b]) => a.propertyOrder - b.propertyOrder);

  const q = (id) => page.locator(`[data-question="${id}"]`);
  const visible = (id) => q(id).isVisible();
  await page.goto(url);
  await page.waitForSelector('[data-question]', { timeout: 20000 });
  check((await page.locator('#root__title').textContent()).includes('Сервис в торговом центре'), 'the form shows the checklist title in Russian');
  check(await q('has_parking').getByLabel('Нет', { exact: true }).isVisible(), 'yes/no questions are Russian radio buttons');

  // Submitting an empty form must fail in the browser, before the server.
  let posted = 0;
  page.on('request', (r) => { if (r.url().endsWith('/score')) posted++; });
  await page.locator('button[type=submit]').click();
  check(await page.locator('.errors, .panel-danger').first().isVisible(), 'an empty form shows validation errors');
  const listed = await page.locator('.errors, .panel-danger').first().textContent();
  check(listed.includes('нет ответа') && !/must have required|must match/.test(listed), 'the errors are in Russian, in the words cxkit score uses');
  check(await page.locator('input[type=radio]:checked').count() === 0, 'nothing is pre-answered');
  check(posted === 0, 'an invalid form is not sent');

  // `when has_parking`: the car-park questions come and go with the answer.
  check(!(await visible('park_lighting')), 'park_lighting is hidden while has_parking is unanswered');
  await q('has_parking').getByLabel('Да', { exact: true }).check();
  check(await visible('park_lighting'), 'park_lighting shows when has_parking is "yes"');
  await q('has_parking').getByLabel('Нет', { exact: true }).check();
  check(!(await visible('park_lighting')), 'park_lighting hides again when has_parking is "no"');
  await q('has_parking').getByLabel('Да', { exact: true }).check();

  await page.locator('#root_audit_id').fill('e2e-001');
  await page.locator('#root_audit_location').fill('ТЦ Европа');
  await page.locator('#root_audit_date').fill('2026-11-20');
  await page.locator('#root_audit_auditor').fill('Headless Chromium');

  // Answer, in form order, every question the form asks; questions
  // behind `when` appear as the answers before them switch them on.
  let answered = 0;
  for (const [id, qs] of questions) {
    if (!(await visible(id))) continue;
    const a = best(qs);
    const box = q(id);
    if (a.label !== undefined) {
      const select = box.locator('select');
      if (await select.count()) await select.first().selectOption({ label: a.label });
      else await box.getByLabel(a.label, { exact: true }).check();
    } else if (a.text !== undefined) {
      await box.locator('textarea').fill(a.text);
    } else {
      await box.locator('input:not([type=radio]):not([type=hidden])').first().fill(String(a.number));
    }
    answered++;
  }
  check(answered > 50, `answered the ${answered} questions the form asked`);

  // submit sends the form and returns the sheet the browser posted and
  // the server's reply.
  const submit = async () => {
    const sent = Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/score'), { timeout: 10000 }),
      page.waitForResponse((r) => r.url().endsWith('/score'), { timeout: 10000 }),
    ]);
    await page.locator('button[type=submit]').click();
    const [request, response] = await sent.catch(async () => {
      const list = await page.locator('.errors, .panel-danger').first().textContent().catch(() => 'no error list');
      throw new Error(`the filled form was not sent: ${list}`);
    });
    check(response.status() === 200, `the server accepted the sheet (HTTP ${response.status()})`);
    const result = await response.json();
    await page.waitForSelector(`#result[data-accepted="true"]`, { timeout: 10000 });
    await page.waitForFunction((s) => document.querySelector('[data-testid=score]')?.textContent === s,
      result.score == null ? '—' : `${(100 * result.score).toFixed(1)}%`, { timeout: 10000 });
    return { sheet: JSON.parse(request.postData()), result };
  };

  const first = await submit();
  check(first.sheet.checklist === schema.properties.checklist.const, 'the sheet names the checklist');
  check(Object.keys(first.sheet.answers).every((id) => questions.some(([k]) => k === id)), 'the sheet answers only known questions');
  check(first.result.score === 1, `best answers score 100% (got ${first.result.score})`);
  check(await page.locator('[data-testid=score]').textContent() === '100.0%', 'the page shows the score korto returned (100.0%)');
  check(first.result.reached === 2 && first.result.reached_name !== '', `reached level 2, "${first.result.reached_name}"`);
  check((await page.locator('[data-testid=reached]').getAttribute('data-level')) === '2', 'the page shows the reached level');

  // No car park this time, and smoking at the door: the car-park answers
  // leave the sheet and the score drops.
  await q('has_parking').getByLabel('Нет', { exact: true }).check();
  check(!(await visible('park_lighting')), 'switching has_parking off hides the car-park questions again');
  await q('no_smoking_door').getByLabel('Нет', { exact: true }).check();
  const second = await submit();
  check(!Object.keys(second.sheet.answers).some((id) => id.startsWith('park_')), 'the sheet leaves out the switched-off questions');
  check(second.result.score < 1, `one "no" lowers the score (${second.result.score})`);
  const shown = await page.locator('[data-testid=score]').textContent();
  check(shown === `${(100 * second.result.score).toFixed(1)}%`, `the page shows the new score (${shown})`);
  await writeFile(join(outDir, 'sheet.json'), JSON.stringify(second.sheet, null, 2) + '\n');
  await writeFile(join(outDir, 'result.json'), JSON.stringify(second.result, null, 2) + '\n');
  check(pageErrors.length === 0, `no script errors on the page${pageErrors.length ? ': ' + pageErrors.join('; ') : ''}`);
} catch (e) {
  failed = true;
  console.error(e.message);
} finally {
  await page.screenshot({ path: join(outDir, 'form.png'), fullPage: true }).catch(() => {});
  await page.locator('#result').screenshot({ path: join(outDir, 'result.png') }).catch(() => {});
  await browser.close();
}
process.exit(failed ? 1 : 0);
