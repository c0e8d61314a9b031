package render

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/metrics"
)

// labels are the fixed words of a report, in one language.
type labels struct {
	Lang                                      string
	Report, Version, Audits, By, NoScore      string
	Mean, SD, CI, N, Rank, MeanNote           string
	League, Levels, PassMark, Passed, Gated   string
	Reached, Share, Level                     string
	TopProblems, Failed, Applicable, Critical string
	NoProblems, Survey, Answers               string
	NPS, Promoters, Passives, Detractors      string
	Emotion, Positive, Neutral, Negative      string
	CSAT, TopTwo, TopOne, CES, HigherEasier   string
	LowerEasier, GoodSide, Question           string
	// BottomTwo, BottomOne and LowerBetter name the good side of a
	// CSAT whose low end is good (csat 1..5 low).
	BottomTwo, BottomOne, LowerBetter string
	// Skipped counts the invalid sheets left out: one, few, many.
	Skipped                              [3]string
	Pyramid, GatedNote, Group, AllAudits string
	NotInChecklist                       string // a level of the model the checklist leaves out
	KnockedOut, BeforeKnockout           string
	Tags, Tag, Questions, TagsNote       string
	GroupsInLeagueOrder                  string
	// Bands heads the audits per score band; BelowBand and BandFrom
	// head its columns (%s is a threshold).
	Bands, BelowBand, BandFrom string
	CIMethod                   string // how the intervals of means are computed
	X                          words
}

var labelsEn = labels{
	Lang: "en", Report: "Audit report", Version: "version", Audits: "audits", By: "grouped by",
	NoScore: "without a score", Mean: "mean", SD: "sd", CI: "95% CI", N: "n", Rank: "#",
	MeanNote: "Scores are means of the audits' percentages (every audit counts once), not ratios of points summed over audits.",
	League:   "League table", Levels: "Levels", PassMark: "pass mark", Passed: "passed", Gated: "gated",
	Reached: "Level reached", Share: "share", Level: "level",
	TopProblems: "Top problems", Failed: "failed", Applicable: "of", Critical: "critical",
	NoProblems: "no question failed", Survey: "Survey", Answers: "answers",
	NPS: "NPS", Promoters: "promoters", Passives: "passives", Detractors: "detractors",
	Emotion: "Emotional index", Positive: "positive", Neutral: "neutral", Negative: "negative",
	CSAT: "CSAT", TopTwo: "top two", TopOne: "top point", CES: "CES", HigherEasier: "higher is easier",
	LowerEasier: "lower is easier", GoodSide: "easy side", BottomTwo: "bottom two", BottomOne: "bottom point", LowerBetter: "lower is better", Skipped: [3]string{"invalid sheet skipped", "", "invalid sheets skipped"},
	Question: "question", Pyramid: "Pyramid: mean score per level", NotInChecklist: scoreLabelsEn.Absent,
	GatedNote: "Bands are filled to the level's mean score; the dashed line is the pass mark; a level is grey when most audits had it gated (a lower level failed).", Group: "group",
	AllAudits:  "all audits",
	KnockedOut: "knocked out", BeforeKnockout: "mean before the knockouts",
	CIMethod: "95% CI from Student's t-distribution, n−1 degrees of freedom.",
	Tags:     "By tag", Tag: "tag", Questions: "questions",
	GroupsInLeagueOrder: "groups in league-table order",
	Bands:               "Audits per band", BelowBand: "below %s", BandFrom: "from %s",
	TagsNote: "Each answer to a question with the tag counts once, whatever the question's weight.",
	X:        wordsEn,
}

