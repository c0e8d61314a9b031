package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/internal/atomicfile"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&command{
		name:    "form",
		usage:   "form FILE --to TARGET [--lang L] [-o OUT]",
		summary: "the checklist as a form for another tool (SurveyJS, ...)",
		run:     runForm,
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
		return formJSONDoc(s)
	}},
	"xlsform": {binary: true, write: forms.XLSForm},
	"xform":   {write: forms.XForm},
}

func formTargetNames() string {
	names := make([]string, 0, len(formTargets))
	for n := range formTargets {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// formJSONDoc is a JSON form as cxkit prints its documents.
func formJSONDoc(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	return unescapeHTMLInJSON(b.Bytes()), nil
}

func runForm(e *env, args []string) int {
	c := commands["form"]
	fs := newFlags(e, c)
	to := fs.String("to", "", "`TARGET` form: "+formTargetNames())
	lang := fs.String("lang", "", "language `L` the form starts in, e.g. en (default: the checklist's own)")
	out := fs.String("o", "", "write the form to `OUT` instead of standard output")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(e, c, "want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
	}
	t, ok := formTargets[strings.ToLower(*to)]
	if !ok {
		if *to == "" {
			return usageError(e, c, "--to is required (one of %s)", formTargetNames())
		}
		return usageError(e, c, "unknown --to %q (want one of %s)", *to, formTargetNames())
	}
	if t.binary && *out == "" {
		return usageError(e, c, "--to %s writes a binary file: give it with -o OUT", *to)
	}
	cl, code := loadChecklist(e, "form", pos[0])
	if cl == nil {
		return code
	}
	*lang = resolveLang(e, "form", cl, *lang)
	doc, err := t.write(cl, forms.Options{Lang: *lang})
	if err != nil {
		if ds := korto.AsDiagnostics(err); ds != nil {
			for _, d := range ds {
				fmt.Fprintf(e.stderr, "cxkit form: %s\n", d.Error())
			}
		} else {
			fmt.Fprintf(e.stderr, "cxkit form: %v\n", err)
		}
		return exitInput
	}
	if *out == "" {
		if _, err := e.stdout.Write(doc); err != nil {
			fmt.Fprintf(e.stderr, "cxkit form: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	if err := atomicfile.WriteFile(*out, doc, 0o644); err != nil {
		fmt.Fprintf(e.stderr, "cxkit form: %v\n", err)
		return exitInput
	}
	return exitOK
}
