package main

import (
	"fmt"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/internal/atomicfile"
)

func init() {
	register(&command{
		name:    "template",
		usage:   "template FILE -o VISITS.xlsx [--lang L]",
		summary: "an Excel workbook to fill audits in, which cxkit import reads back",
		run:     runTemplate,
	})
}

func runTemplate(e *env, args []string) int {
	c := commands["template"]
	fs := newFlags(e, c)
	out := fs.String("o", "", "write the workbook to `VISITS.xlsx`")
	lang := fs.String("lang", "", "language `L` of the workbook's texts, e.g. en (default: the checklist's own)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	switch {
	case len(pos) != 1:
		return usageError(e, c, "want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
	case *out == "" || *out == "-":
		return usageError(e, c, "a workbook is a binary file: name it with -o VISITS.xlsx")
	}
	cl, code := loadChecklist(e, "template", pos[0])
	if cl == nil {
		return code
	}
	*lang = resolveLang(e, "template", cl, *lang)
	doc, err := forms.Template(cl, forms.Options{Lang: *lang})
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit template: %v\n", err)
		return exitInput
	}
	if err := atomicfile.WriteFile(*out, doc, 0o644); err != nil {
		fmt.Fprintf(e.stderr, "cxkit template: %v\n", err)
		return exitInput
	}
	return exitOK
}
