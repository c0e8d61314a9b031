package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The csi command: a customer satisfaction index from a survey export
// with one column of ratings per attribute (the service-standards guide), each attribute's
// mean with its t interval, weighted by importance.

func init() {
	register(&Command{
		Name:      "csi",
		UsageLine: "csi FILE.csv --scale LO..HI [--columns A,B,C] [--weights F] [--by G] [--level 0.95] [--json]",
		Short:     "customer satisfaction index (CSI) of attribute ratings, with an interval per attribute",
		Flags:     csiFlags,
	})
}

func csiFlags(fs *flag.FlagSet) Run {
	scaleFlag := fs.String("scale", "", "the rating scale `LO..HI` (required: a scale is never guessed)")
	columns := fs.String("columns", "", "comma-separated attribute columns `A,B,C` (default: every column but --by)")
	weightsFile := fs.String("weights", "", "importance weights from `FILE`: CSV with columns attribute,weight or a JSON object {\"A\": 2}")
	by := fs.String("by", "", "break down by the values of column `G`, ranked")
	level := fs.Float64("level", 0.95, "confidence `LEVEL` of the intervals")
	asJSON := fs.Bool("json", false, "print JSON")
	return func(_ context.Context, e *env, pos []string) error {
		if len(pos) != 1 {
			return usagef("want one CSV file (or - for standard input)")
		}
		if *scaleFlag == "" {
			return usagef("give the rating scale with --scale LO..HI (ACSI: --scale 1..10)")
		}
		scale, err := metrics.ParseScale(*scaleFlag, "high")
		if err != nil {
			return usagef("--scale: %v", err)
		}
		if err := checkLevelFlag(*level); err != nil {
			return err
		}
		if stdinTwice(pos[0], *weightsFile) {
			return usagef("the ratings and --weights cannot both come from standard input")
		}
		var cols []string
		if *columns != "" {
			for _, s := range strings.Split(*columns, ",") {
				if s = strings.TrimSpace(s); s != "" {
					cols = append(cols, s)
				}
			}
			if len(cols) == 0 {
				return usagef("--columns %q names no column", *columns)
			}
		}
		var weights map[string]float64
		if *weightsFile != "" {
			data, err := readInput(e, *weightsFile)
			if err != nil {
				return err
			}
			if weights, err = surveycsv.ReadCSIWeights(data, inputName(*weightsFile)); err != nil {
				return err
			}
		}
		f, err := openInput(e, pos[0])
		if err != nil {
			return err
		}
		defer f.Close()
		out, err := surveycsv.ReadCSI(f, inputName(pos[0]), surveycsv.CSIConfig{Scale: scale, Columns: cols, By: *by, Weights: weights, Level: *level})
		if err != nil {
			return err
		}
		for _, w := range out.Warnings {
			e.warnf("%s", w)
		}
		if *asJSON {
			return writeJSON(e.stdout, out)
		}
		csiWriteText(e.stdout, out)
		return nil
	}
}

func csiWriteText(w io.Writer, o *surveycsv.CSIReport) {
	fmt.Fprintf(w, "CSI of %s in %s on %d..%d: %s (%s)\n\n", plural(len(o.Attributes), "attribute", "attributes"), o.File, o.Scale.Lo, o.Scale.Hi, fixed(o.CSI, 1), plural(int(o.N), "respondent", "respondents"))
	t := &textTable{indent: "  ", right: rightCols(false, true, true, false, true)}
	ci := "95% CI"
	if len(o.Attributes) > 0 {
		ci = surveyCILabel(o.Attributes[0].Level)
	}
	t.add("attribute", "n", "mean", ci, "weight")
	for _, a := range o.Attributes {
		ci := "—" // one rating has no interval
		if a.CILow != nil && a.CIHigh != nil {
			ci = "[" + fixed(*a.CILow, 2) + ", " + fixed(*a.CIHigh, 2) + "]"
		}
		t.add(a.Name, fmt.Sprint(a.N), fixed(a.Mean, 2), ci, fmt.Sprint(a.Weight))
	}
	t.write(w)
	if len(o.Groups) == 0 {
		return
	}
	fmt.Fprintln(w)
	g := &textTable{indent: "  ", right: rightCols(false, true, true)}
	g.add("group", "n", "CSI")
	for _, gr := range o.Groups {
		if gr.CSIResult == nil {
			g.add(groups.Label(gr.Group), "", "— "+gr.Error)
			continue
		}
		g.add(groups.Label(gr.Group), fmt.Sprint(gr.N), fixed(gr.CSI, 1))
	}
	g.write(w)
}
