package render

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
)

// xlsxLabels names the sheets and columns of the workbook; the rest of
// the words come from the report's labels.
type xlsxLabels struct {
	Summary, League, Levels, Problems, Critical    string
	Group, Shrunk, RankLow, RankHigh, VsRest, PHol string
	CILow, CIHigh, QuestionID, Text, Audit, Date   string
	Value, Checklist                               string
}

var (
	xlsxEn = xlsxLabels{Summary: "Summary", League: "League", Levels: "Levels", Problems: "Top problems", Critical: "Critical failures",
		Group: "group", Shrunk: "shrunk mean", RankLow: "rank from", RankHigh: "rank to", VsRest: "vs the rest", PHol: "p (Holm)",
		CILow: "95% CI from", CIHigh: "95% CI to", QuestionID: "question", Text: "text", Audit: "audit", Date: "date", Value: "value", Checklist: "checklist"}
	xlsxRu = xlsxLabels{Summary: "Сводка", League: "Рейтинг", Levels: "Уровни", Problems: "Главные проблемы", Critical: "Критичные нарушения",
		Group: "группа", Shrunk: "сглаженное среднее", RankLow: "место от", RankHigh: "место до", VsRest: "против остальных", PHol: "p (Холм)",
		CILow: "95% ДИ от", CIHigh: "95% ДИ до", QuestionID: "вопрос", Text: "текст", Audit: "аудит", Date: "дата", Value: "значение", Checklist: "чек-лист"}
)

// XLSX writes the report as an Excel workbook, for the managers who
// work in spreadsheets: a summary, the league table (when the report is
// grouped), the levels, the problems to fix first, the critical
// failures and the comments, a sheet each. Numbers stay numbers, shares formatted as
// percentages, so that the sheets sort, filter and chart; a number the
// report has none of (JSON null) is an empty cell. The values are those
// of `cxkit report --json`, in the language Text would use.
func XLSX(w io.Writer, c *korto.Checklist, res *report.Result, opt Options) error {
	v := newView(c, res, opt)
	X := xlsxEn
	if v.L.Lang == "ru" {
		X = xlsxRu
	}
	L, rep, o := &v.L, v.Rep, &v.Rep.Overall
	f := excelize.NewFile()
	defer f.Close()
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	// sheet writes rows under a bold header, frozen, with the columns
	// listed in shares formatted as percentages.
	sheet := func(name string, header []any, rows [][]any, shares ...int) error {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		for i, r := range append([][]any{header}, rows...) {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				return err
			}
		}
		last, _ := excelize.CoordinatesToCellName(len(header), 1)
		if err := f.SetCellStyle(name, "A1", last, head); err != nil {
			return err
		}
		for _, col := range shares {
			if len(rows) == 0 {
				break
			}
			from, _ := excelize.CoordinatesToCellName(col, 2)
			to, _ := excelize.CoordinatesToCellName(col, len(rows)+1)
			if err := f.SetCellStyle(name, from, to, pct); err != nil {
				return err
			}
		}
		return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}

	summary := [][]any{
		{L.Report, v.Title},
		{X.Checklist, rep.Checklist},
		{L.Version, rep.Version},
		{L.Audits, o.N},
		{L.Mean, num(o.Score.Mean)},
		{X.CILow, num(o.Score.CILow)},
		{X.CIHigh, num(o.Score.CIHigh)},
	}
	if rep.GroupBy != "" {
		summary = append(summary, []any{L.By, v.ByHeader})
	}
	if err := sheet(X.Summary, []any{"", X.Value}, summary); err != nil {
		return err
	}
	for _, r := range []string{"B6", "B7", "B8"} {
		if err := f.SetCellStyle(X.Summary, r, r, pct); err != nil {
			return err
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}

	if rep.GroupBy != "" {
		var rows [][]any
		for _, g := range rep.Groups {
			var vs any
			if g.VsRest != nil {
				vs = v.vsWord(*g.VsRest)
			}
			rows = append(rows, []any{inum(g.Rank), v.groupName(g.Group), g.N, num(g.Mean), num(g.Score.CILow), num(g.Score.CIHigh),
				num(g.ShrunkMean), inum(g.RankLow), inum(g.RankHigh), vs, num(g.PHolm)})
		}
		if err := sheet(X.League, []any{L.Rank, v.ByHeader, L.N, L.Mean, X.CILow, X.CIHigh, X.Shrunk, X.RankLow, X.RankHigh, X.VsRest, X.PHol}, rows, 4, 5, 6, 7); err != nil {
			return err
		}
	}

	var rows [][]any
	for _, l := range o.Levels {
		rows = append(rows, []any{l.Level, v.levelName(l.Level), num(l.Score.Mean), l.Pass, num(l.PassedShare), num(l.Score.CILow), num(l.Score.CIHigh)})
	}
	if err := sheet(X.Levels, []any{L.Level, X.Text, L.Mean, L.PassMark, L.Passed, X.CILow, X.CIHigh}, rows, 3, 4, 5, 6, 7); err != nil {
		return err
	}

	rows = nil
	for i, q := range o.TopProblems {
		crit := ""
		if q.Critical {
			crit = L.Critical
		}
		rows = append(rows, []any{i + 1, q.ID, v.questionTitle(q.ID, q.Title), q.Level, crit, q.Failed, q.Applicable, num(q.FailureRate)})
	}
	if err := sheet(X.Problems, []any{L.Rank, X.QuestionID, X.Text, L.Level, L.Critical, L.Failed, L.Applicable, L.Share}, rows, 8); err != nil {
		return err
	}

	rows = nil
	for _, cf := range rep.CriticalFailures {
		rows = append(rows, []any{v.groupName(cf.Group), v.auditName(cf.Audit, cf.Place), v.auditDate(cf.Date), cf.Question, v.questionTitle(cf.Question, cf.Title)})
	}
	if err := sheet(X.Critical, []any{X.Group, X.Audit, X.Date, X.QuestionID, X.Text}, rows); err != nil {
		return err
	}

	// The comments the JSON lists (the latest MaxComments of each
	// group), in the league's order of groups; the overall ones without
	// grouping.
	rows = nil
	comments := func(g *korto.GroupSummary) {
		for _, c := range g.Comments {
			rows = append(rows, []any{v.groupName(g.Group), v.auditName(c.Audit, c.Place), v.auditDate(c.Date), c.Question, c.Text})
		}
	}
	if rep.GroupBy == "" {
		comments(o)
	} else {
		for i := range rep.Groups {
			comments(&rep.Groups[i])
		}
	}
	if err := sheet(L.X.Comments, []any{X.Group, X.Audit, X.Date, X.QuestionID, X.Text}, rows); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// num and inum put a number the report may lack in a cell: nil leaves
// the cell empty.
func num(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func inum(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
