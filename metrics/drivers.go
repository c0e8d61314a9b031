package metrics

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
)

// Drivers answer seeds 002 and 004's question "which failures cost us
// loyalty?": for each checklist question, the outcome of the audits that
// passed it against those that failed it, tested as metrics.md compares
// two groups of that outcome, Holm-adjusted over the questions tested.

// OutcomeKind is what an audit's outcome is, and so which test compares
// the two sides of a question (metrics.md, "Comparing two groups"). The
// survey outcomes take two or three values, and the questions that
// matter most are often those whose failures all went with detractors:
// a side without spread, which a test on plain variances takes as
// exact. Their tests adjust both sides instead, as CompareNPS and
// CompareShares do.
type OutcomeKind int8

// The outcome kinds.
const (
	// OutcomeMean is any number: Welch's t test on the two means
	// (CompareMeans), which tests no side with fewer than two audits
	// or without spread.
	OutcomeMean OutcomeKind = iota
	// OutcomeNPS is 100, 0 or -100 (NPSOutcome), whose mean is the NPS:
	// the adjusted-Wald comparison of CompareNPS, in NPS points.
	OutcomeNPS
	// OutcomeEmotion is 1, 0 or -1 (EmotionOutcome), whose mean is the
	// emotional index: the comparison of CompareEmotions.
	OutcomeEmotion
	// OutcomeShare is 100 or 0 (CSATOutcome: in the top box or not),
	// whose mean is a share in percent: Agresti–Caffo (CompareShares),
	// in percentage points.
	OutcomeShare
)

var outcomeKindNames = [...]string{"mean", "nps", "emotion", "share"}

func (k OutcomeKind) String() string {
	if k >= 0 && int(k) < len(outcomeKindNames) {
		return outcomeKindNames[k]
	}
	return fmt.Sprintf("OutcomeKind(%d)", int8(k))
}

// unit is the outcome of a High audit of a counted kind (Low is -unit
// for NPS and the index, 0 for a share); 0 for OutcomeMean.
func (k OutcomeKind) unit() float64 {
	switch k {
	case OutcomeNPS, OutcomeShare:
		return 100
	case OutcomeEmotion:
		return 1
	}
	return 0
}

// side counts one outcome value into s: the one rule that says which
// values a kind takes. It returns false for a value the kind does not
// take.
func (k OutcomeKind) side(s *DriverSide, x float64) bool {
	u := k.unit()
	switch {
	case x == u:
		s.High++
	case x == -u && k != OutcomeShare:
		s.Low++
	case x == 0:
	default:
		return false
	}
	s.N++
	return true
}

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
// failed it, and the drop Diff, passed minus failed, with its interval,
// p and Holm-adjusted p (over the questions of one Drivers call). Diff
// is the difference the test compares, as in a Comparison: of the
// adjusted sides for NPS, the emotional index and shares, of the plain
// means for OutcomeMean; RawDiff is MeanPassed - MeanFailed. A positive
// Diff means failing the question goes with a worse outcome; it is an
// association, not a proof of cause.
type Driver struct {
	Question   string   `json:"question"`
	Method     Method   `json:"method"`
	NPassed    int      `json:"n_passed"`
	NFailed    int      `json:"n_failed"`
	MeanPassed float64  `json:"mean_passed"`
	MeanFailed float64  `json:"mean_failed"`
	Diff       float64  `json:"diff"`
	RawDiff    float64  `json:"raw_diff"`
	CI         Interval `json:"ci"`
	P          float64  `json:"p"`
	PHolm      float64  `json:"p_holm"`
}

