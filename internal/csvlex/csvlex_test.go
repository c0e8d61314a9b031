package csvlex

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// record is what a reader gives for one record: its fields with their
// places, or its error.
type record struct {
	Fields []string
	Pos    [][2]int // line, byte column
	Err    string
}

// reference reads data with encoding/csv as the lexer promises to.
func reference(data []byte, comma byte) []record {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = rune(comma)
	cr.FieldsPerRecord = -1
	var out []record
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			out = append(out, record{Err: parseErr(err)})
			continue
		}
		r := record{Fields: rec}
		for i := range rec {
			l, c := cr.FieldPos(i)
			r.Pos = append(r.Pos, [2]int{l, c})
		}
		out = append(out, r)
	}
}

func parseErr(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("start %d, line %d, column %d: %v", pe.StartLine, pe.Line, pe.Column, pe.Err)
	}
	return err.Error()
}

// lex reads data with a Lexer fed chunk bytes at a time, so that records
// cross the buffer's refills; keep, when set, keeps only the fields it
// maps (and the result has those).
func lex(t *testing.T, data []byte, comma byte, chunk int, keep []int) []record {
	t.Helper()
	var src io.Reader = bytes.NewReader(data)
	if chunk > 0 {
		src = iotest.OneByteReader(src)
		if chunk > 1 {
			src = iotest.HalfReader(bytes.NewReader(data))
		}
	}
	x := New(src, comma)
	if keep != nil {
		slots := 0
		for _, k := range keep {
			slots = max(slots, k+1)
		}
		x.Keep(keep, slots)
	}
	var out []record
	for {
		err := x.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("read error on %q: %v", data, err)
			}
			if c := x.ErrorCol(pe); c < 1 || c > pe.Column {
				t.Fatalf("ErrorCol %d for byte column %d on %q", c, pe.Column, data)
			}
			out = append(out, record{Err: parseErr(err)})
			continue
		}
		rec := x.Record()
		if !bytes.HasSuffix(data[:x.Offset()], x.Bytes()) {
			t.Fatalf("Bytes %q is not the input before offset %d of %q", x.Bytes(), x.Offset(), data)
		}
		n := rec.Fields
		if keep != nil {
			n = len(rec.Vals)
		}
		r := record{Fields: []string{}}
		for i := range n {
			f := rec.Vals[i]
			if i >= len(rec.Vals) || !f.OK {
				continue
			}
			r.Fields = append(r.Fields, string(f.Val))
			r.Pos = append(r.Pos, [2]int{f.Line, f.Col})
			if c := x.CharCol(f); c < 1 || c > f.Col {
				t.Fatalf("CharCol %d for byte column %d", c, f.Col)
			}
		}
		if len(r.Fields) == 0 {
			r.Fields = nil
		}
		out = append(out, r)
	}
}

// kept is the reference's records reduced to the fields keep maps.
func kept(recs []record, keep []int) []record {
	if recs == nil {
		return nil
	}
	out := make([]record, len(recs))
	for i, r := range recs {
		out[i].Err = r.Err
		if r.Err != "" {
			continue
		}
		slots := map[int]int{}
		for f, k := range keep {
			if k >= 0 && f < len(r.Fields) {
				slots[k] = f
			}
		}
		for k := range len(keep) + 1 {
			if f, ok := slots[k]; ok {
				out[i].Fields = append(out[i].Fields, r.Fields[f])
				out[i].Pos = append(out[i].Pos, r.Pos[f])
			}
		}
	}
	return out
}

// agree checks the lexer against encoding/csv on data in every way it
// is read.
func agree(t *testing.T, data []byte, comma byte) {
	t.Helper()
	want := reference(data, comma)
	for _, chunk := range []int{0, 1, 2} {
		if got := lex(t, data, comma, chunk, nil); !cmp.Equal(want, got) {
			t.Fatalf("%q (comma %q, chunk %d): lexer differs from encoding/csv (-csv +lexer):\n%s", data, comma, chunk, cmp.Diff(want, got))
		}
	}
	keep := []int{-1, 1, 0} // the second field, then the third, in slots 1 and 0
	if got, want := lex(t, data, comma, 0, keep), kept(want, keep); !cmp.Equal(want, got) {
		t.Fatalf("%q (comma %q) keeping %v (-csv +lexer):\n%s", data, comma, keep, cmp.Diff(want, got))
	}
	for _, chunk := range []int{0, 1, 2} {
		if got, want := lexRuns(t, data, comma, chunk), firstLines(want); !cmp.Equal(want, got) {
			t.Fatalf("%q (comma %q, chunk %d): NextRun differs (-csv +NextRun):\n%s", data, comma, chunk, cmp.Diff(want, got))
		}
	}
	for _, group := range []int{1, 2, 5} {
		if got := skimmed(t, data, comma, group); !cmp.Equal(want, got) {
			t.Fatalf("%q (comma %q): runs of %d skimmed records differ (-csv +runs):\n%s", data, comma, group, cmp.Diff(want, got))
		}
	}
}

