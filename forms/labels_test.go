package forms_test

import (
	"testing"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// XLSFormLabels shows each field of every example checklist's XLSForm
// as the workbook does, in each of its languages: a question's text
// under its level's and sections' titles, the audit fields under the
// audit group's label, its options' labels.
func TestXLSFormLabels(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		t.Run(name, func(t *testing.T) {
			langs, err := forms.XLSFormLabels(c, forms.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if langs[0].Lang != c.ShownLang("") {
				t.Errorf("first language %q, want the checklist's own %q", langs[0].Lang, c.ShownLang(""))
			}
			for _, lang := range langs {
				w := c.Words(lang.Lang)
				seen := 0
				for _, f := range lang.Fields {
					if !f.Question {
						if f.Name == "location" && (len(f.Groups) != 1 || f.Groups[0] != w.Audit || f.Label != w.Location) {
							t.Errorf("%s: audit field location %q under %q", lang.Lang, f.Label, f.Groups)
						}
						continue
					}
					seen++
					q := c.Question(f.Name)
					if q == nil {
						t.Fatalf("%s: field %q is no question", lang.Lang, f.Name)
					}
					if f.Label != q.Text.In(lang.Lang) {
						t.Errorf("%s: %s labelled %q, want %q", lang.Lang, f.Name, f.Label, q.Text.In(lang.Lang))
					}
					if len(f.Groups) == 0 {
						t.Errorf("%s: %s in no group", lang.Lang, f.Name)
					}
					if q.Kind.EffectiveType() == korto.KindYesNo {
						want := []forms.XLSFormOption{{Value: "yes", Label: w.Yes}, {Value: "no", Label: w.No}}
						if q.NA {
							want = append(want, forms.XLSFormOption{Value: "na", Label: w.NA})
						}
						if d := cmp.Diff(want, f.Options); d != "" {
							t.Errorf("%s: %s options (-want +got):\n%s", lang.Lang, f.Name, d)
						}
					}
				}
				n := 0
				for range c.Questions() {
					n++
				}
				if seen != n {
					t.Errorf("%s: %d questions, want %d", lang.Lang, seen, n)
				}
			}
		})
	}
}
