package main

import (
	"context"
	"flag"

	"github.com/cxkit/cxkit/lsp"
)

func init() {
	register(&Command{
		Name:      "lsp",
		UsageLine: "lsp",
		Short:     "run the .korto language server on standard input and output, for editors (see docs/editors.md)",
		Flags:     lspFlags,
	})
}

func lspFlags(fs *flag.FlagSet) Run {
	// Editors start language servers with --stdio; it is the only way
	// this one talks, so the flag is accepted and changes nothing.
	fs.Bool("stdio", false, "accepted for editors that pass it; the server always talks on standard input and output")
	return func(ctx context.Context, e *env, rest []string) error {
		if len(rest) > 0 {
			return usagef("lsp takes no arguments")
		}
		return lsp.ServeStdio(ctx, e.stdin, e.stdout)
	}
}
