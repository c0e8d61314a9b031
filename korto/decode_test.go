package korto

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestDecodeChecklistRoundTrip(t *testing.T) {
	want := specMall()
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeChecklist(data)
	if err != nil {
		t.Fatal(err)
	}
	// Positions are not part of the JSON form.
	if d := cmp.Diff(want, got, cmpopts.IgnoreTypes(Pos{})); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
}

func TestDecodeChecklistStrict(t *testing.T) {
	const checklistFields = "the fields here are id, title, version, model, description, lang, knockout, bands, scales, choices, levels, survey"
	tests := []struct {
		name, json string
		want       Diagnostic
	}{
		{"unknown field", "{\"id\":\"x\",\n\"levels\":[{\"number\":1,\"weigth\":2}]}", Diagnostic{
			Pos: Pos{Line: 2, Column: 23, Offset: 33}, Pointer: "/levels/0/weigth", Code: "unknown-key",
			Message: `unknown field "weigth" in /levels/0; did you mean "weight"?`, Hint: "the fields here are number, title, pass, weight, items",
		}},
		{"unknown field at the top", `{"id":"x","levls":[]}`, Diagnostic{
			Pos: Pos{Line: 1, Column: 11, Offset: 10}, Pointer: "/levls", Code: "unknown-key",
			Message: `unknown field "levls" in the checklist; did you mean "levels"?`, Hint: checklistFields,
		}},
		{"name in the wrong case", `{"ID":"x"}`, Diagnostic{
			Pos: Pos{Line: 1, Column: 2, Offset: 1}, Pointer: "/ID", Code: "unknown-key",
			Message: `unknown field "ID" in the checklist; did you mean "id"?`, Hint: checklistFields,
		}},
		{"field given twice", `{"id":"x","id":"y"}`, Diagnostic{
			Pos: Pos{Line: 1, Column: 11, Offset: 10}, Pointer: "/id", Code: "duplicate-key",
			Message: `field "id" is given twice in the checklist`, Hint: "keep one of them",
		}},
		{"wrong type", `{"id":7}`, Diagnostic{
			Pos: Pos{Line: 1, Column: 7, Offset: 6}, Pointer: "/id", Code: "wrong-type",
			Message: "/id: want a string, not a number",
		}},
		{"fraction for an integer", `{"id":"x","levels":[{"number":1.5}]}`, Diagnostic{
			Pos: Pos{Line: 1, Column: 31, Offset: 30}, Pointer: "/levels/0/number", Code: "wrong-type",
			Message: "/levels/0/number: want a whole number, not a number",
		}},
		{"trailing data", `{"id":"x"} {}`, Diagnostic{
			Pos: Pos{Line: 1, Column: 12, Offset: 11}, Code: "syntax",
			Message: "JSON syntax: invalid character '{' after top-level value",
		}},
		{"column counts characters", `{"title":{"text":"Сервис"},"idd":"x"}`, Diagnostic{
			Pos: Pos{Line: 1, Column: 28, Offset: 33}, Pointer: "/idd", Code: "unknown-key",
			Message: `unknown field "idd" in the checklist; did you mean "id"?`, Hint: checklistFields,
		}},
		{"byte order mark", "\ufeff{\"idd\":\"x\"}", Diagnostic{
			Pos: Pos{Line: 1, Column: 2, Offset: 4}, Pointer: "/idd", Code: "unknown-key",
			Message: `unknown field "idd" in the checklist; did you mean "id"?`, Hint: checklistFields,
		}},
		{"empty", ``, Diagnostic{Code: "syntax", Message: "JSON syntax: unexpected EOF", Pos: Pos{Line: 1, Column: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := DecodeChecklist([]byte(tt.json))
			if c != nil {
				t.Errorf("a checklist came back with the error")
			}
			ds := AsDiagnostics(err)
			if len(ds) != 1 {
				t.Fatalf("DecodeChecklist error = %v, want one diagnostic", err)
			}
			// Err is the decoder's error behind the diagnostic, for
			// errors.As; the fields compared say everything it does.
			if d := cmp.Diff(&tt.want, ds[0], cmpopts.IgnoreFields(Diagnostic{}, "Err")); d != "" {
				t.Errorf("diagnostic (-want +got):\n%s", d)
			}
		})
	}
	if _, err := DecodeChecklist([]byte(`{"id":"x","title":{"text":"X"},"levels":[]}` + "\n\t ")); err != nil {
		t.Errorf("white space after the checklist: %v", err)
	}
}

func TestLanguages(t *testing.T) {
	tr := func(s string, tags ...string) Text {
		t := Text{Text: s, Tr: map[string]string{}}
		for _, tag := range tags {
			t.Tr[tag] = s + "@" + tag
		}
		return t
	}
	tests := []struct {
		name string
		c    *Checklist
		want []string
	}{
		{"none", &Checklist{Title: tr("T")}, nil},
		{"declared only", &Checklist{Lang: "ru", Title: tr("T")}, []string{"ru"}},
		{"declared first, the rest sorted", &Checklist{Lang: "ru", Title: tr("T", "en"), Levels: []*Level{{
			Title: tr("L"),
			Items: []Item{{Section: &Section{Title: tr("S"), Items: []Item{
				{Section: &Section{Title: tr("S2", "kk")}},
				{Question: &Question{Text: tr("Q"), Hint: tr("H", "de")}},
			}}}},
		}}}, []string{"ru", "de", "en", "kk"}},
		{"option labels and survey", &Checklist{
			Title:   tr("T"),
			Choices: []*Choice{{Options: []*Option{{Label: tr("O", "uz")}}}},
			Survey:  &Survey{Questions: []*Question{{Text: tr("N", "en")}}},
		}, []string{"en", "uz"}},
		{"a translation into the declared language is not listed twice", &Checklist{Lang: "en", Title: tr("T", "en")}, []string{"en"}},
		{"spec mall", specMall(), []string{"en"}},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, tt.c.Languages()); d != "" {
				t.Errorf("Languages (-want +got):\n%s", d)
			}
		})
	}
}

// FuzzDecodeChecklist holds DecodeChecklist to its contract on any input:
// no panic, and either a checklist that survives a round trip or exactly
// one diagnostic placed inside the input.
func FuzzDecodeChecklist(f *testing.F) {
	data, err := json.Marshal(specMall())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"id":"x","levels":[{"number":1,"weigth":2}]}`))
	f.Add([]byte(`{"id":"x","id":"y"}`))
	f.Add([]byte("{\"title\":{\"text\":\"Сервис\",\"tr\":{\"en\":\"S\"}},\"levels\":[null]} x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeChecklist(data)
		if err != nil {
			ds := AsDiagnostics(err)
			if len(ds) != 1 || ds[0].Code == "" || ds[0].Message == "" {
				t.Fatalf("error %v: want one diagnostic with a code and a message", err)
			}
			if p := ds[0].Pos; p.Line < 1 || p.Column < 1 || p.Offset < 0 || p.Offset > len(data) {
				t.Fatalf("diagnostic placed at %+v, outside %d bytes", p, len(data))
			}
			return
		}
		again, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := DecodeChecklist(again)
		if err != nil {
			t.Fatalf("decoding its own encoding: %v\n%s", err, again)
		}
		if d := cmp.Diff(c, c2, cmpopts.IgnoreTypes(Pos{}), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("round trip (-first +second):\n%s", d)
		}
	})
}
