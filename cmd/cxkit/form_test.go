package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const formMall = "../../examples/mall/mall.korto"

func TestFormSurveyJS(t *testing.T) {
	out, errOut, code := runCmd(t, "", "form", formMall, "--to", "surveyjs", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s struct {
		Locale string `json:"locale"`
		Pages  []struct {
			Name string `json:"name"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Locale != "en" || len(s.Pages) < 2 || s.Pages[0].Name != "audit" {
		t.Errorf("locale %q, pages %+v", s.Locale, s.Pages)
	}

	file := filepath.Join(t.TempDir(), "mall.survey.json")
	if _, errOut, code := runCmd(t, "", "form", formMall, "--to", "SurveyJS", "-o", file); code != exitOK {
		t.Fatalf("-o: exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	own, _, _ := runCmd(t, "", "form", formMall, "--to", "surveyjs")
	if string(got) != own {
		t.Error("-o wrote other bytes than standard output")
	}
}

// "-o -" is standard output (cli.md: "-" names standard input and
// output), never a file named "-"; a workbook is not printed.
func TestFormOutDash(t *testing.T) {
	mall, err := filepath.Abs(formMall)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, to := range []string{"xform", "surveyjs", "jsonschema"} {
		want, _, _ := runCmd(t, "", "form", mall, "--to", to)
		out, errOut, code := runCmd(t, "", "form", mall, "--to", to, "-o", "-")
		if code != exitOK || out != want || want == "" {
			t.Errorf("--to %s -o -: exit %d, %d bytes on stdout, want the %d of no -o; stderr %q", to, code, len(out), len(want), errOut)
		}
	}
	out, errOut, code := runCmd(t, "", "form", mall, "--to", "xlsform", "-o", "-")
	if code != exitUsage || out != "" || !strings.Contains(errOut, "binary") {
		t.Errorf("--to xlsform -o -: exit %d, stdout %d bytes, stderr %q; want a usage error", code, len(out), errOut)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error(`a file named "-" was written`)
	}
}

func TestFormUsage(t *testing.T) {
	for _, args := range [][]string{
		{"form", formMall},
		{"form", formMall, "--to", "pdf"},
		{"form", "--to", "surveyjs"},
	} {
		_, errOut, code := runCmd(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, "usage:") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if _, _, code := runCmd(t, "", "form", "no-such.korto", "--to", "surveyjs"); code != exitInput {
		t.Errorf("missing file: exit %d", code)
	}
}

func TestSchemaUIJSONForms(t *testing.T) {
	spaced, errOut, code := runCmd(t, "", "schema", formMall, "--ui", "jsonforms")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	joined, _, _ := runCmd(t, "", "schema", "--ui=jsonforms", formMall)
	if spaced != joined {
		t.Error("--ui jsonforms and --ui=jsonforms differ")
	}
	var ui struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal([]byte(spaced), &ui); err != nil || ui.Type != "VerticalLayout" {
		t.Errorf("type %q, err %v", ui.Type, err)
	}
	rjsf, _, code := runCmd(t, "", "schema", formMall, "--ui")
	if code != exitOK || !strings.Contains(rjsf, `"ui:order"`) {
		t.Errorf("--ui alone: exit %d, not a uiSchema", code)
	}
	if _, _, code := runCmd(t, "", "schema", formMall, "--ui=pdf"); code != exitUsage {
		t.Errorf("--ui=pdf: exit %d", code)
	}
}

// --choices const gives every named answer as a oneOf of {const, title}
// with no enum beside it (cli.md's shape, and the one JSON Forms
// labels); it is the default of the 2020-12 schema, enum the default of
// draft-07; other shapes, and --choices const with --ui or --types, are
// usage errors.
func TestSchemaChoices(t *testing.T) {
	type option struct {
		Const any    `json:"const"`
		Enum  []any  `json:"enum"`
		Title string `json:"title"`
	}
	question := func(args ...string) (enum []any, opts []option) {
		t.Helper()
		out, errOut, code := runCmd(t, "", append([]string{"schema", formMall}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var s struct {
			Properties struct {
				Answers struct {
					Properties map[string]struct {
						Enum  []any    `json:"enum"`
						OneOf []option `json:"oneOf"`
					} `json:"properties"`
				} `json:"answers"`
			} `json:"properties"`
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		q := s.Properties.Answers.Properties["has_parking"]
		return q.Enum, q.OneOf
	}
	constShape := func(enum []any, opts []option) bool {
		return enum == nil && len(opts) == 2 && opts[0].Const == "yes" && opts[0].Enum == nil && opts[0].Title == "Да" && opts[1].Const == "no"
	}
	isEnum := func(enum []any, opts []option) bool {
		return len(enum) == 2 && len(opts) == 2 && opts[0].Const == nil && len(opts[0].Enum) == 1 && opts[0].Title == "Да"
	}
	for _, tt := range []struct {
		args    []string
		isConst bool
	}{
		// cli.md: choices as a oneOf of {const, title}, the default
		// of the default draft.
		{nil, true},
		{[]string{"--draft", "2020-12"}, true},
		{[]string{"--choices", "const"}, true},
		{[]string{"--draft", "07", "--choices", "const"}, true},
		// Draft-07 is for react-jsonschema-form, which would take a
		// const as a default: the enum unless asked.
		{[]string{"--draft", "07"}, false},
		{[]string{"--draft", "07", "--choices", "enum"}, false},
		{[]string{"--choices", "enum"}, false},
	} {
		enum, opts := question(tt.args...)
		if tt.isConst && !constShape(enum, opts) || !tt.isConst && !isEnum(enum, opts) {
			t.Errorf("%v: enum %v, oneOf %+v; want const %v", tt.args, enum, opts, tt.isConst)
		}
	}
	for _, args := range [][]string{
		{"schema", formMall, "--choices", "oneof"},
		{"schema", formMall, "--choices", "const", "--ui"},
		{"schema", formMall, "--choices", "const", "--ui", "jsonforms"},
		{"schema", "--types", "--choices", "const"},
	} {
		if _, errOut, code := runCmd(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// form --to jsonschema is the answer sheet's schema, the bytes "cxkit
// schema FILE" prints, in the language asked for.
func TestFormJSONSchema(t *testing.T) {
	for _, lang := range [][]string{nil, {"--lang", "en"}} {
		got, errOut, code := runCmd(t, "", append([]string{"form", formMall, "--to", "jsonschema"}, lang...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		want, _, _ := runCmd(t, "", append([]string{"schema", formMall}, lang...)...)
		if got != want {
			t.Errorf("form --to jsonschema %v differs from schema", lang)
		}
	}
}
