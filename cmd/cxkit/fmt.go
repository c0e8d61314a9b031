package main

import (
	"bytes"
	"fmt"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/atomicfile"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&command{
		name:    "fmt",
		usage:   "fmt [-w] [-d] FILE...",
		summary: "format checklists in the canonical layout (print, write back, or diff); a .json checklist prints as .korto",
		run:     runFmt,
	})
}

func runFmt(e *env, args []string) int {
	c := commands["fmt"]
	fs := newFlags(e, c)
	write := fs.Bool("w", false, "write the result back to the file instead of printing it")
	diff := fs.Bool("d", false, "print a unified diff of the changes and exit 1 when a file is not formatted")
	files, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(files) == 0 {
		return usageError(e, c, "no files to format")
	}
	if stdinTwice(files...) {
		return usageError(e, c, "- names standard input, which can be read only once")
	}
	code := exitOK
	for _, name := range files {
		if *write && name == "-" {
			return usageError(e, c, "cannot write standard input back; drop -w")
		}
		src, err := readChecklistInput(e, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "cxkit fmt: %v\n", err)
			code = exitInput
			continue
		}
		display := inputName(name)
		if isJSONChecklist(name, src) {
			// The JSON form (cxkit export) printed as .korto source: the
			// way back from a pipeline to a file people edit.
			if *write || *diff {
				return usageError(e, c, "%s is a JSON checklist: fmt prints it as .korto source, which -w and -d cannot compare with the JSON; redirect instead: cxkit fmt %s > checklist.korto", display, name)
			}
			if !fmtJSONChecklist(e, name, src) {
				code = exitInput
			}
			continue
		}
		out, err := dsl.Format(src)
		if err != nil {
			diags := korto.AsDiagnostics(err)
			for _, d := range diags {
				d.Pos.File = display
			}
			if rerr := dsl.Render(e.stderr, diags, src); rerr != nil || len(diags) == 0 {
				fmt.Fprintf(e.stderr, "cxkit fmt: %s: %v\n", display, err)
			}
			code = exitInput
			continue
		}
		changed := !bytes.Equal(src, out)
		if *diff && changed {
			writeUnifiedDiff(e.stdout, display, src, out)
			code = exitInput
		}
		if *write {
			if changed {
				if err := atomicfile.WriteFile(name, out, 0o644); err != nil {
					fmt.Fprintf(e.stderr, "cxkit fmt: %v\n", err)
					code = exitInput
				}
			}
			continue
		}
		if !*diff {
			e.stdout.Write(out)
		}
	}
	return code
}

// fmtJSONChecklist prints the JSON checklist src as canonical .korto
// source, or its problems; it reports whether it printed.
func fmtJSONChecklist(e *env, name string, src []byte) bool {
	c, diags, checked := readChecklist(name, src)
	if c == nil {
		if err := dsl.Render(e.stderr, diags, checked); err != nil {
			fmt.Fprintf(e.stderr, "cxkit fmt: %v\n", err)
		}
		return false
	}
	if err := dsl.Print(e.stdout, c); err != nil {
		fmt.Fprintf(e.stderr, "cxkit fmt: %s: %v\n", inputName(name), err)
		return false
	}
	return true
}
