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
// order (so sections stay together), radio buttons for yes/no, emotions
// and short choices, hints and measure targets as help text, and the
// checklist ID and version as hidden fields the form fills itself.
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
		var help []string
		if h := q.Hint.In(lang); h != "" {
			help = append(help, h)
		}
		k := q.Kind
		switch k.EffectiveType() {
		case KindYesNo, KindEmotion:
			ui["ui:widget"] = "radio"
			ui["ui:options"] = map[string]any{"inline": true}
		case KindChoice:
			ch := c.Choice(k.Ref)
			if ch == nil {
				return nil, fmt.Errorf("korto: question %q: unknown choice %q", q.ID, k.Ref)
			}
			if len(ch.Options) <= uiShortChoice {
				ui["ui:widget"] = "radio"
			}
		case KindScale, KindNPS, KindCES, KindCSAT:
			if !q.NA && q.When == nil {
				ui["ui:widget"] = "updown"
			}
		case KindMeasure:
			var target []string
			if k.Unit != "" {
				target = append(target, k.Unit)
			}
			if k.Op != "" {
				target = append(target, w.target+" "+uiTargetOp(k.Op)+" "+schemaNumber(k.Target).String())
			}
			if len(target) > 0 {
				help = append(help, strings.Join(target, "; "))
			}
		case KindText:
			ui["ui:widget"] = "textarea"
		}
		if len(help) > 0 {
			ui["ui:help"] = strings.Join(help, " — ")
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

// uiTargetOp spells a comparison the way a form reader expects it.
func uiTargetOp(op CmpOp) string {
	switch op {
	case OpLe:
		return "≤"
	case OpGe:
		return "≥"
	case OpNe:
		return "≠"
	case OpEq:
		return "="
	}
	return string(op)
}
