// Stock JSON Forms: the schema (cxkit schema --draft 07) and the UI
// schema (cxkit schema --ui jsonforms) rendered by @jsonforms/react with
// the vanilla renderers. The page only records the data and errors JSON
// Forms reports (window.data, window.errors).
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';

const [schema, uischema] = await Promise.all(['schema.json', 'uischema.json'].map((f) => fetch(f).then((r) => r.json())));
window.data = {};
createRoot(document.getElementById('root')).render(
  <JsonForms schema={schema} uischema={uischema} data={{}} renderers={vanillaRenderers} cells={vanillaCells}
    onChange={({ data, errors }) => { window.data = data; window.errors = errors; }} />,
);