var labelsRu = labels{
	Lang: "ru", Report: "Отчёт по аудитам", Version: "версия", Audits: "аудитов", By: "группировка",
	NoScore: "без оценки", Mean: "среднее", SD: "ст. откл.", CI: "95% ДИ", N: "n", Rank: "№",
	MeanNote: "Оценка — среднее процентов отдельных аудитов (каждый аудит весит одинаково), а не отношение сумм баллов.",
	League:   "Рейтинг", Levels: "Уровни", PassMark: "порог", Passed: "прошли", Gated: "не засчитан",
	Reached: "Достигнутый уровень", Share: "доля", Level: "уровень",
	TopProblems: "Главные проблемы", Failed: "не выполнено", Applicable: "из", Critical: "критичный",
	NoProblems: "невыполненных вопросов нет", Survey: "Опрос", Answers: "ответов",
	NPS: "NPS", Promoters: "промоутеры", Passives: "нейтралы", Detractors: "критики",
	Emotion: "Эмоциональный индекс", Positive: "позитивных", Neutral: "нейтральных", Negative: "негативных",
	CSAT: "CSAT", TopTwo: "две верхние оценки", TopOne: "верхняя оценка", CES: "CES", HigherEasier: "больше — легче",
	LowerEasier: "меньше — легче", GoodSide: "доля «легко»", BottomTwo: "две нижние оценки", BottomOne: "нижняя оценка", LowerBetter: "меньше — лучше", Skipped: [3]string{"неверный лист пропущен", "неверных листа пропущено", "неверных листов пропущено"},
	Question: "вопрос", Pyramid: "Пирамида: средняя оценка уровня", NotInChecklist: scoreLabelsRu.Absent,
	GatedNote: "Полоса заполнена до средней оценки уровня, пунктир — порог; серым — уровень, не засчитанный в большинстве аудитов (не пройден нижний уровень).", Group: "группа",
	AllAudits:  "все аудиты",
	KnockedOut: "нокаут", BeforeKnockout: "среднее без нокаута",
	CIMethod: "95% ДИ по t-распределению Стьюдента, n−1 степеней свободы.",
	Tags:     "По тегам", Tag: "тег", Questions: "вопросов",
	GroupsInLeagueOrder: "группы в порядке рейтинга",
	Bands:               "Аудиты по категориям", BelowBand: "ниже %s", BandFrom: "от %s",
	TagsNote: "Каждый ответ на вопрос с тегом считается один раз, каков бы ни был вес вопроса.",
	X:        wordsRu,
}

// SkippedText counts the invalid sheets left out of the report, in the
// labels' language: "1 invalid sheet skipped (listed on stderr)".
func (v *view) SkippedText() string {
	where := "(listed on stderr)"
	if v.L.Lang == "ru" {
		where = "(список в stderr)"
	}
	return textfmt.Count(v.L.Lang, v.Skipped, v.L.Skipped) + " " + where
}

// groupName returns a group's name in the labels' language.
func (v *view) groupName(group string) string { return groupLabel(v.L.Lang, group) }

// questionTitle returns a question's text in the view's language.
func (v *view) questionTitle(id, fallback string) string {
	if q := v.c.Question(id); q != nil {
		return q.Text.In(v.Lang)
	}
	return fallback
}

// levelName returns what level k is called in the view's language
// (korto's Checklist.LevelName: the checklist's title, else the model's
// name), in every table and drawing of the report.
func (v *view) levelName(k int) string { return v.c.LevelName(k, v.Lang) }

// gatedCell is the share of audits that had level l gated, or "—" for
// the lowest level, which nothing is beneath to gate it: "0.0%" there
// would suggest it could have been.
func (v *view) gatedCell(l korto.LevelSummary) string {
	for _, o := range v.Rep.Overall.Levels {
		if o.Level < l.Level {
			return textfmt.PctOrDash(l.GatedShare)
		}
	}
	return "—"
}

// ciText formats an interval of shares as "75.1–81.7%", or "—". A mean
// of shares cannot leave 0-100%, so the printed interval is clipped to
// it (the JSON keeps the plain t interval).
func ciText(lo, hi *float64) string {
	if lo == nil || hi == nil {
		return "—"
	}
	return textfmt.Fixed(100*clampShare(*lo), 1) + "–" + textfmt.Fixed(100*clampShare(*hi), 1) + "%"
}

// statHeadline formats "78.4% (95% CI 75.1–81.7%, sd 9.8%)".
func (v *view) statHeadline(s korto.Stat) string {
	if s.Mean == nil {
		return "—"
	}
	out := textfmt.Pct(*s.Mean)
	if s.CILow != nil {
		out += fmt.Sprintf(" (%s %s, %s %s)", v.L.CI, ciText(s.CILow, s.CIHigh), v.L.SD, textfmt.Pct(*s.SD))
	}
	return out
}

