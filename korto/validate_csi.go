package korto

import (
	"fmt"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics"
)

// The csi questions of a survey are the attributes of one satisfaction
// index: each may weigh its importance, and all rate on one scale, since
// the index compares their means on it.

// csiQuestion checks a csi question of the survey: no `critical`, and a
// weight that metrics.CSI can weigh with (0, or within metrics'
// MinWeight..MaxWeight).
func (v *validator) csiQuestion(q *Question, subject valSubject) {
	if q.Critical {
		v.errorf(q.Pos, valSubject{}, diag.CodeSurveyCritical, "remove critical, or move the question into a level",
			"survey question %q cannot be critical", q.ID)
	}
	if q.Weight == nil {
		return
	}
	pos := valAt(q.WeightPos, q.Pos)
	w := *q.Weight
	if !(w >= 0) || !valFinite(w) {
		v.weight(pos, subject, q.Weight)
		return
	}
	if w != 0 && !(w >= metrics.MinWeight && w <= metrics.MaxWeight) {
		v.errorf(pos, subject, diag.CodeCSIWeight, "a csi weight is the attribute's importance: 0, or a number such as 1, 2 or 0.5",
			"csi weight %s is outside %g..%g", FormatNumber(w), metrics.MinWeight, metrics.MaxWeight)
	}
}

// csiIndex checks the csi questions of a survey together: one scale,
// and some weight in all.
func (v *validator) csiIndex(s *Survey) {
	var first *Question
	total := 0.0
	for _, q := range s.Questions {
		if q == nil || q.Kind.EffectiveType() != KindCSI {
			continue
		}
		if w := q.EffectiveWeight(); w >= 0 && valFinite(w) {
			total += w
		}
		if first == nil {
			first = q
			continue
		}
		if q.Kind.Lo != first.Kind.Lo || q.Kind.Hi != first.Kind.Hi {
			at := ""
			if first.Pos.IsValid() {
				at = fmt.Sprintf(" at line %d", first.Pos.Line)
			}
			v.errorf(valAt(q.Kind.Pos, q.Pos), valSubject{what: "question", id: q.ID}, diag.CodeCSIScale,
				fmt.Sprintf("rate every attribute of the index on one scale: write csi %s..%s", FormatNumber(first.Kind.Lo), FormatNumber(first.Kind.Hi)),
				"csi %s..%s differs from the index's scale %s..%s (question %q%s)",
				FormatNumber(q.Kind.Lo), FormatNumber(q.Kind.Hi), FormatNumber(first.Kind.Lo), FormatNumber(first.Kind.Hi), first.ID, at)
		}
	}
	if first != nil && total == 0 {
		v.errorf(valAt(first.Pos, s.Pos), valSubject{}, diag.CodeCSIWeight, "give at least one csi question a weight above 0, e.g. weight 1",
			"the csi questions' weights add up to 0: the index has nothing to weigh")
	}
}
