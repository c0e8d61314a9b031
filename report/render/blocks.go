package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/internal/termtext"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

// words are the words of the blocks a manager acts on: critical
// failures, the honest league table and its legend, and each group's
// sections, problems, comments and waves.
type words struct {
	Critical, CriticalNone, CriticalMore  string
	Date, Audit, Shrunk, RankRange, VsRst string
	Above, Below, Within, TooFew          string
	Legend                                []string
	Sections, Section, WhatToFix          string
	Comments, CommentsOf, Waves, Period   string
	Change, P, Kept                       string
	NoID, NoIDAt                          string
}

var wordsEn = words{
	Critical: "Critical failures", CriticalNone: "no critical question failed",
	CriticalMore: "the first %d of %d are listed",
	Date:         "date", Audit: "audit", Shrunk: "shrunk", RankRange: "rank range", VsRst: "vs rest",
	Above: "▲ above", Below: "▼ below", Within: "within", TooFew: "too few audits",
	Legend: []string{
		"How to read the table:",
		"95% CI: the range the centre's true mean lies in, given how many audits it had; fewer audits, wider range.",
		"Shrunk: the mean pulled toward the mean of all centres as far as the centre's few audits leave it uncertain; the table is ranked by it, so two lucky audits do not come first.",
		"Rank range: the places the centre could hold in 95 of 100 replays of chance; \"3–9\" means somewhere between 3rd and 9th.",
		"Above / below: clearly better or worse than all other audits together (Welch's test, adjusted for testing every centre); \"within\": no clear difference.",
		"Groups with fewer audits than the minimum get no rank.",
	},
	Sections: "Sections", Section: "section", WhatToFix: "What to fix",
	Comments: "Comments", CommentsOf: "latest %d of %d", Waves: "Waves", Period: "period",
	Change: "change", P: "p", Kept: "kept %d of %d audits where %s",
	NoID: "no id", NoIDAt: "no id, sheet %s",
}

var wordsRu = words{
	Critical: "Критичные нарушения", CriticalNone: "критичных нарушений нет",
	CriticalMore: "показаны первые %d из %d",
	Date:         "дата", Audit: "аудит", Shrunk: "с поправкой", RankRange: "место от–до", VsRst: "против остальных",
	Above: "▲ выше", Below: "▼ ниже", Within: "в пределах", TooFew: "мало аудитов",
	Legend: []string{
		"Как читать таблицу:",
		"95% ДИ: диапазон, в котором лежит истинное среднее с учётом числа аудитов; чем меньше аудитов, тем он шире.",
		"С поправкой: среднее, притянутое к общему среднему настолько, насколько мало у точки аудитов; места даны по нему, чтобы два удачных визита не выводили точку на первое место.",
		"Место от–до: места, которые точка могла бы занять в 95 случаях из 100 при другой случайности визитов; «3–9» — где-то между 3-м и 9-м.",
		"Выше / ниже: явно лучше или хуже всех остальных аудитов вместе (тест Уэлча с поправкой на проверку всех точек); «в пределах» — явной разницы нет.",
		"Группы, где аудитов меньше минимума, мест не получают.",
	},
	Sections: "Разделы", Section: "раздел", WhatToFix: "Что исправить",
	Comments: "Комментарии", CommentsOf: "последние %d из %d", Waves: "Волны", Period: "период",
	Change: "изменение", P: "p", Kept: "оставлено %d из %d аудитов, где %s",
	NoID: "без id", NoIDAt: "без id, лист %s",
}

// whereText says how many audits the filters kept.
func (v *view) whereText(w *report.WhereSummary) string {
	return fmt.Sprintf(v.L.X.Kept, w.Kept, w.Read, strings.Join(w.Filters, ", "))
}

// WhereNote is whereText for the HTML page: "" when nothing was
// filtered.
func (v *view) WhereNote() string {
	if v.Res.Where == nil {
		return ""
	}
	return v.whereText(v.Res.Where)
}

// rankText is "3", or "—" for an unranked group.
func rankText(g korto.GroupSummary) string {
	if g.Rank == nil {
		return "—"
	}
	return fmt.Sprint(*g.Rank)
}

// rankRange is "3–9", "4" when the interval is one place, or "".
func rankRange(g korto.GroupSummary) string {
	if g.RankLow == nil || g.RankHigh == nil {
		return ""
	}
	if *g.RankLow == *g.RankHigh {
		return fmt.Sprint(*g.RankLow)
	}
	return fmt.Sprintf("%d–%d", *g.RankLow, *g.RankHigh)
}

