package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&Command{
		Name:      "check",
		UsageLine: "check [--json] FILE...",
		Short:     "parse and validate checklists, showing every problem with its line",
		Flags:     checkFlags,
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

func checkFlags(fs *flag.FlagSet) Run {
	asJSON := fs.Bool("json", false, "print the problems as JSON on stdout")
	return func(_ context.Context, e *env, files []string) error {
		if len(files) == 0 {
			return usagef("no files to check")
		}
		if stdinTwice(files...) {
			return usagef("- names standard input, which can be read only once")
		}
		problems := []checkProblem{}
		for _, name := range files {
			src, err := readChecklistInput(e, name)
			if err != nil {
				e.report(err)
				continue
			}
			display := inputName(name)
			_, diags := dsl.ReadChecklist(display, src)
			if *asJSON {
				if diags.HasErrors() {
					e.report(errPrinted)
				}
				for _, d := range diags {
					problems = append(problems, checkProblem{
						File: display, Line: d.Pos.Line, Column: d.Pos.Column, Severity: d.Severity.String(),
						Code: d.Code, Message: d.Message, Hint: d.Hint,
					})
				}
				continue
			}
			if len(diags) > 0 {
				e.report(&sourceError{diags, src})
			}
			// The summary is a diagnostic too: "check f > out.txt" must not
			// split it from the problems it counts.
			fmt.Fprintf(e.stderr, "%s: %s\n", display, checkSummary(diags))
		}
		if *asJSON {
			return writeJSON(e.stdout, problems)
		}
		return nil
	}
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
