package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/atomicfile"
	"github.com/cxkit/cxkit/internal/udiff"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&Command{
		Name:      "fmt",
		UsageLine: "fmt [-w] [-d] FILE...",
		Short:     "format checklists in the canonical layout (print, write back, or diff); a .json checklist prints as .korto",
		Flags:     fmtFlags,
	})
}

func fmtFlags(fs *flag.FlagSet) Run {
	write := fs.Bool("w", false, "write the result back to the file instead of printing it")
	diff := fs.Bool("d", false, "print a unified diff of the changes and exit 1 when a file is not formatted")
	return func(_ context.Context, e *env, files []string) error {
		if len(files) == 0 {
			return usagef("no files to format")
		}
		if stdinTwice(files...) {
			return usagef("- names standard input, which can be read only once")
		}
		for _, name := range files {
			if *write && name == "-" {
				return usagef("cannot write standard input back; drop -w")
			}
			src, err := readChecklistInput(e, name)
			if err != nil {
				e.report(err)
				continue
			}
			display := inputName(name)
			if dsl.IsJSON(display, src) {
				// The JSON form (cxkit export) printed as .korto source: the
				// way back from a pipeline to a file people edit.
				if *write || *diff {
					return usagef("%s is a JSON checklist: fmt prints it as .korto source, which -w and -d cannot compare with the JSON; redirect instead: cxkit fmt %s > checklist.korto", display, name)
				}
				e.report(fmtJSONChecklist(e, name, src))
				continue
			}
			out, err := dsl.Format(src)
			if err != nil {
				diags := korto.AsDiagnostics(err)
				if len(diags) == 0 {
					e.report(fmt.Errorf("%s: %w", display, err))
					continue
				}
				for _, d := range diags {
					d.Pos.File = display
				}
				e.report(&sourceError{diags, src})
				continue
			}
			changed := !bytes.Equal(src, out)
			if *diff && changed {
				udiff.Write(e.stdout, display, display+" (formatted)", src, out)
				e.report(errPrinted)
			}
			if *write {
				if changed {
					if err := atomicfile.WriteFile(name, out, 0o644); err != nil {
						e.report(err)
					}
				}
				continue
			}
			if !*diff {
				e.stdout.Write(out)
			}
		}
		return nil
	}
}

// fmtJSONChecklist prints the JSON checklist src as canonical .korto
// source, or returns its problems.
func fmtJSONChecklist(e *env, name string, src []byte) error {
	c, diags := dsl.ReadChecklist(inputName(name), src)
	if c == nil {
		return &sourceError{diags, src}
	}
	if err := dsl.Print(e.stdout, c); err != nil {
		return fmt.Errorf("%s: %w", inputName(name), err)
	}
	return nil
}
