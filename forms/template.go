package forms

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

// The sheets of the template workbook. TemplateAnswersSheet is the one
// `cxkit import` reads.
const (
	TemplateAnswersSheet   = "answers"
	TemplateChecklistSheet = "checklist"
	templateListsSheet     = "lists" // hidden: answer lists too long to write inline
	templateRows           = 1000    // rows of audits the drop-down lists cover
)

// templateWords are the headings of the checklist sheet, by language;
// other languages get the English ones.
var templateWords = map[string][8]string{
	"ru": {"ID", "Вопрос", "Уровень", "Раздел", "Вид ответа", "Допустимые ответы", "Условие (when)", "Подсказка"},
	"en": {"ID", "Question", "Level", "Section", "Kind", "Allowed answers", "Condition (when)", "Hint"},
}

// templateAnswerWords describe numeric and free answers in the allowed-
// answers column, by language.
var templateAnswerWords = map[string]struct{ whole, number, text, empty, optional string }{
	"ru": {"целое число от %s до %s", "число", "любой текст", "пустая ячейка — нет ответа", "можно не отвечать"},
	"en": {"a whole number from %s to %s", "a number", "any text", "an empty cell is no answer", "may be left empty"},
}

// Template returns an Excel workbook (.xlsx) for filling audits of the
// checklist in a spreadsheet: sheet "answers" has one column per audit
// field and per question, row 1 the IDs that `cxkit import` matches,
// row 2 the question texts, both frozen, and a drop-down list (or a
// number rule) on every answer cell, so that only answers `cxkit score`
// takes can be chosen; sheet "checklist" explains each question: its
// level, section, kind, allowed answers, condition and hint. Texts are
// in opts.Lang, the checklist's own language by default.
func Template(c *korto.Checklist, opts Options) ([]byte, error) {
	if c == nil {
		return nil, errNilChecklist
	}
	lang := c.ShownLang(opts.Lang)
	w := c.Words(lang)
	word := fixedText(c, lang, nil)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", TemplateAnswersSheet); err != nil {
		return nil, err
	}
	t := &templateBuilder{c: c, f: f, lang: lang, w: w, word: word}
	if err := t.answers(); err != nil {
		return nil, err
	}
	if err := t.checklist(); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type templateBuilder struct {
	c     *korto.Checklist
	f     *excelize.File
	lang  string
	w     korto.FormWords
	word  func(string) korto.Text
	lists int // rows used in the lists sheet
}

func (t *templateBuilder) answers() error {
	const sh = TemplateAnswersSheet
	f := t.f
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	if err != nil {
		return err
	}
	texts, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	// Audit fields are labels: kept as text, so that "0017" keeps its
	// zeros and a date is not turned into a serial number.
	asText, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	col := 0
	cell := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	colName := func(c int) string { s, _ := excelize.ColumnNumberToName(c); return s }
	for _, field := range AuditFields {
		col++
		if err := f.SetCellStr(sh, cell(col, 1), auditFieldName(t.c, field)); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, cell(col, 2), auditFieldTitle(t.w, field)); err != nil {
			return err
		}
		if err := f.SetColStyle(sh, colName(col), asText); err != nil {
			return err
		}
		if err := f.SetColWidth(sh, colName(col), colName(col), 16); err != nil {
			return err
		}
	}
	for q := range t.c.Questions() {
		col++
		if err := f.SetCellStr(sh, cell(col, 1), q.ID); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, cell(col, 2), q.Text.In(t.lang)); err != nil {
			return err
		}
		if err := f.SetColWidth(sh, colName(col), colName(col), 18); err != nil {
			return err
		}
		if err := t.validation(q, colName(col)); err != nil {
			return err
		}
	}
	last := colName(max(col, 1))
	if err := f.SetCellStyle(sh, "A1", last+"1", head); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A2", last+"2", texts); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 2, 60); err != nil {
		return err
	}
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: "B3", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B3", ActiveCell: "B3", Pane: "bottomRight"}}})
}

