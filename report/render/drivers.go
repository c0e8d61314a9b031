package render

import (
	"fmt"
	"io"

	"github.com/cxkit/cxkit/internal/textfmt"
	"github.com/cxkit/cxkit/korto"
)

// The report's block on what drives loyalty: per survey outcome, the
// questions whose failure goes with the largest drop in it, and emotion
// crossed with NPS. Text and HTML print the same rows.

// driverWords are the block's words in one language.
type driverWords struct {
	Title, CrossTitle, Note, Star, None string
	Head                                []string // #, drop, 95% CI, passed, failed, p_holm, question
	CrossHead                           []string // emotion, n, promoters, passives, detractors, NPS
	Emotions                            [3]string
	Sides                               string // "n=%d; at least %d audits on each side; %d questions tested"
}

var driverWordsEn = driverWords{
	Title: "What goes with a worse survey outcome (all audits)", CrossTitle: "Emotion × NPS",
	Note: "Drop: the outcome among audits that passed the question minus among those that failed it, with its 95% CI, " +
		"compared as two groups are (adjusted Wald for NPS and the emotional index, Agresti–Caffo for CSAT), " +
		"so a side of few audits counts for less; p_holm is adjusted over the questions tested. An association, not a proof of cause.",
	Star: "* p_holm < 0.05", None: "no question failed and passed in enough audits to test",
	Head:      []string{"#", "drop", "95% CI", "passed", "failed", "p_holm", "question"},
	CrossHead: []string{"emotion", "n", "promoters", "passives", "detractors", "NPS"},
	Emotions:  [3]string{"negative", "neutral", "positive"},
	Sides:     "n=%d; at least %d audits on each side; %d questions tested",
}

var driverWordsRu = driverWords{
	Title: "Что связано с худшим результатом опроса (все аудиты)", CrossTitle: "Эмоция × NPS",
	Note: "Падение: результат в аудитах, где вопрос выполнен, минус результат там, где не выполнен, с 95% ДИ; " +
		"стороны сравниваются как две группы (скорректированный Вальд для NPS и эмоционального индекса, Агрести–Каффо для CSAT), " +
		"поэтому сторона из немногих аудитов весит меньше; p_holm — с поправкой Холма на число проверенных вопросов. " +
		"Это связь, а не доказательство причины.",
	Star: "* p_holm < 0,05", None: "нет вопросов, выполненных и невыполненных в достаточном числе аудитов",
	Head:      []string{"№", "падение", "95% ДИ", "выполнен", "не выполнен", "p_holm", "вопрос"},
	CrossHead: []string{"эмоция", "n", "промоутеры", "нейтралы", "критики", "NPS"},
	Emotions:  [3]string{"негативная", "нейтральная", "позитивная"},
	Sides:     "n=%d; не меньше %d аудитов с каждой стороны; проверено вопросов: %d",
}

// textDrivers is how many drivers per outcome the text report lists;
// the JSON and HTML list as many as the top-problems list holds.
const textDrivers = 5

func (v *view) driverWords() *driverWords {
	if v.L.Lang == "ru" {
		return &driverWordsRu
	}
	return &driverWordsEn
}

// outcomeName names an outcome as the survey block does: "NPS recommend".
func (v *view) outcomeName(o korto.OutcomeDrivers) string {
	return v.surveyName(korto.SurveySummary{ID: o.Outcome, Kind: o.Kind})
}

// outcomeNumber formats a value of an outcome in its units: NPS and
// CSAT points with one decimal, the emotional index with two.
func outcomeNumber(kind korto.KindType, x float64) string {
	if kind == korto.KindEmotion {
		return textfmt.Fixed(x, 2)
	}
	return textfmt.Fixed(x, 1)
}

// driverRow is one driver laid out for text and HTML.
type driverRow struct {
	Rank                        int
	Drop, CI, Passed, Failed, P string
	ID, Text                    string
	Significant                 bool
}

func (v *view) driverRows(o korto.OutcomeDrivers, limit int) []driverRow {
	var rows []driverRow
	for i, d := range o.Drivers {
		if limit > 0 && i == limit {
			break
		}
		num := func(x float64) string { return outcomeNumber(o.Kind, x) }
		rows = append(rows, driverRow{
			Rank: i + 1, Drop: num(d.Diff), CI: num(d.CILow) + " … " + num(d.CIHigh),
			Passed: fmt.Sprintf("%s (n=%d)", num(d.MeanPassed), d.NPassed), Failed: fmt.Sprintf("%s (n=%d)", num(d.MeanFailed), d.NFailed),
			P: textfmt.PValue(d.PHolm), ID: d.Question, Text: v.questionTitle(d.Question, d.Title), Significant: d.PHolm < 0.05,
		})
	}
	return rows
}