// vsRestText says how the group compares with the rest.
func (v *view) vsRestText(g korto.GroupSummary) string {
	X := &v.L.X
	switch {
	case g.TooFew && g.Group != korto.NoGroup && g.Score.Mean != nil:
		if g.VsRest == nil {
			return X.TooFew
		}
		return X.TooFew + "; " + v.vsWord(*g.VsRest)
	case g.VsRest == nil:
		return ""
	}
	return v.vsWord(*g.VsRest)
}

func (v *view) vsWord(vs string) string {
	switch vs {
	case korto.VsRestAbove:
		return v.L.X.Above
	case korto.VsRestBelow:
		return v.L.X.Below
	}
	return v.L.X.Within
}

// writeCritical prints the audits with a failed critical question.
func (v *view) writeCritical(w io.Writer) {
	X, rep := &v.L.X, v.Rep
	fmt.Fprintf(w, "\n%s (%d)\n", X.Critical, rep.CriticalFailuresTotal)
	if rep.CriticalFailuresTotal == 0 {
		fmt.Fprintf(w, "  %s\n", X.CriticalNone)
		return
	}
	t := textfmt.Table{Indent: "  "}
	if rep.GroupBy != "" {
		t.Add(v.ByHeader, X.Date, X.Audit, v.L.Question)
	} else {
		t.Add(X.Date, X.Audit, v.L.Question)
	}
	for _, cf := range rep.CriticalFailures {
		q := cf.Question + " — " + v.questionTitle(cf.Question, cf.Title)
		date, audit := termtext.Safe(v.auditDate(cf.Date)), termtext.Safe(v.auditName(cf.Audit, cf.Place))
		if rep.GroupBy != "" {
			t.Add(termtext.Safe(v.groupName(cf.Group)), date, audit, q)
		} else {
			t.Add(date, audit, q)
		}
	}
	t.Write(w)
	if int64(len(rep.CriticalFailures)) < rep.CriticalFailuresTotal {
		fmt.Fprintf(w, "  "+X.CriticalMore+"\n", len(rep.CriticalFailures), rep.CriticalFailuresTotal)
	}
}

// auditName names an audit for people: its id, or, for a sheet without
// one (an empty "audit" in the JSON of critical failures and comments,
// as reports.md fixes it), where the sheet was read
// ([korto.Sheet.Place]), the one way a manager can find that audit. It
// is the one rule for text, HTML and Excel alike.
func (v *view) auditName(audit, place string) string {
	switch {
	case strings.TrimSpace(audit) != "":
		return audit
	case place != "":
		return fmt.Sprintf(v.L.X.NoIDAt, place)
	}
	return v.L.X.NoID
}

// auditDate is the date of an audit, or a dash for an audit without
// one: a blank cell reads as a misprint.
func (v *view) auditDate(date string) string {
	if strings.TrimSpace(date) == "" {
		return "—"
	}
	return date
}

// writeLeague prints the league table and its legend.
func (v *view) writeLeague(w io.Writer) {
	L, X, rep := &v.L, &v.L.X, v.Rep
	fmt.Fprintf(w, "\n%s (%s)\n", L.League, v.ByHeader)
	t := textfmt.Table{Indent: "  ", Right: textfmt.RightCols(true, false, true, true, false, true, true, false)}
	t.Add(L.Rank, v.ByHeader, L.N, L.Mean, L.CI, X.Shrunk, X.RankRange, X.VsRst)
	for _, g := range rep.Groups {
		t.Add(rankText(g), termtext.Safe(v.groupName(g.Group)), fmt.Sprint(g.N), textfmt.PctOrDash(g.Score.Mean),
			ciText(g.Score.CILow, g.Score.CIHigh), textfmt.PctOrDash(g.ShrunkMean), rankRange(g), v.vsRestText(g))
	}
	t.Write(w)
	for _, l := range X.Legend {
		fmt.Fprintf(w, "  %s\n", l)
	}
}

// writeGroups prints each group's own block: sections, what to fix,
// comments and waves.
func (v *view) writeGroups(w io.Writer) {
	for i := range v.Rep.Groups {
		g := &v.Rep.Groups[i]
		fmt.Fprintf(w, "\n== %s (%s %d, %s %s)\n", termtext.Safe(v.groupName(g.Group)), v.L.N, g.N, v.L.Mean, textfmt.PctOrDash(g.Score.Mean))
		v.writeSections(w, g, "  ")
		v.writeFix(w, g, "  ")
		v.writeComments(w, g, "  ")
		v.writePeriods(w, g, "  ")
	}
}

