package fielddata_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// imported is what an import of a file came to, for comparing two ways
// of making it.
type imported struct {
	Lines    []string // the good rows' lines of JSON, in order
	Problems []string // every problem, warnings included, in order
	Sheets   int
	Invalid  int
	Err      string // the error that ended the file, if any
}

// importByNext is what Import must come to, made the plain way: each
// row's Sheet from Reader.Next (a korto.Answer per cell, checked by
// korto.Plan.CheckIndexed) written by AppendSheet. Import makes its
// lines without either, straight from the CSV lexer's bytes.
func importByNext(t testing.TB, p *korto.Plan, data []byte, format fielddata.Format) imported {
	t.Helper()
	var im imported
	rd, err := fielddata.NewReader(bytes.NewReader(data), p, fielddata.Options{Format: format, Name: "f.csv"})
	if err != nil {
		for _, e := range fielddata.AsErrors(err) {
			im.Problems = append(im.Problems, e.Error())
		}
		im.Err = err.Error()
		return im
	}
	warned := 0
	warn := func() { // the warnings found so far, each once
		for _, w := range rd.Warnings()[warned:] {
			im.Problems = append(im.Problems, w.Error())
		}
		warned = len(rd.Warnings())
	}
	warn()
	for range 1 << 20 {
		s, err := rd.Next()
		warn()
		var re *fielddata.RowError
		switch {
		case err == io.EOF:
			return im
		case errors.As(err, &re):
			im.Invalid++
			for _, e := range re.Errs {
				im.Problems = append(im.Problems, e.Error())
			}
			continue
		case err != nil:
			for _, e := range fielddata.AsErrors(err) {
				im.Problems = append(im.Problems, e.Error())
			}
			im.Err = err.Error()
			return im
		}
		im.Sheets++
		im.Lines = append(im.Lines, string(fielddata.AppendSheet(nil, s, p)))
	}
	t.Fatal("endless rows")
	return im
}

// importByImport runs Import with SkipInvalid, so that the good rows of
// a file with bad ones are written too.
func importByImport(t testing.TB, p *korto.Plan, data []byte, format fielddata.Format, workers int) imported {
	t.Helper()
	return importWith(t, p, data, format, workers, true)
}

// importWith runs Import into a bytes.Buffer, with SkipInvalid set to
// skip: without it the good rows wait in the spool, as no bytes.Buffer
// can be cut back.
func importWith(t testing.TB, p *korto.Plan, data []byte, format fielddata.Format, workers int, skip bool) imported {
	t.Helper()
	var im imported
	var out bytes.Buffer
	sum, err := fielddata.Import(&out, bytes.NewReader(data), p, fielddata.ImportOptions{
		Options:     fielddata.Options{Format: format, Name: "f.csv"},
		SkipInvalid: skip,
		Workers:     workers,
		Problem:     func(e *fielddata.Error) { im.Problems = append(im.Problems, e.Error()) },
	})
	if out.Len() > 0 {
		im.Lines = strings.SplitAfter(strings.TrimSuffix(out.String(), "\n"), "\n")
		for i := range im.Lines {
			im.Lines[i] = strings.TrimSuffix(im.Lines[i], "\n") + "\n"
		}
	}
	im.Sheets, im.Invalid = sum.Sheets, sum.Invalid
	if err != nil && !errors.Is(err, fielddata.ErrInvalid) {
		im.Err = err.Error()
	}
	if sum.Written != len(im.Lines) {
		t.Errorf("Written %d, %d lines", sum.Written, len(im.Lines))
	}
	return im
}

// sameAsNext fails t when Import, with any number of workers, does not
// come to what Reader.Next and AppendSheet do.
func sameAsNext(t testing.TB, p *korto.Plan, data []byte, format fielddata.Format) {
	t.Helper()
	want := importByNext(t, p, data, format)
	// Batches of one and two rows cut the file between every two rows,
	// where the reading goroutine hands records to the workers.
	for _, c := range []struct{ workers, batch int }{{1, 0}, {3, 0}, {2, 1}, {3, 2}} {
		got := func() imported {
			if c.batch > 0 {
				defer fielddata.SetBatchRows(c.batch)()
			}
			return importByImport(t, p, data, format, c.workers)
		}()
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("workers %d, batches of %d rows: Import differs from Reader.Next (-Next +Import):\n%s\ninput:\n%q", c.workers, c.batch, d, data)
		}
	}
	// Without SkipInvalid the good rows wait in the spool, and are
	// written only when there is no bad one: from memory, or from its
	// file, moved there after a few rows (300 bytes: a row or two of
	// the mall checklist a block).
	held := want
	if want.Invalid > 0 || want.Err != "" {
		held.Lines = nil
	}
	for _, c := range []struct{ workers, batch, memory int }{{1, 0, 0}, {3, 1, 300}} {
		got := func() imported {
			if c.batch > 0 {
				defer fielddata.SetBatchRows(c.batch)()
			}
			if c.memory > 0 {
				defer fielddata.SetSpoolMemory(c.memory)()
			}
			return importWith(t, p, data, format, c.workers, false)
		}()
		if d := cmp.Diff(held, got); d != "" {
			t.Fatalf("without SkipInvalid, workers %d, batches of %d rows, spool memory %d: Import differs from Reader.Next (-Next +Import):\n%s\ninput:\n%q", c.workers, c.batch, c.memory, d, data)
		}
	}
}