// source is data fed to a Lexer whole (chunk 0), a byte at a time (1)
// or in small reads (2).
func source(data []byte, chunk int) io.Reader {
	switch chunk {
	case 1:
		return iotest.OneByteReader(bytes.NewReader(data))
	case 2:
		return iotest.HalfReader(bytes.NewReader(data))
	}
	return bytes.NewReader(data)
}

// firstLines is the reference's records with only their first field's
// place, which is what NextRun gives.
func firstLines(recs []record) []record {
	out := slices.Clone(recs)
	for i := range out {
		if len(out[i].Pos) > 0 {
			out[i].Pos = out[i].Pos[:1]
		}
	}
	return out
}

// lexRuns reads data with NextRun.
func lexRuns(t *testing.T, data []byte, comma byte, chunk int) []record {
	t.Helper()
	x := New(source(data, chunk), comma)
	var (
		out  []record
		run  []byte
		ends []int32
		err  error
	)
	for {
		run, ends, err = x.NextRun(run, ends)
		if err == io.EOF {
			return out
		}
		if err != nil {
			out = append(out, record{Err: parseErr(err)})
			continue
		}
		rec := x.Record()
		if len(ends) != rec.Fields {
			t.Fatalf("%d ends for %d fields", len(ends), rec.Fields)
		}
		r := record{Pos: [][2]int{{rec.FirstLine, 1}}}
		start := 0
		for i, e := range ends {
			r.Fields = append(r.Fields, string(run[start:e]))
			if i < len(ends)-1 && run[e] != comma {
				t.Fatalf("byte %d of run %q is not the separator", e, run)
			}
			start = int(e) + 1
		}
		if rec.LastLine != rec.FirstLine {
			for i := range rec.Fields {
				if f := rec.Vals[i]; string(f.Val) != r.Fields[i] {
					t.Fatalf("Vals[%d] = %q, run has %q", i, f.Val, r.Fields[i])
				}
			}
		}
		out = append(out, r)
	}
}

// sameErr reports whether a and b are the same error: nil, io.EOF, or
// a *csv.ParseError at the same place.
func sameErr(a, b error) bool {
	var pa, pb *csv.ParseError
	if errors.As(a, &pa) && errors.As(b, &pb) {
		return *pa == *pb
	}
	return a == b
}

// skimmed cuts data into runs of group records with Skim and reads each
// run with a Lexer of its own, Reset to it, as the workers of an import
// do: the records must be those of the whole file, at the same places.
func skimmed(t *testing.T, data []byte, comma byte, group int) []record {
	t.Helper()
	x := New(source(data, 2), comma)
	var out []record
	lexRun := func(run []byte, line int) {
		y := New(nil, comma)
		y.Reset(run, line)
		for {
			err := y.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				out = append(out, record{Err: parseErr(err)})
				continue
			}
			rec := y.Record()
			r := record{Fields: []string{}}
			for i := range rec.Fields {
				f := rec.Vals[i]
				r.Fields = append(r.Fields, string(f.Val))
				r.Pos = append(r.Pos, [2]int{f.Line, f.Col})
			}
			if len(r.Fields) == 0 {
				r.Fields = nil
			}
			out = append(out, r)
		}
	}
	var (
		run  []byte
		line = x.Line()
		n    int
		off  int64
	)
	// Skim refuses what Next refuses, with the same error.
	ref := New(bytes.NewReader(data), comma)
	for {
		b, err := x.Skim()
		if rerr := ref.Next(); !sameErr(err, rerr) {
			t.Fatalf("Skim's error %v, Next's %v, on %q", err, rerr, data)
		}
		if err != nil && !errors.As(err, new(*csv.ParseError)) {
			if err != io.EOF {
				t.Fatalf("read error on %q: %v", data, err)
			}
			break
		}
		off += int64(len(b))
		if off != x.Offset() || !bytes.Equal(data[off-int64(len(b)):off], b) {
			t.Fatalf("Skim gave %q, not the input before offset %d", b, x.Offset())
		}
		run = append(run, b...)
		if n++; n == group {
			lexRun(run, line)
			run, line, n = nil, x.Line(), 0
		}
	}
	lexRun(run, line)
	return out
}

