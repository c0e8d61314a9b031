package fielddata

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/suggest"
	"github.com/cxkit/cxkit/korto"
)

// AuditFields are the audit fields a column is taken for by its name
// alone. Any other field is collected in a group named "audit" (a
// column "audit-city" in ODK's export, "audit/city" in KoboToolbox's,
// "audit.city" in a CSV file of one's own). "started" and "ended" are
// the times the form was opened and finished, which the forms record
// as "start" and "end".
var AuditFields = []string{"id", "location", "date", "auditor", "started", "ended", "gps"}

// auditGroup is the group forms collect the audit fields in.
const auditGroup = "audit"

type colKind uint8

const (
	colSkip     colKind = iota // meta column, or a column of no name
	colQuestion                // answers question q
	colAudit                   // audit field
	colUnknown                 // matches nothing: warned about, then skipped
)

// column is what one column of the file holds.
type column struct {
	kind colKind
	q    int // the question's index in the plan
	// words is the question when its cells can be its words (a
	// question not of a numeric kind), for check's look-up; else nil.
	words *question
	field string // the audit field
	// instance ranks a column that holds the submission's instance ID
	// (0 none, lower wins), the audit id of a row that has no id.
	instance int
}

// layout is the meaning of a file's columns, read from its header once;
// a row is then turned into a sheet by [layout.sheet] alone, so that
// rows can be read in any order and by any number of goroutines.
type layout struct {
	file   string
	format Format
	plan   *korto.Plan
	qs     []question // the plan's questions, as cells read them
	cols   []column
	qcol   []int // by question index: its column, or -1
	idCol  int   // the audit id's column, or -1
	insts  []int // the instance-ID columns, best first
	// decimalComma lets "4,5" stand for 4.5, as spreadsheets in the
	// locales that separate CSV fields with ";" write it.
	decimalComma bool
	numQCols     int            // how many columns answer a question
	names        []string       // the columns' names, as the header has them
	fields       map[string]int // the audit fields' columns
	pathed       map[int]bool   // questions a column names by a group path
	// byLabel is what the columns no name matches are by their labels
	// (see labels.go), nil when there are none; labels are the known
	// cells of the options' labels of the questions so named.
	byLabel *labelHeader
	labels  map[int][]knownCell
}

// newLayout returns a layout with no columns yet, for a file of the
// format named file.
func newLayout(file string, format Format, p *korto.Plan) *layout {
	l := &layout{file: file, format: format, plan: p, idCol: -1, fields: map[string]int{}}
	l.qs = l.questions()
	l.qcol = make([]int, p.NumQuestions())
	for i := range l.qcol {
		l.qcol[i] = -1
	}
	return l
}

// readHeader matches the header's names to the checklist's questions,
// audit fields and the tools' meta columns. It returns the warnings
// (columns that match nothing, questions without a column) and the
// errors (a question answered by two columns, no question at all),
// placed on line, the header's line.
func (l *layout) readHeader(header []string, line int) (warns, errs Errors) {
	l.pathed = l.questionsByPath(header)
	l.byLabel = l.readLabels(header)
	for i, h := range header {
		w, e := l.add(h, line, i+1)
		warns, errs = append(warns, w...), append(errs, e...)
	}
	w, e := l.byLabel.finish(l, line)
	warns, errs = append(w, warns...), append(errs, e...)
	if l.numQCols == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Pos: diag.Pos{File: l.file, Line: line}, Code: CodeNoQuestions,
			Message: fmt.Sprintf("no column is a question of checklist %q: the header must hold question IDs, or the questions' labels in one of its languages", l.plan.Checklist().ID)})
	}
	if l.numQCols > 0 {
		var missing []string
		for i, c := range l.qcol {
			if c < 0 {
				missing = append(missing, l.plan.Question(i).ID)
			}
		}
		if len(missing) > 0 {
			warns = append(warns, &Error{Pos: diag.Pos{File: l.file, Line: line}, Severity: korto.SeverityWarning, Code: CodeNoQuestions,
				Message: fmt.Sprintf("no column for %d of the checklist's questions (%s): they are unanswered in every row", len(missing), listFew(missing))})
		}
	}
	return warns, errs
}

