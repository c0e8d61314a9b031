package main

import (
	"errors"
	"fmt"

	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The survey commands (nps, csat, ces, emotion) read one column of a
// survey export (CSV with a header row), optionally weighted and broken
// down by another column, and print the metric with its interval. With
// --compare they test the difference against an earlier export: "are we
// better than last quarter?".

func init() {
	common := "FILE.csv [--column C] [--by G] [--weight W] [--compare OLD.csv] [--level 0.95] [--workers N] [--json]"
	register(&command{
		name:    "nps",
		usage:   "nps " + common + " [--method adjusted-wald|wald]",
		summary: "Net Promoter Score of a survey export, with its interval, groups and a comparison",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyNPS) },
	})
	register(&command{
		name:    "csat",
		usage:   "csat " + common + " [--scale 1..5] [--good high]",
		summary: "CSAT (top-two-box share and mean rating) of a survey export",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyCSAT) },
	})
	register(&command{
		name:    "ces",
		usage:   "ces " + common + " --scale LO..HI --good high|low",
		summary: "Customer Effort Score of a survey export on a declared scale",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyCES) },
	})
	register(&command{
		name:    "emotion",
		usage:   "emotion " + common + " [--method adjusted-wald|wald]",
		summary: "emotional index (positive minus negative share) of a survey export",
		run:     func(e *env, args []string) int { return runSurvey(e, args, surveyEmotion) },
	})
}

// surveyKind is what differs between the four commands.
type surveyKind struct {
	metric surveycsv.Metric
	name   string
	title  string // "NPS"
	scaled bool   // takes --scale and --good
	// needScale: --scale and --good are required (CES: never guessed).
	needScale bool
	methods   bool // takes --method
}

var surveyNPS = &surveyKind{metric: surveycsv.NPS, name: "nps", title: "NPS", methods: true}

var surveyEmotion = &surveyKind{metric: surveycsv.Emotion, name: "emotion", title: "emotional index", methods: true}

var surveyCSAT = &surveyKind{metric: surveycsv.CSAT, name: "csat", title: "CSAT", scaled: true}

var surveyCES = &surveyKind{metric: surveycsv.CES, name: "ces", title: "CES", scaled: true, needScale: true}

func runSurvey(e *env, args []string, k *surveyKind) int {
	c := commands[k.name]
	fs := newFlags(e, c)
	column := fs.String("column", "", "column `C` holding the answers (default: a column named "+k.name+")")
	by := fs.String("by", "", "break down by the values of column `G`, ranked")
	weight := fs.String("weight", "", "survey weights from column `W` (Kish effective sample size)")
	compareWith := fs.String("compare", "", "compare with an earlier export `OLD.csv` (same columns): change, se, test statistic, p (adjusted Wald, Agresti–Caffo or Welch; Holm over --by groups)")
	level := fs.Float64("level", 0.95, "confidence `LEVEL` of the intervals, e.g. 0.9 or 0.99")
	asJSON := fs.Bool("json", false, "print JSON")
	workers := new(int)
	workersFlag(fs, workers, "read the file")
	method := new(string)
	if k.methods {
		method = fs.String("method", string(metrics.AdjustedWald), "interval `METHOD`: adjusted-wald or wald")
	}
	scaleFlag, goodFlag := new(string), new(string)
	if k.scaled {
		def, defGood := "", ""
		if !k.needScale {
			def, defGood = "1..5", "high"
		}
		goodHelp := "which end of the scale is good, `high|low`"
		if k.needScale {
			goodHelp += " (no default: a scale is never guessed)"
		}
		scaleFlag = fs.String("scale", def, "the answer scale `LO..HI`")
		goodFlag = fs.String("good", defGood, goodHelp)
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if len(pos) != 1 {
		return usageError(e, c, "want one CSV file (or - for standard input)")
	}
	if stdinTwice(pos[0], *compareWith) {
		return usageError(e, c, "the export and --compare cannot both come from standard input")
	}
	cfg := surveycsv.Config{Metric: k.metric, Column: *column, By: *by, Weight: *weight, Workers: *workers}
	opts := metrics.Options{Level: *level}
	if err := metrics.CheckLevel(*level); err != nil {
		return usageError(e, c, "--level %v: want a number between 0 and 1 whose interval is finite, e.g. 0.95", *level)
	}
	if k.methods {
		m, err := metrics.ParseMethod(*method)
		if err != nil || (m != metrics.AdjustedWald && m != metrics.Wald) {
			return usageError(e, c, "--method %q: want adjusted-wald or wald", *method)
		}
		opts.Method = m
	}
	if k.scaled {
		if *scaleFlag == "" || *goodFlag == "" {
			return usageError(e, c, "the scale is never guessed: give --scale LO..HI and --good high|low (CES 2.0: --scale 1..7 --good high; effort 1..10: --scale 1..10 --good low)")
		}
		s, err := metrics.ParseScale(*scaleFlag, *goodFlag)
		if err != nil {
			return usageError(e, c, "%v", err)
		}
		cfg.Scale = s
	}

	fail := func(err error) int { return csvFail(e, k.name, err) }
	read := func(name string, cfg surveycsv.Config) (*surveycsv.Data, error) {
		f, err := openInput(e, name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if bar := newProgress(e, "rows", f); bar != nil {
			defer bar.Finish()
			cfg.Progress = bar.Add
		}
		d, err := surveycsv.Read(f, inputName(name), cfg)
		if err != nil {
			return nil, err
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(e.stderr, "cxkit %s: warning: %s\n", k.name, w)
		}
		return d, nil
	}
	cur, err := read(pos[0], cfg)
	if err != nil {
		return fail(err)
	}
	out, err := surveycsv.Summarize(cur, opts)
	if err != nil {
		return fail(err)
	}
	out.File = pos[0]
	if *compareWith != "" {
		oldCfg := cfg
		oldCfg.Column, oldCfg.ComparedWith = cur.Column, pos[0]
		old, err := read(*compareWith, oldCfg)
		if err != nil {
			return fail(err)
		}
		old.File = *compareWith
		if err := out.Compare(old, opts); err != nil {
			return fail(err)
		}
	}
	if *asJSON {
		if err := writeJSON(e.stdout, out.JSON()); err != nil {
			return fail(err)
		}
		return exitOK
	}
	surveyWriteText(e.stdout, k, out)
	return exitOK
}

// csvFail prints an error of a CSV-reading command (nps, csat, ces,
// emotion, csi, retail) and returns its exit code: every bad cell on a
// line of its own, exit 1; a column the flags name wrongly, exit 2 (a
// usage error); anything else, exit 1.
func csvFail(e *env, cmd string, err error) int {
	if cells, ok := errors.AsType[*surveycsv.CellErrors](err); ok {
		for _, line := range cells.Lines() {
			fmt.Fprintf(e.stderr, "cxkit %s: %s\n", cmd, line)
		}
		return exitInput
	}
	fmt.Fprintf(e.stderr, "cxkit %s: %v\n", cmd, err)
	if _, ok := errors.AsType[surveycsv.ColumnError](err); ok {
		return exitUsage
	}
	return exitInput
}
