package fielddata_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

// fuzzRead reads data as format and checks what any reader must hold:
// no panic, a good row is a sheet the checklist accepts and that
// AppendSheet writes as a sheet that reads back the same, and every
// problem is placed in the file.
func fuzzRead(t *testing.T, p *korto.Plan, data []byte, format fielddata.Format) {
	rd, err := fielddata.NewReader(bytes.NewReader(data), p, fielddata.Options{Format: format, Name: "f"})
	if err != nil {
		return
	}
	for range 1 << 16 {
		s, err := rd.Next()
		if err == io.EOF {
			return
		}
		var re *fielddata.RowError
		switch {
		case errors.As(err, &re):
			for _, e := range re.Errs {
				if e.Line < 1 || e.File != "f" {
					t.Fatalf("unplaced problem %q", e.Error())
				}
			}
			continue
		case err != nil:
			return
		}
		if es := p.Check(s); es.HasErrors() {
			t.Fatalf("a good row fails the check: %v", es)
		}
		line := fielddata.AppendSheet(nil, s, p)
		back, err := korto.ReadAnswers(bytes.NewReader(line))
		if err != nil {
			t.Fatalf("AppendSheet wrote %s: %v", line, err)
		}
		if len(back.Answers) != len(s.Answers) {
			t.Fatalf("%d answers read back from %s, want %d", len(back.Answers), line, len(s.Answers))
		}
	}
	t.Fatal("more than 65536 rows from a fuzz input")
}

func FuzzImportCSV(f *testing.F) {
	p, sheets := loadMall(f)
	f.Add(export(f, p, sheets[:1], odkStyle))
	f.Add(export(f, p, sheets[1:2], koboStyle))
	f.Add(odkCentralZip(f, export(f, p, sheets[2:3], odkStyle)))
	f.Add(export(f, p, sheets[3:4], koboLabelStyle("ru", false)))
	f.Add(export(f, p, sheets[4:5], koboLabelStyle("en", true)))
	f.Add([]byte("id,has_parking,recommend\nv1,yes,9\nv2,N/A,\"1\n0\"\n"))
	f.Add([]byte("\ufeffid;mood;comment\r\nv1;Positive;\"a \"\"b\"\"\"\r\n"))
	f.Add([]byte("has_parking,x\n\"unterminated\n"))
	f.Add([]byte(`[{"id":"v1","has_parking":true,"audit":{"city":"X"}},{"mood":null}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, p, data, "")
		sameAsNext(t, p, data, "")
	})
}

func FuzzImportXLSX(f *testing.F) {
	p, sheets := loadMall(f)
	f.Add(workbook(f, export(f, p, sheets[:1], odkStyle), ','))
	f.Add(workbook(f, []byte("id,has_parking,recommend\nv1,yes,9\n"), ','))
	labels := koboLabelStyle("en", false)
	labels.comma, labels.decimalComma = ',', false
	f.Add(workbook(f, export(f, p, sheets[1:2], labels), ','))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, p, data, fielddata.XLSX)
	})
}

// workbook writes the CSV text as the first sheet of a workbook.
func workbook(t testing.TB, csvText []byte, comma rune) []byte {
	t.Helper()
	recs := parseCSV(t, csvText, comma)
	x := excelize.NewFile()
	defer x.Close()
	for i, rec := range recs {
		for j, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := x.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzImportODKXML(f *testing.F) {
	p, sheets := loadMall(f)
	f.Add(odkSubmission(f, p, sheets[0]))
	f.Add([]byte(`<?xml version="1.0"?><m id="mall_korto"><audit><id>v1</id></audit><has_parking>N/A</has_parking><x><recommend>9</recommend></x></m><m><mood>Positive</mood><mood>x</mood></m>`))
	f.Add([]byte("\ufeff<m><has_parking>yes</has_parking><meta><instanceID>uuid:1</instanceID></meta></m>\n<m><comment><![CDATA[a <b> & c]]></comment></m>"))
	f.Add([]byte("<m><has_parking>yes</m>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, p, data, "")
	})
}
