package surveycsv

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/groups"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/metrics"
)

// CSIConfig says how ReadCSI reads a file of attribute ratings.
type CSIConfig struct {
	// Scale is the rating scale; it is never guessed.
	Scale metrics.Scale
	// Columns are the attribute columns; nil means every column but By.
	Columns []string
	// By names the column to break the index down by; "" for none.
	By string
	// Weights are the attributes' importance by column name; nil weighs
	// them equally. Every attribute needs a weight, and every weight an
	// attribute.
	Weights map[string]float64
	// Level is the confidence level of the intervals, e.g. 0.95.
	Level float64
}

// CSIReport is the customer satisfaction index of one file, whole and by
// group. Its JSON form is what cxkit csi --json prints (csi, n, and
// attributes with name, mean, ci_low, ci_high and weight).
type CSIReport struct {
	File string `json:"file"`
	metrics.CSIResult
	Rows int `json:"rows"`
	// Groups are ranked: highest index first, groups without one last,
	// ties by name.
	Groups []CSIGroup `json:"groups,omitempty"`
	// Warnings are what may mislead in the groups: names that are one
	// place typed two ways (groups.Warnings). They are not in the JSON:
	// cxkit prints them on standard error.
	Warnings []string `json:"-"`
}

// CSIGroup is the index of the rows of one value of the By column.
type CSIGroup struct {
	Group string `json:"group"`
	*metrics.CSIResult
	// Error says why a group has no index (too few ratings).
	Error string `json:"error,omitempty"`
}

// csiMaxAttributes bounds the attributes of one index: a CSI
// questionnaire rates a handful, and a file of thousands of columns
// read as attributes is a wrong file, not a survey.
const csiMaxAttributes = 200

