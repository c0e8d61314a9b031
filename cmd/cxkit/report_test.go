package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/internal/progress"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

const (
	reportDir       = "testdata/report"
	reportChecklist = reportDir + "/shop.korto"
	reportVisits    = reportDir + "/visits"
)

// reportGolden compares got with testdata/report/name.
func reportGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join(reportDir, name), got)
}

func runReportCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCmd(t, stdin, append([]string{"report"}, args...)...)
}

func TestReportGolden(t *testing.T) {
	html := filepath.Join(t.TempDir(), "report.html")
	mallHTML := filepath.Join(t.TempDir(), "mall.html")
	mallHTMLEn := filepath.Join(t.TempDir(), "mall-en.html")
	luxuryHTML := filepath.Join(t.TempDir(), "luxury.html")
	tests := []struct {
		golden string
		args   []string
	}{
		{"report.txt", []string{reportChecklist, reportVisits, "--by", "location", "--html", html}},
		{"report-en.txt", []string{reportChecklist, reportVisits, "--by", "location", "--lang", "en", "--top", "3"}},
		{"report-all.txt", []string{reportChecklist, reportVisits}},
		{"report.json", []string{reportChecklist, reportVisits, "--by", "location", "--json"}},
		// examples/reportjson prints the same with the library alone.
		{"mall.json", []string{"../../examples/mall/mall.korto", "../../examples/mall/visits/", "--by", "location", "--json"}},
		{"mall.txt", []string{"../../examples/mall/mall.korto", "../../examples/mall/visits/", "--by", "location", "--period", "month", "--html", mallHTML}},
		{"mall-en.txt", []string{"../../examples/mall/mall.korto", "../../examples/mall/visits/", "--by", "location", "--period", "month", "--lang", "en", "--html", mallHTMLEn}},
		// Promises: the follow-up sheet fills lx-0002's outcome; lx-0003 is late.
		{"luxury.txt", []string{"../../examples/luxury/boutique.korto", "../../examples/luxury/", "../../examples/luxury/followups/", "--by", "location", "--as-of", "2026-12-10", "--html", luxuryHTML}},
		{"luxury-en.txt", []string{"../../examples/luxury/boutique.korto", "../../examples/luxury/", "../../examples/luxury/followups/", "--by", "location", "--as-of", "2026-12-10", "--lang", "en"}},
		{"luxury.json", []string{"../../examples/luxury/boutique.korto", "../../examples/luxury/", "../../examples/luxury/followups/", "--by", "location", "--as-of", "2026-12-10", "--json"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			out, errs, code := runReportCmd(t, "", tt.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			reportGolden(t, tt.golden, []byte(out))
		})
	}
	for name, file := range map[string]string{"mall.html": mallHTML, "mall-en.html": mallHTMLEn, "luxury.html": luxuryHTML} {
		page, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		reportGolden(t, name, page)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	reportGolden(t, "report.html", page)
	for _, bad := range []string{"<script", "http://", "https://", "@import", "url(http"} {
		if bytes.Contains(bytes.ReplaceAll(page, []byte(`xmlns="http://www.w3.org/2000/svg"`), nil), []byte(bad)) {
			t.Errorf("the HTML report is not self-contained: it has %q", bad)
		}
	}
}

// The same sheets as files in a folder, as a JSON Lines file and as JSON
// Lines on standard input give the same report.
func TestReportInputsAgree(t *testing.T) {
	want, errs, code := runReportCmd(t, "", reportChecklist, reportVisits, "--by", "location", "--json")
	if code != exitOK {
		t.Fatalf("folder: exit %d: %s", code, errs)
	}
	lines, err := os.ReadFile(filepath.Join(reportDir, "visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// A copy with the .ndjson extension and blank lines, which are skipped.
	ndjson := filepath.Join(t.TempDir(), "visits.ndjson")
	if err := os.WriteFile(ndjson, append([]byte("\n"), bytes.ReplaceAll(lines, []byte("\n"), []byte("\n\n"))...), 0o644); err != nil {
		t.Fatal(err)
	}
	// Single files one by one, in the folder's order.
	files, _ := filepath.Glob(filepath.Join(reportVisits, "*.json"))
	for name, args := range map[string][]string{
		"jsonl":  {filepath.Join(reportDir, "visits.jsonl")},
		"ndjson": {ndjson},
		"stdin":  {"-"},
		"files":  files,
	} {
		got, errs, code := runReportCmd(t, string(lines), append(append([]string{reportChecklist}, args...), "--by", "location", "--json")...)
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", name, code, errs)
			continue
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: report differs from the folder's (-folder +%s):\n%s", name, name, d)
		}
	}
}

func TestReportInvalidSheets(t *testing.T) {
	badDir := filepath.Join(reportDir, "bad")
	badLines := filepath.Join(reportDir, "bad.jsonl")
	wantErrs := []string{
		// Every bad sheet, in input order, with its file (and line) and
		// the JSON Pointer and question of each problem.
		"testdata/report/bad/s-03.json: /answers/card: question \"card\"",
		"testdata/report/bad/s-03.json: /answers/staff: question \"staff\"",
		"testdata/report/bad/s-04.json:1:50: ",
		"testdata/report/bad.jsonl:5: /answers/mood: question \"mood\"",
	}
	// The folder and the JSON Lines hold the same audits, on purpose.
	out, errs, code := runReportCmd(t, "", reportChecklist, badDir, badLines, "--allow-duplicates")
	if code != exitInput || out != "" {
		t.Errorf("bad sheets: exit %d with stdout %q, want exit 1 and no report", code, out)
	}
	checkLinesInOrder(t, errs, append(wantErrs, "3 sheets are invalid; no report"))

	out, errs, code = runReportCmd(t, "", reportChecklist, badDir, badLines, "--skip-invalid", "--json", "--allow-duplicates")
	if code != exitOK {
		t.Fatalf("--skip-invalid: exit %d: %s", code, errs)
	}
	checkLinesInOrder(t, errs, wantErrs)
	var rep korto.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// 2 good files in the folder and 8 good lines of 9.
	if rep.Overall.N != 10 {
		t.Errorf("--skip-invalid aggregated %d sheets, want 10", rep.Overall.N)
	}
	out, _, _ = runReportCmd(t, "", reportChecklist, badDir, badLines, "--skip-invalid", "--allow-duplicates")
	if !strings.Contains(out, "3 неверных листа пропущено (список в stderr)") {
		t.Errorf("the text report does not say that sheets were skipped:\n%s", out)
	}
}

// checkLinesInOrder wants each of want to start a line of s, in order.
func checkLinesInOrder(t *testing.T, s string, want []string) {
	t.Helper()
	lines := strings.Split(s, "\n")
	i := 0
	for _, w := range want {
		for i < len(lines) && !strings.Contains(lines[i], w) {
			i++
		}
		if i == len(lines) {
			t.Errorf("stderr lacks %q (in order); stderr:\n%s", w, s)
			return
		}
	}
}

func TestReportExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.korto")
	if err := os.WriteFile(broken, []byte("checklist x \"X\" {\n  level 9 \"Z\" {}\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		inError string
	}{
		{"no arguments", nil, exitUsage, "need a checklist"},
		{"no answers", []string{reportChecklist}, exitUsage, "need a checklist"},
		{"bad --top", []string{reportChecklist, reportVisits, "--top", "0"}, exitUsage, "--top"},
		{"unknown flag", []string{reportChecklist, reportVisits, "--bye", "x"}, exitUsage, "bye"},
		{"both stdin", []string{"-", "-"}, exitUsage, "standard input"},
		{"missing checklist", []string{filepath.Join(dir, "nope.korto"), reportVisits}, exitInput, "nope.korto"},
		{"broken checklist", []string{broken, reportVisits}, exitInput, "broken.korto:2:"},
		{"missing answers", []string{reportChecklist, filepath.Join(dir, "nope")}, exitInput, "nope"},
		{"empty folder", []string{reportChecklist, empty}, exitInput, "no *.json"},
		{"empty stdin", []string{reportChecklist, "-"}, exitInput, "no answer sheets"},
		{"only invalid sheets, skipped", []string{reportChecklist, filepath.Join(reportDir, "bad", "s-04.json"), "--skip-invalid"}, exitInput, "no valid answer sheets: 1 sheet is invalid"},
		{"html to a missing folder", []string{reportChecklist, reportVisits, "--html", filepath.Join(dir, "no", "r.html")}, exitInput, "r.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := runReportCmd(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.inError) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.inError)
			}
		})
	}
}

func TestReportProgress(t *testing.T) {
	defer func(d time.Duration) { progress.Delay = d }(progress.Delay)
	progress.Delay = 0
	var tty bytes.Buffer
	add, finish := reportProgress(&env{stderr: &tty, stderrTTY: true})
	add(report.Progress{Sheets: 5000, Bytes: 100, Total: 1000})
	add(report.Progress{Sheets: 12000, Bytes: 600, Total: 1000})
	finish()
	// The bar redraws at most every 200 ms, so the first count shows.
	if !strings.Contains(tty.String(), "5,000 sheets") {
		t.Errorf("progress output %q: want the sheets counted (5,000 sheets)", tty.String())
	}

	// Not a terminal: no progress at all.
	add, finish = reportProgress(&env{stderr: &tty})
	finish()
	if add != nil {
		t.Error("a progress callback for a non-terminal")
	}
}

// A warning that many sheets share (here a version other than the
// checklist's) is one line with a count, and does not fail the run.
func TestReportWarningsCounted(t *testing.T) {
	lines, err := os.ReadFile(filepath.Join(reportDir, "visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	old := strings.ReplaceAll(string(lines), `"version": "1"`, `"version": "0"`)
	if old == string(lines) {
		t.Fatal("test data: no version to change")
	}
	_, errs, code := runReportCmd(t, old, reportChecklist, "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(errs, "\n"); n != 1 || !strings.HasPrefix(errs, "<stdin>:1: /version: warning: ") || !strings.Contains(errs, "(and 8 more sheets)") {
		t.Errorf("stderr %q: want one warning line for <stdin>:1 and 8 more sheets", errs)
	}
	if n := strings.Count(errs, "warning:"); n != 1 {
		t.Errorf("stderr %q says warning %d times, want once", errs, n)
	}
}

// JSON Lines saved under a .json name fail as one sheet, with a hint.
func TestReportJSONLinesNamedJSON(t *testing.T) {
	lines, err := os.ReadFile(filepath.Join(reportDir, "visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "visits.json")
	if err := os.WriteFile(name, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runReportCmd(t, "", reportChecklist, name)
	if code != exitInput || !strings.Contains(errs, name+":2:1: ") || !strings.Contains(errs, "hint: a file with one sheet per line must be named *.jsonl") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}

// Sheets as people keep them, one indented JSON document per file, piped
// to standard input one after another (cat visits/*.json | cxkit report
// shop.korto -): the same report as the folder's, not one error per line
// of JSON read as JSON Lines.
func TestReportStdinIndentedSheets(t *testing.T) {
	want, errs, code := runReportCmd(t, "", reportChecklist, reportVisits, "--json")
	if code != exitOK {
		t.Fatalf("folder: exit %d: %s", code, errs)
	}
	files, _ := filepath.Glob(filepath.Join(reportVisits, "*.json"))
	var all, first []byte
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(bytes.TrimSpace(b), []byte("\n")) {
			t.Fatalf("%s: want an indented sheet for this test", f)
		}
		if i == 0 {
			first = b
		}
		all = append(all, b...)
	}
	got, errs, code := runReportCmd(t, string(all), reportChecklist, "-", "--json")
	if code != exitOK {
		t.Fatalf("indented sheets on stdin: exit %d: %s", code, errs)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("indented sheets on stdin: report differs from the folder's (-folder +stdin):\n%s", d)
	}

	// One sheet alone, and a broken one whose error is placed by line.
	if _, errs, code := runReportCmd(t, string(first), reportChecklist, "-"); code != exitOK {
		t.Errorf("one indented sheet on stdin: exit %d: %s", code, errs)
	}
	broken := string(first) + "\n" + strings.Replace(string(first), `"answers"`, `"answers" "x"`, 1)
	_, errs, code = runReportCmd(t, broken, reportChecklist, "-")
	brokenAt := strings.Count(broken[:strings.LastIndex(broken, `"answers" "x"`)], "\n") + 1
	if code != exitInput || !strings.HasPrefix(errs, fmt.Sprintf("<stdin>:%d:", brokenAt)) {
		t.Errorf("broken second sheet: exit %d, stderr %q; want exit 1 and an error at <stdin>:%d", code, errs, brokenAt)
	}
}

// JSON Lines on stdin whose first sheet is broken are still JSON Lines:
// the broken line is reported and, with --skip-invalid, the others are
// aggregated (reading stdin as indented documents would lose them all).
func TestReportStdinJSONLinesBrokenFirst(t *testing.T) {
	lines, err := os.ReadFile(filepath.Join(reportDir, "visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	in := `{"checklist": "shop", "answers": {` + "\n" + string(lines)
	out, errs, code := runReportCmd(t, in, reportChecklist, "-", "--skip-invalid", "--json")
	if code != exitOK || !strings.HasPrefix(errs, "<stdin>:1:") {
		t.Fatalf("exit %d, stderr %q; want exit 0 and the first line reported", code, errs)
	}
	var rep korto.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if want := int64(bytes.Count(lines, []byte("\n"))); rep.Overall.N != want {
		t.Errorf("aggregated %d sheets, want the %d good lines", rep.Overall.N, want)
	}
}

// Under knockout audit the text report says how many audits were knocked
// out and the mean before the knockouts, beside the mean that counts
// them as 0 (the JSON has both as score and raw_score).
func TestReportKnockoutRawScore(t *testing.T) {
	const cashier = "../../examples/grocery/cashier.korto"
	visits, _ := filepath.Glob("../../examples/grocery/visit-*.json")
	js, errs, code := runReportCmd(t, "", append(append([]string{cashier}, visits...), "--json")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep korto.Report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	o := rep.Overall
	if o.RawScore == nil || o.KnockedOut == 0 {
		t.Fatalf("the example has no knocked-out visit any more (knocked_out %d, raw_score %v)", o.KnockedOut, o.RawScore)
	}
	html := filepath.Join(t.TempDir(), "r.html")
	out, _, _ := runReportCmd(t, "", append(append([]string{cashier}, visits...), "--lang", "en", "--html", html)...)
	want := fmt.Sprintf("knocked out: %d of %d; mean before the knockouts: %s", o.KnockedOut, o.N, pct(*o.RawScore.Mean))
	if !strings.Contains(out, want) {
		t.Errorf("the text report lacks %q:\n%s", want, out)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	want = fmt.Sprintf("<b>%s</b><span>mean before the knockouts; knocked out: %d of %d</span>", pct(*o.RawScore.Mean), o.KnockedOut, o.N)
	if !strings.Contains(string(page), want) {
		t.Errorf("the HTML report lacks %q", want)
	}
	// Without knockout audit there is no such line.
	out, _, _ = runReportCmd(t, "", reportChecklist, reportVisits, "--lang", "en")
	if strings.Contains(out, "knocked out") {
		t.Errorf("a report without knockout audit speaks of knockouts:\n%s", out)
	}
}

// A broken sheet among indented sheets on standard input is reported at
// its line and, with --skip-invalid, the sheets after it still count: the
// reader goes on at the next line that starts a sheet.
func TestReportStdinIndentedBrokenMiddle(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(reportVisits, "*.json"))
	if len(files) < 3 {
		t.Fatalf("want 3 visits, found %d", len(files))
	}
	var in []byte
	line := 1
	brokenAt := 0
	for i, f := range files[:3] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			// The syntax error is placed at the line of the mistake.
			brokenAt = line + bytes.Count(b[:bytes.Index(b, []byte(`"answers"`))], []byte("\n"))
			b = bytes.Replace(b, []byte(`"answers"`), []byte(`"answers" "x"`), 1)
		}
		in = append(in, b...)
		line += bytes.Count(b, []byte("\n"))
	}
	out, errs, code := runReportCmd(t, string(in), reportChecklist, "-", "--skip-invalid", "--json")
	if code != exitOK || !strings.HasPrefix(errs, fmt.Sprintf("<stdin>:%d:", brokenAt)) {
		t.Fatalf("exit %d, stderr %q; want exit 0 and the second sheet reported at <stdin>:%d", code, errs, brokenAt)
	}
	var rep korto.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Overall.N != 2 {
		t.Errorf("aggregated %d sheets, want the first and the third", rep.Overall.N)
	}
}

// A sheet on standard input with a mistake in its form (a key twice) has
// its answers checked too, so that all its problems show at once, as for
// a file.
func TestReportStdinIndentedFormAndAnswers(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(reportDir, "bad", "s-03.json"))
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte(`"version": "1",`), []byte(`"version": "1", "version": "1",`), 1)
	_, errs, code := runReportCmd(t, string(b)+string(b), reportChecklist, "-")
	if code != exitInput {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errs)
	}
	checkLinesInOrder(t, errs, []string{
		"<stdin>:1: /version: key \"version\" appears more than once",
		"<stdin>:1: /answers/card: question \"card\"",
		"<stdin>:1: /answers/staff: question \"staff\"",
		"<stdin>:25: /version: key \"version\" appears more than once",
		"2 sheets are invalid",
	})
}

// The league table's footnote names the intervals' method in words, in
// the report's language.
func TestReportHTMLCIFootnote(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"", "95% ДИ по t-распределению Стьюдента, n−1 степеней свободы."},
		{"en", "95% CI from Student&#39;s t-distribution, n−1 degrees of freedom."},
	} {
		html := filepath.Join(t.TempDir(), "r.html")
		args := []string{reportChecklist, reportVisits, "--by", "location", "--html", html}
		if tt.lang != "" {
			args = append(args, "--lang", tt.lang)
		}
		if _, errs, code := runReportCmd(t, "", args...); code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		page, err := os.ReadFile(html)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), tt.want) {
			t.Errorf("--lang %q: the HTML report lacks %q", tt.lang, tt.want)
		}
	}
}

