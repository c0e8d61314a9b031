// Stock react-jsonschema-form: the schema and uiSchema as cxkit schema
// prints them, rendered by @rjsf/core 6 with the AJV 8 validator and
// default props. The page only records what the form submits
// (window.submitted) and keeps a ref to read its state in tests.
import { createRoot } from 'react-dom/client';
import { createRef } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

const [schema, uiSchema] = await Promise.all(['schema.json', 'uischema.json'].map((f) => fetch(f).then((r) => r.json())));
window.submitted = [];
window.form = createRef();
createRoot(document.getElementById('root')).render(
  <Form ref={window.form} schema={schema} uiSchema={uiSchema} validator={validator}
    onSubmit={({ formData }) => window.submitted.push(formData)} />,
);
