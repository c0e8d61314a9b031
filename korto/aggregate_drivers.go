package korto

import (
	"slices"

	"github.com/cxkit/cxkit/metrics"
)

// What drives loyalty (seeds 002 and 004): for every survey outcome
// collected in the audits (NPS, emotion, CSAT), the scored questions
// whose failure goes with the largest drop in it, and the emotion a
// customer left with crossed with their NPS group. Both are over all
// audits, not per group: a group's few audits cannot split into two
// sides large enough to test.
//
// The outcomes take three values at most (-100/0/100, -1/0/1, 0/100),
// so the aggregator keeps, per outcome and question, how many audits on
// each side had each value: integer counts that merge exactly, and from
// which the sides' means and variances follow the same way whatever the
// split of the input. The sides go to metrics.DriversOf as counts, which
// tests each outcome as metrics.md compares two groups of it.

// OutcomeDrivers are the drivers of one survey outcome: the scored
// questions tested against it, the largest drop in the outcome first.
type OutcomeDrivers struct {
	// Outcome is the survey question's ID, Title its text and Kind
	// nps, emotion or csat. The outcome of one audit is 100, 0 or -100
	// for a promoter, passive or detractor (nps), 1, 0 or -1 (emotion)
	// and 100 or 0 for a rating in CSAT's top box or not (csat): means
	// of them are the NPS, the emotional index and the CSAT.
	Outcome string   `json:"outcome"`
	Title   string   `json:"title"`
	Kind    KindType `json:"kind"`
	// N counts the audits that answered the outcome question.
	N int64 `json:"n"`
	// MinN is the fewest audits each side of a question needs for the
	// question to be tested; Tested counts the questions tested, and
	// Drivers lists the first of them, at most the report's top-problems
	// length.
	MinN    int           `json:"min_n"`
	Tested  int           `json:"tested"`
	Drivers []DriverOfOne `json:"drivers"`
}

// DriverOfOne is one scored question tested against an outcome: the
// outcome's mean over the audits that passed the question and over
// those that failed it, and the drop Diff with its 95% interval,
// two-sided P and PHolm, P adjusted by Holm over the questions tested
// against the same outcome. The test is metrics.md's comparison of two
// groups of the outcome (Method): adjusted Wald for nps and emotion,
// Agresti–Caffo for csat; Diff is the difference of the adjusted sides
// it tests, which a side of few audits pulls towards 0, and RawDiff =
// MeanPassed - MeanFailed. A positive Diff means failing the question
// goes with a worse outcome: an association, not a proof of cause.
type DriverOfOne struct {
	Question   string         `json:"question"`
	Title      string         `json:"title"`
	Method     metrics.Method `json:"method"`
	NPassed    int            `json:"n_passed"`
	NFailed    int            `json:"n_failed"`
	MeanPassed float64        `json:"mean_passed"`
	MeanFailed float64        `json:"mean_failed"`
	Diff       float64        `json:"diff"`
	RawDiff    float64        `json:"raw_diff"`
	CILow      float64        `json:"ci_low"`
	CIHigh     float64        `json:"ci_high"`
	P          float64        `json:"p"`
	PHolm      float64        `json:"p_holm"`
}

// driverOfOne is d as the report lists it, with its question's title.
// DriverOfOne mirrors metrics.Driver rather than embedding it because
// the report's JSON puts the title second and the interval flat
// (ci_low, ci_high), which an embedded Driver cannot spell;
// TestDriverOfOneMirrorsDriver fails when Driver gains a field this
// does not copy.
func driverOfOne(d metrics.Driver, title string) DriverOfOne {
	return DriverOfOne{Question: d.Question, Title: title, Method: d.Method, NPassed: d.NPassed, NFailed: d.NFailed,
		MeanPassed: d.MeanPassed, MeanFailed: d.MeanFailed, Diff: d.Diff, RawDiff: d.RawDiff, CILow: d.CI.Lo, CIHigh: d.CI.Hi, P: d.P, PHolm: d.PHolm}
}

// EmotionNPSTable crosses the answers to an emotion question with those
// to an nps question in the same audits: per emotion (negative, neutral,
// positive) how many were promoters, passives and detractors, and that
// emotion's NPS (nil without answers).
type EmotionNPSTable struct {
	Emotion string                  `json:"emotion"` // the emotion question's ID
	NPS     string                  `json:"nps"`     // the nps question's ID
	N       int64                   `json:"n"`       // audits that answered both
	Rows    []metrics.EmotionNPSRow `json:"rows"`
}

// aggOutcome is a survey question that is an outcome for drivers.
type aggOutcome struct {
	survey int // index into Aggregator.survey
	kind   metrics.OutcomeKind
	n      int64
	// counts[q][side][k]: audits on side 0 (passed) or 1 (failed) of
	// scored question q with outcome category k.
	counts [][2][3]int64
}

// aggCross is an emotion question crossed with an nps question.
type aggCross struct {
	emotion, nps int // indexes into Aggregator.survey
	t            metrics.EmotionNPS
}

