package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// The one-audit page: self-contained (inline CSS and SVG, no JavaScript,
// nothing fetched), so it can be mailed or printed as it is.
var scoreHTMLTemplate = template.Must(template.New("score").Funcs(template.FuncMap{
	"pct":       textfmt.Pct,
	"pctOrDash": textfmt.PctOrDash,
	"weight":    korto.FormatNumber,
}).Parse(`<!DOCTYPE html>
<html lang="{{.L.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;color:#263238;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .2rem}
h2{font-size:1.15rem;margin:1.8rem 0 .6rem;border-bottom:1px solid #cfd8dc}
.sub{color:#607d8b}
table{border-collapse:collapse}
th,td{padding:.25rem .7rem;text-align:left;vertical-align:top}
th{font-weight:600;border-bottom:1px solid #b0bec5}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.level td{font-weight:600;background:#eceff1}
.passed{color:#2e7d32}.failed{color:#c62828}.gated{color:#78909c}
.big{font-size:2rem;font-weight:700}
.ko{color:#c62828}
dl.audit{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;margin:.8rem 0}
dl.audit dt{color:#607d8b}dl.audit dd{margin:0}
ol.fix li{margin:.2rem 0}
.tag{font-size:.8rem;color:#fff;background:#c62828;border-radius:3px;padding:0 .3rem;margin-left:.3rem}
svg{display:block;max-width:100%;height:auto}
.wide{overflow-x:auto}
@media print{body{margin:0;max-width:none}tr,svg{break-inside:avoid}h2{break-after:avoid}.wide{overflow:visible}}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<div class="sub">{{.R.Checklist}}{{if .Version}} · {{.L.Version}} {{.Version}}{{end}}</div>
{{if .Audit}}<dl class="audit">{{range .Audit}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>{{end}}</dl>{{end}}
<p><span class="big">{{pctOrDash .R.Score}}</span>{{if .R.KnockedOut}} <span class="ko">{{.L.KnockedOut}}; {{.L.Raw}} {{pctOrDash .R.RawScore}}</span>{{end}}<br>
{{with .Band}}{{$.L.Band}}: <strong>{{.}}</strong><br>
{{end}}{{.L.Reached}}: <strong>{{.R.Reached}} — {{.ReachedName}}</strong>{{with .Stopped}}<br>{{.}}{{end}}</p>
{{.Pyramid}}
<h2>{{.L.Levels}}</h2>
<div class="wide"><table class="levels">
<thead><tr><th>{{.L.Level}}</th><th class="num">{{.L.Score}}</th><th class="num">{{.L.PassMark}}</th><th>{{.L.Status}}</th><th>{{.L.Critical}}</th></tr></thead>
{{range .Levels}}<tr><td>{{.Level}}. {{.Name}}</td><td class="num">{{pctOrDash .Score}}</td><td class="num">{{pct .Pass}}</td><td class="{{if .Gated}}gated{{else if .Passed}}passed{{else}}failed{{end}}">{{.Status}}</td><td>{{range $i, $id := .CriticalFailed}}{{if $i}}, {{end}}{{$id}}{{else}}—{{end}}</td></tr>
{{end}}</table></div>
<h2>{{.L.Sections}}</h2>
<div class="wide"><table>
<thead><tr><th>{{.L.Section}}</th><th class="num">{{.L.Score}}</th><th class="num">{{.L.Weight}}</th></tr></thead>
{{range .Levels}}<tr class="level"><td>{{.Level}}. {{.Name}}</td><td class="num">{{pctOrDash .Score}}</td><td class="num">{{weight .Weight}}</td></tr>
{{range .Sections}}<tr><td style="padding-left:{{.Pad}}rem">{{.Title}}</td><td class="num">{{pctOrDash .Score}}</td><td class="num">{{weight .Weight}}</td></tr>
{{end}}{{end}}</table></div>
<h2>{{.L.Fix}}</h2>
{{if .Fix}}<ol class="fix">
{{range .Fix}}<li><strong>{{.Text}}</strong> <code>{{.ID}}</code> — {{if .Answer}}{{$.L.Found}}: {{.Answer}}; {{end}}{{$.LevelWord}} {{.Level}}, {{$.WeightWord}} {{weight .Weight}}{{if .Critical}}<span class="tag">{{$.L.CriticalQ}}</span>{{end}}</li>
{{end}}</ol>{{else}}<p>{{.L.NoFix}}</p>{{end}}
</body>
</html>
`))

// Pad is the indentation of a section row in the HTML table, in rem.
func (s scoreSectionRow) Pad() float64 { return 0.7 + 1.2*float64(s.Depth+1) }

// writeHTML prints the page into buf.
func (v *scoreView) writeHTML(buf *bytes.Buffer) error {
	// The model's whole pyramid, with the levels the checklist leaves out
	// drawn as outlines under the model's own names.
	bands := make([]pyramidBand, 0, len(v.Levels))
	for _, l := range v.Levels {
		bands = append(bands, pyramidBand{Level: l.Level, Title: l.Name, Score: l.Score, Pass: l.Pass, Passed: l.Passed, Gated: l.Gated})
	}
	bands = withAbsentLevels(bands, v.c, v.lang, v.L.Absent)
	page := struct {
		*scoreView
		Pyramid               template.HTML
		LevelWord, WeightWord string
	}{
		scoreView:  v,
		Pyramid:    pyramidSVG("pyr", v.L.Levels, bands, v.L.Gated),
		LevelWord:  strings.ToLower(v.L.Level),
		WeightWord: strings.ToLower(v.L.Weight),
	}
	return scoreHTMLTemplate.Execute(buf, page)
}