// A right-to-left override in a group name must not reverse what stands
// after it ("Store A (12)" shown as "Store A (21)"): the HTML isolates
// user text in <bdi>, and the SVG chart between Unicode's isolate marks.
func TestReportHTMLIsolatesUserText(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(reportDir, "visits.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.ReplaceAll(string(src), `"location": "Центр"`, `"location": "Store \u202eA"`)
	if evil == string(src) {
		t.Fatal("test data: no location to change")
	}
	in := filepath.Join(dir, "v.jsonl")
	if err := os.WriteFile(in, []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	html := filepath.Join(dir, "r.html")
	if _, errs, code := runReportCmd(t, "", reportChecklist, in, "--by", "location", "--html", html); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	name := "Store \u202eA"
	for _, want := range []string{"<bdi>" + name + "</bdi>", "\u2068" + name + "\u2069"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n, isolated := strings.Count(string(page), name), strings.Count(string(page), "<bdi>"+name+"</bdi>")+strings.Count(string(page), "\u2068"+name+"\u2069"); n != isolated {
		t.Errorf("the name appears %d times, isolated %d times", n, isolated)
	}
}

// A folder's subfolders are not read; sheets kept in one (visits/2026-07/)
// are named in a warning rather than left out without a word.
func TestReportWarnsOfSubfolders(t *testing.T) {
	dir := t.TempDir()
	sheet, err := os.ReadFile("../../examples/mall/visits/v-0101.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"v-0101.json", filepath.Join("2026-07", "v-0102.json")} {
		path := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, bytes.Replace(sheet, []byte("v-0101"), []byte(strings.TrimSuffix(filepath.Base(f), ".json")), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(dir, "2026-07")
	_, errOut, code := runCmd(t, "", "report", "../../examples/mall/mall.korto", dir)
	if code != exitOK || !strings.Contains(errOut, "warning: "+sub+" holds answer files but is not read") {
		t.Errorf("exit %d, stderr %q; want a warning naming %s", code, errOut, sub)
	}
	out, errOut, code := runCmd(t, "", "report", "../../examples/mall/mall.korto", dir, sub, "--json")
	if code != exitOK || strings.Contains(errOut, "warning") || !strings.Contains(out, `"n": 2,`) {
		t.Errorf("with the subfolder named: exit %d, stderr %q", code, errOut)
	}
}
