package main

import (
	"context"
	"flag"

	"github.com/cxkit/cxkit/dsl"
)

func init() {
	register(&Command{
		Name:      "export",
		UsageLine: "export FILE",
		Short:     "print a checklist's JSON form, for tools that do not parse .korto",
		Flags:     exportFlags,
	})
}

func exportFlags(fs *flag.FlagSet) Run {
	return func(_ context.Context, e *env, files []string) error {
		if len(files) != 1 {
			return usagef("want exactly one checklist file")
		}
		src, err := readChecklistInput(e, files[0])
		if err != nil {
			return err
		}
		cl, diags := dsl.ReadChecklist(inputName(files[0]), src)
		if len(diags) > 0 {
			// Warnings too: export prints them, unlike the other commands.
			e.report(&sourceError{diags, src})
		}
		if diags.HasErrors() || cl == nil {
			return errPrinted
		}
		return writeJSON(e.stdout, cl)
	}
}