// writeText prints the report for people.
func (v *view) writeText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	L, rep, o := &v.L, v.Rep, &v.Rep.Overall

	title := fmt.Sprintf("%s: %s (%s", L.Report, v.Title, rep.Checklist)
	if rep.Version != "" {
		title += ", " + L.Version + " " + rep.Version
	}
	fmt.Fprintln(bw, title+")")
	line := fmt.Sprintf("%s: %d", L.Audits, o.N)
	if rep.GroupBy != "" {
		line += fmt.Sprintf(", %s: %s (%d)", L.By, v.ByHeader, len(rep.Groups))
	}
	if o.Unscored > 0 {
		line += fmt.Sprintf(", %s: %d", L.NoScore, o.Unscored)
	}
	if v.Skipped > 0 {
		line += "; " + v.SkippedText()
	}
	fmt.Fprintln(bw, line)
	fmt.Fprintf(bw, "%s: %s\n", L.Mean, v.statHeadline(o.Score))
	if o.RawScore != nil {
		// knockout audit: the knocked-out audits count as 0 above.
		fmt.Fprintf(bw, "%s: %d %s %d; %s: %s\n", L.KnockedOut, o.KnockedOut, L.Applicable, o.N, L.BeforeKnockout, v.statHeadline(*o.RawScore))
	}
	if w := v.Res.Where; w != nil {
		fmt.Fprintln(bw, v.whereText(w))
	}
	fmt.Fprintln(bw, L.MeanNote)

	v.writeCritical(bw)
	if rep.GroupBy != "" {
		v.writeLeague(bw)
	}

	fmt.Fprintf(bw, "\n%s\n", L.Levels)
	t := textfmt.Table{Indent: "  ", Right: textfmt.RightCols(true, false, true, true, true, true, false)}
	t.Add("", L.Level, L.Mean, L.PassMark, L.Passed, L.Gated, L.CI)
	for _, l := range o.Levels {
		t.Add(fmt.Sprint(l.Level), v.levelName(l.Level), textfmt.PctOrDash(l.Score.Mean), textfmt.Pct(l.Pass),
			textfmt.PctOrDash(l.PassedShare), v.gatedCell(l), ciText(l.Score.CILow, l.Score.CIHigh))
	}
	t.Write(bw)

	fmt.Fprintf(bw, "\n%s\n", L.Reached)
	t = textfmt.Table{Indent: "  ", Right: textfmt.RightCols(true, false, true, true)}
	t.Add("", L.Level, L.Audits, L.Share)
	for _, r := range o.Reached {
		t.Add(fmt.Sprint(r.Level), v.levelName(r.Level), fmt.Sprint(r.N), textfmt.PctOrDash(r.Share))
	}
	t.Write(bw)
	v.writeBands(bw)
	v.writePromises(bw)

	v.writeSections(bw, o, "")
	fmt.Fprintf(bw, "\n%s\n", L.TopProblems)
	if len(o.TopProblems) == 0 {
		fmt.Fprintf(bw, "  %s\n", L.NoProblems)
	} else {
		t = textfmt.Table{Indent: "  ", Right: textfmt.RightCols(true, true, true, true, false)}
		t.Add(L.Rank, L.Share, L.Failed, L.Level, L.Question)
		for i, q := range o.TopProblems {
			text := q.ID + " — " + v.questionTitle(q.ID, q.Title)
			if q.Critical {
				text += " (" + L.Critical + ")"
			}
			t.Add(fmt.Sprint(i+1), textfmt.PctOrDash(q.FailureRate), fmt.Sprintf("%d/%d", q.Failed, q.Applicable),
				fmt.Sprint(q.Level), text)
		}
		t.Write(bw)
	}

	if rep.GroupBy == "" {
		v.writeComments(bw, o, "")
		v.writePeriods(bw, o, "")
	}
	if tags := tagsByFailure(o.Tags); len(tags) > 0 {
		fmt.Fprintf(bw, "\n%s\n", L.Tags)
		t = textfmt.Table{Indent: "  ", Right: textfmt.RightCols(false, true, true, true, true)}
		t.Add(L.Tag, L.Questions, L.Mean, L.Failed, L.Share)
		for _, ts := range tags {
			t.Add(ts.Tag, fmt.Sprint(ts.Questions), textfmt.PctOrDash(ts.Mean),
				fmt.Sprintf("%d/%d", ts.Failed, ts.Applicable), textfmt.PctOrDash(ts.FailureRate))
		}
		t.Write(bw)
		fmt.Fprintf(bw, "  %s\n", L.TagsNote)
	}

	if len(o.Survey) > 0 {
		if len(rep.Groups) > 0 {
			fmt.Fprintf(bw, "\n%s (%s)\n", L.Survey, L.GroupsInLeagueOrder)
		} else {
			fmt.Fprintf(bw, "\n%s\n", L.Survey)
		}
		for _, s := range o.Survey {
			fmt.Fprintf(bw, "  %s — %s\n", v.surveyName(s), v.questionTitle(s.ID, s.Title))
			fmt.Fprintf(bw, "    %s\n", v.surveyLine(s))
			if len(rep.Groups) > 0 {
				t := textfmt.Table{Indent: "  ", Right: textfmt.RightCols(false, false, true, false)}
				for _, g := range rep.Groups {
					for _, gs := range g.Survey {
						if gs.ID == s.ID {
							t.Add("   ", v.groupName(g.Group), fmt.Sprintf("n=%d", gs.N), v.surveyValue(gs))
						}
					}
				}
				t.Write(bw)
			}
		}
	}
	v.writeCSI(bw)
	v.writeDrivers(bw)
	v.writeGroups(bw)
	v.writeAuditors(bw)
	return bw.Flush()
}

