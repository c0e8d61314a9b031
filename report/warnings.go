package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/cxkit/cxkit/korto"
)

// warningCount counts sheets with the same warning, so that a version
// mismatch in a million sheets is one line, not a million.
type warningCount struct {
	first string // where it was first seen, in input order
	key   [2]int // source and line of first, to keep the earliest
	n     int
}

// warningCounts maps a warning's message to its count. Workers fold
// warnings into it as they go, so that memory stays independent of the
// number of audits.
type warningCounts map[string]*warningCount

// note counts one sheet with warning msg, at p.
func (ws warningCounts) note(msg string, p Problem) {
	ws.add(msg, &warningCount{first: p.Where(), key: [2]int{p.src, p.Line}, n: 1})
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
		wc.key, wc.first = o.key, o.first
	}
	wc.n += o.n
}

// list returns the warnings sorted by message.
func (ws warningCounts) list() []Warning {
	out := make([]Warning, 0, len(ws))
	for m, wc := range ws {
		out = append(out, Warning{Where: wc.first, Message: m, Count: wc.n})
	}
	slices.SortFunc(out, func(a, b Warning) int { return strings.Compare(a.Message, b.Message) })
	return out
}

// groupWarnings warns of what in the groups may mislead: a grouping
// field no audit has, and group names that differ only in case, spaces
// or punctuation ("Арбат 5", "Арбат, 5"), which are likely one place
// typed two ways.
func groupWarnings(rep *korto.Report, by string) []Warning {
	var out []Warning
	if by != "" && len(rep.Groups) == 1 && rep.Groups[0].Group == korto.NoGroup {
		out = append(out, Warning{Message: fmt.Sprintf("warning: no audit has the field %q; the league table has one row, of audits without it", by)})
	}
	seen := map[string]string{}
	names := make([]string, 0, len(rep.Groups))
	for _, g := range rep.Groups {
		names = append(names, g.Group)
	}
	slices.Sort(names)
	for _, name := range names {
		if name == korto.NoGroup {
			continue
		}
		k := FoldName(name)
		if first, ok := seen[k]; ok {
			out = append(out, Warning{Message: fmt.Sprintf("warning: groups %q and %q differ only in case, spaces or punctuation: one place typed two ways?", first, name)})
			continue
		}
		seen[k] = name
	}
	return out
}

// FoldName is the form of a group name in which near-duplicates are
// equal: Unicode simple case folding, with spaces, punctuation and
// symbols removed.
func FoldName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune maps r to the least rune of its case-folding orbit, so that
// every case form of a letter maps to one rune.
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}
