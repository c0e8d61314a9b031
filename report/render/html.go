package render

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// The HTML report is one self-contained file that a manager can open or
// print: inline CSS and SVG, no JavaScript, nothing fetched from the
// network.
//
//go:embed report.html.tmpl
var reportHTMLSource string

var reportHTMLTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct":       textfmt.Pct,
	"pctOrDash": textfmt.PctOrDash,
	"ci":        ciText,
	"f1":        func(x float64) string { return textfmt.Fixed(x, 1) },
	"f3":        func(x float64) string { return textfmt.Fixed(x, 3) },
	"signed":    signedPct,
	"add":       func(a, b float64) float64 { return a + b },
}).Parse(reportHTMLSource))

// writeHTML prints the page into buf.
func (v *view) writeHTML(buf *bytes.Buffer) error {
	page := htmlReport{V: v, L: &v.L, O: &v.Rep.Overall}
	page.Pyramid = reportPyramid(v)
	// SVG text has no <bdi>: the name goes between Unicode's isolate
	// marks instead, so that a right-to-left override in a name cannot
	// reorder the rank and count around it.
	page.League = leagueChart(v.Rep.Groups, func(g string) string { return "\u2068" + v.groupName(g) + "\u2069" })
	page.addBlocks(v)
	for _, r := range v.Rep.Overall.Reached {
		page.Reached = append(page.Reached, htmlReached{ReachedCount: r, Name: v.levelName(r.Level), W: barWidth(r.Share, 160)})
	}
	if rows := v.bandTable(); rows != nil {
		page.BandHead, page.Bands = rows[0], rows[1:]
	}
	for i, q := range v.Rep.Overall.TopProblems {
		page.Problems = append(page.Problems, htmlProblem{
			Rank: i + 1, QuestionSummary: q, Text: v.questionTitle(q.ID, q.Title), W: barWidth(q.FailureRate, 120),
		})
	}
	for _, ts := range tagsByFailure(v.Rep.Overall.Tags) {
		page.Tags = append(page.Tags, htmlTag{TagSummary: ts, W: barWidth(ts.FailureRate, 120)})
	}
	for _, l := range v.Rep.Overall.Levels {
		page.Levels = append(page.Levels, htmlLevel{LevelSummary: l, Name: v.levelName(l.Level), Gated: v.gatedCell(l)})
	}
	for i, s := range v.Rep.Overall.Survey {
		hs := htmlSurvey{Name: v.surveyName(s), Text: v.questionTitle(s.ID, s.Title),
			Rows: []htmlSurveyRow{surveyRow(v, v.L.AllAudits, s)}}
		hs.Rows[0].Overall = true
		for _, g := range v.Rep.Groups {
			hs.Rows = append(hs.Rows, surveyRow(v, v.groupName(g.Group), g.Survey[i]))
		}
		hs.Detail = v.surveyLine(s)
		page.Survey = append(page.Survey, hs)
	}
	page.CSI = v.htmlCSI()
	page.Drivers = v.htmlDrivers()
	page.Promises = v.htmlPromises()
	return reportHTMLTemplate.Execute(buf, page)
}

// htmlReport is everything the template shows, laid out in advance so
// the template only prints.
type htmlReport struct {
	V       *view
	L       *labels
	O       *korto.GroupSummary
	Pyramid template.HTML
	League  *htmlLeague
	Levels  []htmlLevel
	Reached []htmlReached
	// BandHead and Bands are the audits per score band (see bandTable);
	// nil without bands.
	BandHead []string
	Bands    [][]string
	Problems []htmlProblem
	Tags     []htmlTag
	Survey   []htmlSurvey
	Drivers  *htmlDrivers  // what goes with a worse survey outcome; nil without outcomes
	CSI      *htmlCSI      // the satisfaction index; nil without csi questions
	Promises *htmlPromises // promises kept and those late; nil without promises

	Critical     []htmlCritical
	CriticalMore string // "the first 200 of 350 are listed", or ""
	Table        []htmlLeagueLine
	Groups       []htmlGroup
	Overall      *htmlGroup // the overall block's comments and waves, without grouping
}

type htmlTag struct {
	korto.TagSummary
	W float64 // failure bar width
}

type htmlLevel struct {
	korto.LevelSummary
	Name  string
	Gated string // the share of audits with the level gated, or "—"
}

type htmlReached struct {
	korto.ReachedCount
	Name string
	W    float64 // bar width in px
}

type htmlProblem struct {
	korto.QuestionSummary
	Rank int
	Text string
	W    float64
}

type htmlSurvey struct {
	Name, Text, Detail string
	Rows               []htmlSurveyRow
}

type htmlSurveyRow struct {
	Group   string
	Overall bool
	N       int64
	Value   string
	Dot     *htmlWhisker
}

// htmlWhisker places a value and its interval on the metric's whole
// range (NPS -100..100, emotional index -1..1, CSAT 0..100%, CES on its
// scale), drawn surveyWhiskerW wide; Zero marks 0 on the two-sided
// ranges.
type htmlWhisker struct {
	X, X1, X2, Zero float64
	HasZero         bool
	Lo, Hi          string // the ends of the range
}

const surveyWhiskerW = 180.0

