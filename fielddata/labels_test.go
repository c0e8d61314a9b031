package fielddata_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A KoboToolbox export made with "Labels" in either language of the
// mall checklist, with groups in the headers joined either way or left
// out, imports to the very lines its "XML values and headers" twin
// does, with one warning that says how it was read.
func TestKoboLabelsSameAsValues(t *testing.T) {
	p, sheets := loadMall(t)
	want := importWith(t, p, export(t, p, sheets, koboStyle), "", 2, false)
	if len(want.Lines) != len(sheets) || len(want.Problems) > 0 {
		t.Fatalf("the XML values export: %d lines, problems %v", len(want.Lines), want.Problems)
	}
	for _, tc := range []struct {
		name, lang, sep string
		noGroups        bool
		inLang          string
	}{
		{"ru-slash", "ru", "/", false, "Русский (ru)"},
		{"ru-dash", "ru", "-", false, "Русский (ru)"},
		{"en-slash", "en", "/", false, "English (en)"},
		{"en-flat", "en", "/", true, "English (en)"},
		{"ru-flat", "ru", "/", true, "Русский (ru)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := koboStyle
			st.labels, st.sep, st.noGroups = tc.lang, tc.sep, tc.noGroups
			data := export(t, p, sheets, st)
			got := importWith(t, p, data, "", 2, false)
			if len(got.Problems) != 1 || !strings.Contains(got.Problems[0], "by their labels in "+tc.inLang) {
				t.Fatalf("problems %q, want the one warning of labels in %s", got.Problems, tc.inLang)
			}
			if d := cmp.Diff(want.Lines, got.Lines); d != "" {
				t.Fatalf("labels export differs from its XML values twin (-values +labels):\n%s", d)
			}
			sameAsNext(t, p, data, "")
		})
	}
}
