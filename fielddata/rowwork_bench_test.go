package fielddata

import (
	"os"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/cputime"
	"github.com/cxkit/cxkit/korto"
)

// BenchmarkRowWork is the work of cxkit import per row past the
// reading: the cells of a CSV row turned into answers, checked and
// written as a line of JSON (layout.check and appendJSON), over the
// rows of the recorded ODK Central export of the mall checklist. It
// leaves out the lexer and the spool, which BenchmarkImportCSV has.
func BenchmarkRowWork(b *testing.B) {
	src, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		b.Fatal(err)
	}
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		b.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open("../examples/mall/field/odk/mall_korto.csv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rd, err := NewReader(f, p, Options{Format: ODK})
	if err != nil {
		b.Fatal(err)
	}
	var rows []*row
	for {
		var r row
		if err := rd.nextRow(&r); err != nil {
			break
		}
		r.text = append([]byte(nil), r.text...)
		r.ends = append([]int32(nil), r.ends...)
		r.view()
		rows = append(rows, &r)
	}
	if len(rows) == 0 {
		b.Fatal("no rows")
	}
	var (
		rs  rowSheet
		buf []byte
	)
	b.ResetTimer()
	defer cputime.PerOp(b, "")()
	for i := range b.N {
		r := rows[i%len(rows)]
		if errs := rd.l.check(r, &rs); errs != nil {
			b.Fatal(errs)
		}
		buf = rs.appendJSON(buf[:0], rd.ids, rd.l.qs)
	}
}