var corpus = []string{
	"a,b,c\n1,2,3\n",
	"a;b\r\n1,5;2\r\n\r\n\"x;\"\"y\"\"\";z\r\n",
	"a,b\n\"line\none\",2\n\"\n\",\n",
	"a,b\n1,\"open\n",
	"a,b\n1,\"closed\"x,2\n3,4\n",
	"a\n\"x\nb\"x\"\nnext\n",
	"a,b\n1,b\"are\n2,3\n",
	"a,b,c\n1,b\"x\",2\n\"\"\"\",\"\",x\n3,\"4\"\"\",\"5\"\r\n",
	"a,b\n1,2\r",
	"\r\n\n\ra\n",
	"\n\n",
	"",
	"\"\"",
	"a\tb\n\"1\t2\"\t3\n",
	"ё,ж\n\"ёё\",ж\"\n",
	"a,,\n,,\n",
	"x\n\"a\r\nb\"\n",
	"\ufeffa,b\n1,2",
}

func TestAgreesWithEncodingCSV(t *testing.T) {
	for _, in := range corpus {
		for _, comma := range []byte{',', ';', '\t'} {
			agree(t, []byte(in), comma)
		}
	}
}

// A record that crosses many refills, and a row past MaxRecordSize.
func TestLongRecords(t *testing.T) {
	long := "a,b\n\"" + strings.Repeat("x\n", 100<<10) + "\",2\n3,4\n"
	agree(t, []byte(long), ',')
	x := New(strings.NewReader("a\n"+strings.Repeat("y", MaxRecordSize+10)+"\n"), ',')
	if err := x.Next(); err != nil {
		t.Fatal(err)
	}
	if err := x.Next(); err == nil || !strings.Contains(err.Error(), "line 2: a row longer than 1 MiB") {
		t.Fatalf("err = %v, want a row too long on line 2", err)
	}
}

// Peek, Skip and Start: a byte order mark skipped, and lines counted
// from where a part of a file starts.
func TestPeekSkipStart(t *testing.T) {
	x := New(strings.NewReader("\ufeffa,b\n1,2\n"), ',')
	head, err := x.Peek(4096)
	if err != nil || string(head) != "\ufeffa,b\n1,2\n" {
		t.Fatalf("Peek = %q, %v", head, err)
	}
	x.Skip(3)
	if err := x.Next(); err != nil || string(x.Record().Vals[0].Val) != "a" {
		t.Fatalf("after Skip: %v, %q", err, x.Record().Vals[0].Val)
	}
	y := New(strings.NewReader("1,2\n3,\"ё\n\"\n"), ',')
	y.Start(100, 7)
	y.Next()
	y.Next()
	r := y.Record()
	if r.Line != 8 || r.LastLine != 8 || y.Line() != 10 || y.Offset() != 100+int64(len("1,2\n3,\"ё\n\"\n")) {
		t.Fatalf("line %d, last %d, next line %d, offset %d", r.Line, r.LastLine, y.Line(), y.Offset())
	}
}

// A record costs no allocation once the buffers have grown.
func TestNoAllocations(t *testing.T) {
	row := "1,\"two, \"\"2\"\"\",three,\"ё\nж\"\n"
	data := []byte("a,b,c,d\n" + strings.Repeat(row, 2000))
	r := bytes.NewReader(data)
	x := New(r, ',')
	for range 100 {
		x.Next()
	}
	if n := testing.AllocsPerRun(1000, func() {
		if err := x.Next(); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Fatalf("%v allocations a record", n)
	}
}

// FuzzLex checks the lexer against encoding/csv on any input, with each
// separator, whole and fed in small reads, keeping every field and some.
func FuzzLex(f *testing.F) {
	for _, in := range corpus {
		f.Add([]byte(in), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, sep uint8) {
		agree(t, data, []byte{',', ';', '\t'}[sep%3])
	})
}

func TestDecimalPoint(t *testing.T) {
	tests := []struct {
		cell, want string
		ok         bool
	}{
		{"4,5", "4.5", true},
		{",5", ".5", true},
		{"4,", "4.", true},
		{"-1,25", "-1.25", true},
		{"4.5", "4.5", false},
		{"1,000.5", "1,000.5", false},
		{"1,2,3", "1,2,3", false},
		{"", "", false},
		{"abc", "abc", false},
	}
	for _, tt := range tests {
		got, ok := DecimalPoint(tt.cell)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DecimalPoint(%q) = %q, %v; want %q, %v", tt.cell, got, ok, tt.want, tt.ok)
		}
	}
}
