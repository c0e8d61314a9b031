// Stock SurveyJS: the survey cxkit form --to surveyjs prints, run by
// survey-core's Model and rendered by survey-react-ui with the default
// theme and SurveyJS's own Russian strings. The page registers the cx*
// custom properties, as SurveyJS asks for properties of one's own, and
// records the completed result (window.completed).
import { createRoot } from 'react-dom/client';
import { Model, Serializer } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/i18n/russian';
import 'survey-core/survey-core.css';

for (const p of ['cxWeight:number', 'cxCritical:boolean', 'cxLevel:number', 'cxSection']) {
  Serializer.addProperty('question', p);
}
const json = await fetch('survey.json').then((r) => r.json());
const model = new Model(json);
window.survey = model;
window.completed = [];
model.onComplete.add((s) => window.completed.push(s.data));
createRoot(document.getElementById('root')).render(<Survey model={model} />);
