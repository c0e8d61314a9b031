package main

import (
	"context"
	"fmt"

	"github.com/cxkit/cxkit/lsp"
)

func init() {
	register(&command{
		name:    "lsp",
		usage:   "lsp",
		summary: "run the .korto language server on standard input and output, for editors (see docs/editors.md)",
		run:     runLSP,
	})
}

func runLSP(e *env, args []string) int {
	c := commands["lsp"]
	fs := newFlags(e, c)
	// Editors start language servers with --stdio; it is the only way
	// this one talks, so the flag is accepted and changes nothing.
	fs.Bool("stdio", true, "talk on standard input and output (the default, and the only way)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(rest) > 0 {
		return usageError(e, c, "lsp takes no arguments")
	}
	if err := lsp.ServeStdio(context.Background(), e.stdin, e.stdout); err != nil {
		fmt.Fprintf(e.stderr, "cxkit lsp: %v\n", err)
		return exitInput
	}
	return exitOK
}
