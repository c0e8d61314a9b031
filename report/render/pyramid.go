package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// The service pyramid as inline SVG, shared by the one-audit page
// (cxkit score --html) and the many-audit report (cxkit report --html).
// Level 1 is the wide base; each band is filled from the left to its
// score, carries a tick at its pass mark, and is grey when gated (a
// level beneath it failed, so it does not count yet).

// pyramidBand is one level of the pyramid.
type pyramidBand struct {
	Level  int
	Title  string
	Score  *float64 // nil: nothing applicable, drawn empty
	Pass   float64
	Passed bool
	Gated  bool
	// Absent marks a level of the model that the checklist does not
	// have: drawn as a dashed outline, so the pyramid keeps its shape.
	Absent bool
	// Note is an optional short text after the score, e.g. "70% passed".
	Note string
}

// Geometry of the drawing, in SVG user units.
const (
	pyrWidth  = 360.0 // width of the base
	pyrBandH  = 46.0  // height of one band
	pyrGap    = 4.0   // gap between bands
	pyrTop    = 0.25  // width of the apex as a share of the base
	pyrLabelW = 440.0 // room for the labels right of the pyramid
	pyrMargin = 8.0
)

// pyrShape is a band laid out for the template.
type pyrShape struct {
	pyramidBand
	Points        string  // the trapezoid
	FillX, FillW  float64 // the filled part, clipped to the trapezoid
	Y, H          float64
	PassX         float64
	LabelX, TextY float64
	Class         string
	ScoreText     string
}

var pyramidTemplate = template.Must(template.New("pyramid").Parse(`<svg xmlns="http://www.w3.org/2000/svg" class="pyramid" role="img" width="{{.W}}" height="{{.H}}" viewBox="0 0 {{.W}} {{.H}}">
<title>{{.Title}}</title>
<style>
.pyramid .bg{fill:#eceff1;stroke:#90a4ae;stroke-width:1}
.pyramid .passed{fill:#43a047}
.pyramid .failed{fill:#e53935}
.pyramid .gated{fill:#b0bec5}
.pyramid .absent{fill:none;stroke:#b0bec5;stroke-width:1;stroke-dasharray:4 3}
.pyramid .mark{stroke:#263238;stroke-width:1.5;stroke-dasharray:3 2}
.pyramid text{font:13px system-ui,sans-serif;fill:#263238}
.pyramid text.dim{fill:#78909c}
</style>
<defs>{{range .Bands}}
<clipPath id="{{$.ID}}-{{.Level}}"><polygon points="{{.Points}}"/></clipPath>{{end}}
</defs>{{range .Bands}}
<g>
{{if .Absent}}<polygon class="absent" points="{{.Points}}"/>
<text x="{{.LabelX}}" y="{{.TextY}}" class="dim">{{.Level}}. {{.Title}}{{if .Note}} · {{.Note}}{{end}}</text>{{else}}<polygon class="bg" points="{{.Points}}"/>{{if .Score}}
<rect class="{{.Class}}" x="{{.FillX}}" y="{{.Y}}" width="{{.FillW}}" height="{{.H}}" clip-path="url(#{{$.ID}}-{{.Level}})"/>{{end}}
<line class="mark" x1="{{.PassX}}" y1="{{.Y}}" x2="{{.PassX}}" y2="{{.YEnd}}"/>
<text x="{{.LabelX}}" y="{{.TextY}}"{{if .Gated}} class="dim"{{end}}>{{.Level}}. {{.Title}} — {{.ScoreText}}{{if .Note}} · {{.Note}}{{end}}</text>{{end}}
</g>{{end}}
</svg>`))

// YEnd is the bottom edge of the band.
func (s pyrShape) YEnd() float64 { return s.Y + s.H }

// pyramidSVG draws bands (in any order; level 1 goes at the bottom) as an
// inline SVG element. id must be unique within the page, since it names
// the clip paths; title is the drawing's accessible name. Scores are
// printed with one decimal, "—" for no score; gatedWord, the word for a
// gated level in the page's language, follows a gated level's score.
func pyramidSVG(id, title string, bands []pyramidBand, gatedWord string) template.HTML {
	n := len(bands)
	h := pyrMargin*2 + float64(n)*pyrBandH + float64(max(n-1, 0))*pyrGap
	w := pyrMargin*2 + pyrWidth + pyrLabelW
	// Band k (0 = level with the lowest number) spans widths from
	// width(k) at its bottom to width(k+1) at its top.
	width := func(k float64) float64 { return pyrWidth * (1 - (1-pyrTop)*k/float64(max(n, 1))) }
	sorted := make([]pyramidBand, n)
	copy(sorted, bands)
	for i := 1; i < n; i++ { // insertion sort by level: n <= 5
		for j := i; j > 0 && sorted[j].Level < sorted[j-1].Level; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	cx := pyrMargin + pyrWidth/2
	var shapes []pyrShape
	for k := n - 1; k >= 0; k-- { // top band first, as read
		b := sorted[k]
		yBottom := h - pyrMargin - float64(k)*(pyrBandH+pyrGap)
		yTop := yBottom - pyrBandH
		wb, wt := width(float64(k)), width(float64(k+1))
		s := pyrShape{pyramidBand: b, Y: yTop, H: pyrBandH}
		s.Points = fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f",
			cx-wb/2, yBottom, cx+wb/2, yBottom, cx+wt/2, yTop, cx-wt/2, yTop)
		s.FillX = cx - wb/2
		s.ScoreText = "—"
		if b.Score != nil {
			sc := min(max(*b.Score, 0), 1)
			s.FillW = round1(sc * wb)
			s.ScoreText = textfmt.Pct(*b.Score)
		}
		s.FillX = round1(s.FillX)
		s.PassX = round1(cx - wb/2 + b.Pass*wb)
		s.LabelX = pyrMargin + pyrWidth + 12
		s.TextY = round1(yTop + pyrBandH/2 + 4.5)
		switch {
		case b.Gated:
			s.Class = "gated"
			if gatedWord != "" {
				s.ScoreText += " (" + gatedWord + ")"
			}
		case b.Passed:
			s.Class = "passed"
		default:
			s.Class = "failed"
		}
		shapes = append(shapes, s)
	}
	var buf bytes.Buffer
	err := pyramidTemplate.Execute(&buf, struct {
		ID, Title string
		W, H      float64
		Bands     []pyrShape
	}{id, title, w, round1(h), shapes})
	if err != nil {
		// The template is fixed and its data plain; failure is a bug.
		panic("cxkit: pyramid template: " + err.Error())
	}
	return template.HTML(buf.String())
}

// withAbsentLevels adds the levels of c's model that bands lack, drawn
// as outlines under the model's own names (in lang) with the note absent,
// so that both pages show the whole pyramid and where the checklist sits
// in it, not a two-step pyramid that looks complete.
func withAbsentLevels(bands []pyramidBand, c *korto.Checklist, lang, absent string) []pyramidBand {
	have := map[int]bool{}
	for _, b := range bands {
		have[b.Level] = true
	}
	for k := 1; k <= c.EffectiveModel().MaxLevel(); k++ {
		if !have[k] {
			bands = append(bands, pyramidBand{Level: k, Title: c.LevelName(k, lang), Absent: true, Note: absent})
		}
	}
	return bands
}

func round1(x float64) float64 {
	return float64(int64(x*10+0.5)) / 10
}
