package main

import (
	"fmt"

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
	if stdinTwice(files...) {
		return usageError(e, c, "- names standard input, which can be read only once")
	}
	code := exitOK
	problems := []checkProblem{}
	for _, name := range files {
		src, err := readChecklistInput(e, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "cxkit check: %v\n", err)
			code = exitInput
			continue
		}
		display := inputName(name)
		_, diags, src := readChecklist(name, src)
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
		// The summary is a diagnostic too: "check f > out.txt" must not
		// split it from the problems it counts.
		fmt.Fprintf(e.stderr, "%s: %s\n", display, checkSummary(diags))
	}
	if *asJSON {
		if err := writeJSON(e.stdout, problems); err != nil {
			fmt.Fprintf(e.stderr, "cxkit check: %v\n", err)
			return exitInput
		}
	}
	return code
}

// inputName is how a file argument is named in messages: "<stdin>" for
// "-", the path otherwise.
func inputName(arg string) string {
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