func (v *view) writeSections(w io.Writer, g *korto.GroupSummary, indent string) {
	if len(g.Sections) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s%s\n", indent, v.L.X.Sections)
	t := textfmt.Table{Indent: indent + "  ", Right: textfmt.RightCols(true, false, true, true)}
	t.Add(v.L.Level, v.L.X.Section, v.L.N, v.L.Mean)
	for _, s := range g.Sections {
		t.Add(fmt.Sprint(s.Level), v.sectionTitle(s), fmt.Sprint(s.N), textfmt.PctOrDash(s.Mean))
	}
	t.Write(w)
}

// sectionTitle is the section's title in the view's language.
func (v *view) sectionTitle(s korto.SectionSummary) string {
	if sec := findSection(v.c, s.ID); sec != nil {
		return sec.Title.In(v.Lang)
	}
	return s.Title
}

func findSection(c *korto.Checklist, id string) *korto.Section {
	var walk func([]korto.Item) *korto.Section
	walk = func(items []korto.Item) *korto.Section {
		for _, it := range items {
			if it.Section == nil {
				continue
			}
			if it.Section.ID == id {
				return it.Section
			}
			if s := walk(it.Section.Items); s != nil {
				return s
			}
		}
		return nil
	}
	for _, l := range c.Levels {
		if s := walk(l.Items); s != nil {
			return s
		}
	}
	return nil
}

func (v *view) writeFix(w io.Writer, g *korto.GroupSummary, indent string) {
	L := &v.L
	fmt.Fprintf(w, "\n%s%s\n", indent, L.X.WhatToFix)
	if len(g.TopProblems) == 0 {
		fmt.Fprintf(w, "%s  %s\n", indent, L.NoProblems)
		return
	}
	t := textfmt.Table{Indent: indent + "  ", Right: textfmt.RightCols(true, true, true, false)}
	t.Add(L.Level, L.Share, L.Failed, L.Question)
	for _, q := range g.TopProblems {
		text := q.ID + " — " + v.questionTitle(q.ID, q.Title)
		if q.Critical {
			text += " (" + L.Critical + ")"
		}
		t.Add(fmt.Sprint(q.Level), textfmt.PctOrDash(q.FailureRate), fmt.Sprintf("%d/%d", q.Failed, q.Applicable), text)
	}
	t.Write(w)
}

// textComments is how many comments the text report shows per group.
const textComments = 5

func (v *view) writeComments(w io.Writer, g *korto.GroupSummary, indent string) {
	if g.CommentsTotal == 0 {
		return
	}
	n := min(len(g.Comments), textComments)
	fmt.Fprintf(w, "\n%s%s (%s)\n", indent, v.L.X.Comments, fmt.Sprintf(v.L.X.CommentsOf, n, g.CommentsTotal))
	for _, c := range g.Comments[:n] {
		fmt.Fprintf(w, "%s  %s %s %s: %s\n", indent, termtext.Safe(v.auditDate(c.Date)), termtext.Safe(v.auditName(c.Audit, c.Place)), c.Question, termtext.Safe(c.Text))
	}
}

func (v *view) writePeriods(w io.Writer, g *korto.GroupSummary, indent string) {
	if len(g.Periods) == 0 {
		return
	}
	L := &v.L
	fmt.Fprintf(w, "\n%s%s\n", indent, L.X.Waves)
	t := textfmt.Table{Indent: indent + "  ", Right: textfmt.RightCols(false, true, true, false, true, true)}
	t.Add(L.X.Period, L.N, L.Mean, L.CI, L.X.Change, L.X.P)
	for _, p := range g.Periods {
		change, pv := "", ""
		if p.Change != nil {
			change = signedPct(*p.Change)
		}
		if p.P != nil {
			pv = textfmt.Fixed(*p.P, 3)
		}
		t.Add(p.Period, fmt.Sprint(p.N), textfmt.PctOrDash(p.Mean), ciText(p.CILow, p.CIHigh), change, pv)
	}
	t.Write(w)
}

// signedPct formats a change of shares in points: "+4.2 pp".
func signedPct(x float64) string {
	s := textfmt.Fixed(100*x, 1)
	if !strings.HasPrefix(s, "-") && s != "0.0" {
		s = "+" + s
	}
	return s + " pp"
}
