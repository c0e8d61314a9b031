package report

import (
	"bytes"
	"slices"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// worker reads, checks, scores and aggregates sheets one by one,
// reusing its buffers; each goroutine has its own.
type worker struct {
	run      *run
	plan     *korto.Plan
	agg      *korto.Aggregator
	bound    korto.Bound
	scores   korto.Scores
	sheets   int64 // valid sheets, filters aside
	invalid  []Problem
	warnings warningCounts
	dups     dupList
	auditors *AuditorLog
	// held are the sheets that wait for the follow-ups of their
	// promises (see holdForPromises), in the order this worker met them.
	held []heldSheet
	// spare is a sheet to read the next one into, so that its maps are
	// not made anew for every sheet: the last one read, once nothing
	// can keep it (see recycle).
	spare *korto.Sheet
}

func (w *worker) do(j job) {
	name := w.run.sources[j.src].Name
	w.invalid = append(w.invalid, j.bad...)
	for _, rs := range j.read {
		p := Problem{src: j.src, Source: name, Line: rs.line}
		if rs.sheet != nil {
			rs.sheet.Place = w.place(p)
		}
		if rs.err == nil && w.hold(rs.sheet, p) {
			continue
		}
		sheet, err := w.addRead(rs.sheet, rs.err)
		w.done(p, sheet, err)
	}
	for i, data := range j.data {
		if data == nil {
			continue
		}
		p := Problem{src: j.src, Source: name}
		if j.lines {
			p.Line = j.first + i
		}
		sheet, err := w.add(data, p)
		if sheet == nil && err == nil {
			continue // held, or filtered out
		}
		if err != nil {
			if j.lines {
				// Placed in the line alone: move syntax errors to it.
				for _, ae := range diag.As(err) {
					if ae.Line > 0 {
						ae.Line += p.Line - 1
					}
				}
			}
			if !j.lines && looksLikeJSONLines(err) {
				p.Hint = "a file with one sheet per line must be named *.jsonl or *.ndjson"
			}
		}
		w.done(p, sheet, err)
	}
}

// place names where the sheet at p was read, for korto.Sheet.Place.
func (w *worker) place(p Problem) string {
	if f := w.run.opts.Place; f != nil {
		return f(p.src, p.Line)
	}
	return p.Where()
}

// done files a sheet's outcome: a problem, or warnings and a place for
// the duplicate check.
func (w *worker) done(p Problem, sheet *korto.Sheet, err error) {
	if err != nil {
		p.Err = err
		w.invalid = append(w.invalid, p)
		return
	}
	if sheet == nil { // filtered out
		return
	}
	for _, wn := range sheet.Warnings {
		w.warnings.note(wn.Error(), p)
	}
	if !w.run.opts.AllowDuplicates {
		w.dups.add(AuditKey(sheet), p.src, p.Line)
	}
	if w.run.opts.Kept != nil {
		w.run.opts.Kept(p.src, p.Line, sheet)
	}
	w.auditors.Add(sheet.Audit)
	w.run.scored.Add(1)
}

// add reads one sheet and adds it to the aggregate. It checks the
// answers against the checklist once, in BindInto, and aggregates the
// flat scores without building a Result; only for a sheet that fails
// does it read the sheet again with Plan.ReadAnswers, which lists the
// problems of the form and of the answers together. A sheet the filters
// drop comes back nil, without an error.
func (w *worker) add(data []byte, p Problem) (*korto.Sheet, error) {
	sheet := w.spare
	if sheet == nil {
		sheet = new(korto.Sheet)
	}
	w.spare = nil
	err := korto.ParseAnswersInto(sheet, data)
	if err == nil {
		sheet.Place = w.place(p)
	}
	if err == nil && w.hold(sheet, p) {
		return nil, nil
	}
	w.recycle(sheet)
	if err == nil {
		form := sheet.Warnings
		err = w.plan.BindInto(&w.bound, sheet) // sets sheet.Warnings to the answers' warnings
		sheet.Warnings = append(form, sheet.Warnings...)
	}
	if err != nil {
		if _, all := w.plan.ReadAnswers(bytes.NewReader(data)); all != nil {
			err = all
		}
		return nil, err
	}
	return w.score(sheet)
}

// recycle makes sheet the one the next is read into: the next call of
// add overwrites it, once done has filed it. Only Options.Kept and hold
// keep a sheet longer; the aggregate keeps strings of it, which a later
// sheet does not change.
func (w *worker) recycle(sheet *korto.Sheet) {
	if w.run.opts.Kept == nil {
		w.spare = sheet
	}
}

// score scores a sheet bound in w.bound and adds it to the aggregate,
// when the filters keep it.
func (w *worker) score(sheet *korto.Sheet) (*korto.Sheet, error) {
	w.sheets++
	for _, f := range w.run.opts.Where {
		if !f.match(sheet.Audit) {
			return nil, nil
		}
	}
	if err := w.plan.ScoreInto(&w.scores, &w.bound); err != nil {
		return nil, err
	}
	if err := w.agg.AddScored(w.plan, sheet, &w.scores); err != nil {
		w.sheets--
		return nil, err
	}
	return sheet, nil
}

// addRead adds a sheet that a korto.SheetReader read, with the error of
// its form, formErr. A sheet whose form is wrong has its answers checked
// too, so that all of its problems are listed together.
func (w *worker) addRead(sheet *korto.Sheet, formErr error) (*korto.Sheet, error) {
	if formErr != nil {
		errs := slices.Clone(diag.As(formErr))
		if sheet == nil || sheet.Answers == nil || slices.ContainsFunc(errs, func(e *diag.Diagnostic) bool { return e.Code == korto.CodeSyntax }) {
			return nil, formErr
		}
		for _, e := range w.plan.Check(sheet) {
			if e.Severity == korto.SeverityError && !slices.ContainsFunc(errs, func(f *diag.Diagnostic) bool { return *f == *e }) {
				errs = append(errs, e)
			}
		}
		return nil, errs
	}
	form := sheet.Warnings
	if err := w.plan.BindInto(&w.bound, sheet); err != nil { // sets sheet.Warnings to the answers' warnings
		return nil, err
	}
	sheet.Warnings = append(form, sheet.Warnings...)
	return w.score(sheet)
}

// looksLikeJSONLines reports whether a JSON file failed because a second
// value starts on a later line: the mark of JSON Lines under a .json name.
func looksLikeJSONLines(err error) bool {
	for _, ae := range diag.As(err) {
		if ae.Code == korto.CodeSyntax && ae.Line > 1 && ae.Column == 1 {
			return true
		}
	}
	return false
}
