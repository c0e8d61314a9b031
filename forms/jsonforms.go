package forms

import (
	"github.com/invopop/jsonschema"

	"github.com/cxkit/cxkit/korto"
)

// JSONFormsElement is one element of a JSON Forms UI schema: a layout
// (VerticalLayout, Group) with its elements, or a Control bound to one
// value of the answer sheet by its scope.
type JSONFormsElement struct {
	Type     string              `json:"type"`
	Label    string              `json:"label,omitempty"`
	Scope    string              `json:"scope,omitempty"`
	Options  map[string]any      `json:"options,omitempty"`
	Rule     *JSONFormsRule      `json:"rule,omitempty"`
	Elements []*JSONFormsElement `json:"elements,omitempty"`
}

// JSONFormsRule shows its element only while its condition holds.
type JSONFormsRule struct {
	Effect    string             `json:"effect"`
	Condition JSONFormsCondition `json:"condition"`
}

// JSONFormsCondition holds when the value at Scope validates against
// Schema; a missing value fails it (FailWhenUndefined), as an unanswered
// question fails every comparison in `when`.
type JSONFormsCondition struct {
	Scope             string             `json:"scope"`
	Schema            *jsonschema.Schema `json:"schema"`
	FailWhenUndefined bool               `json:"failWhenUndefined"`
}

// JSON Pointers into the answer sheet, as JSON Forms scopes spell them.
const (
	jsonformsAnswers = "#/properties/answers"
	jsonformsAudit   = "#/properties/audit"
)

// JSONFormsUISchema returns the JSON Forms UI schema that goes with
// [korto.AnswerSchema] (draft 07) for the same checklist and language: a
// VerticalLayout holding a Group of the audit fields, then a Group per
// level (and one for the survey) with a nested Group per section, and a
// Control per question scoped at #/properties/answers/properties/ID.
// Named answers and rows of points are radio groups (option format
// "radio"), free text is multi-line. A question behind `when` carries a
// SHOW rule whose condition is the `when` as JSON Schema: on the
// question it reads when the condition is one comparison, else on the
// whole answers object with and/or/not spelled allOf/anyOf/not.
//
// It fails on a nil checklist and with [korto.Diagnostics] on a
// condition or choice it cannot translate; validate c first.
func JSONFormsUISchema(c *korto.Checklist, opts Options) (*JSONFormsElement, error) {
	if c == nil {
		return nil, errNilChecklist
	}
	lang := c.ShownLang(opts.Lang)
	w := c.Words(lang)
	audit := &JSONFormsElement{Type: "Group", Label: w.Audit}
	for _, f := range AuditFields {
		audit.Elements = append(audit.Elements, &JSONFormsElement{Type: "Control", Scope: jsonformsAudit + "/properties/" + f})
	}
	root := &JSONFormsElement{Type: "VerticalLayout", Elements: []*JSONFormsElement{audit}}
	var diags korto.Diagnostics
	var build func(n node) *JSONFormsElement
	build = func(n node) *JSONFormsElement {
		g := &JSONFormsElement{Type: "Group", Label: n.title(w, lang)}
		for _, it := range n.items {
			switch {
			case it.Section != nil:
				g.Elements = append(g.Elements, build(node{level: n.level, section: it.Section, items: it.Section.Items}))
			case it.Question != nil:
				ctl, err := jsonformsControl(c, it.Question)
				if err != nil {
					// WhenSchema fails only with diagnostics once c
					// and q are not nil.
					diags = append(diags, korto.AsDiagnostics(err)...)
					continue
				}
				g.Elements = append(g.Elements, ctl)
			}
		}
		return g
	}
	for _, n := range groups(c) {
		root.Elements = append(root.Elements, build(n))
	}
	if len(diags) > 0 {
		return nil, diags
	}
	return root, nil
}

// jsonformsControl is the Control of question q, with its rule.
func jsonformsControl(c *korto.Checklist, q *korto.Question) (*JSONFormsElement, error) {
	ctl := &JSONFormsElement{Type: "Control", Scope: jsonformsAnswers + "/properties/" + q.ID}
	switch q.Kind.EffectiveType() {
	case korto.KindYesNo, korto.KindChoice, korto.KindEmotion:
		ctl.Options = map[string]any{"format": "radio"}
	case korto.KindText:
		ctl.Options = map[string]any{"multi": true}
	default:
		if lo, hi, ok := c.Points(q.Kind); ok && korto.IsPointRow(lo, hi) {
			ctl.Options = map[string]any{"format": "radio"}
		}
	}
	s, err := korto.WhenSchema(c, q)
	if err != nil || s == nil {
		return ctl, err
	}
	cond := JSONFormsCondition{Scope: jsonformsAnswers, Schema: s, FailWhenUndefined: true}
	// One comparison reads one answer: scope the answer itself, the
	// form JSON Forms documents and tools display.
	if id, v, ok := jsonformsAtom(s); ok {
		cond.Scope = jsonformsAnswers + "/properties/" + id
		cond.Schema = v
	}
	ctl.Rule = &JSONFormsRule{Effect: "SHOW", Condition: cond}
	return ctl, nil
}

// jsonformsAtom takes apart the schema of one comparison,
// {"required": [id], "properties": {id: v}}, into id and v.
func jsonformsAtom(s *jsonschema.Schema) (id string, v *jsonschema.Schema, ok bool) {
	if len(s.Required) != 1 || s.Properties == nil || s.Properties.Len() != 1 ||
		s.AllOf != nil || s.AnyOf != nil || s.Not != nil {
		return "", nil, false
	}
	id = s.Required[0]
	v, ok = s.Properties.Get(id)
	return id, v, ok
}
