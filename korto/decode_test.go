package korto

import (
	"encoding/json"
	"strings"
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
	tests := []struct {
		name, json, wantErr string
	}{
		{"unknown field", `{"id":"x","title":{"text":"X"},"levels":[{"number":1,"title":{"text":"A"},"weigth":2,"items":[]}]}`, `unknown field "weigth"`},
		{"trailing data", `{"id":"x","title":{"text":"X"},"levels":[]} {}`, "data after the checklist, from byte 43"},
		{"trailing garbage", `{"id":"x","title":{"text":"X"},"levels":[]}]`, "data after the checklist"},
		{"syntax", `{"id":`, "unexpected EOF"},
		{"wrong type", `{"id":7}`, "cannot unmarshal number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := DecodeChecklist([]byte(tt.json))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("DecodeChecklist = %v, %v; want an error containing %q", c, err, tt.wantErr)
			}
			if c != nil {
				t.Errorf("a checklist came back with the error")
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, tt.c.Languages()); d != "" {
				t.Errorf("Languages (-want +got):\n%s", d)
			}
		})
	}
}
