package fielddata_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/internal/csvlex"
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

// The reading goroutine cuts a CSV file into runs of whole records
// that the workers lex; cut between any two rows (batches of one to
// five), with quoted line breaks, CRLF, a byte order mark, semicolons,
// bad rows, blank lines and a row too long to read at the edges, the
// import comes to what Reader.Next does, for any number of workers.
func TestImportCutsAnywhere(t *testing.T) {
	p, sheets := loadMall(t)
	for _, st := range []exportStyle{odkStyle, koboStyle} {
		recs := parseCSV(t, export(t, p, sheets[:12], st), st.comma)
		var buf bytes.Buffer
		buf.WriteString("\ufeff")
		w := csv.NewWriter(&buf)
		w.Comma, w.UseCRLF = st.comma, true
		for i, rec := range recs {
			if i > 0 {
				switch i % 4 {
				case 1: // a quoted line break, in the first cell and the last
					rec[0] += "\nx"
					rec[len(rec)-1] = "two\r\nlines"
				case 2:
					w.Flush()
					buf.WriteString("x" + string(st.comma) + "\"bad\"quote\r\n\r\n")
				case 3:
					w.Flush()
					buf.WriteString("1" + string(st.comma) + "b\"are\r\n")
				}
			}
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		data := buf.Bytes()
		long := append(slices.Clip(data), "\""+strings.Repeat("y\n", csvlex.MaxRecordSize/2)+"\"\r\n"...)
		long = append(long, data[bytes.IndexByte(data, '\n')+1:]...)
		for _, in := range [][]byte{data, long} {
			want := importByNext(t, p, in, "")
			if want.Sheets == 0 || want.Invalid < 6 {
				t.Fatalf("the input should hold good and bad rows: %d good, %d bad", want.Sheets, want.Invalid)
			}
			if isLong := len(in) > len(data); isLong != strings.Contains(want.Err, "a row longer than") {
				t.Fatalf("long %v, but the import ends with %q", isLong, want.Err)
			}
			for batch := 1; batch <= 5; batch++ {
				for _, workers := range []int{1, 2, 3} {
					got := func() imported {
						defer fielddata.SetBatchRows(batch)()
						return importByImport(t, p, in, "", workers)
					}()
					if d := cmp.Diff(want, got); d != "" {
						t.Fatalf("%s, batches of %d, %d workers: Import differs from Reader.Next (-Next +Import):\n%s", st.sep, batch, workers, d)
					}
				}
			}
		}
	}
}