// writeAuditors lists the auditors' visits and how long they took,
// where the forms recorded it, and the visits too short to be real.
func (v *view) writeAuditors(w io.Writer) {
	as := v.Res.Auditors
	if len(as) == 0 {
		return
	}
	head := []string{"Auditors", "auditor", "visits", "timed", "median, min", "shorter than " + v.minDuration}
	if v.L.Lang == "ru" {
		head = []string{"Аудиторы", "аудитор", "визитов", "со временем", "медиана, мин", "короче " + v.minDuration}
	}
	fmt.Fprintf(w, "\n%s\n", head[0])
	t := textfmt.Table{Indent: "  ", Right: textfmt.RightCols(false, true, true, true, false)}
	t.Add(head[1], head[2], head[3], head[4], head[5])
	for _, a := range as {
		median := "—"
		if a.MedianMinutes != nil {
			median = textfmt.Fixed(*a.MedianMinutes, 1)
		}
		var short []string
		for _, s := range a.Short {
			short = append(short, fmt.Sprintf("%s (%s)", s.ID, textfmt.Fixed(s.Minutes, 1)))
		}
		t.Add(v.groupName(a.Auditor), fmt.Sprint(a.Visits), fmt.Sprint(a.Timed), median, strings.Join(short, ", "))
	}
	t.Write(w)
}

