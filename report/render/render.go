// Package render prints audit results for people, as the command does:
// the text and the self-contained HTML page of an aggregated report
// (`cxkit report`, [Text] and [HTML]; [XLSX] for an Excel workbook) and
// of one scored audit (`cxkit score`, [ScoreText] and [ScoreHTML]).
//
// The report package computes the numbers ([report.Run]); this package
// only lays them out, in Russian or English, so an application that
// embeds the library prints what the command prints with one call
// after the run:
//
//	res, err := report.Run(ctx, plan, sources, report.Options{By: "location"})
//	...
//	err = render.Text(os.Stdout, plan.Checklist(), res, render.Options{})
//
// Output is deterministic: the same result renders to the same bytes,
// and those bytes are the command's (the tests compare them with the
// command's golden files).
// Text from the answer sheets (group names, audit IDs, comments) is
// made safe for a terminal in the text and isolated with <bdi> in the
// HTML, so that a sheet cannot act on the reader's screen or reorder
// the page around it.
package render

import (
	"bytes"
	"io"
	"time"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

// Options say how to print a report. Give the values the report was
// run with ([report.Options]): the result does not keep them.
type Options struct {
	// Lang is the language of the checklist's texts, a translation tag
	// of the checklist ("en"); "" keeps the checklist's own. The fixed
	// words of the report are Russian when the texts shown are Russian,
	// English otherwise.
	Lang string
	// MinDuration is the threshold below which the run flagged visits as
	// too short; it heads the auditors' table.
	MinDuration time.Duration
}

// Text prints the report as plain text for a terminal or a mail: the
// headline, critical failures, the league table and its legend, levels,
// top problems, survey metrics and each group's own block. c is the
// checklist the report was run with; its texts name the questions,
// sections and levels. Invalid sheets the run skipped
// (res.Invalid) are counted in the headline, which says, as the command
// does, that they are listed on standard error: list them there too.
func Text(w io.Writer, c *korto.Checklist, res *report.Result, opt Options) error {
	return newView(c, res, opt).writeText(w)
}

// HTML prints the report as one self-contained HTML page (inline CSS
// and SVG, no JavaScript, nothing fetched from the network) that a
// manager can open, mail or print. The page is built in memory and
// written with one Write, so w sees either the whole page or an error.
func HTML(w io.Writer, c *korto.Checklist, res *report.Result, opt Options) error {
	var buf bytes.Buffer
	if err := newView(c, res, opt).writeHTML(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// view is a report made ready for people: texts in one language,
// numbers still numbers. The text and HTML writers share it.
type view struct {
	L        labels
	Lang     string // the language of checklist texts, "" for its default
	Title    string
	Rep      *korto.Report
	Res      *report.Result
	c        *korto.Checklist
	Skipped  int
	ByHeader string // the grouping field as a column header
	// minDuration is Options.MinDuration as the auditors' table heads it.
	minDuration string
}

// newView picks the labels in the language of the texts (see
// korto.Checklist.ShownLang), English when that is not Russian.
func newView(c *korto.Checklist, res *report.Result, opt Options) *view {
	lang := c.ShownLang(opt.Lang)
	rep := res.Report
	v := &view{L: labelsEn, Lang: opt.Lang, Rep: rep, Res: res, c: c, Title: c.Title.In(opt.Lang)}
	if lang == "ru" {
		v.L = labelsRu
	}
	if v.Title == "" {
		v.Title = c.ID
	}
	v.ByHeader = FieldName(v.L.Lang, rep.GroupBy)
	v.minDuration = "—"
	if d := opt.MinDuration; d > 0 {
		v.minDuration = textfmt.Fixed(d.Minutes(), 0) + " min"
		if v.L.Lang == "ru" {
			v.minDuration = textfmt.Fixed(d.Minutes(), 0) + " мин"
		}
	}
	// Run fails when a sheet is invalid unless told to skip them, so
	// the invalid sheets of a result to print are the skipped ones.
	v.Skipped = len(res.Invalid)
	return v
}

// ScoreText prints one scored audit as `cxkit score` does: the score,
// the level reached, each level and section, and what to fix first. The
// plan and the sheet are those r was scored from: the sheet's answers
// say what was found where a failed question measured something.
func ScoreText(w io.Writer, plan *korto.Plan, sheet *korto.Sheet, r *korto.Result, opt Options) error {
	return newScoreView(plan, sheet, r, opt.Lang).writeText(w)
}

// ScoreHTML prints one scored audit as a self-contained HTML page with
// the pyramid drawn (`cxkit score --html`). Like [HTML], it writes the
// whole page with one Write.
func ScoreHTML(w io.Writer, plan *korto.Plan, sheet *korto.Sheet, r *korto.Result, opt Options) error {
	var buf bytes.Buffer
	if err := newScoreView(plan, sheet, r, opt.Lang).writeHTML(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