// validation puts the rule for question q's answers on the answer
// cells of column col: a drop-down of its answers (with "na" where
// allowed) for yes/no, choice, emotion, scales of up to 11 points and
// longer scales that allow "na", a whole-number or decimal rule for the
// other numbers, and for a number that may also be "na" (a measure, or
// a scale too long for a list) a formula that takes either; nothing for
// text.
func (t *templateBuilder) validation(q *korto.Question, col string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s3:%s%d", col, col, templateRows+2)
	values, allowed := t.allowed(q)
	lo, hi, whole := templateNumbers(t.c, q)
	switch {
	case values != nil:
		if err := dv.SetDropList(values); err != nil {
			// Too long to write inline (Excel takes 255 characters):
			// the list goes to a hidden sheet.
			ref, err := t.list(values)
			if err != nil {
				return err
			}
			dv.SetSqrefDropList(ref)
		}
	case q.Kind.EffectiveType() == korto.KindText:
		return nil // any text
	case q.NA:
		// No number rule says "na": a custom formula, relative to the
		// column's first answer cell, which Excel and LibreOffice apply
		// to each cell of the range. IF tests the number first, so that
		// INT never sees text, whose error would fail "na" too.
		dv.Type = "custom"
		dv.Formula1 = formulaXML.Replace(numberOrNA(fmt.Sprintf("%s3", col), lo, hi, whole))
	default:
		typ := excelize.DataValidationTypeDecimal
		if whole {
			typ = excelize.DataValidationTypeWhole
		}
		if err := dv.SetRange(lo, hi, typ, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, q.ID, allowed)
	return t.f.AddDataValidation(TemplateAnswersSheet, dv)
}

// templateNumbers is the range of numbers question q takes in the
// template: a scale's points, whole; any number Excel keeps exactly for
// the rest.
func templateNumbers(c *korto.Checklist, q *korto.Question) (lo, hi float64, whole bool) {
	if lo, hi, ok := c.Points(q.Kind); ok {
		return lo, hi, true
	}
	return -1e15, 1e15, false
}

// templateNA is how the template writes "na": in its drop-downs and its
// number-or-na rule (which, as Excel compares text, takes "NA" too).
const templateNA = "na"

// numberOrNA is the formula of a custom validation that takes, in cell
// ref, a number from lo to hi (whole if whole) or the text "na".
func numberOrNA(ref string, lo, hi float64, whole bool) string {
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	in := fmt.Sprintf("%s>=%s,%s<=%s", ref, num(lo), ref, num(hi))
	if whole {
		in = fmt.Sprintf("%s=INT(%s),%s", ref, ref, in)
	}
	return fmt.Sprintf(`IF(ISNUMBER(%s),AND(%s),%s="%s")`, ref, in, ref, templateNA)
}

// formulaXML escapes a formula for excelize, which writes a
// validation's formula into the sheet's XML as it is (its own drop-down
// lists escape the same three). Quotes stay, as Excel writes them and
// excelize reads them back; xmlText would write them as &#34;.
var formulaXML = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// allowed returns the answers of q a drop-down offers (nil when q takes
// a number or text that a list cannot hold) and the allowed answers in
// words.
func (t *templateBuilder) allowed(q *korto.Question) ([]string, string) {
	aw, ok := templateAnswerWords[t.lang]
	if !ok {
		aw = templateAnswerWords["en"]
	}
	opts, _ := options(t.c, q, t.word)
	if opts != nil {
		values := make([]string, len(opts))
		words := make([]string, len(opts))
		for i, o := range opts {
			values[i] = o.value
			words[i] = o.value + " = " + o.label.In(t.lang)
		}
		return values, strings.Join(words, "; ")
	}
	na := ""
	if q.NA {
		na = "; na = " + t.w.NA
	}
	if lo, hi, ok := t.c.Points(q.Kind); ok {
		desc := fmt.Sprintf(aw.whole, korto.FormatNumber(lo), korto.FormatNumber(hi)) + na
		// A longer scale takes a whole-number rule, unless it allows
		// "na", which no number rule says: then its every point and
		// "na" in a drop-down, while Excel's list holds them.
		if !korto.IsPointRow(lo, hi) && !(q.NA && hi-lo < templateListMax) {
			return nil, desc
		}
		var values []string
		for x := lo; x <= hi; x++ {
			values = append(values, korto.FormatNumber(x))
		}
		if q.NA {
			values = append(values, templateNA)
		}
		return values, desc
	}
	if q.Kind.EffectiveType() == korto.KindMeasure {
		return nil, aw.number + ": " + hint(&korto.Question{Kind: q.Kind}, t.lang, t.w) + na
	}
	return nil, aw.text + na
}

// templateListMax is how many entries a drop-down of the template
// takes: Excel shows up to 32,768 items of a list on a sheet.
const templateListMax = 32767

// list writes values to a column of the hidden lists sheet and returns
// the range that holds them.
func (t *templateBuilder) list(values []string) (string, error) {
	f := t.f
	if t.lists == 0 {
		if _, err := f.NewSheet(templateListsSheet); err != nil {
			return "", err
		}
		if err := f.SetSheetVisible(templateListsSheet, false); err != nil {
			return "", err
		}
	}
	t.lists++
	col, _ := excelize.ColumnNumberToName(t.lists)
	for i, v := range values {
		if err := f.SetCellStr(templateListsSheet, fmt.Sprintf("%s%d", col, i+1), v); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%s!$%s$1:$%s$%d", templateListsSheet, col, col, len(values)), nil
}

func (t *templateBuilder) checklist() error {
	const sh = TemplateChecklistSheet
	f := t.f
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	heads, ok := templateWords[t.lang]
	if !ok {
		heads = templateWords["en"]
	}
	aw, ok := templateAnswerWords[t.lang]
	if !ok {
		aw = templateAnswerWords["en"]
	}
	headRow := heads[:]
	if err := f.SetSheetRow(sh, "A1", &headRow); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	r := 1
	addRow := func(level, section string, q *korto.Question) error {
		r++
		_, allowed := t.allowed(q)
		if q.Optional {
			allowed += "; " + aw.optional
		}
		when := ""
		if cond := q.Condition(); cond != nil {
			when = cond.String()
		}
		row := []any{q.ID, q.Text.In(t.lang), level, section, q.Kind.String(), allowed, when, q.Hint.In(t.lang)}
		return f.SetSheetRow(sh, fmt.Sprintf("A%d", r), &row)
	}
	var walk func(level, section string, items []korto.Item) error
	walk = func(level, section string, items []korto.Item) error {
		for _, it := range items {
			switch {
			case it.Section != nil:
				if err := walk(level, it.Section.Title.In(t.lang), it.Section.Items); err != nil {
					return err
				}
			case it.Question != nil:
				if err := addRow(level, section, it.Question); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, l := range t.c.Levels {
		if err := walk(levelTitle(t.w, l.Number, l.Title.In(t.lang)), "", l.Items); err != nil {
			return err
		}
	}
	if t.c.Survey != nil {
		for _, q := range t.c.Survey.Questions {
			if err := addRow(t.w.Survey, "", q); err != nil {
				return err
			}
		}
	}
	r++
	if err := f.SetCellStr(sh, fmt.Sprintf("A%d", r+1), aw.empty); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", "H1", bold); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A2", fmt.Sprintf("H%d", r), wrap); err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 18, "B": 50, "C": 24, "D": 24, "E": 22, "F": 40, "G": 30, "H": 40} {
		if err := f.SetColWidth(sh, col, col, width); err != nil {
			return err
		}
	}
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
