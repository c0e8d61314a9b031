package metrics

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
)

// Drivers answer seeds 002 and 004's question "which failures cost us
// loyalty?": for each checklist question, the outcome of the audits that
// passed it against those that failed it (Welch's test), Holm-adjusted
// over the questions tested.

// Check is how one audit did on one question.
type Check int8

// The answers a question can have in an audit.
const (
	NotApplicable Check = iota // not asked, n/a or unscored: left out
	Passed
	Failed
)

// Driver is one question's association with an outcome: the outcome's
// mean over the audits that passed the question and over those that
// failed it, and the drop Diff = MeanPassed - MeanFailed with its Welch
// interval, p and Holm-adjusted p (over the questions of one Drivers
// call). A positive Diff means failing the question goes with a worse
// outcome; it is an association, not a proof of cause.
type Driver struct {
	Question   string   `json:"question"`
	NPassed    int      `json:"n_passed"`
	NFailed    int      `json:"n_failed"`
	MeanPassed float64  `json:"mean_passed"`
	MeanFailed float64  `json:"mean_failed"`
	Diff       float64  `json:"diff"`
	CI         Interval `json:"ci"`
	P          float64  `json:"p"`
	PHolm      float64  `json:"p_holm"`
}

// Drivers relates outcome[i], the outcome measured in audit i (see
// NPSOutcome, EmotionOutcome and CSATOutcome), to checks[q][i], how
// audit i did on question q. A question is tested when at least minN
// audits (minN >= 2) passed it and at least minN failed it, and the two
// sides have a spread to test; the others are left out. The result is
// sorted by the largest drop first, then by question. A checks slice of
// another length than outcome, a non-finite outcome, or a level outside
// (0, 1) is an error.
func Drivers(outcome []float64, checks map[string][]Check, minN int, level float64) ([]Driver, error) {
	for i, x := range outcome {
		if !finite(x) {
			return nil, errorIs(ErrRange, "drivers: outcome of audit %d is %v", i, x)
		}
	}
	sides := make(map[string]DriverSides, len(checks))
	for q, cs := range checks {
		if len(cs) != len(outcome) {
			return nil, fmt.Errorf("drivers: question %q has %d checks for %d audits", q, len(cs), len(outcome))
		}
		var pass, fail Mean
		for i, c := range cs {
			switch c {
			case Passed:
				_ = pass.Add(outcome[i]) // finite, checked above
			case Failed:
				_ = fail.Add(outcome[i])
			}
		}
		sides[q] = DriverSides{Passed: sideOf(&pass), Failed: sideOf(&fail)}
	}
	return DriversOf(sides, minN, level, 0)
}

// sideOf summarizes a Mean; the variance is 0 below two values, where
// DriversOf never looks at it.
func sideOf(m *Mean) DriverSide {
	r, err := m.Result()
	if err != nil {
		return DriverSide{N: m.N(), Mean: m.mean}
	}
	return DriverSide{N: r.N, Mean: r.Mean, Var: r.SD * r.SD}
}

// DriverSide summarizes an outcome over the audits on one side of a
// question: how many, their mean and their sample variance (n - 1 in
// the denominator).
type DriverSide struct {
	N    int64
	Mean float64
	Var  float64
}

// DriverSides are one question's two sides: the audits that passed it
// and the audits that failed it.
type DriverSides struct{ Passed, Failed DriverSide }

// DriversOf is Drivers from each question's two sides already
// summarized: the call for a caller that streams the audits and keeps
// counts (a report of millions of audits), not the audits themselves.
// The rules are Drivers': at least minN audits on each side, Welch's
// test, Holm's adjustment over the questions tested, the largest drop
// first. span > 0 clips the intervals to ±span, the largest drop the
// outcome allows (200 for NPS outcomes of ±100); 0 leaves them as they
// are. A side with a negative count or variance, or a non-finite mean
// or variance, is an error.
func DriversOf(sides map[string]DriverSides, minN int, level, span float64) ([]Driver, error) {
	if level == 0 {
		level = 0.95
	}
	if err := CheckLevel(level); err != nil {
		return nil, err
	}
	if minN < 2 {
		return nil, fmt.Errorf("drivers: min n %d: each side needs at least 2 audits for a spread", minN)
	}
	var out []Driver
	for _, q := range slices.Sorted(maps.Keys(sides)) {
		s := sides[q]
		for _, d := range [2]DriverSide{s.Passed, s.Failed} {
			if d.N < 0 || !(d.Var >= 0) || !finite(d.Mean) || !finite(d.Var) {
				return nil, errorIs(ErrRange, "drivers: question %q: a side of n %d, mean %v, variance %v", q, d.N, d.Mean, d.Var)
			}
		}
		p, f := s.Passed, s.Failed
		if p.N < int64(minN) || f.N < int64(minN) {
			continue
		}
		// Welch's formula, which tests a side without spread against
		// one with spread (CompareMeans would refuse it): the outcome
		// takes two or three values, and the questions that matter most
		// are often those whose failures all went with detractors. An
		// adjusted test per outcome kind, as metrics.md compares NPS and
		// shares, would be the better answer here.
		c, err := welchCompare(p.Mean, p.Var, float64(p.N), f.Mean, f.Var, float64(f.N), level, span)
		if err != nil {
			continue // no spread on either side: nothing to test
		}
		out = append(out, Driver{Question: q, NPassed: int(p.N), NFailed: int(f.N), MeanPassed: p.Mean, MeanFailed: f.Mean,
			Diff: c.Diff, CI: c.CI, P: c.P})
	}
	ps := make([]float64, len(out))
	for i := range out {
		ps[i] = out[i].P
	}
	for i, p := range Holm(ps) {
		out[i].PHolm = p
	}
	slices.SortStableFunc(out, func(a, b Driver) int { return cmp.Compare(b.Diff, a.Diff) })
	return out, nil
}

