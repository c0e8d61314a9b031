package render_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
)

// Text prints what `cxkit report --by location --lang en` prints: run
// the report, then render it. Here: its first lines, the headline.
func ExampleText() {
	src, _ := os.ReadFile("../../examples/mall/mall.korto")
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, _ := korto.Compile(c)
	sources, err := report.Sources(nil, "../../examples/mall/visits")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := report.Run(context.Background(), plan, sources, report.Options{By: "location", Lang: "en"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := render.Text(&b, plan.Checklist(), res, render.Options{Lang: "en"}); err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(strings.Join(lines[:3], "\n"))
	// Output:
	// Audit report: Shopping-centre service: foundation and convenience (mall_korto, version 2026.1)
	// audits: 72, grouped by: location (3)
	// mean: 82.7% (95% CI 80.5–84.8%, sd 9.1%)
}

// ScoreText prints what `cxkit score` prints for one answer sheet.
// Here: the score and the level reached.
func ExampleScoreText() {
	src, _ := os.ReadFile("../../examples/mall/mall.korto")
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, _ := korto.Compile(c)
	f, err := os.Open("../../examples/mall/visit-01.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	sheet, err := plan.ReadAnswers(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := plan.ScoreWith(sheet, korto.ScoreOptions{Lang: "en"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := render.ScoreText(&b, plan, sheet, &r, render.Options{Lang: "en"}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "Score:") || strings.HasPrefix(line, "Level reached:") {
			fmt.Println(line)
		}
	}
	// Output:
	// Score:          83.2%
	// Level reached:  1 — Foundation and standard
}
