package forms

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

// XLSFormNamespace is the XML namespace of the bind::cx:* columns that
// carry a question's weight, criticality, level and section through ODK
// Central and KoboToolbox into the XForm.
const XLSFormNamespace = "https://github.com/cxkit/cxkit/xforms"

// xlsformLangNames are the names XLSForm columns give languages, as
// "label::Русский (ru)"; others are written as their tag.
var xlsformLangNames = map[string]string{
	"ru": "Русский", "en": "English", "de": "Deutsch", "fr": "Français",
	"es": "Español", "uk": "Українська", "kk": "Қазақша", "it": "Italiano",
}

// xlsformLang is a language as XLSForm columns name it: "English (en)".
func xlsformLang(tag string) string {
	if n, ok := xlsformLangNames[strings.ToLower(tag)]; ok {
		return n + " (" + tag + ")"
	}
	return tag + " (" + tag + ")"
}

// xlsformSurveyColumns are the columns of the survey sheet before the
// label and hint columns of each language.
var xlsformSurveyColumns = []string{"type", "name", "required", "relevant", "appearance", "constraint"}

// xlsformTextColumns are the translated columns of the survey sheet,
// each once per language after xlsformSurveyColumns: the messages for a
// missing and a refused answer are the form's words, so that ODK shows
// them in the form's language instead of its own English ones.
var xlsformTextColumns = []string{"label::", "hint::", "required_message::", "constraint_message::"}

// xlsformBindColumns carry the checklist's metadata on each question.
var xlsformBindColumns = []string{"bind::cx:weight", "bind::cx:critical", "bind::cx:level", "bind::cx:section"}

