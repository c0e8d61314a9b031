// Package korto models service checklists and scores audits against them.
//
// A [Checklist] is a tree of levels, sections and questions on one of two
// service models: the four-level KORTO pyramid of customer happiness
// (foundation, functions, atmosphere, delight) or Kotler's service levels.
// Checklists come from the .korto language (package
// github.com/cxkit/cxkit/dsl), from their JSON form, or from Go code; all
// three are checked by the same [Checklist.Validate].
//
// Scoring is gated: an upper level counts toward the level an audit
// reached only while every level beneath it passes, because atmosphere
// and delight do not pay while the foundation fails.
package korto