// add adds the next column, named h, found at line and col. It returns
// a warning when the column matches nothing, and an error when it
// repeats another.
func (l *layout) add(h string, line, colNo int) (warns, errs Errors) {
	i := len(l.cols)
	name := strings.TrimSpace(h)
	col := l.match(name)
	if col.kind == colUnknown {
		var e Errors
		col, e = l.byLabel.column(l, i, h, line, colNo)
		errs = append(errs, e...)
	}
	switch col.kind {
	case colQuestion:
		if j := l.qcol[col.q]; j >= 0 {
			errs = append(errs, &Error{Pos: diag.Pos{File: l.file, Line: line, Column: colNo}, Question: l.plan.Question(col.q).ID, Subject: about("", l.plan.Question(col.q).ID), Code: CodeDuplicate,
				Message: fmt.Sprintf("column %q answers the question that column %d (%q) answers already: keep one of them", h, j+1, l.names[j])})
			col.kind = colSkip
			break
		}
		l.qcol[col.q] = i
		l.numQCols++
	case colAudit:
		if j, ok := l.fields[col.field]; ok {
			errs = append(errs, &Error{Pos: diag.Pos{File: l.file, Line: line, Column: colNo}, Code: CodeDuplicate,
				Message: fmt.Sprintf("column %q holds audit field %q, as column %d (%q) does: keep one of them", h, col.field, j+1, l.names[j])})
			col.kind = colSkip
			break
		}
		l.fields[col.field] = i
		if col.field == "id" {
			l.idCol = i
		}
	case colUnknown:
		msg := fmt.Sprintf("column %q matches no question of checklist %q and no audit field, and is left out", name, l.plan.Checklist().ID)
		if s := suggest.Nearest(lastComponent(name, l.format), l.known()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		warns = append(warns, &Error{Pos: diag.Pos{File: l.file, Line: line, Column: colNo}, Severity: korto.SeverityWarning, Code: CodeUnknownColumn, Message: msg})
		col.kind = colSkip
	}
	if col.kind == colQuestion && l.qs[col.q].class != classNumber {
		col.words = &l.qs[col.q]
	}
	l.cols = append(l.cols, col)
	l.names = append(l.names, h)
	if col.instance > 0 {
		l.insts = append(l.insts, i)
		slices.SortStableFunc(l.insts, func(a, b int) int { return l.cols[a].instance - l.cols[b].instance })
	}
	return warns, errs
}

// known are the names a column may have, for suggestions.
func (l *layout) known() []string {
	names := slices.Clone(AuditFields)
	for i := range l.plan.NumQuestions() {
		names = append(names, l.plan.Question(i).ID)
	}
	return names
}

// questionsByPath returns the questions that a column of header names
// by a group path ("level_1-start"). A bare column of the same name
// ("start") is then the form's metadata or audit field of that name,
// which the forms keep outside the levels' groups.
func (l *layout) questionsByPath(header []string) map[int]bool {
	var out map[int]bool
	for _, h := range header {
		parts := splitPath(strings.TrimSpace(h), l.format)
		if len(parts) < 2 || parts[0] == auditGroup {
			continue
		}
		if i, ok := l.plan.QuestionIndex(parts[len(parts)-1]); ok {
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	return out
}

// match says what the column named h holds.
func (l *layout) match(h string) column {
	// A submission's top-level metadata element (<start>, <gps>) is
	// the form's, since cxkit's forms put every question in a group.
	xmlMeta := l.format == ODKXML && (slices.Contains(formMeta, h) || h == "gps")
	if i, ok := l.plan.QuestionIndex(h); ok && (l.pathed[i] || xmlMeta) {
		if f := auditName(h); slices.Contains(AuditFields, f) {
			return column{kind: colAudit, field: f}
		}
		if slices.Contains(formMeta, h) {
			return column{kind: colSkip}
		}
	}
	if c, ok := l.matchName(h); ok {
		return c
	}
	// Tools' meta columns.
	switch {
	case h == "meta-instanceID" || h == "meta/instanceID" || h == "instanceID":
		return column{kind: colSkip, instance: 1}
	case h == "KEY":
		return column{kind: colSkip, instance: 2}
	case h == "_uuid":
		return column{kind: colSkip, instance: 3}
	case slices.Contains(odkMeta, h), slices.Contains(koboMeta, h), strings.HasPrefix(h, "_"):
		return column{kind: colSkip}
	}
	parts := splitPath(h, l.format)
	if len(parts) > 1 {
		last := parts[len(parts)-1]
		if parts[0] == auditGroup && last != "" {
			// The forms' own audit group, at the top of every form:
			// its fields are audit fields even where a question has
			// the same ID ("location"), which a flat form (SurveyJS,
			// the template) writes as "audit.location".
			return column{kind: colAudit, field: auditName(last)}
		}
		if slices.Contains(parts[:len(parts)-1], auditGroup) && last != "" {
			if c, ok := l.matchName(last); ok && c.kind == colQuestion {
				return c
			}
			return column{kind: colAudit, field: auditName(last)}
		}
		if c, ok := l.matchName(last); ok {
			return c
		}
		if slices.Contains(formMeta, last) || parts[0] == "meta" {
			return column{kind: colSkip}
		}
	}
	if h == "" {
		return column{kind: colSkip}
	}
	return column{kind: colUnknown}
}

// matchName matches a name without a group path: a question ID first
// (questions may be named like audit fields), then an audit field, then
// a form's metadata field.
func (l *layout) matchName(h string) (column, bool) {
	if i, ok := l.plan.QuestionIndex(h); ok {
		return column{kind: colQuestion, q: i}, true
	}
	if f := auditName(h); slices.Contains(AuditFields, f) {
		return column{kind: colAudit, field: f}, true
	}
	if slices.Contains(formMeta, h) {
		return column{kind: colSkip}, true
	}
	return column{}, false
}

// auditName maps the names the forms record times under to the audit
// fields they fill.
func auditName(h string) string {
	switch h {
	case "start":
		return "started"
	case "end":
		return "ended"
	}
	return h
}

// splitPath splits a column name into its group path: on "/" in XML
// submissions, and on any of "/", "-" and "." in every other file (ODK
// Central joins groups with "-"; KoboToolbox with "/" by default, but
// its export settings take any separator, "-" and "." among them;
// question IDs hold none of them).
func splitPath(h string, f Format) []string {
	if f == ODKXML {
		return strings.Split(h, "/")
	}
	return strings.FieldsFunc(h, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
}

// lastComponent is the last part of the column name's group path.
func lastComponent(h string, f Format) string {
	parts := splitPath(h, f)
	if len(parts) == 0 {
		return h
	}
	return parts[len(parts)-1]
}
