package korto

import "cmp"

// FixKey is what decides where a failed question stands in a
// what-to-fix list.
type FixKey struct {
	Level       int     // the question's pyramid level
	Critical    bool    // a failure that zeroes the audit
	FailureRate float64 // share of audits that failed it; 1 for one audit
	Weight      float64 // the question's own weight
}

// CompareFix is the one order of what-to-fix lists, for one audit
// (cxkit score) and for many (the report's top problems, reports.md):
// the pyramid is built from its base, so lower levels come first;
// within a level critical questions first; then the questions that fail
// more often, then the heavier ones. It returns a negative number when a
// comes first and 0 for equals, so a stable sort keeps checklist order
// among them.
func CompareFix(a, b FixKey) int {
	return cmp.Or(
		cmp.Compare(a.Level, b.Level),
		-cmp.Compare(boolInt(a.Critical), boolInt(b.Critical)),
		cmp.Compare(b.FailureRate, a.FailureRate),
		cmp.Compare(b.Weight, a.Weight),
	)
}
