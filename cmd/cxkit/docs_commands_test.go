package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

// The README and the docs show cxkit command lines to paste; a user
// trips on the first one that does not run as written. TestDocsCommands
// runs each of them, in this process, from a folder that has the
// repository's examples/, as a user runs them from the root of a clone:
// the fenced shell blocks (joined at a trailing backslash, comments and
// the optional [--flag] parts left out, FILE read as the mall checklist)
// and the `cxkit ... examples/...` commands inline in the text. Each
// must exit 0, every stage of a pipe included.
//
// What a user brings from elsewhere is put where the docs expect it
// first: the exports of examples/mall/field as the files ODK Central,
// Briefcase and SurveyJS give (mall_korto.csv, instances/, results.jsonl),
// and a workbook `cxkit template` wrote is filled with the recorded
// visits, typed as a manager types them, before the next command reads
// it. Lines that are not cxkit (go, npm, pip, cd) are left to their
// own tools and CI steps.
func TestDocsCommands(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"README.md", "docs/forms.md", "docs/editors.md", "docs/language.md", "docs/retail.md", "docs/comparing.md", "examples/README.md"} {
		t.Run(strings.ReplaceAll(doc, "/", "_"), func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(root, doc))
			if err != nil {
				t.Fatal(err)
			}
			work := t.TempDir()
			prepareDocsWork(t, root, work, text)
			t.Chdir(work)
			lines := docsCommands(text)
			if len(lines) == 0 && doc != "docs/retail.md" && doc != "docs/comparing.md" {
				t.Fatalf("%s shows no cxkit command", doc)
			}
			for _, line := range lines {
				if msg := runLine(line); msg != "" {
					t.Errorf("%s: %s\n%s", doc, line, msg)
					continue
				}
				if m := regexp.MustCompile(`cxkit template .* -o (\S+)`).FindStringSubmatch(line); m != nil {
					fillTemplate(t, m[1], filepath.Join(root, "examples/mall/visits.jsonl"))
				}
			}
		})
	}
}

// runLine runs a command line of the docs as a shell would, in this
// process: cxkit commands joined by |, the last one's output sent to a
// file by >, or cat FILES > FILE. It returns "" when every command
// exits 0, else what went wrong with their standard error.
func runLine(line string) string {
	line, outFile, _ := strings.Cut(line, " > ")
	outFile = strings.TrimSpace(outFile)
	var in []byte
	var errs strings.Builder
	for stage := range strings.SplitSeq(line, " | ") {
		args := strings.Fields(stage)
		if strings.ContainsAny(stage, `"'<>;&$`) || args[0] != "cat" && strings.Contains(stage, "*") {
			return "shell syntax this test does not run: " + stage
		}
		var out bytes.Buffer
		switch args[0] {
		case "cat":
			for _, pattern := range args[1:] {
				files, err := filepath.Glob(pattern)
				if err != nil || len(files) == 0 {
					return fmt.Sprintf("cat: no file matches %s", pattern)
				}
				for _, f := range files {
					data, err := os.ReadFile(f)
					if err != nil {
						return err.Error()
					}
					out.Write(data)
				}
			}
		case "cxkit":
			code := run(&env{stdin: bytes.NewReader(in), stdout: &out, stderr: &errs}, args[1:])
			if code != exitOK {
				return fmt.Sprintf("%s: exit %d\n%s", stage, code, errs.String())
			}
		default:
			return "not a cxkit command: " + stage
		}
		in = out.Bytes()
	}
	if outFile != "" {
		if err := os.WriteFile(outFile, in, 0o644); err != nil {
			return err.Error()
		}
	}
	return ""
}

var (
	fenceRE    = regexp.MustCompile("(?ms)^[ \t]*```([a-z]*)\n(.*?)^[ \t]*```")
	inlineRE   = regexp.MustCompile("`((?:go run ./cmd/)?cxkit [^`]*examples/[^`]*)`")
	optionalRE = regexp.MustCompile(` \[[^\]]*\]`)
	placeRE    = regexp.MustCompile(`\bFILE\b`)
	// placeholderRE finds a placeholder left after FILE is read as the
	// mall checklist: such a line is a diagram, not a command.
	placeholderRE = regexp.MustCompile(`\b[A-Z]{4,}\b`)
)

