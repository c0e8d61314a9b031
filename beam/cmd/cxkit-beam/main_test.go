package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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

// TestReportCommandFails: a report job that fails prints what cxkit
// report prints (the invalid sheet, the sheets' warnings, the warnings
// about the groups, its error), exits 1, and leaves no notes' file
// behind.
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
	if !strings.Contains(wantErr, "cxkit report: warning: groups") || !strings.Contains(wantErr, "(and 2 more sheets)") {
		t.Fatalf("cxkit report warns of other things than the test made:\n%s", wantErr)
	}
	if got, want := stderr.String(), strings.ReplaceAll(wantErr, "cxkit report: ", "cxkit-beam: "); got != want {
		t.Errorf("standard error:\n%s\nwant cxkit's:\n%s", got, want)
	}
	if _, err := os.Stat(out + ".notes.json"); !os.IsNotExist(err) {
		t.Errorf("the notes' file is left behind: %v", err)
	}
}

// TestReadFailures: a job whose workers find bad input in several files
// (survey cells, ticket lines, answer sheets) prints what cxkit prints
// on the same files, read in the order of their names: every problem at
// its file:line:col, then cxkit's error, with cxkit's exit code; with
// --skip-bad, the bad lines as cxkit's warnings, and exit 0 (and an
// export without tickets, cxkit's warning).
func TestReadFailures(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, lines ...string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// cxkit's standard error and exit code for each file, one after
	// another, as one run prints them.
	each := func(t *testing.T, args func(file string) []string, files ...string) (string, int) {
		var all strings.Builder
		code := 0
		for _, f := range files {
			stderr, c := cxkittest.Exit(t, args(f)...)
			all.WriteString(stderr)
			code = max(code, c)
		}
		return all.String(), code
	}
	// Survey: bad cells in three of four files, one with more than
	// cxkit lists; the files of the earlier export read after the
	// current one's warnings.
	bad := []string{"store,nps,weight"}
	for i := range 25 {
		bad = append(bad, fmt.Sprintf("s%d,%d,1", i%3, 11+i))
	}
	survey := []string{
		write("survey/a.csv", "store,nps,weight", "s1,9,1", "s2,x,1", "s1,7,-1", "s2,10,1,extra"),
		write("survey/b.csv", bad...),
		write("survey/c.csv", "store,nps,weight", "s1,9,1", "s2,3,1"),
		write("survey/d.csv", "store,nps,weight", "s1,,1", `s2,"10`, "s1,5,1"),
	}
	npsArgs := func(f string) []string { return []string{"nps", f, "--by", "store", "--weight", "weight", "--json"} }
	cur := write("current/cur.csv", "store,nps,weight,x,x", "s1,9,1,,", "s2,3,1,,")
	earlier := []string{write("earlier/e1.csv", "store,nps,weight", "s1,12,1"), write("earlier/e2.csv", "store,nps,weight", "s2,1,1", "s2,y,1")}
	_, curWarnings := cxkittest.Output(t, "nps", cur, "--by", "store", "--json")
	if curWarnings == "" {
		t.Fatal("the current export warns of nothing")
	}
	// Tickets: bad lines in two files; one file alone ends in cxkit's
	// last line naming it.
	ex, err := os.ReadFile(cxkittest.Root("examples/support/tickets.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	tk := strings.Split(string(ex), "\n")
	tickets := []string{
		write("tickets/a.jsonl", tk[0], tk[1], `{"id": broken`, tk[2], `{"channel":"chat"}`),
		write("tickets/b.jsonl", tk[3], "not json", tk[4], "{}"),
		write("tickets/c.jsonl", tk[5], tk[6]),
	}
	supportArgs := func(f string) []string { return []string{"support", f, "--json"} }
	// Answer sheets: cxkit report reads the folder as the job its files.
	vb, err := os.ReadFile(cxkittest.Root("examples/mall/visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	visits := strings.Split(string(vb), "\n")
	write("sheets/a.jsonl", visits[0], `{"audit": broken`, visits[1])
	write("sheets/b.jsonl", visits[2], "nope", visits[3][:200])
	write("sheets/c.jsonl", visits[4])
	checklist := cxkittest.Root("examples/mall/mall.korto")

	for _, tc := range []struct {
		name string
		args []string
		want func(t *testing.T) (string, int)
	}{
		{"survey", []string{"--kind", "nps", "--by", "store", "--weight", "weight", "--input", filepath.Join(dir, "survey", "*.csv")},
			func(t *testing.T) (string, int) { return each(t, npsArgs, survey[0], survey[1], survey[3]) }},
		{"survey-column", []string{"--kind", "nps", "--by", "region", "--input", filepath.Join(dir, "survey", "*.csv")},
			func(t *testing.T) (string, int) {
				return cxkittest.Exit(t, "nps", survey[0], "--by", "region", "--json")
			}},
		{"survey-compare", []string{"--kind", "nps", "--by", "store", "--input", cur, "--compare", filepath.Join(dir, "earlier", "*.csv")},
			func(t *testing.T) (string, int) {
				got, code := each(t, func(f string) []string { return []string{"nps", cur, "--by", "store", "--compare", f, "--json"} }, earlier...)
				return curWarnings + strings.ReplaceAll(got, curWarnings, ""), code
			}},
		{"support", []string{"--kind", "support", "--input", filepath.Join(dir, "tickets", "*.jsonl")},
			func(t *testing.T) (string, int) {
				got, code := each(t, supportArgs, tickets...)
				var lines []string
				for l := range strings.SplitSeq(got, "\n") {
					if !strings.HasPrefix(l, "cxkit support: ") && l != "" {
						lines = append(lines, l)
					}
				}
				return strings.Join(lines, "\n") + fmt.Sprintf("\ncxkit support: %d bad lines; nothing computed (--skip-bad computes from the good lines)\n", len(lines)), code
			}},
		{"support-skip-bad", []string{"--kind", "support", "--skip-bad", "--chunk-size", "300", "--input", filepath.Join(dir, "tickets", "*.jsonl")},
			func(t *testing.T) (string, int) {
				return each(t, func(f string) []string { return append(supportArgs(f), "--skip-bad") }, tickets...)
			}},
		{"support-empty", []string{"--kind", "support", "--input", write("empty/none.jsonl")},
			func(t *testing.T) (string, int) {
				return cxkittest.Exit(t, supportArgs(filepath.Join(dir, "empty", "none.jsonl"))...)
			}},
		{"support-one-file", []string{"--kind", "support", "--chunk-size", "300", "--input", tickets[1]},
			func(t *testing.T) (string, int) { return cxkittest.Exit(t, supportArgs(tickets[1])...) }},
		{"report", []string{"--kind", "report", "--checklist", checklist, "--chunk-size", "500", "--as-of", "2026-12-01", "--input", filepath.Join(dir, "sheets", "*")},
			func(t *testing.T) (string, int) {
				return cxkittest.Exit(t, "report", checklist, filepath.Join(dir, "sheets"), "--as-of", "2026-12-01", "--json")
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantCode := tc.want(t)
			if (wantCode == 0) != (strings.Contains(tc.name, "skip") || strings.Contains(tc.name, "empty")) || want == "" {
				t.Fatalf("cxkit does not fail as the test means (exit %d):\n%s", wantCode, want)
			}
			want = regexp.MustCompile(`(?m)^cxkit [a-z]+: `).ReplaceAllString(want, "cxkit-beam: ")
			out := filepath.Join(t.TempDir(), "out.json")
			var stderr bytes.Buffer
			code := run(append(tc.args, "--output", out), &stderr)
			if got := stderr.String(); code != wantCode || got != want {
				t.Errorf("exit %d, standard error:\n%s\nwant exit %d and cxkit's:\n%s", code, got, wantCode, want)
			}
			if _, err := os.Stat(out + ".notes.json"); !os.IsNotExist(err) {
				t.Errorf("the notes' file is left behind: %v", err)
			}
		})
	}
}
