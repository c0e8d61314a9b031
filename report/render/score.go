package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/internal/termtext"
	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// scoreLabels are the fixed words of the score report in one language.
type scoreLabels struct {
	Lang                                     string
	Version, Audit, Score, Raw, KnockedOut   string
	Reached, Levels, Level, PassMark, Status string
	Critical, Passed, Failed, NoScore, Gated string
	Sections, Section, Weight, Fix, NoFix    string
	CriticalQ, Question, More, Absent        string
	Target, Of, Found                        string
	// Band names the score's band; BandFrom says where it starts (%s is
	// the threshold) and BelowBands that the score is under all bands.
	Band, BandFrom, BelowBands string
	// Stopped says why the pyramid stops at a level without a score; %d
	// is the level.
	Stopped string
}

// scoreFixShown is how many failed questions the text report lists; the
// HTML page and --json have them all.
const scoreFixShown = 10

var scoreLabelsEn = scoreLabels{
	Lang: "en", Version: "version", Audit: "Audit", Score: "Score", Raw: "score before the knockout",
	KnockedOut: "knocked out: a critical question failed", Reached: "Level reached",
	Levels: "Levels", Level: "Level", PassMark: "Pass", Status: "Status", Critical: "Failed critical questions",
	Passed: "passed", Failed: "failed", NoScore: "no score", Gated: "gated",
	Sections: "Sections", Section: "Section", Weight: "Weight",
	Fix: "What to fix first", NoFix: "No question failed.", CriticalQ: "critical", Question: "Question",
	More: "… and %d more (all of them in --json and --html)", Absent: "not in the checklist",
	Target: "target", Of: "on", Found: "found",
	Band: "Band", BandFrom: "from %s", BelowBands: "below the lowest band (%s)",
	Stopped: "Level %d has no score (no question applies), so the pyramid stops there.",
}

var scoreLabelsRu = scoreLabels{
	Lang: "ru", Version: "версия", Audit: "Аудит", Score: "Оценка", Raw: "оценка без нокаута",
	KnockedOut: "нокаут: не выполнен критичный вопрос", Reached: "Достигнутый уровень",
	Levels: "Уровни", Level: "Уровень", PassMark: "Порог", Status: "Статус", Critical: "Проваленные критичные вопросы",
	Passed: "пройден", Failed: "не пройден", NoScore: "нет оценки", Gated: "не засчитан",
	Sections: "Разделы", Section: "Раздел", Weight: "Вес",
	Fix: "Что исправить в первую очередь", NoFix: "Невыполненных вопросов нет.", CriticalQ: "критичный", Question: "Вопрос",
	More: "… и ещё %d (полный список — в --json и --html)", Absent: "нет в чек-листе",
	Target: "цель", Of: "по шкале", Found: "факт",
	Band: "Категория", BandFrom: "от %s", BelowBands: "ниже нижней категории (%s)",
	Stopped: "Уровень %d без оценки (нет применимых вопросов), поэтому пирамида остановилась на нём.",
}

// scoreView is one scored audit made ready for people; the text and HTML
// writers share it.
type scoreView struct {
	L           scoreLabels
	lang        string // of the checklist's texts
	c           *korto.Checklist
	R           *korto.Result
	Model       korto.Model
	Title       string
	Version     string
	Audit       [][2]string // audit fields named for people, well-known ones first
	ReachedName string
	// Band is the score's band and where it starts, for a checklist
	// with bands ("очень хороший (от 80%)"); "" without bands or score.
	Band string
	// Stopped explains a reached level held back by the next level
	// having no score, which the status column alone does not; "" when
	// that is not the case.
	Stopped string
	Levels  []scoreLevelView
	Fix     []scoreFix
}

type scoreLevelView struct {
	korto.LevelResult
	Name     string // what the report calls the level (levelName)
	Status   string
	Sections []scoreSectionRow
}

// scoreSectionRow is one section, flattened with its depth.
type scoreSectionRow struct {
	Depth  int
	Title  string
	Score  *float64
	Weight float64
}

// scoreFix is one failed question in the "what to fix first" list.
type scoreFix struct {
	ID, Text string
	Answer   string // what was found, when "no" would not say it: "7 мин, цель ≤ 5"
	Level    int
	Weight   float64
	Critical bool
}

// levelName returns what level k is called (korto's
// Checklist.LevelName), as the report's pages call it.
func (v *scoreView) levelName(k int) string { return v.c.LevelName(k, v.lang) }