// docsCommands returns the command lines of a doc to run, in order:
// those of its shell blocks, then those inline in its text.
func docsCommands(text []byte) []string {
	var lines []string
	add := func(line string) {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		line = strings.Join(strings.Fields(line), " ")
		line = strings.ReplaceAll(line, "go run ./cmd/cxkit ", "cxkit ")
		line = optionalRE.ReplaceAllString(line, "")
		line = placeRE.ReplaceAllString(line, "examples/mall/mall.korto")
		first, _, _ := strings.Cut(line, " ")
		switch {
		case first == "cat" && strings.Contains(line, "submission.xml"):
			// gathers the submissions the next command imports
		case first != "cxkit", placeholderRE.MatchString(line):
			return // not cxkit, or a diagram's CHECKLIST
		case strings.HasPrefix(line, "cxkit serve-form"), line == "cxkit lsp":
			return // they serve until stopped
		}
		lines = append(lines, line)
	}
	for _, m := range fenceRE.FindAllSubmatch(text, -1) {
		switch string(m[1]) {
		case "", "sh", "bash", "shell":
		default:
			continue
		}
		body := strings.ReplaceAll(string(m[2]), "\\\n", " ")
		for _, l := range strings.Split(body, "\n") {
			add(strings.TrimSpace(l))
		}
	}
	for _, m := range inlineRE.FindAllSubmatch(text, -1) {
		add(string(m[1]))
	}
	return lines
}

// prepareDocsWork makes work look like the root of a clone to which the
// user has downloaded what the field tools give: examples/ is the
// repository's, and the files the docs import are the samples of
// examples/mall/field under the names the tools give them. The
// checklist of the language reference's first steps is saved as the
// reference says.
func prepareDocsWork(t *testing.T, root, work string, doc []byte) {
	t.Helper()
	if err := os.Symlink(filepath.Join(root, "examples"), filepath.Join(work, "examples")); err != nil {
		t.Fatal(err)
	}
	field := filepath.Join(root, "examples", "mall", "field")
	copyFile(t, filepath.Join(field, "odk", "mall_korto.csv"), filepath.Join(work, "mall_korto.csv"))
	copyFile(t, filepath.Join(field, "surveyjs", "results.jsonl"), filepath.Join(work, "results.jsonl"))
	subs, err := filepath.Glob(filepath.Join(field, "odk", "instances", "*", "submission.xml"))
	if err != nil || len(subs) == 0 {
		t.Fatalf("no sample submissions: %v", err)
	}
	for _, s := range subs {
		copyFile(t, s, filepath.Join(work, "instances", filepath.Base(filepath.Dir(s)), "submission.xml"))
	}
	for _, m := range fenceRE.FindAllSubmatch(doc, -1) {
		if string(m[1]) == "korto" && strings.Contains(string(m[2]), "checklist coffee ") {
			if err := os.WriteFile(filepath.Join(work, "coffee.korto"), m[2], 0o644); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// fillTemplate fills the workbook `cxkit template` wrote with the sheets
// of a JSON Lines file, one row each under the two header rows, as a
// manager types them: the date as an Excel date, numbers as numbers.
func fillTemplate(t *testing.T, path, sheets string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("answers")
	if err != nil || len(rows) < 2 {
		t.Fatalf("%s: no header rows (%v)", path, err)
	}
	in, err := os.Open(sheets)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	sr := korto.NewSheetReader(bufio.NewReader(in))
	for row := 3; ; row++ {
		s, err := sr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for col, id := range rows[0] {
			var v any
			if a, ok := s.Audit[id]; ok {
				v = a
				if d, err := time.Parse(time.DateOnly, a); id == "date" && err == nil {
					v = d
				}
			} else if a, ok := s.Answers[id]; ok {
				if a.Type == korto.AnswerNumber {
					v = a.Number
				} else {
					v = a.String
				}
			} else {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(col+1, row)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue("answers", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
