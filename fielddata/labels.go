package fielddata

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
)

// A KoboToolbox export made with "Labels" (or a language of the form)
// in place of "XML values and headers" names each column by its
// field's label in that language, the labels of its groups before it
// when groups are in the headers, joined with the separator the export
// dialog names; and each answer by its choice's label. The labels are
// those the checklist's XLSForm shows (forms.XLSFormLabels), so a
// header of them is read as a header of names is, in one language.

// labelHeader is what the columns that no name matches are by their
// labels, in the language most of them are in.
type labelHeader struct {
	lang  forms.XLSFormLanguage
	field map[int]*forms.XLSFormField // by column: the field its label names
	// also names the fields a column's label names in lang when it
	// names more than one, which leaves the column unread; told names
	// such labels once told, so that two columns of one say it once.
	also map[int][]string
	told map[string]bool
}

// readLabels matches the columns of header that match no name to the
// labels of the checklist's form. It returns nil when every column
// matches by name, or none by label: an export of names costs a match
// per column here, and nothing per row.
func (l *layout) readLabels(header []string) *labelHeader {
	var unknown []int
	for i, h := range header {
		if h = strings.TrimSpace(h); h != "" && l.match(h).kind == colUnknown {
			unknown = append(unknown, i)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	langs, err := forms.XLSFormLabels(l.plan.Checklist(), forms.Options{})
	if err != nil {
		return nil // a checklist no XLSForm shows: its exports have no labels to match
	}
	// Kobo writes one language: the one most columns are in, the form's
	// default on a tie.
	best, bestN := -1, 0
	for li := range langs {
		n := 0
		for _, i := range unknown {
			if len(labelled(&langs[li], strings.TrimSpace(header[i]))) > 0 {
				n++
			}
		}
		if n > bestN {
			best, bestN = li, n
		}
	}
	if best < 0 {
		return nil
	}
	lh := &labelHeader{lang: langs[best], field: map[int]*forms.XLSFormField{}, also: map[int][]string{}}
	questions := false
	for _, i := range unknown {
		fs := labelled(&lh.lang, strings.TrimSpace(header[i]))
		switch len(fs) {
		case 0:
		case 1:
			lh.field[i] = fs[0]
		default:
			for _, f := range fs {
				lh.also[i] = append(lh.also[i], f.Name)
			}
		}
		questions = questions || slices.ContainsFunc(fs, func(f *forms.XLSFormField) bool { return f.Question })
	}
	if !questions {
		// A column "Date" beside question IDs is a typo of "date", not
		// an export of labels, which names its questions by them.
		return nil
	}
	return lh
}

// labelled returns the fields of the form that a column named h names
// by label in lang: its label alone, or after its groups' labels each
// followed by one separator, whatever the separator ("/" and "-" are
// Kobo's, and its dialog takes any).
func labelled(lang *forms.XLSFormLanguage, h string) []*forms.XLSFormField {
	var out []*forms.XLSFormField
	for fi := range lang.Fields {
		f := &lang.Fields[fi]
		if f.Label == "" || f.Label == f.Name || !strings.HasSuffix(h, f.Label) {
			continue // a field shown by its name matches by name
		}
		if len(h) == len(f.Label) || groupPrefix(h[:len(h)-len(f.Label)], f.Groups) {
			out = append(out, f)
		}
	}
	return out
}

// groupPrefix reports whether p is the groups joined and ended by one
// separator of at least a byte.
func groupPrefix(p string, groups []string) bool {
	if len(groups) == 0 || !strings.HasPrefix(p, groups[0]) {
		return false
	}
	n := len(p)
	for _, g := range groups {
		n -= len(g)
	}
	if n <= 0 || n%len(groups) != 0 {
		return false
	}
	sep := p[len(groups[0]) : len(groups[0])+n/len(groups)]
	return p == strings.Join(groups, sep)+sep
}

// column returns what column i, which no name matches, is by its label,
// and the problem of a label that names two fields.
func (lh *labelHeader) column(l *layout, i int, h string, line, colNo int) (column, Errors) {
	if lh == nil {
		return column{kind: colUnknown}, nil
	}
	if also := lh.also[i]; also != nil {
		if lh.told[strings.TrimSpace(h)] {
			return column{kind: colSkip}, nil
		}
		if lh.told == nil {
			lh.told = map[string]bool{}
		}
		lh.told[strings.TrimSpace(h)] = true
		return column{kind: colSkip}, Errors{{Pos: diag.Pos{File: l.file, Line: line, Column: colNo}, Code: diag.CodeAmbiguousLabel,
			Message: fmt.Sprintf("column %q is the label in %s of each of %s, and a label does not say which: export with \"XML values and headers\" (or with groups in the headers, if they tell them apart)", strings.TrimSpace(h), lh.lang.Name, listFew(also))}}
	}
	f := lh.field[i]
	switch {
	case f == nil:
		return column{kind: colUnknown}, nil
	case f.Question:
		if q, ok := l.plan.QuestionIndex(f.Name); ok {
			return column{kind: colQuestion, q: q}, nil
		}
	case slices.Contains(AuditFields, auditName(f.Name)):
		return column{kind: colAudit, field: auditName(f.Name)}, nil
	}
	return column{kind: colSkip}, nil
}

// finish says, once every column is matched, what was read by label
// (a warning at the header's line), and gives each question a column
// of which names by label its options' labels as known cells (see
// layout.questions). Two options of such a question with one label are
// an error at its column (once for all the questions of a choice): a
// cell of that label would not say which.
func (lh *labelHeader) finish(l *layout, line int) (warns, errs Errors) {
	if lh == nil || len(lh.field) == 0 {
		return nil, nil
	}
	byLabel, byName := 0, 0
	// A choice's answers are the same in every question of it: their
	// labels are told once, at the first such column.
	first, more := map[string]*Error{}, map[*Error]int{}
	for q, ci := range l.qcol {
		if ci < 0 {
			continue
		}
		f := lh.field[ci]
		if f == nil || !f.Question {
			byName++
			continue
		}
		byLabel++
		cells, es := l.labelCells(q, f.Options, lh.lang.Name, line, ci+1)
		for _, e := range es {
			if f := first[e.Message]; f != nil {
				more[f]++
				continue
			}
			first[e.Message] = e
			errs = append(errs, e)
		}
		if l.labels == nil {
			l.labels = map[int][]knownCell{}
		}
		l.labels[q] = cells
	}
	for e, n := range more {
		e.Message += fmt.Sprintf(" (as in %d more questions of these answers)", n)
	}
	msg := fmt.Sprintf("the header names %d of its %d question columns by their labels in %s, not by ID, as an export with \"Labels\" does: they are read by label, their answers by their options' labels", byLabel, byLabel+byName, lh.lang.Name)
	if byName > 0 {
		msg += fmt.Sprintf("; the other %d, named by ID, are read as values", byName)
	}
	msg += "; an export with \"XML values and headers\" needs no labels"
	warns = Errors{{Pos: diag.Pos{File: l.file, Line: line}, Severity: korto.SeverityWarning, Code: diag.CodeLabelHeader, Message: msg}}
	return warns, errs
}

// labelCells are the known cells the labels of options make for
// question q: each label with the word its value is.
func (l *layout) labelCells(q int, opts []forms.XLSFormOption, langName string, line, colNo int) ([]knownCell, Errors) {
	words := l.plan.Words(q)
	var cells []knownCell
	var errs Errors
	for i, o := range opts {
		w := slices.Index(words, o.Value)
		if o.Value == "na" {
			w = len(words)
		}
		if w < 0 || o.Label == "" {
			continue // a point of a scale, whose label is its number
		}
		if j := slices.IndexFunc(opts[:i], func(p forms.XLSFormOption) bool { return p.Label == o.Label }); j >= 0 {
			id := l.plan.Question(q).ID
			errs = append(errs, &Error{Pos: diag.Pos{File: l.file, Line: line, Column: colNo}, Question: id, Subject: about("", id), Code: diag.CodeAmbiguousLabel,
				Message: fmt.Sprintf("answers %q and %q are both labelled %q in %s, so a cell of that label does not say which: export with \"XML values and headers\"", opts[j].Value, o.Value, o.Label, langName)})
			continue
		}
		cells = append(cells, knownCell{o.Label, w})
	}
	return cells, errs
}
