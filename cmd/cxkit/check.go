package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&command{
		name:    "check",
		usage:   "check [--json] FILE...",
		summary: "parse and validate checklists, showing every problem with its line",
		run:     runCheck,
	})
}

// checkProblem is one diagnostic in check's --json output.
type checkProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

func runCheck(e *env, args []string) int {
	c := commands["check"]
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "print the problems as JSON on stdout")
	files, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(files) == 0 {
		return usageError(e, c, "no files to check")
	}
	code := exitOK
	problems := []checkProblem{}
	for _, name := range files {
		src, err := readInput(e, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "cxkit check: %v\n", err)
			code = exitInput
			continue
		}
		display := checklistName(name)
		_, diags, src := checkChecklistFile(name, src)
		if diags.HasErrors() {
			code = exitInput
		}
		if *asJSON {
			for _, d := range diags {
				problems = append(problems, checkProblem{
					File: display, Line: d.Pos.Line, Column: d.Pos.Column, Severity: d.Severity.String(),
					Code: d.Code, Message: d.Message, Hint: d.Hint,
				})
			}
			continue
		}
		if err := dsl.Render(e.stderr, diags, src); err != nil {
			fmt.Fprintf(e.stderr, "cxkit check: %v\n", err)
			return exitInput
		}
		fmt.Fprintf(e.stdout, "%s: %s\n", display, checkSummary(diags))
	}
	if *asJSON {
		if err := writeJSON(e.stdout, problems); err != nil {
			fmt.Fprintf(e.stderr, "cxkit check: %v\n", err)
			return exitInput
		}
	}
	return code
}

// checkChecklistFile parses and validates the checklist file name holds:
// its .korto source or, for a .json name, the JSON form export prints,
// as every command that loads a checklist reads it (see loadChecklist).
// It returns every problem, warnings too, and the source the
// diagnostics point into, for Render: nil for a decoded JSON checklist,
// whose rule diagnostics point into the model. The checklist is nil
// when it has errors.
func checkChecklistFile(name string, src []byte) (*korto.Checklist, korto.Diagnostics, []byte) {
	display := checklistName(name)
	if !strings.EqualFold(filepath.Ext(name), ".json") {
		c, diags := dsl.ParseWithDiagnostics(display, src)
		return c, diags, src
	}
	c, err := korto.DecodeChecklist(src)
	var diags korto.Diagnostics
	if err != nil {
		if diags = korto.AsDiagnostics(err); diags == nil { // placed in src
			diags = korto.Diagnostics{{Severity: korto.SeverityError, Code: "syntax", Message: err.Error()}}
		}
	} else {
		diags = c.Validate()
		src = nil // these point into the model, not the bytes
	}
	for _, d := range diags {
		d.Pos.File = display
	}
	if diags.HasErrors() {
		c = nil
	}
	return c, diags, src
}

// checklistName is how a file argument is named in messages.
func checklistName(arg string) string {
	if arg == "-" {
		return "<stdin>"
	}
	return arg
}

// checkSummary says "ok", "ok, 1 warning" or "2 errors, 1 warning".
func checkSummary(diags korto.Diagnostics) string {
	errs, warns := 0, 0
	for _, d := range diags {
		if d.Severity == korto.SeverityWarning {
			warns++
		} else {
			errs++
		}
	}
	count := func(n int, what string) string {
		if n == 1 {
			return "1 " + what
		}
		return fmt.Sprintf("%d %ss", n, what)
	}
	switch {
	case errs == 0 && warns == 0:
		return "ok"
	case errs == 0:
		return "ok, " + count(warns, "warning")
	case warns == 0:
		return count(errs, "error")
	}
	return count(errs, "error") + ", " + count(warns, "warning")
}
