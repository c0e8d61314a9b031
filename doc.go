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
