package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A checklist built in Go or read from JSON can hold what the language
// cannot write: Validate finds it, as dsl.Print would, so that every
// tool refuses the same checklists.
func TestValidateTexts(t *testing.T) {
	base := func() *Checklist {
		return &Checklist{ID: "c", Title: Text{Text: "C"}, Levels: []*Level{{Number: 1, Title: Text{Text: "L"}, Items: []Item{
			{Question: &Question{ID: "q", Text: Text{Text: "Q"}}},
		}}}}
	}
	tests := []struct {
		name string
		edit func(*Checklist)
		want []string // codes
	}{
		{"valid", func(*Checklist) {}, nil},
		{"valid translations and a region", func(c *Checklist) {
			c.Lang = "ru"
			c.Title.Tr = map[string]string{"en": "C", "pt-BR": "C"}
		}, nil},
		{"title not UTF-8", func(c *Checklist) { c.Title.Text = "\xcc\xe0" }, []string{"bad-text"}},
		{"translation not UTF-8", func(c *Checklist) { c.Title.Tr = map[string]string{"en": "\xff"} }, []string{"bad-text"}},
		{"hint not UTF-8", func(c *Checklist) { c.Levels[0].Items[0].Question.Hint = Text{Text: "\xff"} }, []string{"bad-text"}},
		{"empty tag", func(c *Checklist) { c.Title.Tr = map[string]string{"": "C"} }, []string{"bad-lang"}},
		{"tag with a space", func(c *Checklist) { c.Levels[0].Title.Tr = map[string]string{"e n": "L"} }, []string{"bad-lang"}},
		{"one language twice", func(c *Checklist) { c.Title.Tr = map[string]string{"en": "C", "EN": "C"} }, []string{"bad-lang"}},
		{"bad lang", func(c *Checklist) { c.Lang = "r u" }, []string{"bad-lang"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.edit(c)
			var got []string
			for _, d := range c.Validate() {
				got = append(got, d.Code)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("codes (-want +got):\n%s", d)
			}
		})
	}
}
