package main

import (
	"fmt"

	"github.com/cxkit/cxkit/dsl"
)

func init() {
	register(&command{
		name:    "export",
		usage:   "export FILE",
		summary: "print a checklist's JSON form, for tools that do not parse .korto",
		run:     runExport,
	})
}

func runExport(e *env, args []string) int {
	c := commands["export"]
	fs := newFlags(e, c)
	files, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(files) != 1 {
		return usageError(e, c, "want exactly one checklist file")
	}
	src, err := readChecklistInput(e, files[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit export: %v\n", err)
		return exitInput
	}
	cl, diags, src := readChecklist(files[0], src)
	if err := dsl.Render(e.stderr, diags, src); err != nil {
		fmt.Fprintf(e.stderr, "cxkit export: %v\n", err)
		return exitInput
	}
	if diags.HasErrors() || cl == nil {
		return exitInput
	}
	if err := writeJSON(e.stdout, cl); err != nil {
		fmt.Fprintf(e.stderr, "cxkit export: %v\n", err)
		return exitInput
	}
	return exitOK
}
