package render

import (
	"fmt"
	"math"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// The HTML of the blocks a manager acts on: critical failures, the
// league table with shrunk means and rank intervals, and each group's
// sections, problems, comments and a small chart of its waves. User text
// (group names, audit IDs, comments) is isolated with <bdi> in the
// template, so that a right-to-left override in it cannot reorder the
// page around it.

type htmlCritical struct {
	korto.CriticalFailure
	Group, Text string
	Date, Audit string // auditDate and auditName, over the failure's own
	Placed      bool   // see htmlComment
}

type htmlComment struct {
	Text        string
	Date, Audit string // auditDate and auditName
	// Placed: Audit names the sheet's place, a path that may be longer
	// than a phone is wide, so it may wrap anywhere.
	Placed bool
}

type htmlLeagueLine struct {
	korto.GroupSummary
	Name, Rank, Range, Vs, VsClass string
	Medal                          int // 1-3 for the ranked podium, else 0
}

type htmlGroup struct {
	L        *labels
	Name     string
	N        int64
	Mean     *float64
	Sections []htmlSection
	Fix      []htmlProblem
	Comments []htmlComment
	More     string // "latest 20 of 31"
	Waves    *htmlWaves
	Periods  []korto.PeriodSummary
}

type htmlSection struct {
	korto.SectionSummary
	Name string
	W    float64
}

// htmlWaves is a group's periods drawn as means with their intervals
// over time.
type htmlWaves struct {
	Width, Height, Top, Bottom float64
	Points                     []htmlWavePoint
	Path                       string
	Ticks                      []htmlTick // horizontal grid: Y in X's place
}

type htmlWavePoint struct {
	X, Y, Y1, Y2 float64
	HasCI        bool
	Label, Mean  string
}

func (page *htmlReport) addBlocks(v *view) {
	rep, X := v.Rep, &v.L.X
	for _, cf := range rep.CriticalFailures {
		hc := htmlCritical{CriticalFailure: cf, Group: v.groupName(cf.Group), Text: v.questionTitle(cf.Question, cf.Title)}
		hc.Date, hc.Audit, hc.Placed = v.htmlAudit(cf.Audit, cf.Date, cf.Place)
		page.Critical = append(page.Critical, hc)
	}
	if int64(len(rep.CriticalFailures)) < rep.CriticalFailuresTotal {
		page.CriticalMore = fmt.Sprintf(X.CriticalMore, len(rep.CriticalFailures), rep.CriticalFailuresTotal)
	}
	for _, g := range rep.Groups {
		l := htmlLeagueLine{GroupSummary: g, Name: v.groupName(g.Group), Rank: rankText(g), Range: rankRange(g), Vs: v.vsRestText(g)}
		if g.Rank != nil && *g.Rank <= 3 && !g.TooFew {
			l.Medal = *g.Rank
		}
		if g.VsRest != nil {
			l.VsClass = *g.VsRest
		}
		page.Table = append(page.Table, l)
		page.Groups = append(page.Groups, v.htmlGroup(&g))
	}
	if rep.GroupBy == "" {
		o := v.htmlGroup(&rep.Overall)
		page.Overall = &o
	}
}

func (v *view) htmlGroup(g *korto.GroupSummary) htmlGroup {
	hg := htmlGroup{L: &v.L, Name: v.groupName(g.Group), N: g.N, Mean: g.Score.Mean, Periods: g.Periods}
	for _, c := range g.Comments {
		hc := htmlComment{Text: c.Text}
		hc.Date, hc.Audit, hc.Placed = v.htmlAudit(c.Audit, c.Date, c.Place)
		hg.Comments = append(hg.Comments, hc)
	}
	for _, s := range g.Sections {
		hg.Sections = append(hg.Sections, htmlSection{SectionSummary: s, Name: v.sectionTitle(s), W: barWidth(s.Mean, 120)})
	}
	for i, q := range g.TopProblems {
		hg.Fix = append(hg.Fix, htmlProblem{Rank: i + 1, QuestionSummary: q, Text: v.questionTitle(q.ID, q.Title), W: barWidth(q.FailureRate, 120)})
	}
	if g.CommentsTotal > 0 {
		hg.More = fmt.Sprintf(v.L.X.CommentsOf, len(g.Comments), g.CommentsTotal)
	}
	hg.Waves = wavesChart(g.Periods)
	return hg
}

// htmlAudit gives the date and name of an audit for the page, and
// whether the name is a place (htmlComment.Placed).
func (v *view) htmlAudit(audit, date, place string) (dateText, name string, placed bool) {
	name = v.auditName(audit, place)
	return v.auditDate(date), name, name != audit
}

// wavesChart draws the periods left to right, the score axis zoomed to
// what the intervals span (at least 10 points), within 0-100%.
func wavesChart(ps []korto.PeriodSummary) *htmlWaves {
	if len(ps) < 2 {
		return nil
	}
	lo, hi := 1.0, 0.0
	for _, p := range ps {
		if p.Mean == nil {
			continue
		}
		lo, hi = min(lo, *p.Mean), max(hi, *p.Mean)
		if p.CILow != nil {
			lo, hi = min(lo, *p.CILow), max(hi, *p.CIHigh)
		}
	}
	if lo > hi {
		return nil
	}
	lo, hi = math.Floor(lo*10)/10, math.Ceil(hi*10)/10
	if hi-lo < 0.1 {
		hi = min(1, lo+0.1)
		lo = hi - 0.1
	}
	w := &htmlWaves{Width: 420, Height: 150, Top: 10, Bottom: 120}
	left, right := 70.0, w.Width-60 // room for the first and last labels
	y := func(x float64) float64 { return w.Bottom - (x-lo)/(hi-lo)*(w.Bottom-w.Top) }
	for t := lo; t <= hi+1e-9; t += 0.1 {
		w.Ticks = append(w.Ticks, htmlTick{X: y(t), Label: fmt.Sprintf("%.0f%%", 100*t)})
	}
	step := (right - left) / float64(len(ps)-1)
	for i, p := range ps {
		pt := htmlWavePoint{X: left + float64(i)*step, Label: p.Period, Mean: textfmt.PctOrDash(p.Mean)}
		if p.Mean == nil {
			continue
		}
		pt.Y = y(*p.Mean)
		if p.CILow != nil {
			pt.HasCI, pt.Y1, pt.Y2 = true, y(*p.CILow), y(*p.CIHigh)
		}
		cmd := "L"
		if w.Path == "" {
			cmd = "M"
		}
		w.Path += fmt.Sprintf("%s%.1f %.1f ", cmd, pt.X, pt.Y)
		w.Points = append(w.Points, pt)
	}
	return w
}
