// Stock ODK Web Forms: the OdkWebForm component with the plugin it asks
// for, given the XForm at form.xml, and nothing of ours in between.
// What the component submits is kept on window.submitted for the test:
// the submission's XML text, as ODK Central would receive it.
import { createApp, h } from 'vue';
import { OdkWebForm, webFormsPlugin } from '@getodk/web-forms';

window.submitted = [];
const formXml = await (await fetch('form.xml')).text();
const app = createApp({
  render: () => h(OdkWebForm, {
    formXml,
    fetchFormAttachment: (url) => fetch(url),
    onSubmit: async (payload, callback) => {
      const file = payload.data[0].get('xml_submission_file');
      window.submitted.push({ status: payload.status, xml: await file.text() });
      callback?.({ status: 'success' });
    },
  }),
});
app.use(webFormsPlugin);
app.mount('#app');