// crossRow is one emotion's line of an emotion × NPS table.
type crossRow struct {
	Emotion                                 string
	N, Promoters, Passives, Detractors, NPS string
}

func (v *view) crossRows(t korto.EmotionNPSTable) []crossRow {
	W := v.driverWords()
	var rows []crossRow
	for _, r := range t.Rows {
		row := crossRow{Emotion: W.Emotions[min(max(int(r.Emotion)-1, 0), 2)], N: fmt.Sprint(r.N),
			Promoters: fmt.Sprint(r.Promoters), Passives: fmt.Sprint(r.Passives), Detractors: fmt.Sprint(r.Detractors), NPS: "—"}
		if r.NPS != nil {
			row.NPS = textfmt.Fixed(*r.NPS, 1)
		}
		rows = append(rows, row)
	}
	return rows
}

// writeDrivers prints the drivers and the emotion × NPS tables.
func (v *view) writeDrivers(w io.Writer) {
	rep, W := v.Rep, v.driverWords()
	if len(rep.Drivers) > 0 {
		fmt.Fprintf(w, "\n%s\n", W.Title)
		shown := false
		for _, o := range rep.Drivers {
			fmt.Fprintf(w, "  %s — %s\n", v.outcomeName(o), v.questionTitle(o.Outcome, o.Title))
			fmt.Fprintf(w, "    "+W.Sides+"\n", o.N, o.MinN, o.Tested)
			rows := v.driverRows(o, textDrivers)
			if len(rows) == 0 {
				continue // "0 questions tested" says it
			}
			shown = true
			t := textfmt.Table{Indent: "    ", Right: textfmt.RightCols(true, true, true, true, true, true, false)}
			t.Add(W.Head...)
			for _, r := range rows {
				p := r.P
				if r.Significant {
					p += " *"
				}
				t.Add(fmt.Sprint(r.Rank), r.Drop, r.CI, r.Passed, r.Failed, p, r.ID+" — "+r.Text)
			}
			t.Write(w)
		}
		if shown {
			fmt.Fprintf(w, "  %s\n  %s\n", W.Note, W.Star)
		}
	}
	for _, t := range rep.EmotionNPS {
		fmt.Fprintf(w, "\n%s (%s × %s, n=%d)\n", W.CrossTitle, t.Emotion, t.NPS, t.N)
		tt := textfmt.Table{Indent: "  ", Right: textfmt.RightCols(false, true, true, true, true, true)}
		tt.Add(W.CrossHead...)
		for _, r := range v.crossRows(t) {
			tt.Add(r.Emotion, r.N, r.Promoters, r.Passives, r.Detractors, r.NPS)
		}
		tt.Write(w)
	}
}

// htmlDrivers is the block as the HTML template shows it.
type htmlDrivers struct {
	W        *driverWords
	Outcomes []htmlOutcome
	Crosses  []htmlCross
}

type htmlOutcome struct {
	Name, Text, Sides string
	Rows              []driverRow
}

type htmlCross struct {
	Title string
	Rows  []crossRow
}

func (v *view) htmlDrivers() *htmlDrivers {
	rep, W := v.Rep, v.driverWords()
	if len(rep.Drivers) == 0 && len(rep.EmotionNPS) == 0 {
		return nil
	}
	h := &htmlDrivers{W: W}
	for _, o := range rep.Drivers {
		h.Outcomes = append(h.Outcomes, htmlOutcome{Name: v.outcomeName(o), Text: v.questionTitle(o.Outcome, o.Title),
			Sides: fmt.Sprintf(W.Sides, o.N, o.MinN, o.Tested), Rows: v.driverRows(o, 0)})
	}
	for _, t := range rep.EmotionNPS {
		h.Crosses = append(h.Crosses, htmlCross{Title: fmt.Sprintf("%s (%s × %s, n=%d)", W.CrossTitle, t.Emotion, t.NPS, t.N), Rows: v.crossRows(t)})
	}
	return h
}
