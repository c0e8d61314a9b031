package fielddata_test

import (
	"bytes"
	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
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
		// "." is also in the level's label ("Уровень 1. Основа"): the
		// separator is found from the whole path, not split on.
		{"ru-dot", "ru", ".", false, "Русский (ru)"},
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
	// Labels retyped by hand: spaces around them, another letter case.
	t.Run("ru-retyped", func(t *testing.T) {
		st := koboStyle
		st.labels, st.sep = "ru", "/"
		data := export(t, p, sheets, st)
		n := bytes.Count(data, []byte(";Да;")) + bytes.Count(data, []byte(";Нет;"))
		data = bytes.ReplaceAll(data, []byte(";Да;"), []byte("; да ;"))
		data = bytes.ReplaceAll(data, []byte(";Нет;"), []byte(";НЕТ;"))
		if n == 0 {
			t.Fatal("no yes/no label to retype in the export")
		}
		got := importWith(t, p, data, "", 2, false)
		if d := cmp.Diff(want.Lines, got.Lines); d != "" || len(got.Problems) != 1 {
			t.Fatalf("retyped labels: %d problems, the first %q; differs from the XML values export (-values +labels):\n%s", len(got.Problems), got.Problems[:min(3, len(got.Problems))], d)
		}
	})
	// Kobo's XLSX export with "Labels": the same header in a workbook.
	st := koboStyle
	st.labels, st.comma, st.decimalComma = "ru", ',', false
	got := importWith(t, p, workbook(t, export(t, p, sheets, st), ','), "", 2, false)
	if d := cmp.Diff(want.Lines, got.Lines); d != "" || len(got.Problems) != 1 {
		t.Fatalf("labels workbook: problems %q; differs from the XML values export (-values +labels):\n%s", got.Problems, d)
	}
}

// twins has a title twice in Russian (in two sections) and an option
// label twice, and neither in English.
const twins = `checklist twins "Близнецы" @en "Twins" {
  lang ru
  choice tidy {
    clean "Чисто" @en "Clean" = 1
    spotless "Чисто" @en "Spotless" = 1
    dirty "Грязно" @en "Dirty" = 0
  }
  level 1 "Основа" @en "Base" {
    section hall "Зал" @en "Hall" {
      question hall_light "Светло" @en "The hall is lit"
      question hall_tidy "Порядок" @en "Hall tidiness" tidy optional
      question desk_tidy "Порядок на стойке" @en "Desk tidiness" tidy optional
    }
    section wc "Туалет" @en "Toilet" {
      question wc_light "Светло" @en "The toilet is lit"
    }
  }
}
`

func twinsPlan(t *testing.T) *korto.Plan {
	t.Helper()
	c, err := dsl.Parse("twins.korto", []byte(twins))
	if err != nil {
		t.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A label that does not say which question or which answer it is, in
// the language of the export, is one error at its column, with the
// fix; the same export in a language where it does say reads.
func TestKoboLabelsAmbiguous(t *testing.T) {
	p := twinsPlan(t)
	for _, tc := range []struct {
		name, data string
		want       []string // problems, by their start
		lines      []string
	}{{
		name: "ru-flat",
		data: "Место;Светло;Светло;_uuid\nТЦ-1;Да;Нет;u1\n",
		want: []string{`f.csv:1:2: column "Светло" is the label in Русский (ru) of each of hall_light, wc_light, and a label does not say which: export with "XML values and headers"`},
	}, {
		name: "ru-groups",
		data: "Уровень 1. Основа/Зал/Светло;Уровень 1. Основа/Зал/Порядок;Уровень 1. Основа/Зал/Порядок на стойке;Уровень 1. Основа/Туалет/Светло;_uuid\nДа;Чисто;;Нет;u1\n",
		want: []string{`f.csv:1:2: question hall_tidy: answers "clean" and "spotless" are both labelled "Чисто" in Русский (ru), so a cell of that label does not say which: export with "XML values and headers" (as in 1 more questions of these answers)`},
	}, {
		name:  "en-flat",
		data:  "Location;The hall is lit;Hall tidiness;Desk tidiness;The toilet is lit;_uuid\nMall 1;Yes;Spotless;Clean;No;u1\n",
		want:  []string{`f.csv:1: warning: the header names 4 of its 4 question columns by their labels in English (en)`},
		lines: []string{`{"checklist":"twins","audit":{"id":"u1","location":"Mall 1"},"answers":{"hall_light":"yes","hall_tidy":"spotless","desk_tidy":"clean","wc_light":"no"}}` + "\n"},
	}, {
		// Some columns named by ID, some by label: each is read as its
		// header says, and the warning says which were which.
		name: "mixed",
		data: "id,hall_light,hall_tidy,The toilet is lit\nv1,yes,spotless,No\n",
		want: []string{
			`f.csv:1: warning: the header names 1 of its 3 question columns by their labels in English (en), not by ID, as an export with "Labels" does: they are read by label, their answers by their options' labels; the other 2, named by ID, are read as values`,
			`f.csv:1: warning: no column for 1 of the checklist's questions (desk_tidy)`,
		},
		lines: []string{`{"checklist":"twins","audit":{"id":"v1"},"answers":{"hall_light":"yes","hall_tidy":"spotless","wc_light":"no"}}` + "\n"},
	}, {
		// A column named like an audit field's label beside question
		// IDs is a typo, as it always was, not an export of labels.
		name:  "stray-label",
		data:  "id,hall_light,hall_tidy,desk_tidy,wc_light,Location\nv1,yes,,,no,Mall\n",
		want:  []string{`f.csv:1:6: warning: column "Location" matches no question of checklist "twins" and no audit field, and is left out; did you mean "location"?`},
		lines: []string{`{"checklist":"twins","audit":{"id":"v1"},"answers":{"hall_light":"yes","wc_light":"no"}}` + "\n"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := importWith(t, p, []byte(tc.data), "", 1, false)
			if len(got.Problems) != len(tc.want) {
				t.Fatalf("problems %q, want %d", got.Problems, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got.Problems[i], w) {
					t.Errorf("problem %q\nwant it to start %q", got.Problems[i], w)
				}
			}
			if d := cmp.Diff(tc.lines, got.Lines); d != "" {
				t.Errorf("lines (-want +got):\n%s", d)
			}
		})
	}
}

// Tools tell the two new problems by their codes.
func TestKoboLabelsCodes(t *testing.T) {
	p := twinsPlan(t)
	_, err := fielddata.NewReader(strings.NewReader("Светло;Светло\nДа;Нет\n"), p, fielddata.Options{Format: fielddata.Kobo})
	if es := diag.As(err); len(es) != 1 || es[0].Code != diag.CodeAmbiguousLabel || es[0].Severity != korto.SeverityError {
		t.Errorf("ambiguous label: %v", es)
	}
	rd, err := fielddata.NewReader(strings.NewReader("The hall is lit;The toilet is lit\nYes;No\n"), p, fielddata.Options{Format: fielddata.Kobo})
	if err != nil {
		t.Fatal(err)
	}
	if w := rd.Warnings(); len(w) < 1 || w[0].Code != diag.CodeLabelHeader || w[0].Severity != korto.SeverityWarning {
		t.Errorf("warnings %v", w)
	}
}
