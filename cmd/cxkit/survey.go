package main

import (
	"context"
	"flag"

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
	register(&Command{
		Name:      "nps",
		UsageLine: "nps " + common + " [--method adjusted-wald|wald]",
		Short:     "Net Promoter Score of a survey export, with its interval, groups and a comparison",
		Flags:     surveyNPS.flags,
	})
	register(&Command{
		Name:      "csat",
		UsageLine: "csat " + common + " [--scale 1..5] [--good high]",
		Short:     "CSAT (top-two-box share and mean rating) of a survey export",
		Flags:     surveyCSAT.flags,
	})
	register(&Command{
		Name:      "ces",
		UsageLine: "ces " + common + " --scale LO..HI --good high|low",
		Short:     "Customer Effort Score of a survey export on a declared scale",
		Flags:     surveyCES.flags,
	})
	register(&Command{
		Name:      "emotion",
		UsageLine: "emotion " + common + " [--method adjusted-wald|wald]",
		Short:     "emotional index (positive minus negative share) of a survey export",
		Flags:     surveyEmotion.flags,
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

func (k *surveyKind) flags(fs *flag.FlagSet) Run {
	column := fs.String("column", "", "column `C` holding the answers (default: a column named "+k.name+")")
	by := fs.String("by", "", "break down by the values of column `G`, ranked")
	weight := fs.String("weight", "", "survey weights from column `W` (Kish effective sample size)")
	tests := map[*surveyKind]string{
		surveyNPS:     "adjusted Wald",
		surveyEmotion: "adjusted Wald",
		surveyCSAT:    "the share by Agresti–Caffo, the mean rating by Welch",
		surveyCES:     "the mean by Welch, the good share by Agresti–Caffo",
	}[k]
	compareWith := fs.String("compare", "", "compare with an earlier export `OLD.csv` (same columns): change, se, test statistic, p ("+tests+"; Holm over --by groups)")
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
	return func(_ context.Context, e *env, pos []string) error {
		if len(pos) != 1 {
			return usagef("want one CSV file (or - for standard input)")
		}
		if stdinTwice(pos[0], *compareWith) {
			return usagef("the export and --compare cannot both come from standard input")
		}
		cfg := surveycsv.Config{Metric: k.metric, Column: *column, By: *by, Weight: *weight, Workers: *workers}
		opts := metrics.Options{Level: *level}
		if err := checkLevelFlag(*level); err != nil {
			return err
		}
		if k.methods {
			m, err := metrics.ParseMethod(*method)
			if err != nil || (m != metrics.AdjustedWald && m != metrics.Wald) {
				return usagef("--method %q: want adjusted-wald or wald", *method)
			}
			opts.Method = m
		}
		if k.scaled {
			if *scaleFlag == "" || *goodFlag == "" {
				return usagef("the scale is never guessed: give --scale LO..HI and --good high|low (CES 2.0: --scale 1..7 --good high; effort 1..10: --scale 1..10 --good low)")
			}
			s, err := metrics.ParseScale(*scaleFlag, *goodFlag)
			if err != nil {
				return usagef("%v", err)
			}
			cfg.Scale = s
		}

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
				e.warnf("%s", w)
			}
			return d, nil
		}
		cur, err := read(pos[0], cfg)
		if err != nil {
			return err
		}
		out, err := surveycsv.Summarize(cur, opts)
		if err != nil {
			return err
		}
		for _, w := range out.Warnings {
			e.warnf("%s", w)
		}
		out.File = pos[0]
		if *compareWith != "" {
			old, err := read(*compareWith, cur.Earlier(cfg))
			if err != nil {
				return err
			}
			old.File = *compareWith
			if err := out.Compare(old, opts); err != nil {
				return err
			}
		}
		if *asJSON {
			return writeJSON(e.stdout, out.JSON())
		}
		surveyWriteText(e.stdout, k, out)
		return nil
	}
}
