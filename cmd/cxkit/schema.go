package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"sort"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
)

func init() {
	register(&Command{
		Name:      "schema",
		UsageLine: "schema FILE [--draft 2020-12|07] [--ui [jsonforms]] [--lang L] [--id URI]\n       cxkit schema --types [checklist|answers|result] [--draft 2020-12|07]",
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
	return func(_ context.Context, e *env, pos []string) error {
		draft, err := korto.ParseDraft(*draftName)
		if err != nil {
			return usagef("%v", err)
		}
		if *id != "" {
			// The root $id is a URI without a fragment (JSON Schema 2020-12
			// section 8.2.1; in draft-07 a fragment would name a subschema).
			u, err := url.Parse(*id)
			if err != nil {
				return usagef("--id %q is not a URI: %v", *id, errors.Unwrap(err))
			}
			if u.Fragment != "" {
				return usagef("--id %q: a schema's $id has no #fragment", *id)
			}
		}
		if *types {
			if *ui != "" || *lang != "" || *id != "" {
				return usagef("--types takes no --ui, --lang or --id")
			}
			if len(pos) > 1 {
				return usagef("--types takes at most one document name")
			}
			out, err := documentSchemas(draft)
			if err != nil {
				return err
			}
			var v any = out
			if len(pos) == 1 {
				s, ok := out[pos[0]]
				if !ok {
					return usagef("unknown document %q (want %s)", pos[0], strings.Join(sortedDocNames(out), ", "))
				}
				v = s
			}
			return writeSchemaJSON(e, v)
		}
		if len(pos) != 1 {
			return usagef("want one checklist FILE, got %s", plural(len(pos), "argument", "arguments"))
		}
		cl, err := loadChecklist(e, pos[0])
		if err != nil {
			return err
		}
		*lang = resolveLang(e, cl, *lang)
		opts := korto.SchemaOptions{Draft: draft, Lang: *lang, ID: *id}
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
			return eachDiagnostic(err)
		}
		return writeSchemaJSON(e, v)
	}
}

func writeSchemaJSON(e *env, v any) error {
	doc, err := schemaJSON(v)
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(doc)
	return err
}

// schemaJSON is writeJSON for schemas: the schema library marshals its
// extension keywords with encoding/json's HTML escaping, which the
// encoder writeJSON sets up does not undo, so "<= 5" came out as
// "\u003c= 5". It undoes those three escapes.
func schemaJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	return unescapeHTMLInJSON(b.Bytes()), nil
}

// unescapeHTMLInJSON turns \u003c, \u003e and \u0026 in JSON text back
// into <, > and &. It walks escapes in pairs, so an escaped backslash
// followed by "u003c" is left alone.
func unescapeHTMLInJSON(doc []byte) []byte {
	if !bytes.Contains(doc, []byte(`\u00`)) {
		return doc
	}
	out := make([]byte, 0, len(doc))
	for i := 0; i < len(doc); i++ {
		c := doc[i]
		if c != '\\' || i+1 >= len(doc) {
			out = append(out, c)
			continue
		}
		if i+5 < len(doc) && doc[i+1] == 'u' {
			switch string(doc[i+2 : i+6]) {
			case "003c", "003C":
				out = append(out, '<')
				i += 5
				continue
			case "003e", "003E":
				out = append(out, '>')
				i += 5
				continue
			case "0026":
				out = append(out, '&')
				i += 5
				continue
			}
		}
		out = append(out, c, doc[i+1])
		i++
	}
	return out
}

// documentSchemas reflects the Go types behind cxkit's JSON documents:
// the checklist's JSON form (cxkit export), the answer sheet, and the
// scored result (cxkit score --json).
func documentSchemas(draft korto.Draft) (map[string]*jsonschema.Schema, error) {
	r := &jsonschema.Reflector{
		BaseSchemaID: "https://github.com/cxkit/cxkit/schema",
		Mapper:       documentTypeSchema,
		// Sheet.Warnings and every Pos are json:"-" and stay out; the rest
		// is what encoding/json writes.
	}
	out := map[string]*jsonschema.Schema{}
	for name, v := range map[string]any{
		"checklist": &korto.Checklist{},
		"answers":   &korto.Sheet{},
		"result":    &korto.Result{},
	} {
		s := r.Reflect(v)
		s.Version = draft.URI()
		nullablePointers(s.Definitions, reflect.TypeOf(v), map[reflect.Type]bool{})
		out[name] = s
	}
	sheetAsRead(out["answers"].Definitions["Sheet"])
	return out, nil
}

