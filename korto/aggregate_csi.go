package korto

import (
	"fmt"

	"github.com/cxkit/cxkit/metrics"
)

// The satisfaction index of a report: the csi questions of the survey
// are the attributes, their weights the importance, and each group gets
// the index (metrics.CSI, the ACSI form) of its audits with every
// attribute's mean. metrics.CSIRatings counts the ratings per point, so
// groups merge exactly.

// CSISummary is the satisfaction index over the audits of a group.
type CSISummary struct {
	// CSI is 100 · Σ wᵢ(x̄ᵢ − lo) / ((hi − lo) · Σ wᵢ), 0..100, over the
	// attributes' mean ratings; nil when an attribute of nonzero weight
	// has no rating in the group.
	CSI *float64 `json:"csi"`
	// N counts the audits that rated at least one attribute.
	N int64 `json:"n"`
	// Lo and Hi are the scale every attribute is rated on.
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
	// Attributes are the csi questions in file order.
	Attributes []CSIAttributeSummary `json:"attributes"`
}

// CSIAttributeSummary is one attribute of the index over a group: its
// mean rating with a 95% Student-t interval (clipped to the scale; nil
// when any attribute of the group has fewer than 2 ratings) and its
// weight, the question's own.
type CSIAttributeSummary struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	N      int64    `json:"n"`
	Mean   *float64 `json:"mean"`
	CILow  *float64 `json:"ci_low"`
	CIHigh *float64 `json:"ci_high"`
	Weight float64  `json:"weight"`
}

// aggCSI is the index's layout: which survey questions are its
// attributes, on which scale, with which weights.
type aggCSI struct {
	attrs   []int // indexes into Aggregator.survey
	names   []string
	weights []float64
	scale   metrics.Scale
	pos     []int // survey index -> attribute index, -1 for others
	buf     []int // one audit's ratings
}

// indexCSI sets up the index when the survey has csi questions. A
// checklist built in Go may skip validation: csi questions on two
// scales are an error here, as they are for Validate.
func (a *Aggregator) indexCSI() error {
	var x aggCSI
	x.pos = make([]int, len(a.survey))
	for i, sq := range a.survey {
		x.pos[i] = -1
		if sq.kind != KindCSI {
			continue
		}
		if len(x.attrs) > 0 && sq.scale != x.scale {
			return fmt.Errorf("csi question %q rates on %d..%d, the index on %d..%d (question %q): one index needs one scale",
				sq.q.ID, sq.scale.Lo, sq.scale.Hi, x.scale.Lo, x.scale.Hi, x.names[0])
		}
		x.pos[i] = len(x.attrs)
		x.attrs = append(x.attrs, i)
		x.names = append(x.names, sq.q.ID)
		x.weights = append(x.weights, sq.q.EffectiveWeight())
		x.scale = sq.scale
	}
	if len(x.attrs) > 0 {
		x.buf = make([]int, len(x.attrs))
		a.csi = &x
	}
	return nil
}

// newCSI returns a group's empty ratings, nil without an index.
func (a *Aggregator) newCSI() *metrics.CSIRatings {
	if a.csi == nil {
		return nil
	}
	// Validated in NewAggregator (one scale, a name per attribute).
	r, _ := metrics.NewCSIRatings(a.csi.scale, a.csi.names)
	return r
}

// addCSI records the checked audit's ratings in g.
func (a *Aggregator) addCSI(g *aggGroup) {
	x := a.csi
	if x == nil {
		return
	}
	for i := range x.buf {
		x.buf[i] = metrics.NoRating
	}
	for _, p := range a.pendingS {
		if k := x.pos[p.index]; k >= 0 {
			x.buf[k] = int(p.num) // checked: a whole number on the scale
		}
	}
	_ = g.csi.Add(x.buf)
}

// summarizeCSI is a group's index.
func (a *Aggregator) summarizeCSI(r *metrics.CSIRatings) *CSISummary {
	x := a.csi
	if x == nil {
		return nil
	}
	s := &CSISummary{N: r.N(), Lo: float64(x.scale.Lo), Hi: float64(x.scale.Hi), Attributes: make([]CSIAttributeSummary, len(x.attrs))}
	means, ns := r.Means()
	var attrs []metrics.Attribute
	complete := true
	for i, si := range x.attrs {
		q := a.survey[si].q
		as := CSIAttributeSummary{ID: q.ID, Title: q.Text.Text, N: ns[i], Weight: x.weights[i]}
		if ns[i] > 0 {
			as.Mean = new(means[i])
			attrs = append(attrs, metrics.Attribute{Name: q.ID, Mean: means[i], Weight: x.weights[i]})
		} else if x.weights[i] != 0 {
			complete = false
		}
		s.Attributes[i] = as
	}
	if complete && len(attrs) > 0 {
		if v, err := metrics.CSI(attrs, x.scale); err == nil {
			s.CSI = &v
		}
	}
	// Intervals need two ratings of an attribute (nil otherwise).
	if res, err := r.Result(x.weights, 0.95); err == nil {
		for i, at := range res.Attributes {
			s.Attributes[i].CILow, s.Attributes[i].CIHigh = at.CILow, at.CIHigh
		}
	}
	return s
}
