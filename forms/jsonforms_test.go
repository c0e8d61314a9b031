package forms_test

import (
	"strings"
	"testing"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
)

// TestJSONFormsGolden writes the JSON Forms UI schema of every example
// checklist, in its own language and in English.
func TestJSONFormsGolden(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		for _, lang := range []string{"", "en"} {
			ui, err := forms.JSONFormsUISchema(c, forms.Options{Lang: lang})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			file := name + ".jsonforms.json"
			if lang != "" {
				file = name + "." + lang + ".jsonforms.json"
			}
			goldenFile(t, file, indented(t, ui))
		}
	}
}

// TestJSONFormsShape checks what forms.md fixes: a VerticalLayout whose
// first Group holds the audit fields, a Control per question scoped in
// the answers, and a SHOW rule exactly on the questions behind `when`.
func TestJSONFormsShape(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		ui, err := forms.JSONFormsUISchema(c, forms.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if ui.Type != "VerticalLayout" || len(ui.Elements) == 0 || ui.Elements[0].Type != "Group" {
			t.Fatalf("%s: want a VerticalLayout opening with a Group, got %+v", name, ui)
		}
		for _, a := range ui.Elements[0].Elements {
			if !strings.HasPrefix(a.Scope, "#/properties/audit/properties/") {
				t.Errorf("%s: audit group holds %q", name, a.Scope)
			}
		}
		controls := map[string]*forms.JSONFormsElement{}
		var walk func(e *forms.JSONFormsElement)
		walk = func(e *forms.JSONFormsElement) {
			if id, ok := strings.CutPrefix(e.Scope, "#/properties/answers/properties/"); ok {
				if controls[id] != nil {
					t.Errorf("%s: question %q has two controls", name, id)
				}
				controls[id] = e
			}
			for _, s := range e.Elements {
				walk(s)
			}
		}
		for _, g := range ui.Elements[1:] {
			if g.Type != "Group" {
				t.Errorf("%s: top element %q is not a Group", name, g.Type)
			}
			walk(g)
		}
		for q := range c.Questions() {
			ctl := controls[q.ID]
			switch {
			case ctl == nil:
				t.Errorf("%s: no control for %q", name, q.ID)
			case (q.When != nil) != (ctl.Rule != nil):
				t.Errorf("%s: %q: when %v, rule %+v", name, q.ID, q.When != nil, ctl.Rule)
			case ctl.Rule != nil:
				r := ctl.Rule
				if r.Effect != "SHOW" || !r.Condition.FailWhenUndefined || r.Condition.Schema == nil ||
					!strings.HasPrefix(r.Condition.Scope, "#/properties/answers") {
					t.Errorf("%s: %q: rule %+v", name, q.ID, r)
				}
			}
		}
		if n := countQuestions(c); len(controls) != n {
			t.Errorf("%s: %d controls for %d questions", name, len(controls), n)
		}
	}
}

func countQuestions(c *korto.Checklist) int {
	n := 0
	for range c.Questions() {
		n++
	}
	return n
}

func TestJSONFormsNil(t *testing.T) {
	if _, err := forms.JSONFormsUISchema(nil, forms.Options{}); err == nil {
		t.Error("a nil checklist gave no error")
	}
}
