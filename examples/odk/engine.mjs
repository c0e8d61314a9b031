// The XForms cxkit writes, in the ODK XForms engine
// (@getodk/xforms-engine, the engine inside ODK Web Forms) running in
// headless Chromium: on every example checklist and every sheet of its
// visibility fixture (forms/testdata/visibility/*.json, sheets filled
// the way a form fills them, with the questions korto asks on each),
//
//   - the form loads without errors or warnings;
//   - every answer of the sheet can be entered, and reads back as given
//     (choice lists, scale points and N/A are the sheet's own values);
//   - the questions the engine holds relevant are exactly those korto
//     asks;
//   - the engine's submission of each sheet (XML, as ODK Central gets
//     it) imports with `cxkit import --from odk-xml`: the questions
//     cxkit finds unanswered are those the engine holds relevant,
//     required and empty, and the sheet completed as an auditor must
//     before sending imports as exactly the answers the engine held.
//
//   node engine.mjs CXKIT OUTDIR
//
// The engine runs in the browser, where ODK runs it; in Node it wants
// a DOM and its XPath parser's WebAssembly loader wants CommonJS.
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const [cxkit, outDir = join(root, 'testoutput', 'odk')] = process.argv.slice(2);
if (!cxkit) {
  console.error('usage: node engine.mjs CXKIT [OUTDIR]');
  process.exit(2);
}
const run = (...args) => execFileSync(cxkit, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
let failed = 0;
function check(ok, msg) {
  if (ok) console.log(`ok: ${msg}`);
  else { console.error(`FAIL: ${msg}`); failed++; }
}

// Every example checklist, examples/*/*.korto, by its file's base name.
const checklists = {};
for (const dir of await readdir(join(root, 'examples'), { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  for (const f of await readdir(join(root, 'examples', dir.name))) {
    if (f.endsWith('.korto')) checklists[f.slice(0, -'.korto'.length)] = join(root, 'examples', dir.name, f);
  }
}
check(Object.keys(checklists).length >= 3, `found the example checklists: ${Object.keys(checklists).join(', ')}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
await page.route('http://localhost/**', async (route) => {
  const file = new URL(route.request().url()).pathname.slice(1) || 'index.html';
  const body = await readFile(join(here, 'dist', 'engine', file));
  await route.fulfill({ body, contentType: { '.html': 'text/html', '.js': 'text/javascript' }[extname(file)] });
});
await page.goto('http://localhost/');
await page.waitForFunction(() => window.ready);

await mkdir(outDir, { recursive: true });
for (const [name, path] of Object.entries(checklists)) {
  const xml = run('form', path, '--to', 'xform');
  await writeFile(join(outDir, `${name}.xml`), xml);
  const { sheets } = JSON.parse(await readFile(join(root, 'forms', 'testdata', 'visibility', `${name}.json`), 'utf8'));
  const t0 = Date.now();
  const r = await page.evaluate(async ([xml, sheets]) => {
    const out = { load: null, wrong: [], unset: [], questions: 0, submissions: [], missing: [], completed: [], held: [] };
    // One instance per checklist, cleared between sheets (last question
    // first): loading the form is most of the cost.
    let form;
    try {
      form = await window.odk.createInstance(xml);
    } catch (e) {
      out.load = `${e?.constructor?.name}: ${e?.message} ${e?.stack ?? ''}`;
      return out;
    }
    const w = form.formResult.warnings;
    if (w && w.length) out.load = `warnings: ${JSON.stringify(w).slice(0, 500)}`;
    // Leaf nodes by name, in form order: question IDs are unique in a
    // checklist, and the audit fields and metadata are not in the sheet.
    const nodes = {};
    const walk = (n) => {
      const kids = n.currentState.children;
      if (kids) kids.forEach(walk);
      else nodes[n.definition.nodeset.split('/').at(-1)] = n;
    };
    walk(form.root);
    const clear = (n) => (n.nodeType === 'select' ? n.selectValue(null) : n.setValue(''));
    for (const [i, sheet] of sheets.entries()) {
      Object.values(nodes).reverse().filter((n) => n.nodeType === 'select' || n.nodeType === 'input').forEach(clear);
      // Answers in form order: each was given while its question showed.
      for (const [id, node] of Object.entries(nodes)) {
        if (!(id in sheet.answers)) continue;
        const v = sheet.answers[id];
        if (node.nodeType === 'select') {
          node.selectValue(String(v));
          if (node.currentState.value[0] !== String(v)) out.unset.push(`sheet ${i}: ${id} = ${JSON.stringify(v)} reads back ${JSON.stringify(node.currentState.value)} (options ${node.currentState.valueOptions.map((o) => o.value).join(', ')})`);
        } else {
          node.setValue(node.valueType === 'decimal' || node.valueType === 'int' ? Number(v) : String(v));
          if (String(node.currentState.value) !== String(v)) out.unset.push(`sheet ${i}: ${id} = ${JSON.stringify(v)} reads back ${JSON.stringify(node.currentState.value)}`);
        }
      }
      const shown = new Set(sheet.shown);
      out.questions = 0;
      const missing = [];
      out.missing.push(missing);
      for (const [id, node] of Object.entries(nodes)) {
        // The audit group, the meta group and the fields right under the
        // root (start, end, deviceid) are not questions.
        const path = node.definition.nodeset.split('/');
        if (path.length <= 3 || ['audit', 'meta'].includes(path[2])) continue;
        out.questions++;
        const relevant = node.currentState.relevant;
        if (relevant !== shown.has(id)) out.wrong.push(`sheet ${i}: the engine holds ${id} relevant: ${relevant}, korto asks it: ${shown.has(id)}`);
        const empty = node.nodeType === 'select' ? node.currentState.value.length === 0 : node.currentState.value === '' || node.currentState.value == null;
        if (relevant && node.currentState.required && empty) missing.push(id);
      }
      // The submission the engine makes of the sheet, named by its
      // audit id (questions left unanswered leave it "pending", which
      // the data does not depend on).
      nodes.id?.setValue(`sheet-${i}`);
      const payload = await form.root.prepareInstancePayload();
      out.submissions.push(await payload.data[0].get('xml_submission_file').text());
      // Then the sheet completed as an auditor must before sending:
      // each question still required, shown and empty gets its first
      // option, 1 or "text", in form order (an answer can show more).
      // The values the engine then holds are what the import must give.
      nodes.id?.setValue(`completed-${i}`);
      const held = {};
      for (const [id, node] of Object.entries(nodes)) {
        const path = node.definition.nodeset.split('/');
        if (path.length <= 3 || ['audit', 'meta'].includes(path[2]) || !node.currentState.relevant) continue;
        let v = node.nodeType === 'select' ? node.currentState.value[0] : node.currentState.value;
        if ((v === '' || v == null) && node.currentState.required) {
          if (node.nodeType === 'select') node.selectValue(node.currentState.valueOptions[0].value);
          else node.setValue(node.valueType === 'string' ? 'text' : 1);
          v = node.nodeType === 'select' ? node.currentState.value[0] : node.currentState.value;
        }
        if (v !== '' && v != null) held[id] = String(v);
      }
      for (const id of Object.keys(held)) if (!nodes[id].currentState.relevant) delete held[id];
      out.held.push(held);
      const completed = await form.root.prepareInstancePayload();
      out.completed.push(await completed.data[0].get('xml_submission_file').text());
      nodes.id?.setValue('');
    }
    return out;
  }, [xml, sheets]);
  check(r.load === null, `${name}: the engine loads the XForm${r.load ? ': ' + r.load : ''}`);
  if (r.load !== null) continue;
  check(r.unset.length === 0, `${name}: every answer of ${sheets.length} sheets enters and reads back as given${r.unset.length ? '\n  ' + r.unset.slice(0, 5).join('\n  ') : ''}`);
  // The engine's submissions, one file of them, import as the sheets.
  // A sheet that leaves questions unanswered (a sixth of those shown)
  // is not imported: cxkit reports exactly the questions the engine
  // holds relevant and required and finds empty, so the two agree on
  // what must be answered too.
  const file = join(outDir, `${name}.submissions.xml`);
  await writeFile(file, r.submissions.join('\n'));
  const imp = spawnSync(cxkit, ['import', file, '--checklist', path, '--from', 'odk-xml', '--skip-invalid'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const imported = imp.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const sorted = (o) => JSON.stringify(o, Object.keys(o).sort());
  const wrong = [];
  const complete = sheets.map((_, i) => i).filter((i) => r.missing[i].length === 0);
  if (sorted(imported.map((s) => s.audit.id)) !== sorted(complete.map((i) => `sheet-${i}`))) wrong.push(`imported ${imported.map((s) => s.audit.id).join(' ')}, want the complete sheets ${complete.join(' ')}`);
  for (const s of imported) {
    const i = Number(s.audit.id.slice('sheet-'.length));
    if (sorted(s.answers) !== sorted(sheets[i].answers)) wrong.push(`sheet ${i}: got ${sorted(s.answers)}, want ${sorted(sheets[i].answers)}`);
  }
  const reported = sheets.map(() => []);
  for (const line of imp.stderr.split('\n')) {
    const m = line.match(/: audit sheet-(\d+), question (\S+): (.*)$/);
    if (!m) continue;
    if (!m[3].startsWith('no answer')) wrong.push(line);
    reported[Number(m[1])].push(m[2]);
  }
  for (const [i, qs] of reported.entries()) {
    if (sorted(qs.sort()) !== sorted(r.missing[i].sort())) wrong.push(`sheet ${i}: cxkit finds ${qs.join(', ') || 'nothing'} unanswered, the engine ${r.missing[i].join(', ') || 'nothing'}`);
  }
  check(wrong.length === 0, `${name}: the engine's ${r.submissions.length} submissions import with cxkit import --from odk-xml: ${imported.length} complete ones as their sheets, and the others' unanswered questions are the engine's${wrong.length ? '\n  ' + wrong.slice(0, 4).join('\n  ') : ''}`);
  // The completed sheets import as the values the engine held.
  const cfile = join(outDir, `${name}.completed.xml`);
  await writeFile(cfile, r.completed.join('\n'));
  const cimp = spawnSync(cxkit, ['import', cfile, '--checklist', path, '--from', 'odk-xml'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const got = cimp.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const cwrong = [];
  if (cimp.status !== 0) cwrong.push(cimp.stderr.slice(0, 600));
  for (const [i, held] of r.held.entries()) {
    const s = got.find((x) => x.audit.id === `completed-${i}`);
    const answers = Object.fromEntries(Object.entries(s?.answers ?? {}).map(([k, v]) => [k, String(v)]));
    if (sorted(answers) !== sorted(held)) cwrong.push(`sheet ${i}: got ${sorted(answers)}, the engine held ${sorted(held)}`);
  }
  check(cwrong.length === 0, `${name}: the ${r.completed.length} completed sheets import as the answers the engine held${cwrong.length ? '\n  ' + cwrong.slice(0, 3).join('\n  ') : ''}`);
  check(r.wrong.length === 0, `${name}: relevance agrees with when on ${sheets.length} sheets × ${r.questions} questions (${Date.now() - t0} ms)${r.wrong.length ? '\n  ' + r.wrong.slice(0, 5).join('\n  ') : ''}`);
}
check(pageErrors.length === 0, `no script errors ${pageErrors.join('; ')}`);
await browser.close();
if (failed) {
  console.error(`engine: ${failed} failed`);
  process.exit(1);
}
console.log('engine: PASS');