// Drivers relates outcome[i], the outcome of kind k measured in audit i
// (see NPSOutcome, EmotionOutcome and CSATOutcome), to checks[q][i], how
// audit i did on question q, with DriversOf's rules. A checks slice of
// another length than outcome, an outcome the kind does not take (a
// non-finite one for OutcomeMean), or a level outside (0, 1) is an
// error.
func Drivers(k OutcomeKind, outcome []float64, checks map[string][]Check, minN int, level float64) ([]Driver, error) {
	if err := k.valid(); err != nil {
		return nil, err
	}
	for i, x := range outcome {
		var s DriverSide
		if k == OutcomeMean && !finite(x) || k != OutcomeMean && !k.side(&s, x) {
			return nil, errorIs(ErrRange, "drivers: outcome of audit %d is %v, not a %s outcome", i, x, k)
		}
	}
	sides := make(map[string]DriverSides, len(checks))
	for q, cs := range checks {
		if len(cs) != len(outcome) {
			return nil, fmt.Errorf("drivers: question %q has %d checks for %d audits", q, len(cs), len(outcome))
		}
		var pass, fail Mean
		var s DriverSides
		for i, c := range cs {
			side, m := &s.Passed, &pass
			switch c {
			case Passed:
			case Failed:
				side, m = &s.Failed, &fail
			default:
				continue
			}
			if k == OutcomeMean {
				_ = m.Add(outcome[i]) // finite, checked above
			} else {
				k.side(side, outcome[i])
			}
		}
		if k == OutcomeMean {
			s = DriverSides{Passed: sideOf(&pass), Failed: sideOf(&fail)}
		}
		sides[q] = s
	}
	return DriversOf(k, sides, minN, level, 0)
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

// DriverSide summarizes an outcome over the N audits on one side of a
// question. The counted kinds keep counts, which merge exactly: High
// audits had the top outcome (a promoter, a positive emotion, a rating
// in the box), Low the bottom one (a detractor, a negative emotion; 0
// for a share, whose other audits are all outside the box), the rest of
// N the middle one. OutcomeMean keeps the mean and the sample variance
// (n - 1 in the denominator) instead.
type DriverSide struct {
	N         int64
	Low, High int64
	Mean, Var float64
}

// DriverSides are one question's two sides: the audits that passed it
// and the audits that failed it.
type DriverSides struct{ Passed, Failed DriverSide }

// valid checks a kind.
func (k OutcomeKind) valid() error {
	if k < OutcomeMean || k > OutcomeShare {
		return fmt.Errorf("drivers: unknown outcome kind %d", int8(k))
	}
	return nil
}

// check reports a side that cannot be: negative counts, more at the
// ends than in all, or a mean or variance that is not a number.
func (k OutcomeKind) check(d DriverSide) bool {
	if d.N < 0 {
		return false
	}
	if k == OutcomeMean {
		return d.Var >= 0 && finite(d.Mean) && finite(d.Var)
	}
	return d.Low >= 0 && d.High >= 0 && d.Low <= d.N-d.High && (k != OutcomeShare || d.Low == 0)
}

// mean is the side's mean outcome; for the counted kinds, exact from
// the counts.
func (k OutcomeKind) mean(d DriverSide) float64 {
	if k == OutcomeMean {
		return d.Mean
	}
	return k.unit() * float64(d.High-d.Low) / float64(d.N)
}

// tally is a counted side as the NPS and the emotional index count
// their answers: bottom, middle, top.
func (d DriverSide) tally() tally3 {
	return tally3{n: [3]int64{d.Low, d.N - d.Low - d.High, d.High}}
}

// compare tests passed against failed as metrics.md compares two groups
// of the outcome, with the Compare function of its kind.
func (k OutcomeKind) compare(p, f DriverSide, level, span float64) (Comparison, error) {
	switch k {
	case OutcomeNPS:
		a, errA := (&NPS{t: p.tally()}).ResultWith(Options{Level: level})
		b, errB := (&NPS{t: f.tally()}).ResultWith(Options{Level: level})
		if err := errors.Join(errA, errB); err != nil {
			return Comparison{}, err
		}
		return CompareNPS(a, b)
	case OutcomeEmotion:
		a, errA := (&Emotions{t: p.tally()}).ResultWith(Options{Level: level})
		b, errB := (&Emotions{t: f.tally()}).ResultWith(Options{Level: level})
		if err := errors.Join(errA, errB); err != nil {
			return Comparison{}, err
		}
		return CompareEmotions(a, b)
	case OutcomeShare:
		c, err := CompareShares(float64(p.High)/float64(p.N), float64(p.N), float64(f.High)/float64(f.N), float64(f.N), level)
		return c.scaled(100), err
	}
	return CompareMeans(p.Mean, p.Var, float64(p.N), f.Mean, f.Var, float64(f.N), level, span)
}

// DriversOf is Drivers from each question's two sides already
// summarized: the call for a caller that streams the audits and keeps
// counts (a report of millions of audits), not the audits themselves.
//
// A question is tested when at least minN audits (minN >= 2) passed it
// and at least minN failed it; each is tested as metrics.md compares two
// groups of its outcome: adjusted Wald for NPS and the emotional index
// (CompareNPS, CompareEmotions: 0.75 more at each end and 3 more audits
// on each side, so that three failures that all went with detractors
// are not taken for a certain NPS of -100), Agresti–Caffo for shares
// (CompareShares), Welch's t for means (CompareMeans, which tests no
// side without spread). Holm's adjustment is over the questions tested;
// the largest Diff comes first, then by question. span > 0 clips the
// intervals of OutcomeMean to ±span; the counted kinds clip to their own
// range (±200 NPS points, ±2, ±100 percentage points). A side that
// cannot be (see DriverSide) is an error.
func DriversOf(k OutcomeKind, sides map[string]DriverSides, minN int, level, span float64) ([]Driver, error) {
	if err := k.valid(); err != nil {
		return nil, err
	}
	if level == 0 {
		level = 0.95
	}
	if err := CheckLevel(level); err != nil {
		return nil, err
	}
	if minN < 2 {
		return nil, fmt.Errorf("drivers: min n %d: each side needs at least 2 audits", minN)
	}
	var out []Driver
	for _, q := range slices.Sorted(maps.Keys(sides)) {
		s := sides[q]
		for _, d := range [2]DriverSide{s.Passed, s.Failed} {
			if !k.check(d) {
				return nil, errorIs(ErrRange, "drivers: question %q: a %s side of n %d, low %d, high %d, mean %v, variance %v", q, k, d.N, d.Low, d.High, d.Mean, d.Var)
			}
		}
		p, f := s.Passed, s.Failed
		if p.N < int64(minN) || f.N < int64(minN) {
			continue
		}
		c, err := k.compare(p, f, level, span)
		if err != nil {
			continue // a mean without spread: nothing to test
		}
		mp, mf := k.mean(p), k.mean(f)
		out = append(out, Driver{Question: q, Method: c.Method, NPassed: int(p.N), NFailed: int(f.N), MeanPassed: mp, MeanFailed: mf,
			Diff: c.Diff, RawDiff: mp - mf, CI: c.CI, P: c.P})
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
