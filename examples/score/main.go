// Command score is the smallest complete program on the cxkit library: it
// parses a checklist, compiles it, reads one answer sheet, scores it and
// prints the levels, the level the audit reached, and the critical
// questions that failed.
//
// Run it from the repository root:
//
//	go run ./examples/score                       # the mall example
//	go run ./examples/score CHECKLIST ANSWERS.json
//	go run ./examples/score -lang en CHECKLIST ANSWERS.json
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

func main() {
	lang := flag.String("lang", "", "language of titles and questions, e.g. en; default: the checklist's own")
	flag.Parse()
	checklist, answers := "examples/mall/mall.korto", "examples/mall/visit-01.json"
	switch flag.NArg() {
	case 0:
	case 2:
		checklist, answers = flag.Arg(0), flag.Arg(1)
	default:
		fmt.Fprintln(os.Stderr, "usage: score [-lang L] [CHECKLIST ANSWERS.json]")
		os.Exit(2)
	}
	if err := run(os.Stdout, checklist, answers, *lang); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, checklistPath, answersPath, lang string) error {
	// 1. Parse: the error lists every problem with file:line:col.
	src, err := os.ReadFile(checklistPath)
	if err != nil {
		return err
	}
	c, err := dsl.Parse(checklistPath, src)
	if err != nil {
		return everyProblem("", err)
	}

	// 2. Compile once; a plan scores any number of sheets.
	plan, err := korto.Compile(c)
	if err != nil {
		return err
	}

	// 3. Read and check the sheet: the error names each question and its
	// JSON Pointer.
	f, err := os.Open(answersPath)
	if err != nil {
		return err
	}
	defer f.Close()
	sheet, err := plan.ReadAnswers(f)
	if err != nil {
		return everyProblem(answersPath, err)
	}

	// 4. Score.
	res, err := plan.ScoreWith(sheet, korto.ScoreOptions{Lang: lang})
	if err != nil {
		return err
	}

	report(w, c, sheet, res, lang)
	return nil
}

func report(w io.Writer, c *korto.Checklist, sheet *korto.Sheet, res korto.Result, lang string) {
	fmt.Fprintln(w, c.Title.In(lang))
	var about []string
	for _, k := range []string{"location", "date", "auditor"} {
		if v := sheet.Audit[k]; v != "" {
			about = append(about, v)
		}
	}
	if len(about) > 0 {
		fmt.Fprintln(w, strings.Join(about, ", "))
	}
	fmt.Fprintln(w)

	for _, l := range res.Levels {
		verdict := "failed"
		switch {
		case l.Passed && l.Gated:
			verdict = "passed, gated by a lower level"
		case l.Passed:
			verdict = "passed"
		case l.Gated:
			verdict = "failed, gated by a lower level"
		}
		fmt.Fprintf(w, "level %d  %-28s %6s  pass %s  %s\n",
			l.Level, l.Title, percent(l.Score), percent(&l.Pass), verdict)
	}
	fmt.Fprintf(w, "overall  %-28s %6s", "", percent(res.Score))
	if res.KnockedOut && res.RawScore != nil {
		fmt.Fprintf(w, "  knocked out (raw %s)", percent(res.RawScore))
	}
	fmt.Fprintln(w)

	name := res.ReachedName.In(lang)
	fmt.Fprintf(w, "\nreached level %d: %s\n", res.Reached, name)

	var failed []string
	for _, l := range res.Levels {
		for _, id := range l.CriticalFailed {
			text := id
			if q := c.Question(id); q != nil {
				text = q.Text.In(lang)
			}
			failed = append(failed, fmt.Sprintf("  level %d  %s: %s", l.Level, id, text))
		}
	}
	if len(failed) == 0 {
		fmt.Fprintln(w, "no critical question failed")
		return
	}
	fmt.Fprintln(w, "failed critical questions:")
	for _, s := range failed {
		fmt.Fprintln(w, s)
	}
}

// everyProblem spells out all the problems a parse or sheet error
// carries, one per line (their own Error methods show only the first),
// keeping each one reachable with errors.As.
func everyProblem(file string, err error) error {
	var list []error
	for _, d := range korto.AsDiagnostics(err) {
		list = append(list, d) // positions already name the file
	}
	for _, e := range diag.As(err) {
		list = append(list, fmt.Errorf("%s: %w", file, e))
	}
	if len(list) == 0 {
		return err
	}
	return errors.Join(list...)
}

// percent prints a share with one decimal, or "—" when there is no score.
func percent(x *float64) string {
	if x == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", 100**x)
}
