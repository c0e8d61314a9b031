// The form page: a checklist's answer-sheet schema and uiSchema, as
// written by `cxkit schema FILE --draft 07 [--ui]`, rendered with
// react-jsonschema-form and validated by its AJV 8 validator. The filled
// sheet goes to the server, which scores it with korto.
//
// Everything the page knows about the checklist comes from the schema:
// titles, options, required answers, and the `when` conditions (the
// if/then/else blocks of the answers object), which the page evaluates
// with an AJV validator of its own to hide questions that are switched off.
import { createRoot } from 'react-dom/client';
import { useEffect, useMemo, useState } from 'react';
import Form from '@rjsf/core';
import validator, { customizeValidator } from '@rjsf/validator-ajv8';

// The few words the page itself prints, by the schema's x-cxkit-lang.
const words = {
  ru: { level: 'Уровень', survey: 'Опрос', score: 'Итог', reached: 'Достигнут уровень', none: 'ни один уровень не достигнут', passed: 'пройден', failed: 'не пройден', gated: 'не засчитан: нижний уровень не пройден', critical: 'критичные нарушения', errors: 'Лист не принят', sending: 'Отправка…' },
  en: { level: 'Level', survey: 'Survey', score: 'Score', reached: 'Reached level', none: 'no level reached', passed: 'passed', failed: 'failed', gated: 'not counted: a lower level failed', critical: 'critical failures', errors: 'The sheet was not accepted', sending: 'Sending…' },
};

const pct = (x) => (x == null ? '—' : `${(100 * x).toFixed(1)}%`);

// conditions evaluates `when` conditions with its own AJV instance, so
// that its schemas do not displace the form's in the form's validator.
const conditions = customizeValidator();

// switchedOff returns the IDs of the questions whose `when` condition is
// false for these answers, as a sorted array. Each condition is an allOf
// entry {if, then, else} of the answers object whose else lists the
// question it switches. Conditions read only earlier questions, so
// dropping the answers of switched-off questions and evaluating again
// settles in a few rounds.
function switchedOff(schema, answers) {
  const blocks = (schema.properties?.answers?.allOf ?? []).filter((b) => b.if && b.else?.properties);
  let current = answers ?? {};
  let off = [];
  for (let round = 0; round <= blocks.length; round++) {
    const next = new Set();
    for (const b of blocks) {
      if (!conditions.isValid(b.if, current, schema)) {
        Object.keys(b.else.properties).forEach((id) => next.add(id));
      }
    }
    const sorted = [...next].sort();
    const same = sorted.join() === off.join();
    off = sorted;
    current = Object.fromEntries(Object.entries(answers ?? {}).filter(([id]) => !next.has(id)));
    if (same) break;
  }
  return off;
}

// withHidden returns the uiSchema with the switched-off questions hidden
// and the answers laid out by level and section.
function withHidden(uiSchema, off) {
  const answers = { ...(uiSchema.answers ?? {}), 'ui:ObjectFieldTemplate': AnswersTemplate };
  for (const id of off) answers[id] = { ...(answers[id] ?? {}), 'ui:widget': 'hidden' };
  return { ...uiSchema, answers };
}

// forRendering returns the schema the form lays out for the questions
// switched on now: the full schema without its `when` blocks, with what
// the blocks say about the questions they switch on applied directly
// (required, and no "na" unless the question takes it).
//
// react-jsonschema-form could resolve the if/then/else blocks itself, but
// it does so by merging the branches into the schema on every change,
// which takes about a second per click on a 130-question checklist. The
// validator still checks the sheet against the full schema.
function forRendering(schema, off) {
  const { allOf = [], ...answers } = schema.properties.answers;
  const required = [...(answers.required ?? [])];
  const properties = { ...answers.properties };
  for (const b of allOf) {
    if (!b.else?.properties) continue;
    for (const id of Object.keys(b.else.properties)) {
      if (off.includes(id)) continue;
      if (b.then?.required?.includes(id)) required.push(id);
      if (b.then?.properties?.[id]?.not?.const === 'na') properties[id] = withoutNA(properties[id]);
    }
  }
  return { ...schema, properties: { ...schema.properties, answers: { ...answers, required, properties } } };
}

// withoutNA drops the "na" alternative from a question's schema.
function withoutNA(q) {
  const isNA = (s) => s.const === 'na';
  if (q.oneOf) return { ...q, oneOf: q.oneOf.filter((s) => !isNA(s)) };
  if (q.anyOf) {
    const rest = q.anyOf.filter((s) => !isNA(s));
    if (rest.length === 1) {
      const { anyOf, ...outer } = q;
      return { ...rest[0], ...outer };
    }
    return { ...q, anyOf: rest };
  }
  return q;
}

// fullValidator is the AJV 8 validator checking submitted data against
// the full schema, whatever schema the form renders.
function fullValidator(schema) {
  const v = Object.create(validator);
  v.validateFormData = (formData, _rendered, ...rest) => validator.validateFormData(formData, schema, ...rest);
  return v;
}

function prune(formData, off) {
  const answers = Object.fromEntries(Object.entries(formData?.answers ?? {}).filter(([id]) => !off.includes(id)));
  return { ...formData, answers };
}

