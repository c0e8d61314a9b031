package fielddata_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/internal/cputime"
	"github.com/cxkit/cxkit/internal/csvlex"
	"github.com/cxkit/cxkit/korto"
)

// rowsReader is a CSV file of n rows made on the fly from the rows of
// an export, repeated, so that a file of a million rows needs no memory.
type rowsReader struct {
	header, rows []byte
	n, left      int // rows to go; header sent when left == n+1
	cur          []byte
}

func newRowsReader(export []byte, n int) *rowsReader {
	i := bytes.IndexByte(export, '\n') + 1
	return &rowsReader{header: export[:i], rows: export[i:], n: n, left: n + 1}
}

func (r *rowsReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		switch {
		case r.left == 0:
			return 0, io.EOF
		case r.left == r.n+1:
			r.cur = r.header
			r.left--
		default:
			r.cur = r.rows
			r.left -= bytes.Count(r.rows, []byte("\n"))
			if r.left < 0 { // the last copy, cut to the rows still owed
				k := len(r.rows)
				for over := -r.left; over > 0; over-- {
					k = bytes.LastIndexByte(r.rows[:k-1], '\n') + 1
				}
				r.cur, r.left = r.rows[:k], 0
			}
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// BenchmarkImportCSV imports b.N rows of an ODK Central export of the
// mall checklist (131 questions) beside the baseline of reading the same
// rows with encoding/csv alone; the ratio of their ns/op is the cost of
// importing over reading. Import is the whole of cxkit import with one
// worker and with two; Reader.Next makes each row's Sheet instead of
// its line of JSON. Run with -benchtime 1000000x for a file of a
// million rows:
//
//	go test ./fielddata -run '^$' -bench ImportCSV -benchtime 1000000x
func BenchmarkImportCSV(b *testing.B) {
	p, sheets := loadMall(b)
	data := export(b, p, sheets, exportStyle{sep: "-", comma: ',', withID: true, head: odkStyle.head, tail: odkStyle.tail, meta: odkStyle.meta})
	b.Run("encoding-csv", func(b *testing.B) {
		defer cputime.PerOp(b, "")()
		r := csv.NewReader(newRowsReader(data, b.N))
		r.ReuseRecord = true
		readRecords(b, func() error { _, err := r.Read(); return err })
	})
	// The lexer cxkit reads CSV with, alone: the part of the import
	// that encoding/csv's baseline stands for.
	b.Run("csvlex", func(b *testing.B) {
		defer cputime.PerOp(b, "")()
		x := csvlex.New(newRowsReader(data, b.N), ',')
		readRecords(b, x.Next)
	})
	// The lexer as the import uses it: each record as one run of bytes
	// (NextRun), without the fields' positions.
	b.Run("csvlex-NextRun", func(b *testing.B) {
		defer cputime.PerOp(b, "")()
		x := csvlex.New(newRowsReader(data, b.N), ',')
		var (
			run  []byte
			ends []int32
		)
		readRecords(b, func() (err error) { run, ends, err = x.NextRun(run, ends); return err })
	})
	// What cxkit import does: every row read, checked and written as a
	// line of JSON, here into io.Discard (through Import's spool).
	// With --skip-invalid the lines go out as they are made; without it
	// they wait in the spool until the file is known good.
	for _, c := range []struct {
		name string
		w    int
		skip bool
	}{
		{"Import/workers=1", 1, false},
		{"Import/workers=2", 2, false},
		{"Import/skip-invalid/workers=1", 1, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			defer cputime.PerOp(b, "")()
			sum, err := fielddata.Import(io.Discard, newRowsReader(data, b.N), p, fielddata.ImportOptions{Options: fielddata.Options{Format: fielddata.ODK}, Workers: c.w, SkipInvalid: c.skip})
			if err != nil {
				b.Fatal(err)
			}
			if sum.Written != b.N {
				b.Fatalf("%d sheets, want %d", sum.Written, b.N)
			}
		})
	}
	// cxkit import > out.jsonl: into a regular file, which needs no
	// spool (a failed import cuts it back).
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("Import/to-file/workers=%d", w), func(b *testing.B) {
			f, err := os.Create(filepath.Join(b.TempDir(), "out.jsonl"))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			defer cputime.PerOp(b, "")()
			sum, err := fielddata.Import(f, newRowsReader(data, b.N), p, fielddata.ImportOptions{Options: fielddata.Options{Format: fielddata.ODK}, Workers: w})
			if err != nil {
				b.Fatal(err)
			}
			if sum.Written != b.N {
				b.Fatalf("%d sheets, want %d", sum.Written, b.N)
			}
		})
	}
	b.Run("Reader.Next", func(b *testing.B) {
		defer cputime.PerOp(b, "")()
		rd, err := fielddata.NewReader(newRowsReader(data, b.N), p, fielddata.Options{Format: fielddata.ODK, ReuseSheet: true})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		var s *korto.Sheet
		for {
			s, err = rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		_ = s
		if n != b.N {
			b.Fatalf("%d sheets, want %d", n, b.N)
		}
	})
}

// readRecords calls next until io.EOF, which must come after b.N records
// and the header.
func readRecords(b *testing.B, next func() error) {
	n := 0
	for {
		err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	if n != b.N+1 {
		b.Fatalf("%d records, want %d", n, b.N+1)
	}
}