func surveyRow(v *view, group string, s korto.SurveySummary) htmlSurveyRow {
	row := htmlSurveyRow{Group: group, N: s.N, Value: v.surveyValue(s)}
	var lo, hi, x, x1, x2 float64
	switch {
	case s.NPS != nil:
		lo, hi, x, x1, x2 = -100, 100, s.NPS.NPS, s.NPS.CI.Lo, s.NPS.CI.Hi
	case s.Emotion != nil:
		lo, hi, x, x1, x2 = -1, 1, s.Emotion.Index, s.Emotion.CI.Lo, s.Emotion.CI.Hi
	case s.CSAT != nil:
		lo, hi, x, x1, x2 = 0, 100, s.CSAT.CSAT, s.CSAT.CI.Lo, s.CSAT.CI.Hi
	case s.CES != nil:
		sc := s.CES.Scale
		lo, hi, x, x1, x2 = float64(sc.Lo), float64(sc.Hi), s.CES.Mean, s.CES.MeanCI.Lo, s.CES.MeanCI.Hi
	default:
		return row
	}
	at := func(y float64) float64 { return 6 + clampShare((y-lo)/(hi-lo))*surveyWhiskerW }
	row.Dot = &htmlWhisker{X: at(x), X1: at(x1), X2: at(x2), Zero: at(0), HasZero: lo < 0,
		Lo: fmt.Sprint(lo), Hi: fmt.Sprint(hi)}
	return row
}

// barWidth scales a share to a bar of at most full pixels.
func barWidth(x *float64, full float64) float64 {
	if x == nil {
		return 0
	}
	return *x * full
}

// htmlLeague is the league table drawn as horizontal bars on a 0-100%
// axis, with the 95% interval as a whisker over each bar.
type htmlLeague struct {
	Width, Height float64
	PlotX, PlotW  float64
	AxisY         float64
	Ticks         []htmlTick
	Rows          []htmlLeagueRow
}

type htmlTick struct {
	X     float64
	Label string
}

type htmlLeagueRow struct {
	Rank     string
	Group    string
	N        int64
	Y, BarW  float64 // top of the row, bar width
	Mean, CI string
	HasCI    bool
	TooFew   bool    // unranked: its bar is grey, like its row in the table
	CX1, CX2 float64 // whisker ends
	TextX    float64
}

const (
	leagueRowH  = 28.0
	leagueLabel = 210.0 // room for "12  ТЦ Северный-Запад (24)"
	leaguePlot  = 380.0
)

func leagueChart(groups []korto.GroupSummary, name func(string) string) *htmlLeague {
	if len(groups) == 0 {
		return nil
	}
	lg := &htmlLeague{PlotX: leagueLabel, PlotW: leaguePlot, Width: leagueLabel + leaguePlot + 150}
	for i, g := range groups {
		row := htmlLeagueRow{Group: name(g.Group), N: g.N, Y: float64(i) * leagueRowH, Mean: textfmt.PctOrDash(g.Score.Mean),
			CI: ciText(g.Score.CILow, g.Score.CIHigh), Rank: rankText(g), TooFew: g.TooFew}
		row.BarW = barWidth(g.Score.Mean, leaguePlot)
		row.TextX = leagueLabel + row.BarW + 6
		if g.Score.CILow != nil {
			row.HasCI = true
			row.CX1 = leagueLabel + clampShare(*g.Score.CILow)*leaguePlot
			row.CX2 = leagueLabel + clampShare(*g.Score.CIHigh)*leaguePlot
			row.TextX = max(row.TextX, row.CX2+6)
		}
		lg.Rows = append(lg.Rows, row)
	}
	lg.AxisY = float64(len(groups)) * leagueRowH
	lg.Height = lg.AxisY + 22
	for p := 0; p <= 100; p += 20 {
		lg.Ticks = append(lg.Ticks, htmlTick{X: leagueLabel + float64(p)/100*leaguePlot, Label: fmt.Sprintf("%d%%", p)})
	}
	return lg
}

// clampShare keeps a drawn interval inside the 0-100% axis; the printed
// numbers stay unclipped.
func clampShare(x float64) float64 { return min(max(x, 0), 1) }

// reportPyramid draws the pyramid with the shared drawing of
// pyramid.go: each level filled to its mean score, green when the mean
// clears the pass mark and red when not, grey when most audits had it
// gated. The shares of audits that passed each level and had it gated
// are in the levels table beside it: the drawing's labels have no room.
// The model's levels that the checklist leaves out are outlined.
func reportPyramid(v *view) template.HTML {
	var bands []pyramidBand
	for _, l := range v.Rep.Overall.Levels {
		bands = append(bands, pyramidBand{
			Level:  l.Level,
			Title:  v.levelName(l.Level),
			Score:  l.Score.Mean,
			Pass:   l.Pass,
			Passed: l.Score.Mean != nil && *l.Score.Mean >= l.Pass,
			Gated:  l.GatedShare != nil && *l.GatedShare > 0.5,
		})
	}
	bands = withAbsentLevels(bands, v.c, v.Lang, v.L.NotInChecklist)
	return pyramidSVG("report-pyramid", v.L.Pyramid, bands, v.L.Gated)
}