func newScoreView(plan *korto.Plan, sheet *korto.Sheet, r *korto.Result, lang string) *scoreView {
	c := plan.Checklist()
	v := &scoreView{R: r, lang: lang, c: c, Title: r.Title, Version: r.Version, Model: c.EffectiveModel()}
	v.L = scoreLabelsEn
	if c.ShownLang(lang) == "ru" {
		v.L = scoreLabelsRu
	}
	v.ReachedName = v.levelName(r.Reached)
	switch {
	case r.Band != nil:
		v.Band = r.Band.Name + " (" + fmt.Sprintf(v.L.BandFrom, textfmt.Pct(r.Band.From)) + ")"
	case r.Score != nil && len(c.Bands) > 0 && c.Bands[0] != nil:
		v.Band = fmt.Sprintf(v.L.BelowBands, textfmt.Pct(c.Bands[0].From))
	}
	v.Audit = scoreAuditFields(r.Audit)
	for i := range v.Audit {
		v.Audit[i][0] = FieldName(v.L.Lang, v.Audit[i][0])
	}
	for _, l := range r.Levels {
		if l.Level == r.Reached+1 && l.Score == nil {
			v.Stopped = fmt.Sprintf(v.L.Stopped, l.Level)
		}
	}
	for _, l := range r.Levels {
		lv := scoreLevelView{LevelResult: l, Name: v.levelName(l.Level), Status: v.levelStatus(l)}
		var walk func(ss []korto.SectionResult, depth int)
		walk = func(ss []korto.SectionResult, depth int) {
			for _, s := range ss {
				lv.Sections = append(lv.Sections, scoreSectionRow{Depth: depth, Title: s.Title, Score: s.Score, Weight: s.Weight})
				walk(s.Sections, depth+1)
			}
		}
		walk(l.Sections, 0)
		v.Levels = append(v.Levels, lv)
		var collect func(ss []korto.SectionResult, qs []korto.QuestionResult)
		collect = func(ss []korto.SectionResult, qs []korto.QuestionResult) {
			for _, q := range qs {
				if q.Failed {
					v.Fix = append(v.Fix, scoreFix{ID: q.ID, Text: q.Text, Level: l.Level, Weight: q.Weight,
						Critical: q.Critical, Answer: v.answerText(plan, sheet, q.ID)})
				}
			}
			for _, s := range ss {
				collect(s.Sections, s.Questions)
			}
		}
		collect(l.Sections, l.Questions)
	}
	// One order for what to fix, in one audit as in many (korto.CompareFix);
	// the stable sort keeps checklist order among equals.
	slices.SortStableFunc(v.Fix, func(a, b scoreFix) int {
		return korto.CompareFix(korto.FixKey{Level: a.Level, Critical: a.Critical, FailureRate: 1, Weight: a.Weight},
			korto.FixKey{Level: b.Level, Critical: b.Critical, FailureRate: 1, Weight: b.Weight})
	})
	return v
}

// answerText describes the answer to a failed question when its kind
// says more than "no": the measured value against its target, the
// points on a scale, the option chosen. The question is looked up in
// the plan's index: walking the checklist for each failed question made
// a large checklist quadratic.
func (v *scoreView) answerText(plan *korto.Plan, sheet *korto.Sheet, id string) string {
	i, found := plan.QuestionIndex(id)
	a, ok := sheet.Answers[id]
	if !found || !ok {
		return ""
	}
	c, q := plan.Checklist(), plan.Question(i)
	switch q.Kind.EffectiveType() {
	case korto.KindMeasure:
		unit := ""
		if q.Kind.Unit != "" {
			unit = " " + q.Kind.Unit
		}
		return fmt.Sprintf("%s%s, %s %s %s%s", korto.FormatNumber(a.Number), unit, v.L.Target, q.Kind.Op.Symbol(), korto.FormatNumber(q.Kind.Target), unit)
	case korto.KindScale:
		lo, hi := q.Kind.Lo, q.Kind.Hi
		if s := c.Scale(q.Kind.Ref); s != nil {
			lo, hi = s.Lo, s.Hi
		}
		return fmt.Sprintf("%s %s %s..%s", korto.FormatNumber(a.Number), v.L.Of, korto.FormatNumber(lo), korto.FormatNumber(hi))
	case korto.KindChoice:
		if ch := c.Choice(q.Kind.Ref); ch != nil {
			for _, o := range ch.Options {
				if o.ID == a.String && !o.Label.IsZero() {
					return "«" + o.Label.In(v.lang) + "»"
				}
			}
		}
		return a.String
	}
	return ""
}

func (v *scoreView) levelStatus(l korto.LevelResult) string {
	s := v.L.Failed
	switch {
	case l.Score == nil:
		s = v.L.NoScore
	case l.Passed:
		s = v.L.Passed
	}
	if l.Gated {
		s += ", " + v.L.Gated
	}
	return s
}