// indexOutcomes sets up the drivers and crosses of the survey questions.
func (a *Aggregator) indexOutcomes() {
	var emos, npss []int
	for i, sq := range a.survey {
		var kind metrics.OutcomeKind
		switch sq.kind {
		case KindEmotion:
			kind = metrics.OutcomeEmotion
			emos = append(emos, i)
		case KindNPS:
			kind = metrics.OutcomeNPS
			npss = append(npss, i)
		case KindCSAT:
			kind = metrics.OutcomeShare
		default:
			continue
		}
		a.outcomes = append(a.outcomes, aggOutcome{survey: i, kind: kind, counts: make([][2][3]int64, len(a.questions))})
	}
	for _, e := range emos {
		for _, n := range npss {
			a.crosses = append(a.crosses, aggCross{emotion: e, nps: n})
		}
	}
}

// outcomeOf returns the category (0..2) of a checked survey answer as
// an outcome; ok is false for a question that is no outcome.
func (sq *aggSurveyQ) outcomeOf(p pendingSurvey) (k int, ok bool) {
	var o float64
	var err error
	switch sq.kind {
	case KindNPS:
		x, _ := sq.whole(p, 0, 10)
		o, err = metrics.NPSOutcome(x)
		o /= 100
	case KindEmotion:
		e, _ := metrics.ParseEmotion(p.label)
		o, err = metrics.EmotionOutcome(e)
	case KindCSAT:
		x, _ := sq.whole(p, sq.scale.Lo, sq.scale.Hi)
		o, err = metrics.CSATOutcome(x, sq.scale)
		o /= 100
	default:
		return 0, false
	}
	return int(o) + 1, err == nil
}

// addOutcomes counts the checked audit in the drivers and crosses.
func (a *Aggregator) addOutcomes() {
	if len(a.outcomes) == 0 {
		return
	}
	// An audit answers each survey question once, so a small slice
	// beats a map: category per survey index, -1 when unanswered.
	cat := a.outcomeCat[:0]
	for range a.survey {
		cat = append(cat, -1)
	}
	a.outcomeCat = cat
	for _, p := range a.pendingS {
		if k, ok := a.survey[p.index].outcomeOf(p); ok {
			cat[p.index] = k
		}
	}
	for i := range a.outcomes {
		o := &a.outcomes[i]
		k := cat[o.survey]
		if k < 0 {
			continue
		}
		o.n++
		for _, p := range a.pending {
			o.counts[p.index][boolInt(p.failed)][k]++
		}
	}
	for i := range a.crosses {
		c := &a.crosses[i]
		e, n := cat[c.emotion], cat[c.nps]
		if e < 0 || n < 0 {
			continue
		}
		// The categories are the outcomes shifted by one: emotion
		// negative..positive and detractor..promoter, and any score of
		// the group gives the same NPS group.
		_ = c.t.Add(metrics.Emotion(e+1), [3]int{0, 7, 9}[n])
	}
}

// mergeOutcomes adds b's drivers and crosses; b has the same layout.
func (a *Aggregator) mergeOutcomes(b *Aggregator) {
	for i := range a.outcomes {
		o, p := &a.outcomes[i], &b.outcomes[i]
		o.n += p.n
		for q := range o.counts {
			for side := range 2 {
				for k := range 3 {
					o.counts[q][side][k] += p.counts[q][side][k]
				}
			}
		}
	}
	for i := range a.crosses {
		_ = a.crosses[i].t.Merge(&b.crosses[i].t) // fails only past 2^63 answers, as the survey merge
	}
}

// sideOf is one side's counts of categories as metrics counts them:
// the bottom category (a detractor, a negative emotion) is Low and the
// top one (a promoter, a positive emotion, a rating in CSAT's box) is
// High. A CSAT outcome of 0 is category 1, the middle, so its Low is 0,
// as metrics asks of a share.
func sideOf(c [3]int64) metrics.DriverSide {
	return metrics.DriverSide{N: c[0] + c[1] + c[2], Low: c[0], High: c[2]}
}

// reportOutcomes fills the report's drivers and crosses.
func (a *Aggregator) reportOutcomes(rep *Report) {
	rep.Drivers = []OutcomeDrivers{}
	rep.EmotionNPS = []EmotionNPSTable{}
	minN := max(2, int(a.minN()))
	limit := effectiveTop(a.opts.TopProblems)
	for _, o := range a.outcomes {
		sq := &a.survey[o.survey]
		sides := make(map[string]metrics.DriverSides, len(a.questions))
		for qi, c := range o.counts {
			sides[a.questions[qi].q.ID] = metrics.DriverSides{Passed: sideOf(c[0]), Failed: sideOf(c[1])}
		}
		// The sides come from counts and the level is fixed: no error.
		ds, _ := metrics.DriversOf(o.kind, sides, minN, 0.95, 0)
		od := OutcomeDrivers{Outcome: sq.q.ID, Title: sq.q.Text.Text, Kind: sq.kind, N: o.n, MinN: minN, Tested: len(ds),
			Drivers: []DriverOfOne{}}
		if limit >= 0 && len(ds) > limit {
			ds = ds[:limit]
		}
		for _, d := range ds {
			q := a.questionAt(a.qPos[d.Question])
			od.Drivers = append(od.Drivers, driverOfOne(d, q.Text.Text))
		}
		rep.Drivers = append(rep.Drivers, od)
	}
	for _, c := range a.crosses {
		rows := c.t.Rows()
		t := EmotionNPSTable{Emotion: a.survey[c.emotion].q.ID, NPS: a.survey[c.nps].q.ID, Rows: slices.Clone(rows)}
		for _, r := range rows {
			t.N += r.N
		}
		rep.EmotionNPS = append(rep.EmotionNPS, t)
	}
}