// NPSOutcome turns a 0..10 recommendation score into the per-audit
// outcome whose mean is the NPS: 100 for a promoter, 0 for a passive,
// -100 for a detractor.
func NPSOutcome(score int) (float64, error) {
	switch {
	case score < 0 || score > 10:
		return 0, &RangeError{Metric: "NPS", Index: -1, Value: float64(score), Lo: 0, Hi: 10}
	case score >= 9:
		return 100, nil
	case score >= 7:
		return 0, nil
	}
	return -100, nil
}

// EmotionOutcome turns an emotion into the per-audit outcome whose mean
// is the emotional index: 1, 0 or -1.
func EmotionOutcome(e Emotion) (float64, error) {
	switch e {
	case Positive:
		return 1, nil
	case Neutral:
		return 0, nil
	case Negative:
		return -1, nil
	}
	return 0, &RangeError{Metric: "emotion", Index: -1, Value: float64(e), Lo: int(Negative), Hi: int(Positive)}
}

// CSATOutcome turns a rating on scale s into the per-audit outcome
// whose mean is the CSAT: 100 for a rating in the top box CSAT counts
// (the two best points, the best one on a two-point scale), else 0. A
// bad scale or a rating off it is an error.
func CSATOutcome(rating int, s Scale) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	if rating < s.Lo || rating > s.Hi {
		return 0, &RangeError{Metric: "CSAT", Index: -1, Value: float64(rating), Lo: s.Lo, Hi: s.Hi}
	}
	if s.goodness(rating) >= s.points()-csatTopPoints(s) {
		return 100, nil
	}
	return 0, nil
}

// EmotionNPS crosses the emotion a customer left with and their NPS
// group (the 4Service emotional-index study: the emotional index drives loyalty): how many
// promoters, passives and detractors each emotion holds. The zero value
// is ready to use; tables merge exactly.
type EmotionNPS struct {
	counts [3][3]int64 // [emotion-1][detractor, passive, promoter]
}

// Add records one customer; an emotion or a score off its range is an
// error and records nothing.
func (t *EmotionNPS) Add(e Emotion, score int) error {
	if _, err := EmotionOutcome(e); err != nil {
		return err
	}
	o, err := NPSOutcome(score)
	if err != nil {
		return err
	}
	t.counts[e-1][int(o/100)+1]++
	return nil
}

// Merge adds o's counts; a nil o adds nothing. Counts that would
// overflow are an error wrapping ErrState, and t is left unchanged, as
// NPS.Merge does.
func (t *EmotionNPS) Merge(o *EmotionNPS) error {
	if o == nil {
		return nil
	}
	sum := t.counts
	for i := range sum {
		for j := range sum[i] {
			s, ok := addCount(sum[i][j], o.counts[i][j])
			if !ok {
				return errorIs(ErrState, "emotion by NPS: merging the counts %d and %d overflows", sum[i][j], o.counts[i][j])
			}
			sum[i][j] = s
		}
	}
	t.counts = sum
	return nil
}

// EmotionNPSRow is one emotion's customers by NPS group, with the NPS
// of that emotion; NPS is nil when the emotion has no customer.
type EmotionNPSRow struct {
	Emotion    Emotion  `json:"emotion"`
	N          int64    `json:"n"`
	Promoters  int64    `json:"promoters"`
	Passives   int64    `json:"passives"`
	Detractors int64    `json:"detractors"`
	NPS        *float64 `json:"nps"`
}

// Rows returns the table, negative, neutral, positive.
func (t *EmotionNPS) Rows() []EmotionNPSRow {
	rows := make([]EmotionNPSRow, 3)
	for i, c := range t.counts {
		r := EmotionNPSRow{Emotion: Emotion(i + 1), Detractors: c[0], Passives: c[1], Promoters: c[2], N: c[0] + c[1] + c[2]}
		if r.N > 0 {
			v := 100 * float64(r.Promoters-r.Detractors) / float64(r.N)
			if math.Abs(v) < 1e-12 {
				v = 0
			}
			r.NPS = &v
		}
		rows[i] = r
	}
	return rows
}