// XLSForm returns an XLSForm workbook (.xlsx) of the checklist, the
// format ODK Central, KoboToolbox and Enketo take: sheet "survey" with
// the audit fields first (id, location, date, auditor) after the
// start, end and deviceid metadata and an optional geopoint "gps" (to
// audit the auditor), then a group per level and per section; sheet
// "choices" with the lists of yes/no, choices, emotions and scale
// points (shown as a likert row); sheet "settings" with form_id (the
// checklist ID) and version. Every language of the checklist gets its
// label:: and hint:: columns, opts.Lang (default: the checklist's own)
// the default one. `when` becomes relevant, a required question is
// required, and weight, critical, level and section travel as
// bind::cx:* columns. The values the form stores are the answer sheet's
// own, so `cxkit import` reads its exports as they are.
func XLSForm(c *korto.Checklist, opts Options) ([]byte, error) {
	rows, choices, settings, err := xlsformSheets(c, opts)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "survey"); err != nil {
		return nil, err
	}
	for _, s := range []struct {
		name string
		rows [][]string
	}{{"survey", rows}, {"choices", choices}, {"settings", settings}} {
		if s.name != "survey" {
			if _, err := f.NewSheet(s.name); err != nil {
				return nil, err
			}
		}
		for i, r := range s.rows {
			row := make([]any, len(r))
			for j, v := range r {
				row[j] = v
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// xlsformSheets lays the three sheets out as rows of cells, the header
// first.
func xlsformSheets(c *korto.Checklist, opts Options) (survey, choices, settings [][]string, err error) {
	if c == nil {
		return nil, nil, nil, errNilChecklist
	}
	b := &xlsformBuilder{c: c, lists: map[string]bool{}}
	b.langs = xlsformLangs(c, opts.Lang)
	b.lang = b.langs[0]
	b.word = fixedText(c, b.lang, b.langs)
	head := append([]string(nil), xlsformSurveyColumns...)
	for _, prefix := range xlsformTextColumns {
		for _, l := range b.langs {
			head = append(head, prefix+xlsformLang(l))
		}
	}
	head = append(head, xlsformBindColumns...)
	b.survey = [][]string{head}
	chead := []string{"list_name", "name"}
	for _, l := range b.langs {
		chead = append(chead, "label::"+xlsformLang(l))
	}
	b.choices = [][]string{chead}

	b.row(map[string]string{"type": "start", "name": "start"}, korto.Text{}, korto.Text{})
	b.row(map[string]string{"type": "end", "name": "end"}, korto.Text{}, korto.Text{})
	b.row(map[string]string{"type": "deviceid", "name": "deviceid"}, korto.Text{}, korto.Text{})
	b.row(map[string]string{"type": "begin group", "name": "audit"}, b.word("audit"), korto.Text{})
	// Audit fields are collected, not required, as in every other
	// target: required means a scored question (forms.md), a sheet
	// without them scores, and ODK's instance ID stands in for a
	// missing id on import.
	for _, field := range AuditFields {
		typ := "text"
		if field == "date" {
			typ = "date"
		}
		b.row(map[string]string{"type": typ, "name": field}, b.word(field), korto.Text{})
	}
	b.row(map[string]string{"type": "end group", "name": "audit"}, korto.Text{}, korto.Text{})
	for _, n := range groups(c) {
		if err := b.group(n); err != nil {
			return nil, nil, nil, err
		}
	}
	// The device's location, where the auditor allows it: not required,
	// so a form filled indoors without a fix can still be sent.
	b.row(map[string]string{"type": "geopoint", "name": "gps"}, b.word("gps"), korto.Text{})
	settings = [][]string{
		{"form_title", "form_id", "version", "default_language", "namespaces"},
		{c.Title.In(b.lang), c.ID, c.Version, xlsformLang(b.lang), `cx="` + XLSFormNamespace + `"`},
	}
	return b.survey, b.choices, settings, nil
}

// xlsformLangs are the languages of c's XLSForm: lang (default: the
// checklist's own), the form's default, then the checklist's others.
func xlsformLangs(c *korto.Checklist, lang string) []string {
	langs := []string{c.ShownLang(lang)}
	for _, l := range c.Languages() {
		if l != langs[0] {
			langs = append(langs, l)
		}
	}
	return langs
}

type xlsformBuilder struct {
	c       *korto.Checklist
	lang    string   // the default language
	langs   []string // every language, the default first
	word    func(string) korto.Text
	survey  [][]string
	choices [][]string
	lists   map[string]bool // the choice lists written
	level   string          // the level being written, for bind::cx:level
	section string          // the innermost section being written
}

// row appends a survey row: the named columns, then label and hint in
// each language.
func (b *xlsformBuilder) row(cols map[string]string, label, hint korto.Text) {
	head := b.survey[0]
	r := make([]string, len(head))
	texts := map[string]korto.Text{"label::": label, "hint::": hint}
	if cols["required"] == "yes" {
		texts["required_message::"] = b.word("required")
	}
	if cols["constraint"] != "" {
		texts["constraint_message::"] = b.word("invalid")
	}
	for i, h := range head {
		if i < len(xlsformSurveyColumns) || i >= len(xlsformSurveyColumns)+len(xlsformTextColumns)*len(b.langs) {
			r[i] = cols[h]
			continue
		}
		k := i - len(xlsformSurveyColumns)
		if t := texts[xlsformTextColumns[k/len(b.langs)]]; !t.IsZero() {
			r[i] = t.In(b.langs[k%len(b.langs)])
		}
	}
	b.survey = append(b.survey, r)
}

func (b *xlsformBuilder) group(n node) error {
	label := korto.Text{}
	switch {
	case n.section != nil:
		label = n.section.Title
	case n.level != nil:
		label = korto.Text{Text: levelTitle(b.c.Words(b.lang), n.level.Number, n.level.Title.In(b.lang))}
		for _, l := range b.langs[1:] {
			if label.Tr == nil {
				label.Tr = map[string]string{}
			}
			label.Tr[l] = levelTitle(b.c.Words(l), n.level.Number, n.level.Title.In(l))
		}
		b.level = fmt.Sprint(n.level.Number)
	default:
		label = b.word("survey")
		b.level = ""
	}
	outer := b.section
	if n.section != nil {
		b.section = n.section.ID
	} else {
		b.section = ""
	}
	b.row(map[string]string{"type": "begin group", "name": n.name()}, label, korto.Text{})
	for _, it := range n.items {
		switch {
		case it.Section != nil:
			if err := b.group(node{level: n.level, section: it.Section, items: it.Section.Items}); err != nil {
				return err
			}
		case it.Question != nil:
			if err := b.question(it.Question); err != nil {
				return err
			}
		}
	}
	b.row(map[string]string{"type": "end group", "name": n.name()}, korto.Text{}, korto.Text{})
	b.section = outer
	return nil
}

func (b *xlsformBuilder) question(q *korto.Question) error {
	cols := map[string]string{"name": q.ID}
	if !q.Optional {
		cols["required"] = "yes"
	}
	if when := q.Condition(); when != nil {
		rel, err := xlsformExpr(b.c, when)
		if err != nil {
			return fmt.Errorf("question %q: %w", q.ID, err)
		}
		cols["relevant"] = rel
	}
	if !q.Kind.EffectiveType().SurveyOnly() {
		cols["bind::cx:weight"] = korto.FormatNumber(q.EffectiveWeight())
		if q.Critical {
			cols["bind::cx:critical"] = "true"
		}
		cols["bind::cx:level"] = b.level
		cols["bind::cx:section"] = b.section
	}
	hintText := q.Hint
	if q.Kind.EffectiveType() == korto.KindMeasure {
		hintText = korto.Text{Text: hint(q, b.lang, b.c.Words(b.lang))}
		for _, l := range b.langs[1:] {
			if hintText.Tr == nil {
				hintText.Tr = map[string]string{}
			}
			hintText.Tr[l] = hint(q, l, b.c.Words(l))
		}
	}
	opts, err := options(b.c, q, b.word)
	if err != nil {
		return err
	}
	lo, hi, isPoints := b.c.Points(q.Kind)
	switch {
	case opts != nil:
		list := xlsformListName(q)
		b.list(list, opts)
		cols["type"] = "select_one " + list
	case isPoints && korto.IsPointRow(lo, hi):
		list := "points_" + korto.FormatNumber(lo) + "_" + korto.FormatNumber(hi)
		var pts []option
		for x := lo; x <= hi; x++ {
			pts = append(pts, option{korto.FormatNumber(x), korto.Text{Text: korto.FormatNumber(x)}})
		}
		if q.NA {
			list += "_na"
			pts = append(pts, option{"na", b.word("na")})
		}
		b.list(list, pts)
		cols["type"] = "select_one " + list
		cols["appearance"] = "likert"
	case q.NA && (isPoints || q.Kind.EffectiveType() == korto.KindMeasure):
		// A number or "na": a decimal box cannot take "na", so the
		// answer is text that must be one or the other.
		cols["type"] = "text"
		cols["constraint"] = `. = 'na' or regex(., '^-?[0-9]+(\.[0-9]+)?$')`
		if isPoints {
			cols["constraint"] = fmt.Sprintf(`. = 'na' or (regex(., '^-?[0-9]+$') and number(.) >= %s and number(.) <= %s)`, korto.FormatNumber(lo), korto.FormatNumber(hi))
		}
	case isPoints:
		cols["type"] = "integer"
		cols["constraint"] = fmt.Sprintf(". >= %s and . <= %s", korto.FormatNumber(lo), korto.FormatNumber(hi))
	case q.Kind.EffectiveType() == korto.KindMeasure:
		cols["type"] = "decimal"
	default:
		cols["type"] = "text"
		cols["appearance"] = "multiline"
	}
	b.row(cols, q.Text, hintText)
	return nil
}

// xlsformListName names the choice list of a question's named answers:
// yesno, emotion or the choice's name, with "_na" when "na" is among
// them.
func xlsformListName(q *korto.Question) string {
	name := string(q.Kind.EffectiveType())
	if q.Kind.EffectiveType() == korto.KindChoice {
		name = q.Kind.Ref
	}
	if q.NA {
		name += "_na"
	}
	return name
}

// list writes a choice list once.
func (b *xlsformBuilder) list(name string, opts []option) {
	if b.lists[name] {
		return
	}
	b.lists[name] = true
	for _, o := range opts {
		r := []string{name, o.value}
		for _, l := range b.langs {
			r = append(r, o.label.In(l))
		}
		b.choices = append(b.choices, r)
	}
}

// xlsformExpr writes a `when` condition in XLSForm's syntax. An atom on
// a question that has no answer (or "na") is false whatever its
// operator, as in the answer sheet, so a comparison that an empty value
// would pass (!=) first asks for an answer.
func xlsformExpr(c *korto.Checklist, e *korto.Expr) (string, error) {
	return xlsformExprDepth(c, e, 0)
}

func xlsformExprDepth(c *korto.Checklist, e *korto.Expr, depth int) (string, error) {
	if depth > 100 {
		return "", fmt.Errorf("condition nested too deep")
	}
	ref := func(id string) string { return "${" + id + "}" }
	answered := func(id string) string { return fmt.Sprintf("%s != '' and %s != 'na'", ref(id), ref(id)) }
	quote := func(s string) string { return "'" + s + "'" }
	join := func(op string) (string, error) {
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			s, err := xlsformExprDepth(c, a, depth+1)
			if err != nil {
				return "", err
			}
			parts[i] = "(" + s + ")"
		}
		return strings.Join(parts, " "+op+" "), nil
	}
	switch e.Op {
	case korto.ExprAnd:
		return join("and")
	case korto.ExprOr:
		return join("or")
	case korto.ExprNot:
		if len(e.Args) != 1 {
			return "", fmt.Errorf("not takes one operand")
		}
		s, err := xlsformExprDepth(c, e.Args[0], depth+1)
		return "not(" + s + ")", err
	case korto.ExprYes:
		return ref(e.Question) + " = 'yes'", nil
	case korto.ExprIn:
		parts := make([]string, len(e.Options))
		for i, o := range e.Options {
			parts[i] = ref(e.Question) + " = " + quote(o)
		}
		return strings.Join(parts, " or "), nil
	case korto.ExprCmp:
		op := string(e.Cmp)
		if op == "==" {
			op = "="
		}
		var rhs string
		switch {
		case e.Number != nil:
			rhs = korto.FormatNumber(*e.Number)
		case len(e.Options) == 1:
			rhs = quote(e.Options[0])
		default:
			return "", fmt.Errorf("comparison with nothing")
		}
		s := ref(e.Question) + " " + op + " " + rhs
		if op == "!=" || e.Number != nil && (op == "<" || op == "<=") {
			// An empty value is "" (not equal to anything) and reads
			// as 0 in a number comparison in some engines.
			s = answered(e.Question) + " and " + s
		}
		return s, nil
	}
	return "", fmt.Errorf("unknown condition %q", e.Op)
}