// scoreAuditFields orders the audit fields: the usual ones first, the
// rest by name.
func scoreAuditFields(m map[string]string) [][2]string {
	known := []string{"id", "location", "date", "auditor"}
	var out [][2]string
	for _, k := range known {
		if val, ok := m[k]; ok {
			out = append(out, [2]string{k, val})
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(known, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		out = append(out, [2]string{k, m[k]})
	}
	return out
}

// writeText prints the audit for people.
func (v *scoreView) writeText(w io.Writer) error {
	var b strings.Builder
	L := v.L
	// Titles and audit fields come from files anyone may write: their
	// control characters are escaped, not sent to the terminal.
	b.WriteString(termtext.Safe(v.Title))
	if v.Version != "" {
		fmt.Fprintf(&b, " (%s, %s %s)", v.R.Checklist, L.Version, v.Version)
	} else {
		fmt.Fprintf(&b, " (%s)", v.R.Checklist)
	}
	b.WriteString("\n")
	if len(v.Audit) > 0 {
		var rows [][]string
		for _, kv := range v.Audit {
			rows = append(rows, []string{"  " + termtext.Safe(kv[0]) + ":", termtext.Safe(kv[1])})
		}
		b.WriteString(L.Audit + "\n")
		scoreColumns(&b, rows, nil)
	}
	b.WriteString("\n")
	head := [][]string{{L.Score + ":", textfmt.PctOrDash(v.R.Score)}}
	if v.R.KnockedOut {
		head[0][1] += "  (" + L.KnockedOut + "; " + L.Raw + " " + textfmt.PctOrDash(v.R.RawScore) + ")"
	}
	if v.Band != "" {
		head = append(head, []string{L.Band + ":", termtext.Safe(v.Band)})
	}
	head = append(head, []string{L.Reached + ":", fmt.Sprintf("%d — %s", v.R.Reached, v.ReachedName)})
	scoreColumns(&b, head, nil)
	if v.Stopped != "" {
		b.WriteString(v.Stopped + "\n")
	}

	b.WriteString("\n" + L.Levels + "\n")
	rows := [][]string{{L.Level, L.Score, L.PassMark, L.Status, L.Critical}}
	for _, l := range v.Levels {
		crit := "—"
		if len(l.CriticalFailed) > 0 {
			crit = strings.Join(l.CriticalFailed, ", ")
		}
		rows = append(rows, []string{fmt.Sprintf("%d %s", l.Level, l.Name), textfmt.PctOrDash(l.Score), textfmt.Pct(l.Pass), l.Status, crit})
	}
	scoreColumns(&b, indentRows(rows), []bool{false, true, true, false, false})

	b.WriteString("\n" + L.Sections + "\n")
	rows = [][]string{{"  " + L.Section, L.Score, L.Weight}}
	for _, l := range v.Levels {
		rows = append(rows, []string{fmt.Sprintf("  %d %s", l.Level, l.Name), textfmt.PctOrDash(l.Score), korto.FormatNumber(l.Weight)})
		for _, s := range l.Sections {
			rows = append(rows, []string{strings.Repeat("  ", s.Depth+2) + s.Title, textfmt.PctOrDash(s.Score), korto.FormatNumber(s.Weight)})
		}
	}
	scoreColumns(&b, rows, []bool{false, true, true})

	b.WriteString("\n" + L.Fix + "\n")
	if len(v.Fix) == 0 {
		b.WriteString("  " + L.NoFix + "\n")
	}
	rows = nil
	shown := v.Fix
	if len(shown) > scoreFixShown {
		shown = shown[:scoreFixShown]
	}
	for i, f := range shown {
		note := fmt.Sprintf("%s %d, %s %s", strings.ToLower(L.Level), f.Level, strings.ToLower(L.Weight), korto.FormatNumber(f.Weight))
		if f.Answer != "" {
			note = L.Found + ": " + f.Answer + "; " + note
		}
		if f.Critical {
			note += ", " + L.CriticalQ
		}
		rows = append(rows, []string{fmt.Sprintf("  %d.", i+1), f.ID, f.Text, "(" + note + ")"})
	}
	scoreColumns(&b, rows, []bool{true, false, false, false})
	if more := len(v.Fix) - len(shown); more > 0 {
		fmt.Fprintf(&b, "  "+L.More+"\n", more)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func indentRows(rows [][]string) [][]string {
	for _, r := range rows {
		r[0] = "  " + r[0]
	}
	return rows
}

// scoreColumns writes rows as aligned columns; right marks the columns
// to align right.
func scoreColumns(b *strings.Builder, rows [][]string, right []bool) {
	t := textfmt.Table{Right: textfmt.RightCols(right...), Rows: rows}
	t.Write(b)
}
