package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/metrics"
	"github.com/cxkit/cxkit/metrics/surveycsv"
)

// The csi command: a customer satisfaction index from a survey export
// with one column of ratings per attribute (seed 003), each attribute's
// mean with its t interval, weighted by importance.

func init() {
	register(&Command{
		Name:      "csi",
		UsageLine: "csi FILE.csv --scale LO..HI [--columns A,B,C] [--weights F] [--by G] [--level 0.95] [--json]",
		Short:     "customer satisfaction index (CSI) of attribute ratings, with an interval per attribute",
		Flags:     csiFlags,
	})
}

// csiMaxAttributes bounds the attributes of one index: a CSI
// questionnaire rates a handful, and a file of thousands of columns
// read as attributes is a wrong file, not a survey.
const csiMaxAttributes = 200

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
		if err := metrics.CheckLevel(*level); err != nil {
			return usagef("--level %v: want a number between 0 and 1 whose interval is finite, e.g. 0.95", *level)
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
			if weights, err = csiReadWeights(data, inputName(*weightsFile)); err != nil {
				return err
			}
		}
		f, err := openInput(e, pos[0])
		if err != nil {
			return err
		}
		defer f.Close()
		out, err := csiRead(f, inputName(pos[0]), csiConfig{scale: scale, columns: cols, by: *by, weights: weights, level: *level})
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, out)
		}
		out.writeText(e.stdout)
		return nil
	}
}

type csiConfig struct {
	scale   metrics.Scale
	columns []string // nil: every column but by
	by      string
	weights map[string]float64 // nil: equal weights
	level   float64
}

// csiOutput is what the command prints; its JSON form is the contract
// of cli.md (csi, n, attributes with name, mean, ci_low, ci_high,
// weight).
type csiOutput struct {
	File string `json:"file"`
	metrics.CSIResult
	Rows   int        `json:"rows"`
	Groups []csiGroup `json:"groups,omitempty"`
}

type csiGroup struct {
	Group string `json:"group"`
	*metrics.CSIResult
	// Error says why a group has no index (too few ratings).
	Error string `json:"error,omitempty"`
}

