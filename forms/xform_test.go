package forms_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/forms"
)

// TestXFormGolden writes the XForm of every example checklist: the form
// examples/odk proves in ODK's engine and in Web Forms, kept here so a
// change to it shows in review.
func TestXFormGolden(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		data, err := forms.XForm(c, forms.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		goldenFile(t, name+".xform.xml", data)
	}
}

// xnode is any XML element, for reading a form back.
type xnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xnode    `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n *xnode) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *xnode) walk(f func(*xnode)) {
	f(n)
	for i := range n.Nodes {
		n.Nodes[i].walk(f)
	}
}

// The XForm of every example checklist, read back: well-formed XML,
// the instance named after the checklist with its version, a bind per
// question with required and relevant (the XLSForm's condition on
// absolute paths), a control per question in the body, and one itext
// translation per language with a label for every question.
func TestXFormReadBack(t *testing.T) {
	for name, c := range exampleChecklists(t) {
		t.Run(name, func(t *testing.T) {
			data, err := forms.XForm(c, forms.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var root xnode
			if err := xml.Unmarshal(data, &root); err != nil {
				t.Fatalf("not well-formed: %v", err)
			}
			binds := map[string]*xnode{}
			controls := map[string]string{}
			var translations []*xnode
			var instance *xnode
			root.walk(func(n *xnode) {
				switch n.XMLName.Local {
				case "bind":
					binds[n.attr("nodeset")] = n
				case "input", "select1":
					controls[n.attr("ref")] = n.XMLName.Local
				case "translation":
					translations = append(translations, n)
				case "instance":
					if instance == nil && len(n.Nodes) > 0 {
						instance = &n.Nodes[0]
					}
				}
			})
			if instance == nil || instance.XMLName.Local != c.ID || instance.attr("id") != c.ID || instance.attr("version") != c.Version {
				t.Fatalf("instance %+v", instance)
			}
			langs := len(c.Languages())
			if langs == 0 {
				langs = 1
			}
			if len(translations) != langs {
				t.Errorf("%d translations, want %d", len(translations), langs)
			}
			paths := map[string]string{}
			for p := range binds {
				paths[p[strings.LastIndexByte(p, '/')+1:]] = p
			}
			for q := range c.Questions() {
				p, ok := paths[q.ID]
				if !ok {
					t.Errorf("no bind for %s", q.ID)
					continue
				}
				b := binds[p]
				if (b.attr("required") == "true()") == q.Optional {
					t.Errorf("%s: required %q, optional %v", q.ID, b.attr("required"), q.Optional)
				}
				rel := b.attr("relevant")
				if (rel != "") != (q.When != nil) {
					t.Errorf("%s: relevant %q for when %v", q.ID, rel, q.When)
				}
				for _, ref := range q.When.Refs() {
					if !strings.Contains(rel, paths[ref]) || strings.Contains(rel, "${") {
						t.Errorf("%s: relevant %q does not read %s at %s", q.ID, rel, ref, paths[ref])
					}
				}
				if controls[p] == "" {
					t.Errorf("%s: no control in the body", q.ID)
				}
				// A required question's message is the form's own words,
				// in every language, not the engine's English.
				msg := b.attr("requiredMsg")
				if (msg != "") != !q.Optional || (msg != "" && msg != "jr:itext('"+p+":jr:requiredMsg')") {
					t.Errorf("%s: requiredMsg %q", q.ID, msg)
				}
				for _, tr := range translations {
					texts := map[string]string{}
					for _, tx := range tr.Nodes {
						var v string
						for _, val := range tx.Nodes {
							v += val.Text
						}
						texts[tx.attr("id")] = v
					}
					if texts[p+":label"] == "" {
						t.Errorf("%s: no label in translation %s", q.ID, tr.attr("lang"))
					}
					lang := tr.attr("lang")
					lang = lang[strings.LastIndexByte(lang, '(')+1 : len(lang)-1]
					if want := c.Words(lang).Required; msg != "" && texts[p+":jr:requiredMsg"] != want {
						t.Errorf("%s: required message %q in %s, want %q", q.ID, texts[p+":jr:requiredMsg"], lang, want)
					}
				}
			}
			for _, meta := range []string{"start", "end", "deviceid", "instanceID"} {
				if _, ok := paths[meta]; !ok {
					t.Errorf("no %s", meta)
				}
			}
		})
	}
}
