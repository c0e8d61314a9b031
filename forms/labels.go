package forms

import (
	"strings"

	"github.com/cxkit/cxkit/korto"
)

// XLSFormLanguage is the XLSForm of a checklist as the tools that load
// it show it in one language: what an export made "with labels"
// (KoboToolbox's "Labels", or one of the form's languages, in its export
// dialog) writes in place of the fields' names and the answers' values.
type XLSFormLanguage struct {
	Lang   string         // the language tag, "ru"
	Name   string         // the language as the form's columns and the tools name it, "Русский (ru)"
	Fields []XLSFormField // the form's fields in form order, groups left out
}

// XLSFormField is one field of an XLSForm as shown in one language.
type XLSFormField struct {
	Name string // the field's name: a question ID, an audit field, or the form's metadata (start, end, deviceid, gps)
	// Question says the field is a question of the checklist; else it
	// is an audit field (in the form's audit group) or the form's
	// metadata (outside every group).
	Question bool
	// Groups are the labels of the groups the field is in, outermost
	// first; a group without a label in the language stands as its
	// name, as the tools write it.
	Groups []string
	// Label is the field's label, or its name where it has none (the
	// form's metadata).
	Label string
	// Options are a select_one's choices in list order: each value the
	// form stores and its label.
	Options []XLSFormOption
}

// XLSFormOption is one choice of a select_one.
type XLSFormOption struct{ Value, Label string }

// XLSFormLabels returns the fields of the checklist's XLSForm (see
// [XLSForm]) as shown in each of its languages, opts.Lang (default: the
// checklist's own) first. The labels are read from the very rows the
// workbook is written from, so they are spelt as the form spells them.
func XLSFormLabels(c *korto.Checklist, opts Options) ([]XLSFormLanguage, error) {
	survey, choices, _, err := xlsformSheets(c, opts)
	if err != nil {
		return nil, err
	}
	langs := xlsformLangs(c, opts.Lang)
	index := func(head []string, name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		return -1
	}
	shead, chead := survey[0], choices[0]
	typ, name := index(shead, "type"), index(shead, "name")
	out := make([]XLSFormLanguage, len(langs))
	for li, l := range langs {
		out[li] = XLSFormLanguage{Lang: l, Name: xlsformLang(l)}
		label, clabel := index(shead, "label::"+xlsformLang(l)), index(chead, "label::"+xlsformLang(l))
		lists := map[string][]XLSFormOption{}
		for _, r := range choices[1:] {
			lists[r[0]] = append(lists[r[0]], XLSFormOption{Value: r[1], Label: r[clabel]})
		}
		var groups, names []string
		for _, r := range survey[1:] {
			shown := r[label]
			if shown == "" {
				shown = r[name]
			}
			switch {
			case r[typ] == "begin group":
				groups, names = append(groups, shown), append(names, r[name])
				continue
			case r[typ] == "end group":
				groups, names = groups[:len(groups)-1], names[:len(names)-1]
				continue
			}
			f := XLSFormField{
				Name:     r[name],
				Question: len(names) > 0 && names[0] != "audit",
				Groups:   append([]string(nil), groups...),
				Label:    shown,
			}
			if list, ok := strings.CutPrefix(r[typ], "select_one "); ok {
				f.Options = lists[list]
			}
			out[li].Fields = append(out[li].Fields, f)
		}
	}
	return out, nil
}