// AnswersTemplate lays the questions out under their level and section
// headings, which the schema carries as x-cxkit-levels, x-cxkit-sections
// and each question's x-cxkit-level and x-cxkit-section.
function AnswersTemplate(props) {
  const { schema, properties, title } = props;
  const levels = schema['x-cxkit-levels'];
  if (!levels) {
    return (
      <fieldset>
        {title && <legend>{title}</legend>}
        {properties.map((p) => p.content)}
      </fieldset>
    );
  }
  const w = props.registry.formContext?.words ?? words.en;
  const sections = Object.fromEntries((schema['x-cxkit-sections'] ?? []).map((s) => [s.id, s]));
  // A heading is printed only above questions the form shows, so a
  // section switched off as a whole disappears with its title.
  const out = [];
  let level, section;
  for (const p of properties) {
    const ps = schema.properties[p.name] ?? {};
    const lv = ps['x-cxkit-survey'] ? 'survey' : ps['x-cxkit-level'];
    const sec = ps['x-cxkit-section'];
    if (!p.hidden) {
      if (lv !== level) {
        level = lv;
        section = undefined;
        const l = levels.find((l) => l.number === lv);
        out.push(<h2 key={`level-${lv}`} className="level">{lv === 'survey' ? w.survey : `${w.level} ${lv}. ${l?.title ?? ''}`}</h2>);
      }
      if (sec && sec !== section) {
        section = sec;
        out.push(<h3 key={`section-${sec}`} className="section">{sections[sec]?.title ?? sec}</h3>);
      }
    }
    out.push(<div key={p.name} className={p.hidden ? 'question hidden' : 'question'} data-question={p.name}>{p.content}</div>);
  }
  return <div className="answers">{out}</div>;
}

// DescriptionTemplate leaves out a description the uiSchema repeats as
// help text (the hints), so the form shows each hint once.
function DescriptionTemplate({ id, description, uiSchema }) {
  const help = uiSchema?.['ui:help'];
  if (!description || (typeof help === 'string' && help.startsWith(description))) return null;
  return <div id={id} className="field-description">{description}</div>;
}

function Result({ result, w }) {
  if (result.errors) {
    return (
      <section id="result" className="result rejected" data-accepted="false">
        <h2>{w.errors}</h2>
        <ul>{result.errors.map((e, i) => <li key={i}>{e.pointer}: {e.message}</li>)}</ul>
      </section>
    );
  }
  return (
    <section id="result" className="result" data-accepted="true">
      <h2>{w.score}: <span data-testid="score">{pct(result.score)}</span></h2>
      <p data-testid="reached" data-level={result.reached}>
        {result.reached > 0 ? `${w.reached} ${result.reached}: ${result.reached_name}` : w.none}
      </p>
      <table>
        <tbody>
          {result.levels.map((l) => (
            <tr key={l.level} data-level={l.level}>
              <td>{w.level} {l.level}. {l.title}</td>
              <td>{pct(l.score)}</td>
              <td>{l.gated ? w.gated : l.passed ? w.passed : w.failed}</td>
              <td>{l.critical_failed?.length ? `${w.critical}: ${l.critical_failed.join(', ')}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function App() {
  const [schema, setSchema] = useState(null);
  const [uiSchema, setUiSchema] = useState({});
  const [formData, setFormData] = useState({});
  const [result, setResult] = useState(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState(null);

  useEffect(() => {
    Promise.all([fetch('schema.json'), fetch('uischema.json')])
      .then(async ([s, u]) => {
        if (!s.ok || !u.ok) throw new Error(`schema: HTTP ${s.status}, uiSchema: HTTP ${u.status}`);
        const sc = await s.json();
        const props = sc.properties;
        setFormData({ checklist: props.checklist.const, version: props.version.default, answers: {} });
        setOff(switchedOff(sc, {}));
        setUiSchema(await u.json());
        setSchema(sc);
      })
      .catch((e) => setLoadError(String(e)));
  }, []);

  const checker = useMemo(() => schema && fullValidator(schema), [schema]);
  const [off, setOff] = useState([]);
  const offKey = off.join();
  const rendered = useMemo(() => schema && forRendering(schema, off), [schema, offKey]);
  const ui = useMemo(() => withHidden(uiSchema, off), [uiSchema, offKey]);

  const change = ({ formData }) => {
    const now = switchedOff(schema, formData.answers);
    if (now.join() !== offKey) setOff(now);
    setFormData(prune(formData, now));
  };

  if (loadError) return <p className="error">{loadError}</p>;
  if (!schema) return <p>…</p>;
  const w = words[schema['x-cxkit-lang']] ?? words.en;
  document.title = schema.title ?? document.title;
  document.documentElement.lang = schema['x-cxkit-lang'] ?? 'ru';

  const submit = async ({ formData }) => {
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch('score', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(prune(formData, switchedOff(schema, formData.answers))),
      });
      setResult(await res.json());
    } catch (e) {
      setResult({ errors: [{ pointer: '', message: String(e) }] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form
        schema={rendered}
        uiSchema={ui}
        formData={formData}
        validator={checker}
        formContext={{ words: w }}
        templates={{ DescriptionFieldTemplate: DescriptionTemplate }}
        onChange={change}
        onSubmit={submit}
        disabled={busy}
        showErrorList="top"
        noHtml5Validate
        experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
      />
      {busy && <p>{w.sending}</p>}
      {result && <Result result={result} w={w} />}
    </>
  );
}

createRoot(document.getElementById('root')).render(<App />);
