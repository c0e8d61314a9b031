package forms_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

// sheetRecords reads a sheet as records keyed by its header.
func sheetRecords(t *testing.T, f *excelize.File, name string) ([]string, []map[string]string) {
	t.Helper()
	rows, err := f.GetRows(name)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v rows, %v", name, len(rows), err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, v := range r {
			m[rows[0][i]] = v
		}
		out = append(out, m)
	}
	return rows[0], out
}

// The XLSForm of every example checklist, read back: its three sheets,
// the metadata and audit fields first, a group per level and section,
// a type per kind with its list in choices, relevant from `when`,
// required, a label and hint column per language, bind::cx:* metadata,
// and settings naming the form after the checklist.
func TestXLSFormReadBack(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		t.Run(name, func(t *testing.T) {
			data, err := forms.XLSForm(c, forms.Options{})
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); !slices.Equal(got, []string{"survey", "choices", "settings"}) {
				t.Fatalf("sheets %v", got)
			}
			head, survey := sheetRecords(t, f, "survey")
			_, choices := sheetRecords(t, f, "choices")
			_, settings := sheetRecords(t, f, "settings")
			lang := c.ShownLang("")
			langs := c.Languages()
			if len(langs) == 0 {
				langs = []string{lang}
			}
			for _, l := range langs {
				for _, col := range []string{"label::", "hint::"} {
					if !slices.ContainsFunc(head, func(h string) bool { return strings.HasPrefix(h, col) && strings.HasSuffix(h, "("+l+")") }) {
						t.Errorf("no %s column for %s in %v", col, l, head)
					}
				}
			}
			for _, col := range []string{"bind::cx:weight", "bind::cx:critical", "bind::cx:level", "bind::cx:section", "relevant", "required", "appearance"} {
				if !slices.Contains(head, col) {
					t.Errorf("no column %s", col)
				}
			}
			if s := settings[0]; s["form_id"] != c.ID || s["version"] != c.Version || !strings.Contains(s["namespaces"], "cx=") {
				t.Errorf("settings %v", s)
			}
			var names []string
			for _, r := range survey[:8] {
				names = append(names, r["type"]+" "+r["name"])
			}
			want := []string{"start start", "end end", "deviceid deviceid", "begin group audit", "text id", "text location", "date date", "text auditor"}
			if !slices.Equal(names, want) {
				t.Errorf("first rows %v, want %v", names, want)
			}
			// Audit fields are collected, not required (forms.md: required
			// means a scored question): a sheet scores without them, and
			// the instance ID stands in for a missing id.
			for _, r := range survey[4:8] {
				if r["required"] != "" {
					t.Errorf("audit field %s: required %q, want not required", r["name"], r["required"])
				}
			}
			lists := map[string]bool{}
			for _, ch := range choices {
				lists[ch["list_name"]] = true
			}
			depth, groups := 0, map[string]bool{}
			labelCol := "label::" + lang
			for _, h := range head {
				if strings.HasPrefix(h, "label::") && strings.HasSuffix(h, "("+lang+")") {
					labelCol = h
					break
				}
			}
			for _, r := range survey {
				switch r["type"] {
				case "begin group":
					depth++
					groups[r["name"]] = true
				case "end group":
					depth--
				}
				if depth < 0 {
					t.Fatal("end group without begin group")
				}
				if l, ok := strings.CutPrefix(r["type"], "select_one "); ok && !lists[l] {
					t.Errorf("question %s: list %s not in choices", r["name"], l)
				}
			}
			if depth != 0 {
				t.Errorf("%d groups left open", depth)
			}
			byName := map[string]map[string]string{}
			for _, r := range survey {
				byName[r["name"]] = r
			}
			for _, l := range c.Levels {
				if !groups["level_"+itoa(l.Number)] {
					t.Errorf("no group for level %d", l.Number)
				}
			}
			for q := range c.Questions() {
				r := byName[q.ID]
				if r == nil {
					t.Errorf("question %s missing", q.ID)
					continue
				}
				if r[labelCol] != q.Text.In(lang) {
					t.Errorf("question %s: label %q, want %q", q.ID, r[labelCol], q.Text.In(lang))
				}
				if (r["required"] == "yes") == q.Optional {
					t.Errorf("question %s: required %q, optional %v", q.ID, r["required"], q.Optional)
				}
				msgCol := "required_message::" + strings.TrimPrefix(labelCol, "label::")
				if want := c.Words(lang).Required; (r[msgCol] == want) == q.Optional {
					t.Errorf("question %s: %s %q, optional %v", q.ID, msgCol, r[msgCol], q.Optional)
				}
				conCol := "constraint_message::" + strings.TrimPrefix(labelCol, "label::")
				if (r[conCol] == c.Words(lang).Invalid) != (r["constraint"] != "") {
					t.Errorf("question %s: %s %q for constraint %q", q.ID, conCol, r[conCol], r["constraint"])
				}
				if (r["relevant"] != "") != (q.When != nil) {
					t.Errorf("question %s: relevant %q for when %v", q.ID, r["relevant"], q.When)
				}
				for _, ref := range q.When.Refs() {
					if !strings.Contains(r["relevant"], "${"+ref+"}") {
						t.Errorf("question %s: relevant %q does not read %s", q.ID, r["relevant"], ref)
					}
				}
				kind := q.Kind.EffectiveType()
				lo, hi, points := c.Points(q.Kind)
				switch {
				case kind == korto.KindYesNo || kind == korto.KindChoice || kind == korto.KindEmotion:
					if !strings.HasPrefix(r["type"], "select_one ") {
						t.Errorf("question %s (%s): type %q", q.ID, kind, r["type"])
					}
				case points && hi-lo < 11:
					if !strings.HasPrefix(r["type"], "select_one points_") || r["appearance"] != "likert" {
						t.Errorf("question %s (%s): type %q, appearance %q", q.ID, kind, r["type"], r["appearance"])
					}
				case kind == korto.KindMeasure && !q.NA:
					if r["type"] != "decimal" || !strings.Contains(r["hint::"+strings.TrimPrefix(labelCol, "label::")], q.Kind.Unit) {
						t.Errorf("question %s: measure as %q", q.ID, r["type"])
					}
				}
				if !kind.SurveyOnly() && r["bind::cx:weight"] == "" {
					t.Errorf("question %s: no weight", q.ID)
				}
				if q.Critical && r["bind::cx:critical"] != "true" {
					t.Errorf("question %s: critical not carried", q.ID)
				}
			}
		})
	}
}

// `when` in XLSForm syntax, operator by operator.
func TestXLSFormRelevant(t *testing.T) {
	c := exampleChecklists(t)["mall"]
	data, err := forms.XLSForm(c, forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	_, survey := sheetRecords(t, f, "survey")
	got := map[string]string{}
	for _, r := range survey {
		got[r["name"]] = r["relevant"]
	}
	for id, want := range map[string]string{
		"park_lighting": "${has_parking} = 'yes'",
		"park_fumes":    "(${has_parking} = 'yes') and (${parking_kind} = 'underground' or ${parking_kind} = 'both')",
		"lift_wait":     "${lifts_work} = 'all' or ${lifts_work} = 'most'",
	} {
		if got[id] != want {
			t.Errorf("%s: relevant %q, want %q", id, got[id], want)
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
