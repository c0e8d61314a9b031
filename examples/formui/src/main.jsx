// The form page: a checklist's answer-sheet schema and uiSchema, as
// written by `cxkit schema FILE --draft 07 [--ui]`, rendered with
// react-jsonschema-form and validated by its AJV 8 validator. The filled
// sheet goes to the server, which scores it with korto.
//
// Everything the page knows about the checklist comes from the schema.
// react-jsonschema-form itself hides the questions whose `when` does not
// hold (the schema declares them in the "then" of their condition) and
// drops their answers; the page adds level and section headings, error
// messages in the form's language, and the score that comes back.
import { createRoot } from 'react-dom/client';
import { useEffect, useState } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

// The few words the page itself prints, by the schema's x-cxkit-lang.
// The error messages say what `cxkit score` says of the same sheet.
const words = {
  ru: {
    level: 'Уровень', survey: 'Опрос', score: 'Итог', reached: 'Достигнут уровень', none: 'ни один уровень не достигнут',
    passed: 'пройден', failed: 'не пройден', gated: 'не засчитан: нижний уровень не пройден', critical: 'критичные нарушения',
    errors: 'Лист не принят', sending: 'Отправка…',
    missing: 'нет ответа: ответьте на вопрос', missingNA: 'нет ответа: ответьте на вопрос (или «Не применимо», если он не подходит)',
    choose: 'выберите один из ответов', number: 'нужно число', whole: 'нужно целое число', range: (lo, hi) => `нужно число от ${lo} до ${hi}`,
  },
  en: {
    level: 'Level', survey: 'Survey', score: 'Score', reached: 'Reached level', none: 'no level reached',
    passed: 'passed', failed: 'failed', gated: 'not counted: a lower level failed', critical: 'critical failures',
    errors: 'The sheet was not accepted', sending: 'Sending…',
    missing: 'no answer: answer it', missingNA: 'no answer: answer it (or "not applicable" if it does not apply)',
    choose: 'choose one of the answers', number: 'takes a number', whole: 'takes a whole number', range: (lo, hi) => `takes a number from ${lo} to ${hi}`,
  },
};

const pct = (x) => (x == null ? '—' : `${(100 * x).toFixed(1)}%`);

// localErrors turns AJV's errors into the messages `cxkit score` gives,
// in the form's language, one per question: AJV reports a wrong answer
// to a question behind `when` once for the question and again for the
// "if"/"then" of its block, which says nothing more.
function localErrors(schema, w) {
  const allows = (q, v) => (q?.enum ?? []).includes(v);
  const question = (id) => {
    for (const src of [schema.properties.answers.properties, ...(schema.allOf ?? []).map((b) => b.then?.properties?.answers?.properties ?? {})]) {
      if (src[id]) return src[id];
    }
    return undefined;
  };
  return (errors) => {
    const seen = new Set();
    const out = [];
    for (const e of errors) {
      let id;
      let message;
      if (e.name === 'required' && e.property.startsWith('.answers.')) {
        id = e.params.missingProperty;
        message = allows(question(id), 'na') ? w.missingNA : w.missing;
      } else if (e.property.startsWith('.answers.')) {
        id = e.property.slice('.answers.'.length);
        const q = question(id);
        if (['enum', 'oneOf', 'const'].includes(e.name)) message = w.choose;
        else if (e.name === 'type') message = q?.type === 'integer' ? w.whole : w.number;
        else if (e.name === 'minimum' || e.name === 'maximum') message = w.range(q?.minimum, q?.maximum);
        else message = e.message;
      } else if (['if', 'then', 'else', 'not', 'allOf'].includes(e.name)) {
        continue;
      } else {
        out.push(e);
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      const title = question(id)?.title ?? id;
      out.push({ ...e, property: `.answers.${id}`, message, stack: `${title}: ${message}` });
    }
    return out;
  };
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
  const [result, setResult] = useState(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState(null);

  useEffect(() => {
    Promise.all([fetch('schema.json'), fetch('uischema.json')])
      .then(async ([s, u]) => {
        if (!s.ok || !u.ok) throw new Error(`schema: HTTP ${s.status}, uiSchema: HTTP ${u.status}`);
        const ui = await u.json();
        ui.answers = { ...ui.answers, 'ui:ObjectFieldTemplate': AnswersTemplate };
        setUiSchema(ui);
        setSchema(await s.json());
      })
      .catch((e) => setLoadError(String(e)));
  }, []);

  if (loadError) return <p className="error">{loadError}</p>;
  if (!schema) return <p>…</p>;
  const lang = schema['x-cxkit-lang'];
  const w = words[lang] ?? words.en;
  document.title = schema.title ?? document.title;
  document.documentElement.lang = lang ?? 'ru';

  const submit = async ({ formData }) => {
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch('score', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(formData),
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
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formContext={{ words: w }}
        transformErrors={localErrors(schema, w)}
        onSubmit={submit}
        disabled={busy}
        showErrorList="top"
        noHtml5Validate
      />
      {busy && <p>{w.sending}</p>}
      {result && <Result result={result} w={w} />}
    </>
  );
}

createRoot(document.getElementById('root')).render(<App />);
