package main

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&Command{
		Name:      "schema",
		UsageLine: "schema FILE [--draft 2020-12|07] [--choices enum|const] [--ui [jsonforms]] [--lang L] [--id URI]\n       cxkit schema --types [checklist|answers|result] [--draft 2020-12|07]",
		Short:     "JSON Schema of a checklist's answer sheet for form builders, or of cxkit's own documents",
		Flags:     schemaFlags,
		Args:      joinUIFlag,
	})
}

func schemaFlags(fs *flag.FlagSet) Run {
	draftName := fs.String("draft", "2020-12", "JSON Schema `DRAFT`: 2020-12, or 07 for react-jsonschema-form and JSON Forms")
	ui := new(uiFlag)
	fs.Var(ui, "ui", "print the react-jsonschema-form uiSchema instead of the schema; --ui jsonforms prints the JSON Forms UI schema")
	lang := fs.String("lang", "", "language `L` of titles and hints, e.g. en (default: the checklist's own)")
	id := fs.String("id", "", "`URI` to set as the schema's $id")
	types := fs.Bool("types", false, "print the schemas of cxkit's own JSON documents")
	choices := fs.String("choices", "", "`SHAPE` of named answers: const, a oneOf of {const, title} (default with --draft 2020-12; JSON Forms labels it with the titles), or enum (default with --draft 07, for react-jsonschema-form, which would pre-answer a const)")
	return func(_ context.Context, e *env, pos []string) error {
		draft, err := korto.ParseDraft(*draftName)
		if err != nil {
			return usagef("%v", err)
		}
		if *choices != "" && *choices != "enum" && *choices != "const" {
			return usagef("--choices %q: want enum or const", *choices)
		}
		if *choices == "const" && (*types || *ui != "") {
			return usagef("--choices shapes a checklist's schema, not --types or --ui")
		}
		if *choices == "" {
			// cli.md gives choices as a oneOf of {const, title}; stock
			// react-jsonschema-form would take the first const as a
			// default and pre-answer the form (docs/forms.md), and it
			// reads draft-07 only. So the draft-07 schema keeps the enum
			// and the 2020-12 one, which no stock renderer reads, follows
			// the contract.
			*choices = "const"
			if draft == korto.Draft07 {
				*choices = "enum"
			}
		}
		if err := korto.CheckSchemaID(*id); err != nil {
			return usagef("--id %v", err)
		}
		if *types {
			if *ui != "" || *lang != "" || *id != "" {
				return usagef("--types takes no --ui, --lang or --id")
			}
			if len(pos) > 1 {
				return usagef("--types takes at most one document name")
			}
			out := korto.DocumentSchemas(draft)
			var v any = out
			if len(pos) == 1 {
				s, ok := out[pos[0]]
				if !ok {
					return usagef("unknown document %q (want %s)", pos[0], strings.Join(slices.Sorted(maps.Keys(out)), ", "))
				}
				v = s
			}
			return writeSchemaJSON(e, v)
		}
		if len(pos) != 1 {
			return usagef("want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
		}
		cl, src, err := loadChecklistSource(e, pos[0])
		if err != nil {
			return err
		}
		*lang = resolveLang(e, cl, *lang)
		opts := korto.SchemaOptions{Draft: draft, Lang: *lang, ID: *id, ConstChoices: *choices == "const"}
		var v any
		switch *ui {
		case uiRJSF:
			v, err = korto.NewUISchema(cl, opts)
		case uiJSONForms:
			v, err = forms.JSONFormsUISchema(cl, forms.Options{Lang: *lang})
		default:
			v, err = korto.AnswerSchema(cl, opts)
		}
		if err != nil {
			return checklistError(inputName(pos[0]), src, err)
		}
		return writeSchemaJSON(e, v)
	}
}

func writeSchemaJSON(e *env, v any) error {
	doc, err := jsonout.Marshal(v)
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(doc)
	return err
}

// uiFlag is --ui: alone it asks for the react-jsonschema-form uiSchema,
// --ui jsonforms for the JSON Forms UI schema.
type uiFlag string

const (
	uiRJSF      uiFlag = "rjsf"
	uiJSONForms uiFlag = "jsonforms"
)

func (f *uiFlag) String() string   { return string(*f) }
func (f *uiFlag) IsBoolFlag() bool { return true }

func (f *uiFlag) Set(s string) error {
	switch strings.ToLower(s) {
	case "true", "rjsf":
		*f = uiRJSF
	case "false":
		*f = ""
	case "jsonforms":
		*f = uiJSONForms
	default:
		return fmt.Errorf("want --ui alone (react-jsonschema-form) or --ui jsonforms, not %q", s)
	}
	return nil
}

// joinUIFlag turns "--ui jsonforms" into "--ui=jsonforms": --ui alone is
// a switch, so the flag package would take the word after it for a file.
func joinUIFlag(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if (a == "--ui" || a == "-ui") && i+1 < len(args) {
			switch strings.ToLower(args[i+1]) {
			case "jsonforms", "rjsf":
				out = append(out, a+"="+args[i+1])
				i++
				continue
			}
		}
		out = append(out, a)
	}
	return out
}
