package main

import (
	"context"
	"flag"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/internal/atomicfile"
)

func init() {
	register(&Command{
		Name:      "template",
		UsageLine: "template FILE -o VISITS.xlsx [--lang L]",
		Short:     "an Excel workbook to fill audits in, which cxkit import reads back",
		Flags:     templateFlags,
	})
}

func templateFlags(fs *flag.FlagSet) Run {
	out := fs.String("o", "", "write the workbook to `VISITS.xlsx`")
	lang := fs.String("lang", "", "language `L` of the workbook's texts, e.g. en (default: the checklist's own)")
	return func(_ context.Context, e *env, pos []string) error {
		switch {
		case len(pos) != 1:
			return usagef("want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
		case *out == "" || *out == "-":
			return usagef("a workbook is a binary file: name it with -o VISITS.xlsx")
		}
		cl, err := loadChecklist(e, pos[0])
		if err != nil {
			return err
		}
		doc, err := forms.Template(cl, forms.Options{Lang: resolveLang(e, cl, *lang)})
		if err != nil {
			return err
		}
		return atomicfile.WriteFile(*out, doc, 0o644)
	}
}
