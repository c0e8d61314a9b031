package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report/render"
)

func init() {
	register(&Command{
		Name:      "score",
		UsageLine: "score FILE ANSWERS.json [--json] [--html OUT.html] [--lang L]",
		Short:     "score one audit: overall, levels, sections, reached level, what to fix first",
		Flags:     scoreFlags,
	})
}

func scoreFlags(fs *flag.FlagSet) Run {
	asJSON := fs.Bool("json", false, "print the result as JSON")
	htmlOut := fs.String("html", "", "also write a self-contained HTML page to `OUT.html`")
	lang := fs.String("lang", "", "language `L` of the checklist's texts, e.g. en (default: the checklist's own)")
	return func(_ context.Context, e *env, pos []string) error {
		if len(pos) != 2 {
			return usagef("want a checklist and one answer sheet, got %s", plural(len(pos), "argument", "arguments"))
		}
		if *htmlOut == "-" {
			return usagef("--html -: standard output carries the report; name a file for the page, e.g. --html out.html")
		}
		if pos[0] == "-" && pos[1] == "-" {
			return usagef("only one of the checklist and the answer sheet can be standard input")
		}
		cl, clSrc, err := loadChecklistSource(e, pos[0])
		if err != nil {
			return err
		}
		*lang = resolveLang(e, cl, *lang)
		plan, err := korto.Compile(cl)
		if err != nil {
			return checklistError(inputName(pos[0]), clSrc, err)
		}
		// Read whole, to show the line of a syntax error; an error names the
		// file.
		src, err := readInputMax(e, pos[1], korto.MaxSheetSize)
		where := inputName(pos[1]) // "<stdin>" for "-", as check and report say
		if err != nil {
			return err
		}
		sheet, err := plan.ReadAnswers(bytes.NewReader(src))
		if sheet != nil {
			for _, w := range sheet.Warnings {
				fmt.Fprintln(e.stderr, sheetErrorLine(where, 0, w))
			}
		}
		if err != nil {
			if es := diag.As(err); es != nil {
				if err := printSheetErrors(e.stderr, where, es, src); err != nil {
					return err
				}
				return errPrinted
			}
			return fmt.Errorf("%s: %w", where, err)
		}
		r, err := plan.ScoreWith(sheet, korto.ScoreOptions{Lang: *lang})
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		ropt := render.Options{Lang: *lang}
		if *htmlOut != "" {
			err := writeHTMLFile(*htmlOut, func(w io.Writer) error { return render.ScoreHTML(w, plan, sheet, &r, ropt) })
			if err != nil {
				return err
			}
		}
		if *asJSON {
			return writeJSON(e.stdout, r)
		}
		return render.ScoreText(e.stdout, plan, sheet, &r, ropt)
	}
}
