// Package cxkit is the root of a toolkit for measuring customer service:
// checklists for service audits and mystery shopping, the gated KORTO
// pyramid of customer happiness, and the loyalty and support metrics that
// go with them.
//
// The module is a set of small packages; open the one that fits the job:
//
//   - github.com/cxkit/cxkit/korto: the checklist model, its validation,
//     answer sheets, scoring one audit, aggregating many, and the JSON
//     Schema of an answer sheet for form UIs.
//   - github.com/cxkit/cxkit/dsl: the .korto checklist language: parser,
//     positioned diagnostics and the canonical formatter.
//   - github.com/cxkit/cxkit/metrics: survey metrics (NPS, emotional
//     index, CSAT, CES, CSI) with confidence intervals and mergeable
//     accumulators.
//   - github.com/cxkit/cxkit/metrics/support: support-desk KPIs from
//     tickets, in calendar or business time, against standards.
//   - github.com/cxkit/cxkit/metrics/retail: retail floor KPIs such as
//     conversion and sellers needed per hour.
//   - github.com/cxkit/cxkit/metrics/surveycsv: survey CSV exports read
//     into the accumulators of package metrics, on every core.
//   - github.com/cxkit/cxkit/report: many answer sheets aggregated into
//     the report of `cxkit report`: critical failures, league table, waves.
//   - github.com/cxkit/cxkit/report/render: that report, or one scored
//     audit, printed as text or as a self-contained HTML page.
//   - github.com/cxkit/cxkit/forms: the checklist as forms for field and
//     web tools: XLSForm, ODK XForm, SurveyJS, JSON Forms, the Excel
//     template.
//   - github.com/cxkit/cxkit/fielddata: what those tools collect (CSV,
//     Excel, ODK, KoboToolbox, SurveyJS) read back as answer sheets.
//   - github.com/cxkit/cxkit/diag: the one model of the problems found in
//     any input, and their rendering with the source line and a caret.
//   - github.com/cxkit/cxkit/lsp: the language server of .korto for
//     editors.
//   - github.com/cxkit/cxkit/cmd/cxkit: the command that wires them
//     together for people who do not write Go.
//
// A short tour: parse a checklist, then score an answer sheet with it.
//
//	c, err := dsl.Parse("mall.korto", src)
//	if err != nil {
//		// err lists every problem with file:line:col and a hint.
//	}
//	plan, err := korto.Compile(c)
//	sheet, err := korto.ReadAnswers(r) // the sheet's form
//	res, err := plan.Score(sheet)      // every answer problem names its question
//	fmt.Println(res.Reached, res.ReachedName.In("en"))
package cxkit
