package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	cxkittest.Cleanup()
	os.Exit(code)
}

// TestSurveyCommand runs the command on the prism runner, in this
// process, and compares its output file with cxkit's --json.
func TestSurveyCommand(t *testing.T) {
	in := cxkittest.Root("examples/survey/q4.csv")
	out := filepath.Join(t.TempDir(), "ces.json")
	var stderr bytes.Buffer
	code := run([]string{"--kind", "ces", "--input", in, "--scale", "1..7", "--good", "high", "--by", "store", "--output", out}, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := cxkittest.Run(t, "ces", in, "--scale", "1..7", "--good", "high", "--by", "store", "--json")
	if string(got) != want {
		t.Errorf("output differs from cxkit's:\n got: %.400s\nwant: %.400s", got, want)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("nps\n5\n11\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.json")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--kind", "nps", "--output", out}, exitUsage, "--input"},
		{[]string{"--kind", "nps", "--input", bad}, exitUsage, "--output"},
		{[]string{"--input", bad, "--output", out}, exitUsage, "--kind"},
		{[]string{"--kind", "csi", "--input", bad, "--output", out}, exitUsage, "want report, support, nps"},
		{[]string{"--kind", "support", "--by", "topic", "--input", bad, "--output", out}, exitUsage, "--by"},
		{[]string{"--kind", "support", "--period", "month", "--input", bad, "--output", out}, exitUsage, "--period"},
		{[]string{"--kind", "support", "--tz", "Mars/Olympus", "--input", bad, "--output", out}, exitUsage, "--tz"},
		{[]string{"--kind", "nps", "--calendar", bad, "--input", bad, "--output", out}, exitUsage, "for --kind support"},
		{[]string{"--kind", "support", "--calendar", bad, "--input", bad, "--output", out}, exitInput, "bad.csv:1:2"},
		{[]string{"--kind", "support", "--input", bad, "--output", out}, exitInput, "bad.csv: 4 bad lines"},
		{[]string{"--kind", "ces", "--input", bad, "--output", out}, exitUsage, "never guessed"},
		{[]string{"--kind", "nps", "--scale", "1..5", "--input", bad, "--output", out}, exitUsage, "--scale is for --kind csat and ces"},
		{[]string{"--kind", "report", "--checklist", bad, "--column", "nps", "--input", bad, "--output", out}, exitUsage, "--column is for --kind nps, csat, ces and emotion"},
		{[]string{"--kind", "support", "--where", "a=b", "--input", bad, "--output", out}, exitUsage, "--where is for --kind report"},
		{[]string{"--kind", "nps", "--level", "2", "--input", bad, "--output", out}, exitUsage, "--level"},
		{[]string{"--kind", "support", "--chunk-size", "0", "--input", bad, "--output", out}, exitUsage, "--chunk-size"},
		{[]string{"--kind", "nps", "--input", bad, "--output", out}, exitInput, "bad.csv:3"},
		{[]string{"--kind", "report", "--input", bad, "--output", out}, exitUsage, "--checklist"},
		{[]string{"--kind", "report", "--checklist", bad, "--period", "day", "--input", bad, "--output", out}, exitUsage, "--period"},
		{[]string{"--kind", "report", "--checklist", filepath.Join(dir, "none.korto"), "--input", bad, "--output", out}, exitInput, "none.korto"},
		{[]string{"--kind", "report", "--min-duration", "soon", "--input", bad, "--output", out}, exitUsage, "want a duration such as 20m"},
		{[]string{"--kind", "report", "--min-duration", "-5m", "--input", bad, "--output", out}, exitUsage, "cannot be negative"},
		{[]string{"--kind", "nps", "--lang", "en", "--input", bad, "--output", out}, exitUsage, "for --kind report"},
		{[]string{"--kind", "support", "--html", out + ".html", "--input", bad, "--output", out}, exitUsage, "for --kind report"},
	} {
		var stderr bytes.Buffer
		if code := run(tc.args, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr.String(), tc.code, tc.msg)
		}
	}
}

