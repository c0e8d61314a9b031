package fielddata_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// Any number of workers writes the same sheets and reports the same
// problems in the same order as one, across many batches of rows, bad
// rows and blank lines included.
func TestImportWorkersSame(t *testing.T) {
	p, sheets := loadMall(t)
	data := string(export(t, p, sheets, exportStyle{sep: "-", comma: ',', withID: true,
		meta: func(*korto.Sheet, int) ([]string, []string) { return nil, nil }}))
	lines := strings.Split(strings.TrimRight(data, "\n"), "\n")
	header := strings.Split(lines[0], ",")
	col := -1
	for i, h := range header {
		if strings.HasSuffix(h, "-entrance_clean") {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no entrance_clean column")
	}
	var b strings.Builder
	b.WriteString(lines[0] + "\n")
	n := 0
	for range 9 { // 648 rows: three batches and a part
		for _, l := range lines[1:] {
			n++
			cells := strings.Split(l, ",")
			if len(cells) == len(header) && n%41 == 0 {
				cells[col] = "Да"
				l = strings.Join(cells, ",")
			}
			b.WriteString(l + "\n")
			if n%97 == 0 {
				b.WriteString(strings.Repeat(",", len(header)-1) + "\n") // a blank row
			}
		}
	}
	input := b.String()

	type run struct {
		Out      string
		Problems []string
		Sum      fielddata.Summary
		Err      string
	}
	importWith := func(workers int, skip bool) run {
		var out bytes.Buffer
		var r run
		var rows int64
		sum, err := fielddata.Import(&out, strings.NewReader(input), p, fielddata.ImportOptions{
			Options:     fielddata.Options{Name: "v.csv"},
			SkipInvalid: skip,
			Workers:     workers,
			Problem:     func(e *fielddata.Error) { r.Problems = append(r.Problems, e.Error()) },
			Progress:    func(_, done int64) { rows += done },
		})
		r.Out, r.Sum, r.Err = out.String(), sum, fmt.Sprint(err)
		if rows == 0 {
			t.Errorf("workers %d: Progress never counted a row", workers)
		}
		return r
	}
	for _, skip := range []bool{false, true} {
		one := importWith(1, skip)
		if one.Sum.Invalid == 0 || one.Sum.Sheets < 500 {
			t.Fatalf("the input should hold bad and good rows: %+v", one.Sum)
		}
		if skip && one.Out == "" {
			t.Fatal("SkipInvalid wrote nothing")
		}
		for _, w := range []int{2, 3, 8} {
			if d := cmp.Diff(one, importWith(w, skip)); d != "" {
				t.Errorf("skip %v, workers %d differ from 1 (-1 +%d):\n%s", skip, w, w, d)
			}
		}
	}
}