// ReadCSI reads a survey export with one column of ratings per attribute
// (the method of the service-standards source: each attribute's mean
// with its t interval, weighted by importance) from r, named name in
// messages, in one pass. Every bad cell is reported at once
// (*CellErrors); a column the configuration names wrongly, or a column
// of words taken for an attribute, is a ColumnError.
func ReadCSI(r io.Reader, name string, cfg CSIConfig) (*CSIReport, error) {
	sc, err := NewRows(r, name)
	if err != nil {
		return nil, err
	}
	byCol, err := sc.Find("--by", cfg.By)
	if err != nil {
		return nil, err
	}
	var at []int
	if cfg.Columns == nil {
		for i := range sc.Header() {
			if i != byCol {
				at = append(at, i)
			}
		}
	} else {
		for _, col := range cfg.Columns {
			i, err := sc.Find("--columns", col)
			if err != nil {
				return nil, err
			}
			if i == byCol {
				return nil, ColumnError{Msg: fmt.Sprintf("%s: column %s is both an attribute and --by", name, diag.Quote(col))}
			}
			if slices.Contains(at, i) {
				return nil, ColumnError{Msg: fmt.Sprintf("--columns names %s twice", diag.Quote(col))}
			}
			at = append(at, i)
		}
	}
	switch {
	case len(at) == 0:
		return nil, ColumnError{Msg: fmt.Sprintf("%s: no attribute column besides --by (columns: %s)", name, sc.Columns())}
	case len(at) > csiMaxAttributes:
		return nil, ColumnError{Msg: fmt.Sprintf("%s: %d attribute columns, more than the %d an index can rate; name them with --columns", name, len(at), csiMaxAttributes)}
	}
	names := make([]string, len(at))
	for i, col := range at {
		names[i] = sc.Header()[col]
		if dup := ColumnsNamed(sc.Header(), names[i]); len(dup) > 1 {
			return nil, DuplicateColumn(name, "the attribute "+diag.Quote(names[i]), sc.Header(), dup)
		}
	}
	var ws []float64
	if cfg.Weights != nil {
		ws = make([]float64, len(names))
		for i, n := range names {
			w, ok := cfg.Weights[n]
			if !ok {
				return nil, fmt.Errorf("--weights gives no weight for attribute %s", diag.Quote(n))
			}
			ws[i] = w
		}
		// Sorted, so the message is the same on every run.
		for _, n := range slices.Sorted(maps.Keys(cfg.Weights)) {
			if !slices.Contains(names, n) {
				return nil, fmt.Errorf("--weights weighs %s, which is not an attribute column (attributes: %s)", diag.Quote(n), strings.Join(QuoteAll(names), ", "))
			}
		}
	}
	all, err := metrics.NewCSIRatings(cfg.Scale, names)
	if err != nil {
		return nil, err
	}
	var byGroup groups.Set[*metrics.CSIRatings]
	newGroup := func() *metrics.CSIRatings {
		acc, _ := metrics.NewCSIRatings(cfg.Scale, names) // as all, above
		return acc
	}
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
			v, err := csiInt(cell, fmt.Sprintf("ratings are %d..%d", cfg.Scale.Lo, cfg.Scale.Hi))
			if _, ferr := strconv.ParseFloat(cell, 64); ferr != nil {
				words[i]++
			}
			if err == nil && (v < cfg.Scale.Lo || v > cfg.Scale.Hi) {
				err = fmt.Errorf("rating %d is outside the scale %d..%d", v, cfg.Scale.Lo, cfg.Scale.Hi)
			}
			if err != nil {
				hint := ""
				if Placeholder(cell) {
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
			_ = byGroup.Get(groups.Name(sc.Record()[byCol]), newGroup).Add(ratings)
		}
	}
	var labels []string
	for i := range at {
		if filled[i] > 0 && words[i] == filled[i] {
			labels = append(labels, diag.Quote(names[i]))
		}
	}
	if len(labels) > 0 && cfg.Columns == nil {
		return nil, ColumnError{Msg: fmt.Sprintf("%s: column %s holds no number, so it is no attribute: break down by it with --by, or name the attributes with --columns", name, strings.Join(labels, ", "))}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	res, err := all.Result(ws, cfg.Level)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := &CSIReport{File: name, CSIResult: res, Rows: sc.Row(), Warnings: groups.Warnings(byGroup.Names())}
	for i := range byGroup.Len() {
		g, acc := byGroup.At(i)
		gr := CSIGroup{Group: g}
		r, err := acc.Result(ws, cfg.Level)
		if err != nil {
			gr.Error = err.Error()
		} else {
			gr.CSIResult = &r
		}
		out.Groups = append(out.Groups, gr)
	}
	// Ranked: highest index first, groups without one last, ties by name.
	slices.SortStableFunc(out.Groups, func(a, b CSIGroup) int {
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

// ReadCSIWeights reads the importance weights of CSI attributes from
// data, the contents of the file name: a JSON object of attribute names
// to weights, or a CSV whose header has the columns attribute and
// weight.
func ReadCSIWeights(data []byte, name string) (map[string]float64, error) {
	if strictjson.FirstByte(data) == '{' {
		var m map[string]float64
		if err := strictjson.Decode(data, &m, "the weights"); err != nil {
			return nil, strictjson.InFile(name, data, strictjson.Diagnostics(err))
		}
		var bad diag.List
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if w := m[k]; w < 0 || w != 0 && !(w >= metrics.MinWeight && w <= metrics.MaxWeight) {
				bad = append(bad, &diag.Diagnostic{Pointer: string(jsontext.Pointer("").AppendToken(k)), Code: diag.CodeBadWeight,
					Subject: "attribute " + diag.Quote(k), Message: fmt.Sprintf("weight %v: a weight is 0 or a positive number between %g and %g", w, metrics.MinWeight, metrics.MaxWeight)})
			}
		}
		if len(bad) > 0 {
			return nil, strictjson.InFile(name, data, bad)
		}
		return m, nil
	}
	sc, err := NewRows(bytes.NewReader(data), name)
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
			sc.CellError(aCol, fmt.Errorf("attribute %s is weighed twice", diag.Quote(a)))
			continue
		}
		w, err := ParseWeight(sc.Record()[wCol], sc.DecimalComma())
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

// csiInt parses a whole-number rating; what says what ratings are, for
// the message.
func csiInt(cell, what string) (int, error) {
	n, err := strconv.Atoi(cell)
	if err != nil {
		return 0, fmt.Errorf("%s is not a whole number (%s)", diag.Quote(cell), what)
	}
	return n, nil
}
