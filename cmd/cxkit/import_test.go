package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small CSV of the grocery checklist in each state the command must
// tell apart: good rows to JSON Lines (which report reads), bad cells
// placed and nothing written (exit 1), --skip-invalid, usage errors
// (exit 2).
func TestImportCommand(t *testing.T) {
	const checklist = "../../examples/taxi/taxi.korto"
	// One row answering every question of the taxi checklist from its
	// example sheet, written as the import reads it.
	sheet, _, code := runCmd(t, "", "import", "--checklist", checklist, "--from", "surveyjs", "../../examples/taxi/ride-01.json")
	if code != exitOK || strings.Count(sheet, "\n") != 1 {
		t.Fatalf("import of the example sheet as SurveyJS-like JSON: exit %d, out %q", code, sheet)
	}
	_, stderr, code := runCmd(t, sheet, "score", checklist, "-")
	if code != exitOK {
		t.Fatalf("score of the imported sheet: exit %d: %s", code, stderr)
	}

	for _, tc := range []struct {
		name string
		args []string
		in   string
		code int
		err  string // in stderr
	}{
		{"no checklist", []string{"import", "-"}, "", exitUsage, "--checklist is missing"},
		{"bad from", []string{"import", "-", "--checklist", checklist, "--from", "ods"}, "", exitUsage, `unknown format "ods"`},
		{"two files", []string{"import", "a", "b", "--checklist", checklist}, "", exitUsage, "need one file"},
		{"bad cell", []string{"import", "-", "--checklist", checklist}, "id,arrived\nr-1,maybe\n", exitInput,
			`<stdin>:2:2: audit r-1, question arrived: takes "yes" or "no", not "maybe"`},
		{"no questions", []string{"import", "-", "--checklist", checklist}, "a,b\n1,2\n", exitInput, "no column is a question"},
		{"negative workers", []string{"import", "-", "--checklist", checklist, "--workers", "-1"}, "", exitUsage, "want a number of cores"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runCmd(t, tc.in, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.err) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.err)
			}
		})
	}
}

// cxkit template writes a workbook that cxkit import reads (empty: no
// rows yet); without -o it is a usage error.
func TestTemplateCommand(t *testing.T) {
	out := writeTemp(t, "visits.xlsx", "")
	if _, stderr, code := runCmd(t, "", "template", "../../examples/mall/mall.korto", "-o", out); code != exitOK {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	stdout, stderr, code := runCmd(t, "", "import", out, "--checklist", "../../examples/mall/mall.korto")
	if code != exitOK || stdout != "" || !strings.Contains(stderr, "as xlsx") {
		t.Errorf("import of the empty template: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, _, code := runCmd(t, "", "template", "../../examples/mall/mall.korto"); code != exitUsage {
		t.Errorf("template without -o: exit %d, want %d", code, exitUsage)
	}
}

// --workers changes how many rows are checked at once, never what is
// written or said.
func TestImportWorkersSame(t *testing.T) {
	const checklist = "../../examples/taxi/taxi.korto"
	var in strings.Builder
	in.WriteString("id,arrived,permits,smooth\n")
	for i := range 2000 {
		smooth := []string{"4", "5", "9", "", "x"}[i%5]
		fmt.Fprintf(&in, "r-%d,yes,%s,%s\n", i, []string{"yes", "no", "Да"}[i%3], smooth)
	}
	for _, skip := range []string{"--skip-invalid", "--from=csv"} {
		out1, err1, code1 := runCmd(t, in.String(), "import", "-", "--checklist", checklist, skip, "--workers", "1")
		if code1 > exitInput || strings.Count(err1, "\n") < 100 {
			t.Fatalf("%s: exit %d, %d lines of problems; want many", skip, code1, strings.Count(err1, "\n"))
		}
		for _, w := range []string{"2", "3", "0"} {
			out, errs, code := runCmd(t, in.String(), "import", "-", "--checklist", checklist, skip, "--workers", w)
			if out != out1 || errs != err1 || code != code1 {
				t.Errorf("%s --workers %s: exit %d, %d bytes out, %d bytes err; --workers 1 gave %d, %d, %d",
					skip, w, code, len(out), len(errs), code1, len(out1), len(err1))
			}
		}
	}
}

// Standard output redirected to a file (">> out") is written as the rows
// come and, when the import fails, cut back to what it held.
// "cxkit import bad.csv > log 2>&1": standard error goes to the same
// file, so a failed import must not cut the file back, which would
// erase the problems it printed there.
func TestImportIntoFileWithItsErrors(t *testing.T) {
	good, err := os.ReadFile("../../examples/mall/field/odk/mall_korto.csv")
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.OpenFile(filepath.Join(t.TempDir(), "log"), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	in := string(good) + "x,\"bad\"quote\n"
	code := run(&env{stdin: strings.NewReader(in), stdout: out, stderr: out}, []string{"import", "-", "--checklist", "../../examples/mall/mall.korto"})
	out.Close()
	got, _ := os.ReadFile(out.Name())
	at := fmt.Sprintf("<stdin>:%d:", strings.Count(string(good), "\n")+1) // the bad row's problem
	if code != exitInput || !strings.Contains(string(got), at) || strings.Contains(string(got), `"answers"`) {
		t.Errorf("exit %d (want %d); the log holds:\n%s", code, exitInput, got)
	}
}

func TestImportIntoRedirectedFile(t *testing.T) {
	const checklist = "../../examples/mall/mall.korto"
	good, err := os.ReadFile("../../examples/mall/field/odk/mall_korto.csv")
	if err != nil {
		t.Fatal(err)
	}
	want, _, code := runCmd(t, string(good), "import", "-", "--checklist", checklist)
	if code != exitOK || want == "" {
		t.Fatalf("import of the ODK example: exit %d", code)
	}
	const before = "kept\n"
	for _, tc := range []struct {
		name string
		in   string
		code int
		out  string
	}{
		{"good", string(good), exitOK, before + want},
		{"bad last row", string(good) + "x,\"bad\"quote\n", exitInput, before},
	} {
		out, err := os.OpenFile(filepath.Join(t.TempDir(), "out.jsonl"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		out.WriteString(before)
		var errb strings.Builder
		code := run(&env{stdin: strings.NewReader(tc.in), stdout: out, stderr: &errb}, []string{"import", "-", "--checklist", checklist})
		out.Close()
		got, _ := os.ReadFile(out.Name())
		if code != tc.code || string(got) != tc.out {
			t.Errorf("%s: exit %d (want %d), the file holds %d bytes, want %d: %s", tc.name, code, tc.code, len(got), len(tc.out), errb.String())
		}
	}
}
