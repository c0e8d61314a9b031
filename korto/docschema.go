package korto

import (
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/invopop/jsonschema"
)

// DocumentSchemas returns the JSON Schemas, in draft, of the library's
// own JSON documents by name: "checklist", the checklist's JSON form
// (DecodeChecklist reads it, cxkit export prints it); "answers", the
// answer sheet as ReadAnswers accepts it; and "result", a scored audit
// (cxkit score --json). They are reflected from the Go types, with
// what reflection cannot see added: fields that encode as null, the
// values of the named string types, and what the sheet reader accepts
// beyond the Go type.
func DocumentSchemas(draft Draft) map[string]*jsonschema.Schema {
	r := &jsonschema.Reflector{
		BaseSchemaID: "https://github.com/cxkit/cxkit/schema",
		Mapper:       documentTypeSchema,
		// Sheet.Warnings and every Pos are json:"-" and stay out; the rest
		// is what encoding/json writes.
	}
	out := map[string]*jsonschema.Schema{}
	for name, v := range map[string]any{
		"checklist": &Checklist{},
		"answers":   &Sheet{},
		"result":    &Result{},
	} {
		s := r.Reflect(v)
		s.Version = draft.URI()
		nullablePointers(s.Definitions, reflect.TypeOf(v), map[reflect.Type]bool{})
		out[name] = s
	}
	sheetAsRead(out["answers"].Definitions["Sheet"])
	resultAsWritten(out["result"].Definitions["Result"])
	return out
}

// resultAsWritten puts in the reflected result the two strings Result's
// MarshalJSON writes for its translated ReachedName, reached_name and
// reached_name_en, where they stand: after reached.
func resultAsWritten(def *jsonschema.Schema) {
	if def == nil || def.Properties == nil {
		return
	}
	mark := "reached"
	for _, name := range []string{"reached_name", "reached_name_en"} {
		def.Properties.Set(name, &jsonschema.Schema{Type: "string"})
		_ = def.Properties.MoveAfter(name, mark)
		if k := slices.Index(def.Required, mark); k >= 0 {
			def.Required = slices.Insert(def.Required, k+1, name)
		} else {
			def.Required = append(def.Required, name)
		}
		mark = name
	}
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

// documentTypeSchema gives the types whose JSON form reflection cannot
// see: the answer, which is a string or a number, and the named string
// types, which take a fixed set of values.
func documentTypeSchema(t reflect.Type) *jsonschema.Schema {
	enum := func(vs ...any) *jsonschema.Schema { return &jsonschema.Schema{Type: "string", Enum: vs} }
	switch t {
	case reflect.TypeFor[Answer]():
		return &jsonschema.Schema{
			Description: `an option ID, "yes", "no", "na", an emotion, free text, or a number`,
			Extras:      map[string]any{"type": []string{"string", "number"}},
		}
	case reflect.TypeFor[Model]():
		return enum("", string(ModelKORTO), string(ModelKotler))
	case reflect.TypeFor[Knockout]():
		return enum("", string(KnockoutLevel), string(KnockoutAudit))
	case reflect.TypeFor[KindType]():
		return enum("", string(KindYesNo), string(KindScale), string(KindChoice),
			string(KindMeasure), string(KindNPS), string(KindEmotion),
			string(KindCES), string(KindCSAT), string(KindCSI), string(KindText))
	case reflect.TypeFor[CmpOp]():
		return enum("", string(OpEq), string(OpNe), string(OpLt),
			string(OpLe), string(OpGt), string(OpGe))
	case reflect.TypeFor[ExprOp]():
		return enum(string(ExprAnd), string(ExprOr), string(ExprNot),
			string(ExprYes), string(ExprCmp), string(ExprIn))
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
