package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/korto"
)

// warningCount counts sheets with the same warning, so that a version
// mismatch in a million sheets is one line, not a million.
type warningCount struct {
	first string // where it was first seen, in input order
	line  int    // the line of first in its source
	key   [2]int // source and line of first, to keep the earliest
	n     int
}

// warningCounts maps a warning's message to its count. Workers fold
// warnings into it as they go, so that memory stays independent of the
// number of audits.
type warningCounts map[string]*warningCount

// note counts one sheet with warning msg, at p.
func (ws warningCounts) note(msg string, p Problem) {
	ws.add(msg, &warningCount{first: p.Where(), line: p.Line, key: [2]int{p.src, p.Line}, n: 1})
}

// add folds o, the count of msg elsewhere, into ws, keeping the
// earliest place in input order.
func (ws warningCounts) add(msg string, o *warningCount) {
	wc := ws[msg]
	if wc == nil {
		c := *o
		ws[msg] = &c
		return
	}
	if o.key[0] < wc.key[0] || o.key[0] == wc.key[0] && o.key[1] < wc.key[1] {
		wc.key, wc.first, wc.line = o.key, o.first, o.line
	}
	wc.n += o.n
}

// list returns the warnings sorted by message.
func (ws warningCounts) list() []Warning {
	out := make([]Warning, 0, len(ws))
	for m, wc := range ws {
		out = append(out, Warning{Where: wc.first, Message: m, Count: wc.n, Line: wc.line})
	}
	slices.SortFunc(out, func(a, b Warning) int { return strings.Compare(a.Message, b.Message) })
	return out
}

// WarningSet gathers the sheets' warnings of runs over parts of one
// input into what one [Run] over the whole reports: one warning per
// message, at its earliest place, with the number of sheets that had
// it, sorted by message. Run gathers its workers' warnings by the same
// rule; a program that splits the input among runs (a cluster) adds
// every run's Result.Warnings with their places in the whole input.
// The zero WarningSet is empty and ready to use.
type WarningSet struct{ ws warningCounts }

// Add counts w, first seen at line of source src of the whole input
// (sources and lines in input order; line 0 for a whole file), whose
// name is w.Where. Warnings about the whole report (Where "") are not
// the sheets': Add leaves them out, and [Result.Complete] makes them
// again for the merged report.
func (s *WarningSet) Add(w Warning, src, line int) {
	if w.Where == "" {
		return
	}
	if s.ws == nil {
		s.ws = warningCounts{}
	}
	s.ws.add(w.Message, &warningCount{first: w.Where, line: line, key: [2]int{src, line}, n: w.Count})
}

// List returns the warnings gathered, sorted by message.
func (s *WarningSet) List() []Warning { return s.ws.list() }

// groupWarnings warns of what in the groups may mislead: a grouping
// field no audit has, and group names that differ only in case, spaces
// or punctuation ("Арбат 5", "Арбат, 5"), which are likely one place
// typed two ways (groups.Warnings, the rule of every --by).
func groupWarnings(rep *korto.Report, by string) []Warning {
	var out []Warning
	if by != "" && len(rep.Groups) == 1 && rep.Groups[0].Group == korto.NoGroup {
		out = append(out, Warning{Message: fmt.Sprintf("warning: no audit has the field %q; the league table has one row, of audits without it", by)})
	}
	names := make([]string, 0, len(rep.Groups))
	for _, g := range rep.Groups {
		names = append(names, g.Group)
	}
	for _, w := range groups.Warnings(names, korto.NoGroup) {
		out = append(out, Warning{Message: "warning: " + w})
	}
	return out
}

// FoldName is the form of a group name in which near-duplicates are
// equal (reports.md); it is the rule every --by follows, kept here for
// callers of the report package.
func FoldName(s string) string { return groups.Fold(s) }