// mangleValues are what a cell is replaced with: every way of writing
// an answer the import reads (case, spaces, N/A, decimal commas,
// numbers as text), and the ways it refuses.
var mangleValues = []string{
	"", " ", "yes", "Yes", "YES", " yes", "no ", "nO", "na", "N/A", "n/a", "NA", " na ", "Не применимо",
	"Да", "нет", "0", "4", "4.5", "4,5", " 7 ", "-0", "10", "11", "-1", "1e1", "+3", "03", "2.70", "2.7",
	"1e400", "1234567", "0.00001", "NaN", "Inf", "0x1", "1_0", "5 мин", "full", "FULL", "Full", "fulll",
	"some", "all", "both", "positive", "Positive", "POSITIVE", "neutral", "negative ", "true", "false",
	"null", "x", "quoted, comma", "tab\tin", "line\nbreak", "a \"b\"", "😀", "a\u2028b", "\x01", "\xff",
	"v-0101", "2026-07-02", "уборка 😀 ок",
}

// mangle returns an export of the sheets with some cells replaced,
// dropped or added, rows blanked or repeated, and now and then a line
// encoding/csv would refuse.
func mangle(t testing.TB, r *rand.Rand, p *korto.Plan, sheets []*korto.Sheet, st exportStyle) []byte {
	t.Helper()
	recs := parseCSV(t, export(t, p, sheets, st), st.comma)
	var buf bytes.Buffer
	if st.bom && r.IntN(2) == 0 {
		buf.WriteString("\ufeff")
	}
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = st.comma, st.crlf
	for i, rec := range recs {
		if i > 0 {
			switch r.IntN(4) {
			case 1: // other spellings of the same answers: still good
				for range 1 + r.IntN(6) {
					j := r.IntN(len(rec))
					rec[j] = respell(r, rec[j])
				}
			case 2: // values of any kind, most of them wrong
				for range 1 + r.IntN(3) {
					rec[r.IntN(len(rec))] = mangleValues[r.IntN(len(mangleValues))]
				}
			case 3:
				switch r.IntN(4) {
				case 0:
					rec = rec[:r.IntN(len(rec))]
				case 1:
					rec = append(rec, mangleValues[r.IntN(len(mangleValues))])
				case 2:
					rec = make([]string, len(rec))
				case 3:
					w.Flush()
					buf.WriteString("x,\"bad\"quote\n")
				}
			}
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return buf.Bytes()
}

// respell writes a cell's value another way the import reads as the
// same answer.
func respell(r *rand.Rand, v string) string {
	switch r.IntN(6) {
	case 0:
		return strings.ToUpper(v)
	case 1:
		if v != "" {
			return strings.ToUpper(v[:1]) + v[1:]
		}
	case 2:
		return " " + v + "\t"
	case 3:
		if v == "na" {
			return []string{"N/A", "n/a", "NA", "Не применимо", "not applicable"}[r.IntN(5)]
		}
	case 4:
		if strings.Contains(v, ".") {
			return strings.Replace(v, ".", ",", 1) // good where "," is not the separator
		}
		return v + ".0"
	}
	return v
}

// Import, which reads the answers straight from the lexer's bytes, comes
// to the same lines of JSON and the same problems, in the same order, as
// reading each row's Sheet with Reader.Next, on exports with mangled
// cells of every kind.
func TestImportSameAsNext(t *testing.T) {
	p, sheets := loadMall(t)
	r := rand.New(rand.NewPCG(14, 1))
	none := func(*korto.Sheet, int) ([]string, []string) { return nil, nil }
	styles := []exportStyle{odkStyle, koboStyle, {sep: ".", comma: ',', withID: true, meta: none}, {sep: "-", comma: '\t', meta: none}}
	n := 60
	if testing.Short() {
		n = 10
	}
	for k := range n {
		st := styles[k%len(styles)]
		from := r.IntN(len(sheets) - 8)
		data := mangle(t, r, p, sheets[from:from+1+r.IntN(8)], st)
		t.Run(fmt.Sprint(k), func(t *testing.T) { sameAsNext(t, p, data, "") })
	}
}