// sheetAsRead widens the reflected answer sheet to what the answers
// reader accepts beyond the Go type: a "$schema" key, which the schema of
// a checklist's sheet offers form tools, and audit fields that are
// numbers or booleans (the reader keeps them as text); and not an
// answers null, which the reader rejects.
func sheetAsRead(def *jsonschema.Schema) {
	if def == nil || def.Properties == nil {
		return
	}
	if audit, ok := def.Properties.Get("audit"); ok {
		a := *audit
		a.AdditionalProperties = &jsonschema.Schema{Extras: map[string]any{"type": []string{"string", "number", "boolean"}}}
		def.Properties.Set("audit", &a)
	}
	// The reader wants an answers object, though the Go map may be nil.
	if ans, ok := def.Properties.Get("answers"); ok && ans.Type == "" {
		a := *ans
		a.Extras = maps.Clone(a.Extras)
		delete(a.Extras, "type")
		a.Type = "object"
		def.Properties.Set("answers", &a)
	}
	def.Properties.Set("$schema", &jsonschema.Schema{Type: "string"})
}

func sortedDocNames(m map[string]*jsonschema.Schema) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// documentTypeSchema gives the types whose JSON form reflection cannot
// see: the answer, which is a string or a number, and the named string
// types, which take a fixed set of values.
func documentTypeSchema(t reflect.Type) *jsonschema.Schema {
	enum := func(vs ...any) *jsonschema.Schema { return &jsonschema.Schema{Type: "string", Enum: vs} }
	switch t {
	case reflect.TypeFor[korto.Answer]():
		return &jsonschema.Schema{
			Description: `an option ID, "yes", "no", "na", an emotion, free text, or a number`,
			Extras:      map[string]any{"type": []string{"string", "number"}},
		}
	case reflect.TypeFor[korto.Model]():
		return enum("", string(korto.ModelKORTO), string(korto.ModelKotler))
	case reflect.TypeFor[korto.Knockout]():
		return enum("", string(korto.KnockoutLevel), string(korto.KnockoutAudit))
	case reflect.TypeFor[korto.KindType]():
		return enum("", string(korto.KindYesNo), string(korto.KindScale), string(korto.KindChoice),
			string(korto.KindMeasure), string(korto.KindNPS), string(korto.KindEmotion),
			string(korto.KindCES), string(korto.KindCSAT), string(korto.KindText))
	case reflect.TypeFor[korto.CmpOp]():
		return enum("", string(korto.OpEq), string(korto.OpNe), string(korto.OpLt),
			string(korto.OpLe), string(korto.OpGt), string(korto.OpGe))
	case reflect.TypeFor[korto.ExprOp]():
		return enum(string(korto.ExprAnd), string(korto.ExprOr), string(korto.ExprNot),
			string(korto.ExprYes), string(korto.ExprCmp), string(korto.ExprIn))
	}
	return nil
}

// nullablePointers lets the fields that encoding/json may write as null
// (pointers, slices and maps without omitempty, such as a score that may
// be missing) be null in the reflected schemas too, which the reflector
// does not do by itself.
func nullablePointers(defs jsonschema.Definitions, t reflect.Type, seen map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	def := defs[t.Name()]
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		k := f.Type.Kind()
		nilable := k == reflect.Pointer || k == reflect.Slice || k == reflect.Map
		if nilable && !strings.Contains(opts, "omitempty") && def != nil && def.Properties != nil {
			if p, ok := def.Properties.Get(name); ok {
				def.Properties.Set(name, orNull(p))
			}
		}
		nullablePointers(defs, f.Type, seen)
	}
}

func orNull(p *jsonschema.Schema) *jsonschema.Schema {
	if p.Type == "" {
		return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{p, {Type: "null"}}}
	}
	q := *p
	q.Extras = map[string]any{"type": []string{p.Type, "null"}}
	for k, v := range p.Extras {
		q.Extras[k] = v
	}
	q.Type = ""
	return &q
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