// TestReportCommand runs --kind report over the mall's visits.
func TestReportCommand(t *testing.T) {
	checklist := cxkittest.Root("examples/mall/mall.korto")
	in := cxkittest.Root("examples/mall/visits.jsonl")
	out := filepath.Join(t.TempDir(), "report.json")
	var stderr bytes.Buffer
	code := run([]string{"--kind", "report", "--checklist", checklist, "--input", in, "--by", "location", "--period", "month", "--output", out}, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := cxkittest.Run(t, "report", checklist, in, "--by", "location", "--period", "month", "--json")
	if string(got) != want {
		t.Errorf("output differs from cxkit's:\n got: %.400s\nwant: %.400s", got, want)
	}
}

// TestSupportCommand runs --kind support over the example tickets with
// every input cxkit support takes.
func TestSupportCommand(t *testing.T) {
	ex := func(rel string) string { return cxkittest.Root("examples/support/" + rel) }
	args := []string{"--by", "channel", "--calendar", ex("calendar.json"), "--standards", ex("standards.json"),
		"--agent-time", ex("agent-time.jsonl"), "--survey", ex("survey.jsonl"), "--period", "week"}
	out := filepath.Join(t.TempDir(), "support.json")
	var stderr bytes.Buffer
	code := run(append([]string{"--kind", "support", "--input", ex("tickets.jsonl"), "--output", out}, args...), &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := cxkittest.Run(t, append(append([]string{"support", ex("tickets.jsonl")}, args...), "--json")...)
	if string(got) != want {
		t.Errorf("output differs from cxkit's:\n got: %.400s\nwant: %.400s", got, want)
	}
}

// TestReportCommandLangHTML runs --kind report with --lang and --html:
// the JSON, the page and what the command prints on standard error (the
// warning about a language the checklist lacks, the sheets' warnings)
// are cxkit report's, and the notes' file is gone after it.
func TestReportCommandLangHTML(t *testing.T) {
	checklist := cxkittest.Root("examples/mall/mall.korto")
	dir := t.TempDir()
	b, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "visits.jsonl")
	if err := os.WriteFile(in, []byte(strings.Replace(string(b), `"version":"2026.1"`, `"version":"2025.9"`, 3)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, page, wantPage := filepath.Join(dir, "report.json"), filepath.Join(dir, "report.html"), filepath.Join(dir, "want.html")
	args := []string{"--by", "location", "--lang", "de", "--as-of", "2026-12-01"}
	var stderr bytes.Buffer
	code := run(append([]string{"--kind", "report", "--checklist", checklist, "--input", in, "--output", out, "--html", page}, args...), &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want, wantErr := cxkittest.Output(t, append([]string{"report", checklist, in, "--json", "--html", wantPage}, args...)...)
	if !strings.Contains(wantErr, `no texts in "de"`) || !strings.Contains(wantErr, "(and 2 more sheets)") {
		t.Fatalf("cxkit report warns of other things than the test made:\n%s", wantErr)
	}
	if got := stderr.String(); got != strings.ReplaceAll(wantErr, "cxkit report: ", "cxkit-beam: ") {
		t.Errorf("standard error differs from cxkit's:\n got: %s\nwant: %s", got, wantErr)
	}
	for _, f := range []struct{ got, want string }{{out, want}, {page, ""}} {
		got, err := os.ReadFile(f.got)
		if err != nil {
			t.Fatal(err)
		}
		if f.want == "" {
			w, err := os.ReadFile(wantPage)
			if err != nil {
				t.Fatal(err)
			}
			f.want = string(w)
		}
		if string(got) != f.want {
			t.Errorf("%s differs from cxkit's:\n got: %.400s\nwant: %.400s", f.got, got, f.want)
		}
	}
	if _, err := os.Stat(out + ".notes.json"); !os.IsNotExist(err) {
		t.Errorf("the notes' file is left behind: %v", err)
	}
}

// TestSurveyCompareCommand runs --kind csat with --compare over the
// example quarters: the output is cxkit's csat --compare --json.
func TestSurveyCompareCommand(t *testing.T) {
	in, old := cxkittest.Root("examples/survey/q4.csv"), cxkittest.Root("examples/survey/q3.csv")
	out := filepath.Join(t.TempDir(), "csat.json")
	var stderr bytes.Buffer
	code := run([]string{"--kind", "csat", "--input", in, "--compare", old, "--by", "channel", "--output", out}, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := cxkittest.Run(t, "csat", in, "--compare", old, "--by", "channel", "--json")
	if string(got) != want || !strings.Contains(want, `"compare_mean"`) {
		t.Errorf("output differs from cxkit's:\n got: %.400s\nwant: %.400s", got, want)
	}
	if _, err := os.Stat(out + ".notes.json"); !os.IsNotExist(err) {
		t.Errorf("the notes' file is left behind: %v", err)
	}
	for _, args := range [][]string{
		{"--kind", "report", "--compare", old},
		{"--kind", "csat", "--compare-name", "q3"},
	} {
		stderr.Reset()
		if code := run(append(args, "--input", in, "--output", out), &stderr); code != exitUsage || !strings.Contains(stderr.String(), "--compare") {
			t.Errorf("%q: exit %d, %s; want a usage error", args, code, stderr.String())
		}
	}
}

// TestReportCommandFails: a report job that fails prints, before the
// job's error, what cxkit report prints before its own (the invalid
// sheet, the sheets' warnings, the warnings about the groups), exits 1,
// and leaves no notes' file behind.
func TestReportCommandFails(t *testing.T) {
	checklist := cxkittest.Root("examples/mall/mall.korto")
	dir := t.TempDir()
	b, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.Replace(string(b), `"version":"2026.1"`, `"version":"2025.9"`, 3), "\n")
	lines[4] = lines[4][:len(lines[4])/2] + "\n" // an invalid sheet
	// A location typed two ways: cxkit warns about the groups.
	at := strings.Index(lines[7], `"location":"`) + len(`"location":"`)
	place := lines[7][at : at+strings.IndexByte(lines[7][at:], '"')]
	lines[7] = lines[7][:at] + strings.ToUpper(strings.Replace(place, " ", "  ", 1)) + lines[7][at+len(place):]
	in := filepath.Join(dir, "visits.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.json")
	args := []string{"--by", "location", "--as-of", "2026-12-01"}
	var stderr bytes.Buffer
	if code := run(append([]string{"--kind", "report", "--checklist", checklist, "--input", in, "--output", out}, args...), &stderr); code != exitInput {
		t.Fatalf("exit %d, want %d: %s", code, exitInput, stderr.String())
	}
	wantErr := cxkittest.Fail(t, append([]string{"report", checklist, in, "--json"}, args...)...)
	end := strings.LastIndex(wantErr, "cxkit report: ")
	notes, last := wantErr[:end], strings.TrimPrefix(wantErr[end:], "cxkit report: ")
	if !strings.Contains(notes, "cxkit report: warning: groups") || !strings.Contains(notes, "(and 2 more sheets)") {
		t.Fatalf("cxkit report warns of other things than the test made:\n%s", wantErr)
	}
	got := stderr.String()
	if want := strings.ReplaceAll(notes, "cxkit report: ", "cxkit-beam: ") + "cxkit-beam: job "; !strings.HasPrefix(got, want) || !strings.Contains(got, "failed:\n"+last) {
		t.Errorf("standard error:\n%s\nwant it to start with:\n%s\nand hold the job's error:\n%s", got, want, last)
	}
	if _, err := os.Stat(out + ".notes.json"); !os.IsNotExist(err) {
		t.Errorf("the notes' file is left behind: %v", err)
	}
}