// tagsByFailure returns the tags that fail most first, as the top
// problems are listed; ties, and tags with nothing applicable, stay in
// the report's order (by name).
func tagsByFailure(tags []korto.TagSummary) []korto.TagSummary {
	out := slices.Clone(tags)
	slices.SortStableFunc(out, func(x, y korto.TagSummary) int {
		switch {
		case x.FailureRate == nil || y.FailureRate == nil:
			return cmp.Compare(boolRank(x.FailureRate == nil), boolRank(y.FailureRate == nil))
		}
		return cmp.Compare(*y.FailureRate, *x.FailureRate)
	})
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// surveyName is the metric's name and the question ID, with the scale
// for ratings: "CES effort 1..7 (higher is easier)".
func (v *view) surveyName(s korto.SurveySummary) string {
	L := &v.L
	switch {
	case s.Kind == korto.KindNPS:
		return fmt.Sprintf("%s %s", L.NPS, s.ID)
	case s.Kind == korto.KindEmotion:
		return fmt.Sprintf("%s %s", L.Emotion, s.ID)
	case s.Kind == korto.KindCSAT:
		q := v.c.Question(s.ID)
		lo, hi := korto.FormatNumber(q.Kind.Lo), korto.FormatNumber(q.Kind.Hi)
		if korto.SurveyScale(q.Kind).Good == metrics.Low {
			return fmt.Sprintf("%s %s %s..%s (%s)", L.CSAT, s.ID, lo, hi, L.LowerBetter)
		}
		return fmt.Sprintf("%s %s %s..%s", L.CSAT, s.ID, lo, hi)
	case s.Kind == korto.KindCES:
		q := v.c.Question(s.ID)
		dir := L.HigherEasier
		if korto.SurveyScale(q.Kind).Good == metrics.Low {
			dir = L.LowerEasier
		}
		return fmt.Sprintf("%s %s %s..%s (%s)", L.CES, s.ID, korto.FormatNumber(q.Kind.Lo), korto.FormatNumber(q.Kind.Hi), dir)
	}
	return s.ID
}

// surveyValue is the headline number with its interval.
func (v *view) surveyValue(s korto.SurveySummary) string {
	switch {
	case s.NPS != nil:
		return fmt.Sprintf("%s (%s %s … %s)", textfmt.Fixed(s.NPS.NPS, 1), v.L.CI, textfmt.Fixed(s.NPS.CI.Lo, 1), textfmt.Fixed(s.NPS.CI.Hi, 1))
	case s.Emotion != nil:
		return fmt.Sprintf("%s (%s %s … %s)", textfmt.Fixed(s.Emotion.Index, 2), v.L.CI, textfmt.Fixed(s.Emotion.CI.Lo, 2), textfmt.Fixed(s.Emotion.CI.Hi, 2))
	case s.CSAT != nil:
		return fmt.Sprintf("%s%% (%s %s–%s%%)", textfmt.Fixed(s.CSAT.CSAT, 1), v.L.CI, textfmt.Fixed(s.CSAT.CI.Lo, 1), textfmt.Fixed(s.CSAT.CI.Hi, 1))
	case s.CES != nil:
		return fmt.Sprintf("%s %s (%s %s … %s)", v.L.Mean, textfmt.Fixed(s.CES.Mean, 2), v.L.CI, textfmt.Fixed(s.CES.MeanCI.Lo, 2), textfmt.Fixed(s.CES.MeanCI.Hi, 2))
	}
	return "—"
}

// surveyLine is the headline with n and the breakdown.
func (v *view) surveyLine(s korto.SurveySummary) string {
	L := &v.L
	out := fmt.Sprintf("n=%d  %s", s.N, v.surveyValue(s))
	switch {
	case s.NPS != nil:
		out += fmt.Sprintf("; %s %d, %s %d, %s %d", L.Promoters, s.NPS.Promoters, L.Passives, s.NPS.Passives, L.Detractors, s.NPS.Detractors)
	case s.Emotion != nil:
		out += fmt.Sprintf("; %s %d, %s %d, %s %d", L.Positive, s.Emotion.Positive, L.Neutral, s.Emotion.Neutral, L.Negative, s.Emotion.Negative)
	case s.CSAT != nil:
		// The good end: the top two points, or the bottom two of a
		// csat ... low; one point on a good / bad question.
		top, one := L.TopTwo, L.TopOne
		if s.CSAT.Scale.Good == metrics.Low {
			top, one = L.BottomTwo, L.BottomOne
		}
		if s.CSAT.Scale.Hi-s.CSAT.Scale.Lo == 1 {
			top = one
		}
		out += fmt.Sprintf(" (%s); %s %s (%s %s … %s)", top, L.Mean, textfmt.Fixed(s.CSAT.Mean, 2), L.CI, textfmt.Fixed(s.CSAT.MeanCI.Lo, 2), textfmt.Fixed(s.CSAT.MeanCI.Hi, 2))
	case s.CES != nil:
		out += fmt.Sprintf("; %s %s%% (%s %s–%s%%)", L.GoodSide, textfmt.Fixed(s.CES.GoodShare, 1), L.CI, textfmt.Fixed(s.CES.GoodCI.Lo, 1), textfmt.Fixed(s.CES.GoodCI.Hi, 1))
	}
	return out
}
