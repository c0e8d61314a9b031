// Headless engine test of the forms cxkit writes, in Node, without a
// browser: on every example checklist,
//
//   - JSON Forms' own isVisible (@jsonforms/core) shows exactly the
//     questions korto asks, on every generated sheet;
//   - survey-core's Model shows exactly those questions too;
//   - the SurveyJS survey validates against the surveyjs_definition.json
//     that survey-core ships;
//   - the SurveyJS survey records when the audit started and, to the
//     minute, when it was last answered, and that costs no second
//     evaluation of the survey's conditions per answer;
//   - react-jsonschema-form's own defaults (@rjsf/utils, default
//     options) answer nothing in the schema, and would answer questions
//     in the schema for JSON Forms (--choices const): why the two differ.
//
//   node engines.mjs CXKIT
//
// The sheets and the questions korto asks on each come from the Go test
// TestVisibilityFixtures (forms/testdata/visibility/*.json): sheets
// filled the way a form fills them, judged by the reader that scores
// them.
import { createAjv, isVisible } from '@jsonforms/core';
import { Model, Serializer, settings } from 'survey-core';
import { getDefaultFormState } from '@rjsf/utils';
import rjsfValidator from '@rjsf/validator-ajv8';
import Ajv from 'ajv';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const [cxkit] = process.argv.slice(2);
if (!cxkit) {
  console.error('usage: node engines.mjs CXKIT');
  process.exit(2);
}
const run = (...args) => JSON.parse(execFileSync(cxkit, args, { encoding: 'utf8', maxBuffer: 1 << 26 }));
let failed = 0;
function check(ok, msg) {
  if (ok) console.log(`ok: ${msg}`);
  else { console.error(`FAIL: ${msg}`); failed++; }
}

// The cx* properties are the survey's own: SurveyJS keeps them once
// registered, as its documentation asks of custom properties.
for (const p of ['cxWeight:number', 'cxCritical:boolean', 'cxLevel:number', 'cxSection']) {
  Serializer.addProperty('question', p);
}
// The package exports neither the file nor its package.json; it is read
// from the installed package.
const definition = JSON.parse(await readFile(join(here, 'node_modules', 'survey-core', 'surveyjs_definition.json'), 'utf8'));
const validateSurvey = new Ajv({ allErrors: true, strict: false }).compile(definition);

