package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&command{
		name:    "fmt",
		usage:   "fmt [-w] [-d] FILE...",
		summary: "format checklists in the canonical layout (print, write back, or diff)",
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
		src, err := readInput(e, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "cxkit fmt: %v\n", err)
			code = exitInput
			continue
		}
		display := inputName(name)
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
				if err := writeFileKeepMode(name, out); err != nil {
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

// writeFileKeepMode replaces a file's content, keeping its permissions.
func writeFileKeepMode(name string, data []byte) error {
	fi, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, data, fi.Mode().Perm())
}
