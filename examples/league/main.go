// Command league aggregates many audits into a mystery-shopping league
// table: it streams a file of answer sheets (JSON Lines, or indented
// sheets one after another), scores each one, and ranks the groups
// (shopping centres by default) by mean score with a 95% confidence
// interval, beside the share of visits that passed each level, the
// survey metrics and the questions that fail most.
//
// Run it from the repository root:
//
//	go run ./examples/league                              # the 72 mall visits
//	go run ./examples/league -by auditor
//	go run ./examples/league CHECKLIST VISITS.jsonl
//
// Memory stays flat however long the file is: the aggregator keeps sums
// per group and question, never the audits.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

func main() {
	by := flag.String("by", "location", "audit field to group by: location, auditor, date, ...")
	top := flag.Int("top", 5, "how many of the most failed questions to list")
	flag.Parse()
	checklist, visits := "examples/mall/mall.korto", "examples/mall/visits.jsonl"
	switch flag.NArg() {
	case 0:
	case 2:
		checklist, visits = flag.Arg(0), flag.Arg(1)
	default:
		fmt.Fprintln(os.Stderr, "usage: league [-by FIELD] [-top N] [CHECKLIST VISITS.jsonl]")
		os.Exit(2)
	}
	if err := run(os.Stdout, checklist, visits, *by, *top); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, checklistPath, visitsPath, by string, top int) error {
	src, err := os.ReadFile(checklistPath)
	if err != nil {
		return err
	}
	c, err := dsl.Parse(checklistPath, src)
	if err != nil {
		return err
	}
	plan, err := korto.Compile(c)
	if err != nil {
		return err
	}
	agg, err := korto.NewAggregator(c, korto.AggregateOptions{GroupBy: by, TopProblems: top})
	if err != nil {
		return err
	}

	f, err := os.Open(visitsPath)
	if err != nil {
		return err
	}
	defer f.Close()
	// The reader takes JSON Lines or indented sheets one after another
	// and holds one sheet at a time. It checks each sheet's form, and
	// Score checks its answers against the checklist (once: the plan's
	// reader would check them too). A bad sheet stops the run at its
	// line, with the question and JSON Pointer.
	sheets := korto.NewSheetReader(f)
	for {
		sheet, err := sheets.Next()
		if err == io.EOF {
			break
		}
		if _, bad := err.(*korto.SheetError); bad {
			return fmt.Errorf("%s:%w", visitsPath, err) // "visits.jsonl:12: ..."
		}
		if err != nil {
			return fmt.Errorf("%s: %w", visitsPath, err)
		}
		res, err := plan.Score(sheet)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", visitsPath, sheets.Line(), err)
		}
		if err := agg.Add(res); err != nil {
			return fmt.Errorf("%s:%d: %w", visitsPath, sheets.Line(), err)
		}
	}
	report(w, c, agg.Report())
	return nil
}

func report(w io.Writer, c *korto.Checklist, r *korto.Report) {
	fmt.Fprintf(w, "%s: %d audits, grouped by %s\n", c.Title.Text, r.Overall.N, r.GroupBy)
	fmt.Fprintln(w, "score = mean of the audits' overall scores, with its 95% Student t interval")
	fmt.Fprintln(w)

	// One column per level: the share of audits that passed it.
	var levels []string
	for _, l := range r.Overall.Levels {
		levels = append(levels, fmt.Sprintf("L%d pass", l.Level))
	}
	header := fmt.Sprintf("%-4s %-14s %3s  %-22s", "#", "group", "n", "score (95% CI)")
	for _, l := range levels {
		header += fmt.Sprintf(" %7s", l)
	}
	header += fmt.Sprintf(" %6s %6s %6s", "NPS", "Iэ", "CSAT")
	fmt.Fprintln(w, header)
	for _, g := range r.Groups {
		rank := "-" // too few audits to rank
		if g.Rank != nil {
			rank = fmt.Sprint(*g.Rank)
		}
		row(w, rank, g)
	}
	row(w, "", r.Overall)

	fmt.Fprintf(w, "\ncritical failures (audits where the question failed / applied):\n")
	for _, g := range r.Groups {
		var got []string
		for _, q := range g.Questions {
			if q.Critical && q.Failed > 0 {
				got = append(got, fmt.Sprintf("%s %d/%d", q.ID, q.Failed, q.Applicable))
			}
		}
		if len(got) == 0 {
			got = []string{"none"}
		}
		fmt.Fprintf(w, "  %-14s %s\n", g.Group, strings.Join(got, ", "))
	}

	fmt.Fprintf(w, "\nwhat to fix first (all audits, in pyramid order):\n")
	for _, q := range r.Overall.TopProblems {
		mark := ""
		if q.Critical {
			mark = " [critical]"
		}
		fmt.Fprintf(w, "  %5s  %-16s L%d  %s%s\n", pct(q.FailureRate), q.ID, q.Level, q.Title, mark)
	}
}

func row(w io.Writer, rank string, g korto.GroupSummary) {
	name := g.Group
	if name == "" {
		name = "all"
	}
	ci := fmt.Sprintf("%s (%s–%s)", pct(g.Score.Mean), pct(g.Score.CILow), pct(g.Score.CIHigh))
	line := fmt.Sprintf("%-4s %-14s %3d  %-22s", rank, name, g.N, ci)
	for _, l := range g.Levels {
		line += fmt.Sprintf(" %7s", pct(l.PassedShare))
	}
	nps, ie, csat := "—", "—", "—"
	for _, s := range g.Survey {
		switch {
		case s.NPS != nil:
			nps = fmt.Sprintf("%+.0f", s.NPS.NPS)
		case s.Emotion != nil:
			ie = fmt.Sprintf("%.2f", s.Emotion.Index)
		case s.CSAT != nil:
			csat = fmt.Sprintf("%.0f%%", s.CSAT.CSAT)
		}
	}
	line += fmt.Sprintf(" %6s %6s %6s", nps, ie, csat)
	fmt.Fprintln(w, strings.TrimRight(line, " "))
}

// pct prints a share with one decimal, or "—" when there is none.
func pct(x *float64) string {
	if x == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100**x)
}
