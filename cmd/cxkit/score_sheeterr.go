package main

import (
	"fmt"
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/textenc"
)

// sheetErrorLine formats a problem of the answer sheet in the file name
// for stderr: "name:line:col: msg" for a syntax error, as checklist
// diagnostics are, "name: /answers/x: msg" for any other, and
// "name:line: /answers/x: msg" for the sheet that starts at line (> 0) of
// a file of many.
func sheetErrorLine(name string, line int, ae *diag.Diagnostic) string {
	return diag.List{ae}.InFile(name, line)[0].Error()
}

// maxListedProblems bounds the problems listed for one answer sheet; the
// rest are counted. A sheet of 48k unknown keys printed 48k lines (and
// serve-form replied with 22 MB), which helps nobody fix it: the first
// hundred show what is wrong.
const maxListedProblems = 100

// listedProblems returns the problems of es to list and how many are left
// out.
func listedProblems(es diag.List) (diag.List, int) {
	if len(es) <= maxListedProblems {
		return es, 0
	}
	return es[:maxListedProblems], len(es) - maxListedProblems
}

// moreProblemsLine is the line that ends a cut list: "name: and 47900
// more problems ...", with line (> 0) for a sheet of a file of many.
func moreProblemsLine(name string, line, more int) string {
	if line > 0 {
		name = fmt.Sprintf("%s:%d", name, line)
	}
	return fmt.Sprintf("%s: and %s (only the first %d are listed)",
		name, plural(more, "more problem", "more problems"), maxListedProblems)
}

// printSheetErrors prints the problems of the answer sheet src, read from
// the file name, one a line, at most maxListedProblems of them. A syntax
// error is followed by its line of src and a caret under the mistake, as
// checklist diagnostics are.
func printSheetErrors(w io.Writer, name string, es diag.List, src []byte) error {
	src = textenc.TrimBOM(src) // as the reader does
	es, more := listedProblems(es)
	if err := diag.Render(w, es.InFile(name, 0), src); err != nil {
		return err
	}
	if more > 0 {
		_, err := fmt.Fprintln(w, moreProblemsLine(name, 0, more))
		return err
	}
	return nil
}
