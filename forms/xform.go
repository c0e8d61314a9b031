package forms

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// XForm returns the ODK XForm (XML) of the checklist: the form
// [XLSForm] describes, as pyxform would convert it, for tools that take
// XForms directly (ODK Web Forms, ODK Collect, Enketo). The instance
// is named after the checklist ID and carries its version; the audit
// fields, then a group per level and section, hold the answers under
// the question IDs; binds carry types, required, relevant (from
// `when`), constraints, the messages for a missing or refused answer
// in the form's words, and the bind::cx:* metadata; every language of
// the checklist is an itext translation, opts.Lang (default: the
// checklist's own) the default one.
func XForm(c *korto.Checklist, opts Options) ([]byte, error) {
	survey, choices, settings, err := xlsformSheets(c, opts)
	if err != nil {
		return nil, err
	}
	x := &xformBuilder{root: c.ID, lists: map[string][][]string{}, paths: map[string]string{}}
	head := survey[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	var langs []string
	for _, h := range head {
		if l, ok := strings.CutPrefix(h, "label::"); ok {
			langs = append(langs, l)
		}
	}
	x.langs = langs
	for _, r := range choices[1:] {
		x.lists[r[0]] = append(x.lists[r[0]], r)
	}
	// Paths first, for relevant expressions that name questions.
	var stack []string
	for _, r := range survey[1:] {
		switch r[col["type"]] {
		case "begin group":
			stack = append(stack, r[col["name"]])
		case "end group":
			stack = stack[:len(stack)-1]
		default:
			x.paths[r[col["name"]]] = "/" + x.root + "/" + strings.Join(append(append([]string(nil), stack...), r[col["name"]]), "/")
		}
	}
	x.rows, x.col = survey[1:], col
	return x.write(settings[1])
}

type xformBuilder struct {
	root  string
	langs []string // "Русский (ru)", the default first
	lists map[string][][]string
	paths map[string]string // question or field name → its absolute path
	rows  [][]string
	col   map[string]int
	itext []map[string]string // by language: text id → text
	ids   []string            // text ids in order
}

func (x *xformBuilder) cell(r []string, name string) string {
	if i, ok := x.col[name]; ok && i < len(r) {
		return r[i]
	}
	return ""
}

// text records a translated text of row r's column prefix ("label" or
// "hint") under id, and returns whether there is any.
func (x *xformBuilder) text(id string, values []string) bool {
	any := false
	for _, v := range values {
		any = any || v != ""
	}
	if !any {
		return false
	}
	if x.itext == nil {
		x.itext = make([]map[string]string, len(x.langs))
		for i := range x.itext {
			x.itext[i] = map[string]string{}
		}
	}
	for i, v := range values {
		x.itext[i][id] = v
	}
	x.ids = append(x.ids, id)
	return true
}

func (x *xformBuilder) rowTexts(r []string, prefix string) []string {
	out := make([]string, len(x.langs))
	for i, l := range x.langs {
		out[i] = x.cell(r, prefix+"::"+l)
	}
	return out
}

var xformRefRE = regexp.MustCompile(`\$\{([^}]+)\}`)

// expr turns ${name} references into absolute paths.
func (x *xformBuilder) expr(s string) string {
	return xformRefRE.ReplaceAllStringFunc(s, func(m string) string {
		if p, ok := x.paths[m[2:len(m)-1]]; ok {
			return p
		}
		return m
	})
}

func xmlText(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func xmlAttr(s string) string {
	return strings.NewReplacer(`"`, "&quot;", "\n", "&#10;", "\t", "&#9;").Replace(xmlText(s))
}

func (x *xformBuilder) write(settings []string) ([]byte, error) {
	title, id, version := settings[0], settings[1], settings[2]
	var inst, binds, body strings.Builder
	path := []string{"/" + x.root}
	indent := func(n int) string { return strings.Repeat("  ", n) }
	depth := 0
	for _, r := range x.rows {
		typ, name := x.cell(r, "type"), x.cell(r, "name")
		switch typ {
		case "begin group":
			path = append(path, name)
			p := strings.Join(path, "/")
			fmt.Fprintf(&inst, "%s<%s>\n", indent(5+depth), name)
			fmt.Fprintf(&body, "%s<group ref=\"%s\">\n", indent(2+depth), p)
			if x.text(p+":label", x.rowTexts(r, "label")) {
				fmt.Fprintf(&body, "%s<label ref=\"jr:itext('%s:label')\"/>\n", indent(3+depth), p)
			}
			depth++
			continue
		case "end group":
			depth--
			fmt.Fprintf(&inst, "%s</%s>\n", indent(5+depth), path[len(path)-1])
			fmt.Fprintf(&body, "%s</group>\n", indent(2+depth))
			path = path[:len(path)-1]
			continue
		}
		p := x.paths[name]
		fmt.Fprintf(&inst, "%s<%s/>\n", indent(5+depth), name)
		attrs := []string{fmt.Sprintf(`nodeset="%s"`, p)}
		switch typ {
		case "start", "end":
			attrs = append(attrs, `type="dateTime"`, `jr:preload="timestamp"`, fmt.Sprintf(`jr:preloadParams="%s"`, typ))
		case "deviceid":
			attrs = append(attrs, `type="string"`, `jr:preload="property"`, `jr:preloadParams="deviceid"`)
		default:
			xt := map[string]string{"text": "string", "date": "date", "integer": "int", "decimal": "decimal", "geopoint": "geopoint"}[typ]
			if strings.HasPrefix(typ, "select_one ") {
				xt = "string"
			}
			attrs = append(attrs, fmt.Sprintf(`type="%s"`, xt))
			if x.cell(r, "required") == "yes" {
				attrs = append(attrs, `required="true()"`)
				if x.text(p+":jr:requiredMsg", x.rowTexts(r, "required_message")) {
					attrs = append(attrs, fmt.Sprintf(`jr:requiredMsg="jr:itext('%s:jr:requiredMsg')"`, p))
				}
			}
			if rel := x.cell(r, "relevant"); rel != "" {
				attrs = append(attrs, fmt.Sprintf(`relevant="%s"`, xmlAttr(x.expr(rel))))
			}
			if con := x.cell(r, "constraint"); con != "" {
				attrs = append(attrs, fmt.Sprintf(`constraint="%s"`, xmlAttr(x.expr(con))))
				if x.text(p+":jr:constraintMsg", x.rowTexts(r, "constraint_message")) {
					attrs = append(attrs, fmt.Sprintf(`jr:constraintMsg="jr:itext('%s:jr:constraintMsg')"`, p))
				}
			}
			for _, b := range xlsformBindColumns {
				if v := x.cell(r, b); v != "" {
					attrs = append(attrs, fmt.Sprintf(`%s="%s"`, strings.TrimPrefix(b, "bind::"), xmlAttr(v)))
				}
			}
		}
		fmt.Fprintf(&binds, "      <bind %s/>\n", strings.Join(attrs, " "))
		if typ == "start" || typ == "end" || typ == "deviceid" {
			continue
		}
		in := indent(2 + depth)
		labels := x.text(p+":label", x.rowTexts(r, "label"))
		hints := x.text(p+":hint", x.rowTexts(r, "hint"))
		head := ""
		if labels {
			head += fmt.Sprintf("%s  <label ref=\"jr:itext('%s:label')\"/>\n", in, p)
		}
		if hints {
			head += fmt.Sprintf("%s  <hint ref=\"jr:itext('%s:hint')\"/>\n", in, p)
		}
		app := ""
		if a := x.cell(r, "appearance"); a != "" {
			app = fmt.Sprintf(` appearance="%s"`, a)
		}
		if list, ok := strings.CutPrefix(typ, "select_one "); ok {
			fmt.Fprintf(&body, "%s<select1 ref=\"%s\"%s>\n%s", in, p, app, head)
			for _, ch := range x.lists[list] {
				tid := p + "/" + ch[1] + ":label"
				x.text(tid, ch[2:])
				fmt.Fprintf(&body, "%s  <item>\n%s    <label ref=\"jr:itext('%s')\"/>\n%s    <value>%s</value>\n%s  </item>\n", in, in, tid, in, xmlText(ch[1]), in)
			}
			fmt.Fprintf(&body, "%s</select1>\n", in)
			continue
		}
		fmt.Fprintf(&body, "%s<input ref=\"%s\"%s>\n%s%s</input>\n", in, p, app, head, in)
	}
	fmt.Fprintf(&binds, "      <bind nodeset=\"/%s/meta/instanceID\" type=\"string\" readonly=\"true()\" jr:preload=\"uid\"/>\n", x.root)

	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:cx="%s">`+"\n", XLSFormNamespace)
	fmt.Fprintf(&b, "  <h:head>\n    <h:title>%s</h:title>\n    <model odk:xforms-version=\"1.0.0\">\n      <itext>\n", xmlText(title))
	for i, l := range x.langs {
		def := ""
		if i == 0 {
			def = ` default="true()"`
		}
		fmt.Fprintf(&b, "        <translation lang=\"%s\"%s>\n", xmlAttr(l), def)
		for _, tid := range x.ids {
			fmt.Fprintf(&b, "          <text id=\"%s\"><value>%s</value></text>\n", xmlAttr(tid), xmlText(x.itext[i][tid]))
		}
		b.WriteString("        </translation>\n")
	}
	b.WriteString("      </itext>\n      <instance>\n")
	fmt.Fprintf(&b, "        <%s id=\"%s\" version=\"%s\">\n", x.root, xmlAttr(id), xmlAttr(version))
	b.WriteString(inst.String())
	fmt.Fprintf(&b, "          <meta>\n            <instanceID/>\n          </meta>\n        </%s>\n      </instance>\n", x.root)
	b.WriteString(binds.String())
	b.WriteString("    </model>\n  </h:head>\n  <h:body>\n")
	b.WriteString(body.String())
	b.WriteString("  </h:body>\n</h:html>\n")
	return []byte(b.String()), nil
}