// csiRead reads the ratings of every attribute column in one pass.
func csiRead(r io.Reader, name string, cfg csiConfig) (*csiOutput, error) {
	sc, err := surveycsv.NewRows(r, name)
	if err != nil {
		return nil, err
	}
	byCol, err := sc.Find("--by", cfg.by)
	if err != nil {
		return nil, err
	}
	var at []int
	if cfg.columns == nil {
		for i := range sc.Header() {
			if i != byCol {
				at = append(at, i)
			}
		}
	} else {
		for _, col := range cfg.columns {
			i, err := sc.Find("--columns", col)
			if err != nil {
				return nil, err
			}
			if i == byCol {
				return nil, surveycsv.ColumnError{Msg: fmt.Sprintf("%s: column %s is both an attribute and --by", name, surveycsv.Quote(col))}
			}
			if slices.Contains(at, i) {
				return nil, surveycsv.ColumnError{Msg: fmt.Sprintf("--columns names %s twice", surveycsv.Quote(col))}
			}
			at = append(at, i)
		}
	}
	switch {
	case len(at) == 0:
		return nil, surveycsv.ColumnError{Msg: fmt.Sprintf("%s: no attribute column besides --by (columns: %s)", name, sc.Columns())}
	case len(at) > csiMaxAttributes:
		return nil, surveycsv.ColumnError{Msg: fmt.Sprintf("%s: %d attribute columns, more than the %d an index can rate; name them with --columns", name, len(at), csiMaxAttributes)}
	}
	names := make([]string, len(at))
	for i, col := range at {
		names[i] = sc.Header()[col]
		if dup := surveycsv.ColumnsNamed(sc.Header(), names[i]); len(dup) > 1 {
			return nil, surveycsv.DuplicateColumn(name, "the attribute "+surveycsv.Quote(names[i]), sc.Header(), dup)
		}
	}
	var ws []float64
	if cfg.weights != nil {
		ws = make([]float64, len(names))
		for i, n := range names {
			w, ok := cfg.weights[n]
			if !ok {
				return nil, fmt.Errorf("--weights gives no weight for attribute %s", surveycsv.Quote(n))
			}
			ws[i] = w
		}
		// Sorted, so the message is the same on every run.
		for _, n := range slices.Sorted(maps.Keys(cfg.weights)) {
			if !slices.Contains(names, n) {
				return nil, fmt.Errorf("--weights weighs %s, which is not an attribute column (attributes: %s)", surveycsv.Quote(n), strings.Join(surveycsv.QuoteAll(names), ", "))
			}
		}
	}
	all, err := metrics.NewCSIRatings(cfg.scale, names)
	if err != nil {
		return nil, err
	}
	groups := map[string]*metrics.CSIRatings{}
	var order []string
	ratings := make([]int, len(at))
	// A column none of whose cells is a number is a label (a store, a
	// name), not an attribute left out of --by: one line says so, not a
	// cell error a row.
	filled, words := make([]int, len(at)), make([]int, len(at))
	for {
		ok, err := sc.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		good := true
		for i, col := range at {
			cell := strings.TrimSpace(sc.Record()[col])
			ratings[i] = metrics.NoRating
			if cell == "" {
				continue
			}
			filled[i]++
			v, err := csiInt(cell, fmt.Sprintf("ratings are %d..%d", cfg.scale.Lo, cfg.scale.Hi))
			if _, ferr := strconv.ParseFloat(cell, 64); ferr != nil {
				words[i]++
			}
			if err == nil && (v < cfg.scale.Lo || v > cfg.scale.Hi) {
				err = fmt.Errorf("rating %d is outside the scale %d..%d", v, cfg.scale.Lo, cfg.scale.Hi)
			}
			if err != nil {
				hint := ""
				if surveycsv.Placeholder(cell) {
					hint = "; leave the cell empty for no rating"
				}
				sc.CellError(col, fmt.Errorf("%v%s", err, hint))
				good = false
				continue
			}
			ratings[i] = v
		}
		if !good {
			continue
		}
		_ = all.Add(ratings) // every rating was checked above
		if byCol >= 0 {
			g := strings.TrimSpace(sc.Record()[byCol])
			acc := groups[g]
			if acc == nil {
				acc, _ = metrics.NewCSIRatings(cfg.scale, names)
				groups[g] = acc
				order = append(order, g)
			}
			_ = acc.Add(ratings)
		}
	}
	var labels []string
	for i := range at {
		if filled[i] > 0 && words[i] == filled[i] {
			labels = append(labels, surveycsv.Quote(names[i]))
		}
	}
	if len(labels) > 0 && cfg.columns == nil {
		return nil, surveycsv.ColumnError{Msg: fmt.Sprintf("%s: column %s holds no number, so it is no attribute: break down by it with --by, or name the attributes with --columns", name, strings.Join(labels, ", "))}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	res, err := all.Result(ws, cfg.level)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := &csiOutput{File: name, CSIResult: res, Rows: sc.Row()}
	for _, g := range order {
		gr := csiGroup{Group: g}
		r, err := groups[g].Result(ws, cfg.level)
		if err != nil {
			gr.Error = err.Error()
		} else {
			gr.CSIResult = &r
		}
		out.Groups = append(out.Groups, gr)
	}
	// Ranked: highest index first, groups without one last, ties by name.
	slices.SortStableFunc(out.Groups, func(a, b csiGroup) int {
		switch {
		case a.CSIResult == nil || b.CSIResult == nil:
			if a.CSIResult == nil && b.CSIResult == nil {
				return cmp.Compare(a.Group, b.Group)
			}
			if a.CSIResult == nil {
				return 1
			}
			return -1
		case a.CSI != b.CSI:
			return cmp.Compare(b.CSI, a.CSI)
		}
		return cmp.Compare(a.Group, b.Group)
	})
	return out, nil
}

// csiReadWeights reads importance weights: a JSON object of attribute
// names to weights, or a CSV whose header has the columns attribute and
// weight.
func csiReadWeights(data []byte, name string) (map[string]float64, error) {
	if t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff"))); len(t) > 0 && t[0] == '{' {
		var m map[string]float64
		if err := strictjson.Decode(data, &m, "the weights"); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if w := m[k]; w < 0 || w != 0 && !(w >= metrics.MinWeight && w <= metrics.MaxWeight) {
				return nil, fmt.Errorf("%s: attribute %s: weight %v: a weight is 0 or a positive number between %g and %g", name, surveycsv.Quote(k), w, metrics.MinWeight, metrics.MaxWeight)
			}
		}
		return m, nil
	}
	sc, err := surveycsv.NewRows(bytes.NewReader(data), name)
	if err != nil {
		return nil, err
	}
	aCol, err := sc.Find("the attribute column", "attribute")
	if err != nil {
		return nil, err
	}
	wCol, err := sc.Find("the weight column", "weight")
	if err != nil {
		return nil, err
	}
	m := map[string]float64{}
	for {
		ok, err := sc.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		a := strings.TrimSpace(sc.Record()[aCol])
		if a == "" {
			sc.CellError(aCol, errors.New("an attribute name is missing"))
			continue
		}
		if _, dup := m[a]; dup {
			sc.CellError(aCol, fmt.Errorf("attribute %s is weighed twice", surveycsv.Quote(a)))
			continue
		}
		w, err := surveycsv.ParseWeight(sc.Record()[wCol], sc.DecimalComma())
		if err != nil {
			sc.CellError(wCol, err)
			continue
		}
		m[a] = w
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func (o *csiOutput) writeText(w io.Writer) {
	fmt.Fprintf(w, "CSI of %s in %s on %d..%d: %s (%s)\n\n", plural(len(o.Attributes), "attribute", "attributes"), o.File, o.Scale.Lo, o.Scale.Hi, fixed(o.CSI, 1), plural(int(o.N), "respondent", "respondents"))
	t := &textTable{indent: "  ", right: rightCols(false, true, true, false, true)}
	ci := "95% CI"
	if len(o.Attributes) > 0 {
		ci = surveyCILabel(o.Attributes[0].Level)
	}
	t.add("attribute", "n", "mean", ci, "weight")
	for _, a := range o.Attributes {
		t.add(a.Name, fmt.Sprint(a.N), fixed(a.Mean, 2), "["+fixed(a.CILow, 2)+", "+fixed(a.CIHigh, 2)+"]", fmt.Sprint(a.Weight))
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
			g.add(gr.Group, "", "— "+gr.Error)
			continue
		}
		g.add(gr.Group, fmt.Sprint(gr.N), fixed(gr.CSI, 1))
	}
	g.write(w)
}

// csiInt parses a whole-number rating; what says what ratings are, for
// the message.
func csiInt(cell, what string) (int, error) {
	n, err := strconv.Atoi(cell)
	if err != nil {
		return 0, fmt.Errorf("%s is not a whole number (%s)", surveycsv.Quote(cell), what)
	}
	return n, nil
}
