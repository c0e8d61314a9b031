package korto_test

import (
	"testing"

	"github.com/cxkit/cxkit/korto"
)

// The $id rule is the library's: the command's --id and AnswerSchema
// refuse the same ids.
func TestCheckSchemaID(t *testing.T) {
	c := &korto.Checklist{ID: "x", Levels: []*korto.Level{{Number: 1, Items: []korto.Item{{Question: &korto.Question{ID: "q", Text: korto.Text{Text: "Q"}}}}}}}
	for id, want := range map[string]string{
		"":                                   "",
		"https://example.com/mall.json":      "",
		"urn:cxkit:mall":                     "",
		"https://example.com/mall.json#frag": `"https://example.com/mall.json#frag": a schema's $id has no #fragment`,
		"::bad":                              `"::bad" is not a URI: missing protocol scheme`,
	} {
		got := ""
		if err := korto.CheckSchemaID(id); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("CheckSchemaID(%q) = %q, want %q", id, got, want)
		}
		_, err := korto.AnswerSchema(c, korto.SchemaOptions{Draft: korto.Draft2020, ID: id})
		if (err != nil) != (want != "") {
			t.Errorf("AnswerSchema with $id %q: %v", id, err)
		}
	}
}