// Every example checklist, examples/*/*.korto, by its file's base name.
const checklists = {};
for (const dir of await readdir(join(root, 'examples'), { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  for (const f of await readdir(join(root, 'examples', dir.name))) {
    if (f.endsWith('.korto')) checklists[f.slice(0, -'.korto'.length)] = join(root, 'examples', dir.name, f);
  }
}
check(Object.keys(checklists).length >= 3, `found the example checklists: ${Object.keys(checklists).join(', ')}`);
for (const [name, path] of Object.entries(checklists)) {
  const { sheets } = JSON.parse(await readFile(join(root, 'forms', 'testdata', 'visibility', `${name}.json`), 'utf8'));
  const schema = run('schema', path, '--draft', '07');
  const uischema = run('schema', path, '--ui', 'jsonforms');
  const constSchema = run('schema', path, '--draft', '07', '--choices', 'const');
  const survey = run('form', path, '--to', 'surveyjs');

  check(validateSurvey(survey), `${name}: the SurveyJS survey validates against surveyjs_definition.json${validateSurvey.errors ? ' ' + JSON.stringify(validateSurvey.errors.slice(0, 3)) : ''}`);

  // Every Control bound to a question, with its rule.
  const controls = [];
  const walk = (e) => {
    if (e.type === 'Control' && e.scope.startsWith('#/properties/answers/properties/')) controls.push([e.scope.split('/').at(-1), e]);
    (e.elements ?? []).forEach(walk);
  };
  walk(uischema);
  const ajv = createAjv();
  let jfWrong = 0;
  let svWrong = 0;
  // One model per checklist, cleared between sheets: building the model
  // is most of the cost.
  const model = new Model(survey);
  for (const [i, sheet] of sheets.entries()) {
    const shown = new Set(sheet.shown);
    const data = { checklist: schema.properties.checklist.const, answers: sheet.answers };
    for (const [id, ctl] of controls) {
      const visible = isVisible(ctl, data, undefined, ajv);
      if (visible !== shown.has(id)) {
        if (jfWrong++ < 5) console.error(`  sheet ${i}: JSON Forms shows ${id}: ${visible}, korto asks it: ${shown.has(id)}`);
      }
    }
    model.clear(true, true);
    model.data = sheet.answers;
    for (const q of model.getAllQuestions()) {
      if (['id', 'location', 'date', 'auditor'].includes(q.name)) continue;
      if (q.isVisible !== shown.has(q.name)) {
        if (svWrong++ < 5) console.error(`  sheet ${i}: SurveyJS shows ${q.name}: ${q.isVisible}, korto asks it: ${shown.has(q.name)}`);
      }
    }
  }
  check(jfWrong === 0, `${name}: JSON Forms' isVisible agrees with when on ${sheets.length} sheets × ${controls.length} questions`);
  check(svWrong === 0, `${name}: survey-core's Model shows the questions korto asks on ${sheets.length} sheets`);

  // What a stock react-jsonschema-form starts with: nothing answered.
  // The oneOf of {const, title} that JSON Forms labels options from
  // would start with the first option of every such question answered.
  const answeredBy = (s) => Object.keys(getDefaultFormState(rjsfValidator, s, undefined, s).answers ?? {});
  const pre = answeredBy(schema);
  check(pre.length === 0, `${name}: react-jsonschema-form's defaults answer no question${pre.length ? ` (${pre.slice(0, 5).join(', ')})` : ''}`);
  const preConst = answeredBy(constSchema);
  check(preConst.length > 0, `${name}: its defaults would answer ${preConst.length} questions of the --choices const schema, which is for JSON Forms only`);

  // The survey keeps what scoring needs.
  model.clear(true, true);
  const q = model.getAllQuestions().find((x) => x.cxWeight !== undefined);
  check(q && typeof q.cxWeight === 'number', `${name}: survey-core keeps cxWeight and cxLevel (${q?.name}: ${q?.cxWeight}, level ${q?.cxLevel})`);
  model.locale = 'en';
  const ru = new Model(survey);
  const first = survey.pages[1].elements[0];
  const title = (m) => m.pages[1].elements[0].title;
  check(first.title.en === undefined || title(model) === first.title.en, `${name}: the English locale shows English titles ("${title(model)}")`);
  check(title(ru) === first.title[survey.locale], `${name}: the survey's own locale shows its own titles ("${title(ru)}")`);
}
// The survey's times, on SurveyJS's own clock moved on by the test
// (survey-core makes every date through settings.onDateCreated).
{
  const survey = run('form', checklists.mall, '--to', 'surveyjs');
  const t0 = Date.parse('2026-12-05T10:00:00.000Z');
  let now = t0;
  const was = settings.onDateCreated;
  settings.onDateCreated = (d, reason) => (reason === 'function-currentDate' ? new Date(now) : d);
  const at = (ms) => new Date(t0 + ms).toISOString();
  const times = (m) => JSON.stringify([m.data.started, m.data.ended].map((d) => d && new Date(d).toISOString()));
  const m = new Model(survey);
  check(times(m) === JSON.stringify([at(0), at(0)]), `mall: an opened survey records its start (${times(m)})`);
  now = t0 + 30e3;
  m.setValue('has_parking', 'yes');
  check(times(m) === JSON.stringify([at(0), at(0)]), `mall: an answer within the minute keeps ended (${times(m)})`);
  now = t0 + 5 * 60e3;
  m.setValue('has_parking', 'no');
  check(times(m) === JSON.stringify([at(0), at(5 * 60e3)]), `mall: an answer five minutes on moves ended, not started (${times(m)})`);
  // Each answer evaluates the survey's conditions once, as without the
  // times: a calculated value that changed would evaluate them again.
  let runs = 0;
  const core = m.runConditionsCore;
  check(typeof core === 'function', 'mall: survey-core still evaluates conditions in runConditionsCore');
  m.runConditionsCore = function (...a) { runs++; return core.apply(this, a); };
  for (let i = 0; i < 120; i++) {
    now += 2e3;
    m.setValue('paths_clear', i % 2 ? 'yes' : 'no');
  }
  check(runs / 120 < 1.1, `mall: an answer evaluates the conditions ${(runs / 120).toFixed(2)} times (under 1.1)`);
  settings.onDateCreated = was;
}

if (failed) {
  console.error(`engines: ${failed} failed`);
  process.exit(1);
}
console.log('engines: PASS');
