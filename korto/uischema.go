package korto

import (
	"errors"
	"fmt"
	"strings"
)

// UISchema is a react-jsonschema-form uiSchema: what the JSON Schema does
// not say about how a form looks. It marshals to JSON with sorted keys.
type UISchema map[string]any

// uiShortChoice is the most options a choice may have and still show as
// radio buttons rather than a drop-down list.
const uiShortChoice = 5

// NewUISchema returns the react-jsonschema-form uiSchema that goes with
// [AnswerSchema] for the same checklist and options: questions in file
// order (so sections stay together), a row of labelled radio buttons for
// yes/no, emotions, short choices and scales of up to 11 points, a
// measure's unit and target as help text (its hint is the schema's
// description, shown once), and the checklist ID and version as hidden
// fields the form fills itself. With it, a stock
// react-jsonschema-form 6 with its default props pre-answers nothing
// and shows a question behind `when` only while its condition holds.
func NewUISchema(c *Checklist, opts SchemaOptions) (UISchema, error) {
	if c == nil {
		return nil, errors.New("korto: NewUISchema of a nil checklist")
	}
	lang := c.ShownLang(opts.Lang)
	w := schemaVocabulary(lang, c)

	answers := UISchema{}
	var order []string
	for q := range c.Questions() {
		order = append(order, q.ID)
		ui := UISchema{}
		// radio lays the named answers, or the points, out in a row of
		// buttons labelled in the form's language; the schema's "enum"
		// carries the values, and the labels go to ui:enumNames.
		radio := func(labels ...string) {
			if q.NA {
				labels = append(labels, w.na)
			}
			ui["ui:widget"] = "radio"
			ui["ui:options"] = map[string]any{"inline": true}
			ui["ui:enumNames"] = labels
		}
		k := q.Kind
		switch k.EffectiveType() {
		case KindYesNo:
			radio(w.yes, w.no)
		case KindEmotion:
			radio(w.positive, w.neutral, w.negative)
		case KindChoice:
			ch := c.Choice(k.Ref)
			if ch == nil {
				return nil, fmt.Errorf("korto: question %q: unknown choice %q", q.ID, k.Ref)
			}
			var labels []string
			for _, o := range ch.Options {
				labels = append(labels, o.Label.In(lang))
			}
			radio(labels...)
			if len(ch.Options) > uiShortChoice {
				delete(ui, "ui:widget") // a drop-down list
				delete(ui, "ui:options")
			}
		case KindScale, KindNPS, KindCES, KindCSAT, KindCSI:
			if lo, hi, ok := c.Points(k); ok && IsPointRow(lo, hi) {
				var labels []string
				for v := lo; v <= hi; v++ {
					labels = append(labels, schemaNumber(v).String())
				}
				radio(labels...)
			}
		case KindMeasure:
			// The hint is the schema's description; the unit and the
			// target are said once more here, where the number goes.
			var target []string
			if k.Unit != "" {
				target = append(target, k.Unit)
			}
			if k.Op != "" {
				target = append(target, w.target+" "+k.Op.Symbol()+" "+schemaNumber(k.Target).String())
			}
			if len(target) > 0 {
				ui["ui:help"] = strings.Join(target, "; ")
			}
		case KindText:
			ui["ui:widget"] = "textarea"
		}
		if len(ui) > 0 {
			answers[q.ID] = ui
		}
	}
	answers["ui:order"] = order

	return UISchema{
		"ui:order":  []string{"$schema", "checklist", "version", "audit", "answers"},
		"$schema":   UISchema{"ui:widget": "hidden"},
		"checklist": UISchema{"ui:widget": "hidden"},
		"version":   UISchema{"ui:widget": "hidden"},
		"audit": UISchema{
			"ui:order": []string{"id", "location", "date", "auditor", "*"},
			// The schema lets tools add their own audit fields; a form
			// offers the usual four and no "add field" button.
			"ui:options": map[string]any{"expandable": false},
			"date":       UISchema{"ui:widget": "date"},
		},
		"answers":                answers,
		"ui:submitButtonOptions": map[string]any{"submitText": w.submit},
	}, nil
}
