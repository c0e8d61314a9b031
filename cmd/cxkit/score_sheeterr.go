package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// sheetErrorLine formats a problem of the answer sheet in the file name
// for stderr. A syntax error reads "name:line:col: msg", as checklist
// diagnostics do; any other problem "name: /answers/x: msg", or, for the
// sheet that starts at line (> 0) of a file of many,
// "name:line: /answers/x: msg".
func sheetErrorLine(name string, line int, ae *korto.AnswerError) string {
	switch {
	case ae.Line > 0:
		return name + ":" + ae.Error()
	case line > 0:
		return fmt.Sprintf("%s:%d: %s", name, line, ae.Error())
	}
	return name + ": " + ae.Error()
}

// printSheetErrors prints the problems of the answer sheet src, read from
// the file name, one a line. A syntax error is followed by its line of
// src and a caret under the mistake, as checklist diagnostics are.
func printSheetErrors(w io.Writer, name string, es korto.AnswerErrors, src []byte) error {
	src = bytes.TrimPrefix(src, []byte("\ufeff")) // as the reader does
	for _, ae := range es {
		if ae.Line == 0 {
			if _, err := fmt.Fprintln(w, sheetErrorLine(name, 0, ae)); err != nil {
				return err
			}
			continue
		}
		d := &korto.Diagnostic{
			Pos:      korto.Pos{File: name, Line: ae.Line, Column: ae.Column, Offset: ae.Offset},
			Severity: ae.Severity,
			Code:     ae.Code,
			Message:  strings.TrimPrefix(ae.Error(), fmt.Sprintf("%d:%d: ", ae.Line, ae.Column)),
		}
		if err := dsl.Render(w, korto.Diagnostics{d}, src); err != nil {
			return err
		}
	}
	return nil
}
