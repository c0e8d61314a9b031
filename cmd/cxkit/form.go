package main

import (
	"context"
	"flag"
	"maps"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/internal/atomicfile"
	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&Command{
		Name:      "form",
		UsageLine: "form FILE --to surveyjs|xlsform|xform|jsonschema [--lang L] [-o OUT]",
		Short:     "the checklist as a form for field and web tools: XLSForm (ODK, KoboToolbox), ODK XForm, SurveyJS, JSON Schema",
		Flags:     formFlags,
	})
}

// formTarget writes the form of one target. Each target is one library
// call; binary targets write to out themselves.
type formTarget struct {
	binary bool // needs -o: the form is not text
	write  func(c *korto.Checklist, opts forms.Options) ([]byte, error)
}

// formTargets are the targets of cxkit form by --to name.
var formTargets = map[string]formTarget{
	"surveyjs": {write: func(c *korto.Checklist, opts forms.Options) ([]byte, error) {
		s, err := forms.SurveyJSSurvey(c, opts)
		if err != nil {
			return nil, err
		}
		return jsonout.Marshal(s)
	}},
	"xlsform": {binary: true, write: forms.XLSForm},
	"xform":   {write: forms.XForm},
	// jsonschema is what "cxkit schema FILE" prints (2020-12), so that
	// every form a checklist becomes is one --to away.
	"jsonschema": {write: func(c *korto.Checklist, opts forms.Options) ([]byte, error) {
		s, err := korto.AnswerSchema(c, korto.SchemaOptions{Lang: opts.Lang, ConstChoices: true})
		if err != nil {
			return nil, err
		}
		return jsonout.Marshal(s)
	}},
}

func formTargetNames() string {
	names := slices.Sorted(maps.Keys(formTargets))
	return strings.Join(names, ", ")
}

func formFlags(fs *flag.FlagSet) Run {
	to := fs.String("to", "", "`TARGET` form: "+formTargetNames())
	lang := fs.String("lang", "", "language `L` the form starts in, e.g. en (default: the checklist's own)")
	out := fs.String("o", "", "write the form to `OUT` instead of standard output (- is standard output)")
	return func(_ context.Context, e *env, pos []string) error {
		if len(pos) != 1 {
			return usagef("want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
		}
		t, ok := formTargets[strings.ToLower(*to)]
		if !ok {
			if *to == "" {
				return usagef("--to is required (one of %s)", formTargetNames())
			}
			return usagef("unknown --to %q (want one of %s)", *to, formTargetNames())
		}
		// "-o -" is standard output, as "-" is standard input everywhere:
		// never a file named "-". A workbook is not text to print.
		if t.binary && (*out == "" || *out == "-") {
			return usagef("--to %s writes a binary file: give it with -o OUT", *to)
		}
		cl, src, err := loadChecklistSource(e, pos[0])
		if err != nil {
			return err
		}
		doc, err := t.write(cl, forms.Options{Lang: resolveLang(e, cl, *lang)})
		if err != nil {
			return checklistError(inputName(pos[0]), src, err)
		}
		if *out == "" || *out == "-" {
			_, err := e.stdout.Write(doc)
			return err
		}
		return atomicfile.WriteFile(*out, doc, 0o644)
	}
}
