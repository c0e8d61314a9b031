package fielddata_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// readAll reads every row of data, failing on any problem.
func readAll(t testing.TB, p *korto.Plan, data []byte, opts fielddata.Options) (*fielddata.Reader, []*korto.Sheet) {
	t.Helper()
	rd, err := fielddata.NewReader(bytes.NewReader(data), p, opts)
	if err != nil {
		t.Fatal(err)
	}
	var out []*korto.Sheet
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("row %d: %v", len(out)+1, err)
		}
		out = append(out, s)
	}
	return rd, out
}

// The exports of the 72 mall visits import as the sheets they were made
// from, and score exactly as those do.
func TestExportsRoundTrip(t *testing.T) {
	p, sheets := loadMall(t)
	for _, tc := range []struct {
		name   string
		style  exportStyle
		format fielddata.Format
	}{
		{"odk", odkStyle, fielddata.ODK},
		{"kobo", koboStyle, fielddata.Kobo},
		// forms.md: "kobo (KoboToolbox CSV export): group paths joined by /";
		// Kobo lets the exporter pick the separator, and "-" is common.
		{"kobo-dash", koboDashStyle, fielddata.Kobo},
		{"kobo-dot", koboDotStyle, fielddata.Kobo},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := export(t, p, sheets, tc.style)
			rd, got := readAll(t, p, data, fielddata.Options{Name: tc.name + ".csv"})
			if rd.Format() != tc.format {
				t.Errorf("format guessed %q (%s), want %q", rd.Format(), rd.Guessed(), tc.format)
			}
			if w := rd.Warnings(); len(w) > 0 {
				t.Errorf("warnings: %v", w)
			}
			if len(got) != len(sheets) {
				t.Fatalf("%d sheets, want %d", len(got), len(sheets))
			}
			for i, s := range sheets {
				g := got[i]
				if diff := cmp.Diff(s.Answers, g.Answers); diff != "" {
					t.Fatalf("sheet %d answers (-want +got):\n%s", i, diff)
				}
				for _, f := range []string{"id", "location", "date", "auditor"} {
					want := s.Audit[f]
					if f == "id" && !tc.style.withID {
						want = "uuid:" + want // the instance ID, as the export has it
					}
					if g.Audit[f] != want {
						t.Errorf("sheet %d: audit %s = %q, want %q", i, f, g.Audit[f], want)
					}
				}
				if g.Audit["started"] == "" || g.Audit["ended"] == "" {
					t.Errorf("sheet %d: no started/ended in %v", i, g.Audit)
				}
				want, err := p.Score(s)
				if err != nil {
					t.Fatal(err)
				}
				have, err := p.Score(g)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, have, cmpopts.IgnoreFields(korto.Result{}, "Audit"), cmpopts.EquateNaNs()); diff != "" {
					t.Fatalf("sheet %d score (-want +got):\n%s", i, diff)
				}
			}
		})
	}
}

// Import writes what the JSON sheets say, line for line, and what it
// writes is what `cxkit report` reads.
func TestImportWritesSheets(t *testing.T) {
	p, sheets := loadMall(t)
	data := export(t, p, sheets[:5], odkStyle)
	var out bytes.Buffer
	sum, err := fielddata.Import(&out, bytes.NewReader(data), p, fielddata.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Written != 5 || sum.Format != fielddata.ODK {
		t.Errorf("summary %+v", sum)
	}
	sr := korto.NewSheetReader(&out)
	for i := range 5 {
		s, err := sr.Next()
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if diff := cmp.Diff(sheets[i].Answers, s.Answers); diff != "" {
			t.Errorf("line %d (-want +got):\n%s", i+1, diff)
		}
	}
	if _, err := sr.Next(); err != io.EOF {
		t.Errorf("after 5 sheets: %v", err)
	}
}

// Every bad cell of a file is reported at once, at its line and column,
// naming the audit and the question, with the advice `cxkit score`
// gives; nothing is written unless SkipInvalid.
func TestBadCells(t *testing.T) {
	p, sheets := loadMall(t)
	data := string(export(t, p, sheets[:3], exportStyle{sep: "-", comma: ',', withID: true,
		meta: func(*korto.Sheet, int) ([]string, []string) { return nil, nil }}))
	lines := strings.Split(data, "\n")
	header := strings.Split(lines[0], ",")
	col := func(name string) int {
		for i, h := range header {
			if strings.HasSuffix(h, "-"+name) {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	set := func(line int, q, v string) {
		cells := strings.Split(lines[line], ",")
		cells[col(q)] = v
		lines[line] = strings.Join(cells, ",")
	}
	// The comment has no commas in the first visits; check that.
	for _, l := range lines[1:4] {
		if n := strings.Count(l, ","); n != len(header)-1 {
			t.Fatalf("a quoted comma in %q; pick other visits", l)
		}
	}
	set(1, "entrance_clean", "Да")
	set(1, "clean_overall", "4.5")
	set(3, "recommend", "11")
	set(3, "wc_paper", "fulll")
	set(3, "checkout_queue", "5 мин")
	set(3, "entrance_glass", "N/A") // no na
	bad := strings.Join(lines, "\n")
	id1, id3 := sheets[0].Audit["id"], sheets[2].Audit["id"]
	want := []string{
		"v.csv:2:%d: audit " + id1 + `, question entrance_clean: takes "yes" or "no", not "Да": write "yes" for Да`,
		"v.csv:2:%d: audit " + id1 + ", question clean_overall: takes a whole number 1..5, not 4.5",
		"v.csv:4:%d: audit " + id3 + ", question entrance_glass: \"na\" is not allowed: the question has no `na`; answer it, or add na to the question in the checklist",
		"v.csv:4:%d: audit " + id3 + `, question wc_paper: unknown option "fulll" of choice "supplies" (options: full, some, empty); did you mean "full"?`,
		"v.csv:4:%d: audit " + id3 + `, question checkout_queue: takes a number (мин), not "5 мин": write 5 alone, without quotes and unit`,
		"v.csv:4:%d: audit " + id3 + ", question recommend: 11 is out of range 0..10",
	}
	cols := []int{col("entrance_clean"), col("clean_overall"), col("entrance_glass"), col("wc_paper"), col("checkout_queue"), col("recommend")}
	for i := range want {
		want[i] = strings.Replace(want[i], "%d", itoa(cols[i]+1), 1)
	}
	var got []string
	var out bytes.Buffer
	sum, err := fielddata.Import(&out, strings.NewReader(bad), p, fielddata.ImportOptions{
		Options: fielddata.Options{Name: "v.csv", Format: fielddata.ODK},
		Problem: func(e *fielddata.Error) { got = append(got, e.Error()) },
	})
	if !errors.Is(err, fielddata.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if out.Len() != 0 || sum.Invalid != 2 || sum.Sheets != 1 {
		t.Errorf("wrote %d bytes, summary %+v", out.Len(), sum)
	}
	sum, err = fielddata.Import(&out, strings.NewReader(bad), p, fielddata.ImportOptions{SkipInvalid: true})
	if !errors.Is(err, fielddata.ErrInvalid) || sum.Written != 1 || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("SkipInvalid: err %v, summary %+v, out %d lines", err, sum, strings.Count(out.String(), "\n"))
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// A file that cannot be read to its end writes nothing by default; with
// SkipInvalid, whose rows go out as they are read, the good rows before
// the problem are written and counted, the problem placed, and the
// error returned. A bad row before it is no reason to stop.
func TestImportStopsMidFile(t *testing.T) {
	p, sheets := loadMall(t)
	data := string(export(t, p, sheets[:3], odkStyle))
	lines := strings.SplitAfter(data, "\n")
	bad := lines[0] + lines[1] + "\"unclosed,\"x\n" + lines[2] + lines[3] +
		"v9," + strings.Repeat("z", 2<<20) + "\n" + lines[1]
	for _, skip := range []bool{false, true} {
		var out bytes.Buffer
		var probs []string
		sum, err := fielddata.Import(&out, strings.NewReader(bad), p, fielddata.ImportOptions{
			Options:     fielddata.Options{Name: "v.csv", Format: fielddata.ODK},
			SkipInvalid: skip,
			Problem:     func(e *fielddata.Error) { probs = append(probs, e.Error()) },
		})
		if err == nil || errors.Is(err, fielddata.ErrInvalid) {
			t.Fatalf("skip %v: err = %v, want the error that stopped the file", skip, err)
		}
		want := []string{
			`v.csv:3:11: a quoted cell is not closed, or a quote inside it is not doubled: end the cell with a quote, and write a quote inside it as ""`,
			"v.csv:6: a row longer than 1 MiB: not a CSV file, or a cell left unclosed by a quote",
		}
		if diff := cmp.Diff(want, probs); diff != "" {
			t.Errorf("skip %v: problems (-want +got):\n%s", skip, diff)
		}
		n := strings.Count(out.String(), "\n")
		if skip && (n != 3 || sum.Written != 3) || !skip && (n != 0 || sum.Written != 0) {
			t.Errorf("skip %v: %d lines written, summary %+v", skip, n, sum)
		}
	}
}

// ODK Central's "Download" gives a zip archive: the form's table
// (FORM.csv), a table per repeat group and the media. forms.md's "odk
// (ODK Central CSV export)" is read from it as from the bare CSV file,
// guessed or said with --from odk.
func TestODKCentralZip(t *testing.T) {
	p, sheets := loadMall(t)
	zipped := odkCentralZip(t, export(t, p, sheets[:7], odkStyle))
	for _, format := range []fielddata.Format{"", fielddata.ODK} {
		rd, got := readAll(t, p, zipped, fielddata.Options{Name: "mall_korto.zip", Format: format})
		if rd.Format() != fielddata.ODK {
			t.Errorf("--from %q: read as %q (%s), want odk", format, rd.Format(), rd.Guessed())
		}
		if len(got) != 7 {
			t.Fatalf("--from %q: %d sheets, want 7", format, len(got))
		}
		for i, s := range got {
			if diff := cmp.Diff(sheets[i].Answers, s.Answers); diff != "" {
				t.Errorf("--from %q: sheet %d (-want +got):\n%s", format, i, diff)
			}
		}
	}
}

// A manager who renamed the template's "answers" sheet and moved it
// behind another still gets the answers read (forms.md: the template
// workbook is "read back by import"): the sheet whose header names the
// questions is taken, not the first one.
func TestWorkbookRenamedSheet(t *testing.T) {
	p, sheets := loadMall(t)
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", "Инструкция"); err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellStr("Инструкция", "A1", "Заполните лист «Визиты»: одна строка — один визит"); err != nil {
		t.Fatal(err)
	}
	if _, err := x.NewSheet("Визиты"); err != nil {
		t.Fatal(err)
	}
	recs := parseCSV(t, export(t, p, sheets[:3], odkStyle), ',')
	for i, rec := range recs {
		if err := x.SetSheetRow("Визиты", "A"+strconv.Itoa(i+1), &rec); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, got := readAll(t, p, buf.Bytes(), fielddata.Options{Name: "visits.xlsx"})
	if len(got) != 3 {
		t.Fatalf("%d sheets, want 3", len(got))
	}
	for i, s := range got {
		if diff := cmp.Diff(sheets[i].Answers, s.Answers); diff != "" {
			t.Errorf("sheet %d (-want +got):\n%s", i, diff)
		}
	}
}

// KoboToolbox and ODK Central also export workbooks (XLSX) with the
// CSV export's header. A user who names the tool (`--from kobo`) of such
// a file gets its answers read as a workbook, not its zip bytes read as
// CSV text ("no column is a question").
func TestWorkbookNamedByTool(t *testing.T) {
	p, sheets := loadMall(t)
	for _, st := range []struct {
		name  string
		style exportStyle
		comma rune
	}{{"kobo", koboStyle, ';'}, {"odk", odkStyle, ','}} {
		x := excelize.NewFile()
		recs := parseCSV(t, export(t, p, sheets[:4], st.style), st.comma)
		for i, rec := range recs {
			row := make([]any, len(rec))
			for j, v := range rec {
				row[j] = strings.Replace(v, ",", ".", 1) // a workbook's numbers are numbers
			}
			if err := x.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &row); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := x.Write(&buf); err != nil {
			t.Fatal(err)
		}
		x.Close()
		for _, format := range []fielddata.Format{fielddata.Format(st.name), fielddata.CSV, fielddata.XLSX, ""} {
			rd, got := readAll(t, p, buf.Bytes(), fielddata.Options{Name: st.name + ".xlsx", Format: format})
			if rd.Format() != fielddata.XLSX {
				t.Errorf("%s export, --from %q: read as %q, want xlsx", st.name, format, rd.Format())
			}
			if format != fielddata.XLSX && !strings.Contains(rd.Guessed(), "workbook") {
				t.Errorf("%s export, --from %q: Guessed() = %q, want it to say the file is a workbook", st.name, format, rd.Guessed())
			}
			if len(got) != 4 {
				t.Fatalf("%s export, --from %q: %d sheets, want 4", st.name, format, len(got))
			}
			for i, s := range got {
				if diff := cmp.Diff(sheets[i].Answers, s.Answers); diff != "" {
					t.Errorf("%s export, --from %q: sheet %d (-want +got):\n%s", st.name, format, i, diff)
				}
			}
		}
	}
}

// Excel saves "CSV" in the system's code page (Windows-1251 on a Russian
// system) and "Unicode text" as UTF-16. Read as UTF-8, every Cyrillic
// letter of the first came out as U+FFFD without a word. Both are
// refused with the survey reader's message, which says how to save the
// file; a UTF-8 file whose 64 KiB sample ends inside a letter is read.
func TestImportNotUTF8(t *testing.T) {
	p, sheets := loadMall(t)
	st := odkStyle
	st.bom = false
	utf := export(t, p, sheets[:6], st)
	cp1251, err := charmap.Windows1251.NewEncoder().Bytes(utf)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(utf)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"windows-1251": {cp1251, "not UTF-8 text (saved as Windows-1251?): in Excel choose Save As → CSV UTF-8"},
		"utf-16":       {utf16, "not UTF-8 text (saved as UTF-16): in Excel choose Save As → CSV UTF-8"},
	} {
		_, err := fielddata.NewReader(bytes.NewReader(tc.data), p, fielddata.Options{Name: name + ".csv"})
		var es fielddata.Errors
		if !errors.As(err, &es) || len(es) != 1 || es[0].Message != tc.want || es[0].Code != diag.CodeEncoding {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
	// A long comment of Cyrillic letters puts the sample's end inside one.
	long := append([]byte(nil), utf...)
	for _, off := range []int{0, 1} {
		pad := strings.Repeat("a", off) + strings.Repeat("ж", 40<<10)
		data := bytes.Replace(long, []byte("\r\n"), []byte(",\""+pad+"\"\r\n"), 1)
		data = bytes.Replace(data, []byte("FormVersion"), []byte("FormVersion,note"), 1)
		if _, err := fielddata.NewReader(bytes.NewReader(data), p, fielddata.Options{Name: "long.csv"}); err != nil && strings.Contains(err.Error(), "UTF-8") {
			t.Errorf("offset %d: %v", off, err)
		}
	}
}

// A part of the file in another encoding past the 64 KiB the reader
// looks at (two exports pasted together) is refused cell by cell, at
// its place, rather than written with U+FFFD for its letters.
func TestImportNotUTF8Later(t *testing.T) {
	p, sheets := loadMall(t)
	st := odkStyle
	st.bom = false
	utf := export(t, p, sheets[:6], st)
	nl := bytes.IndexByte(utf, '\n') + 1
	head, rows := utf[:nl], utf[nl:]
	var data []byte
	data = append(data, head...)
	n := 0
	for len(data) < 80<<10 {
		data = append(data, rows...)
		n += bytes.Count(rows, []byte("\n"))
	}
	last := rows[:bytes.IndexByte(rows, '\n')+1]
	cp, err := charmap.Windows1251.NewEncoder().Bytes(last)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(cp, last) {
		t.Fatal("the row has no letter that Windows-1251 writes otherwise")
	}
	data = append(data, cp...)
	var out bytes.Buffer
	var got []*fielddata.Error
	sum, err := fielddata.Import(&out, bytes.NewReader(data), p, fielddata.ImportOptions{
		Options: fielddata.Options{Name: "pasted.csv"},
		Problem: func(e *fielddata.Error) { got = append(got, e) },
	})
	if !errors.Is(err, fielddata.ErrInvalid) || out.Len() != 0 || sum.Invalid != 1 || sum.Sheets != n {
		t.Fatalf("err %v, %d bytes written, summary %+v; want ErrInvalid, nothing written, 1 bad row of %d", err, out.Len(), sum, n+1)
	}
	for _, e := range got {
		if e.Code != diag.CodeEncoding || e.Line != n+2 || e.Column == 0 {
			t.Errorf("problem %v (code %s); want an encoding problem at line %d with a column", e, e.Code, n+2)
		}
	}
	if len(got) == 0 {
		t.Error("no problem reported")
	}
}

// spyWriter checks, at its first write, what the spool's folder holds,
// and on Linux which files of the folder the process has open, removed
// or not (/proc/self/fd).
type spyWriter struct {
	bytes.Buffer
	dir   string
	files []string // in the folder
	open  []string // open, in the folder or removed from it
	size  int64    // of the open ones (elsewhere than Linux: of the files)
	seen  bool
}

func (w *spyWriter) Write(p []byte) (int, error) {
	if !w.seen {
		w.seen = true
		ents, _ := os.ReadDir(w.dir)
		for _, e := range ents {
			w.files = append(w.files, e.Name())
			if fi, err := e.Info(); err == nil && runtime.GOOS != "linux" {
				w.size += fi.Size()
			}
		}
		fds, _ := os.ReadDir("/proc/self/fd")
		for _, fd := range fds {
			link := "/proc/self/fd/" + fd.Name()
			if to, err := os.Readlink(link); err == nil && strings.HasPrefix(to, w.dir+string(os.PathSeparator)) {
				w.open = append(w.open, strings.TrimPrefix(to, w.dir+string(os.PathSeparator)))
				if fi, err := os.Stat(link); err == nil {
					w.size += fi.Size()
				}
			}
		}
	}
	return w.Buffer.Write(p)
}

// Past a few megabytes the rows wait in a temporary file, which is
// copied out whole when the file is known good, and removed; a bad row
// at the very end leaves nothing written, and no file behind. On Linux
// the file is removed as soon as it is made (it lives on while open),
// so that an import killed on the way leaves nothing either. (The
// spool's memory is cut to 64 KiB here, some 300 rows.)
func TestImportSpoolsToFile(t *testing.T) {
	p, sheets := loadMall(t)
	data := export(t, p, sheets, odkStyle)
	const rows = 3000 // about 8 MB of JSON
	defer fielddata.SetSpoolMemory(64 << 10)()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	imp := func(r io.Reader, skip bool) (*spyWriter, fielddata.Summary, error) {
		w := &spyWriter{dir: dir}
		sum, err := fielddata.Import(w, r, p, fielddata.ImportOptions{Options: fielddata.Options{Format: fielddata.ODK}, SkipInvalid: skip, Workers: 2})
		return w, sum, err
	}
	direct, _, err := imp(newRowsReader(data, rows), true)
	if err != nil {
		t.Fatal(err)
	}
	spooled, sum, err := imp(newRowsReader(data, rows), false)
	if err != nil || sum.Written != rows {
		t.Fatalf("Import: %d written, %v", sum.Written, err)
	}
	if direct.Len() < 4<<20 || !bytes.Equal(direct.Bytes(), spooled.Bytes()) {
		t.Fatalf("spooled %d bytes, written directly %d: they should be the same, past the spool's memory", spooled.Len(), direct.Len())
	}
	if runtime.GOOS == "linux" {
		if len(spooled.files) != 0 || len(spooled.open) != 1 || !strings.HasPrefix(spooled.open[0], "cxkit-import-") || !strings.HasSuffix(spooled.open[0], " (deleted)") {
			t.Errorf("as the lines were copied out, the spool's folder held %q and the process had %q open; want no file, and one removed file open", spooled.files, spooled.open)
		}
	} else if len(spooled.files) != 1 || !strings.HasPrefix(spooled.files[0], "cxkit-import-") {
		t.Errorf("the spool's folder held %q as the lines were copied out, want its one file", spooled.files)
	}
	// The spool holds the rows' answers, not their JSON.
	if spooled.size == 0 || spooled.size > int64(direct.Len()/5) {
		t.Errorf("the spool's file took %d bytes for %d bytes of JSON, want a fifth at most", spooled.size, direct.Len())
	}
	t.Logf("%d rows: %d bytes of JSON, %d in the spool's file", rows, direct.Len(), spooled.size)
	bad := io.MultiReader(newRowsReader(data, rows), strings.NewReader("x,\"bad\"quote\n"))
	w, sum, err := imp(bad, false)
	if !errors.Is(err, fielddata.ErrInvalid) || w.Len() != 0 || sum.Written != 0 || sum.Sheets != rows {
		t.Errorf("a bad last row: %d bytes, %+v, %v; want nothing written and ErrInvalid", w.Len(), sum, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left behind in the spool's folder: %v", ents)
	}
}

// failWriter takes n bytes, then fails, as a pipe whose reader has gone.
type failWriter struct{ n int }

var errGone = errors.New("the reader has gone")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errGone
	}
	w.n -= len(p)
	return len(p), nil
}

// An output that fails as the spool is copied out (from memory or from
// its file, with one worker or more making the lines) ends the import
// with its error, and leaves no temporary file behind.
func TestImportSpoolCopyFails(t *testing.T) {
	p, sheets := loadMall(t)
	data := export(t, p, sheets, odkStyle)
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	for _, memory := range []int{0, 64 << 10} {
		for _, workers := range []int{1, 2, 3} {
			for _, n := range []int{0, 100_000} {
				func() {
					if memory > 0 {
						defer fielddata.SetSpoolMemory(memory)()
					}
					sum, err := fielddata.Import(&failWriter{n: n}, newRowsReader(data, 1000), p, fielddata.ImportOptions{Options: fielddata.Options{Format: fielddata.ODK}, Workers: workers})
					if !errors.Is(err, errGone) || sum.Sheets != 1000 {
						t.Errorf("spool memory %d, %d workers, failing after %d bytes: %d sheets, err %v; want 1000 and the writer's error", memory, workers, n, sum.Sheets, err)
					}
					if ents, _ := os.ReadDir(dir); len(ents) != 0 {
						t.Errorf("spool memory %d, %d workers: left behind in the spool's folder: %v", memory, workers, ents)
					}
				}()
			}
		}
	}
}

// Into a regular file written at its end the lines go as they come,
// without the spool; an import that fails (a bad row, a row too long
// to read, both at the very end) cuts the file back to what it held.
func TestImportIntoFile(t *testing.T) {
	p, sheets := loadMall(t)
	data := export(t, p, sheets, odkStyle)
	const rows, before = 3000, "what the file held before\n"
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir) // the spool's folder, which must stay empty
	var want bytes.Buffer
	if _, err := fielddata.Import(&want, newRowsReader(data, rows), p, fielddata.ImportOptions{Options: fielddata.Options{Format: fielddata.ODK}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		tail string
		err  string
	}{
		{"good", "", ""},
		{"bad row", "x,\"bad\"quote\n", "rows with errors"},
		{"long row", "\"" + strings.Repeat("y", 1<<20) + "\"\n", "a row longer than"},
	} {
		for _, workers := range []int{1, 2} {
			f, err := os.Create(dir + "/../out.jsonl")
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString(before)
			var spool []os.DirEntry
			sum, err := fielddata.Import(f, io.MultiReader(newRowsReader(data, rows), strings.NewReader(c.tail)), p, fielddata.ImportOptions{
				Options: fielddata.Options{Format: fielddata.ODK},
				Workers: workers,
				Problem: func(*fielddata.Error) { spool, _ = os.ReadDir(dir) },
			})
			if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
				t.Fatalf("%s: err %v, want %q", c.name, err, c.err)
			}
			f.Close()
			got, _ := os.ReadFile(f.Name())
			wantOut := before
			if c.err == "" {
				wantOut += want.String()
			}
			if string(got) != wantOut || sum.Written != len(strings.Split(wantOut, "\n"))-2 {
				t.Errorf("%s, %d workers: the file holds %d bytes (%d sheets written), want %d", c.name, workers, len(got), sum.Written, len(wantOut))
			}
			if len(spool) != 0 {
				t.Errorf("%s: %v in the spool's folder while the rows were read: a regular file needs no spool", c.name, spool)
			}
		}
	}
}

// A file the problems are printed to as well ("> log 2>&1") is not cut
// back when the import fails: that would erase the problems. The file
// is told by ImportOptions.ProblemOutput, or is os.Stderr.
func TestImportIntoFileWithItsProblems(t *testing.T) {
	p, sheets := loadMall(t)
	data := export(t, p, sheets, odkStyle)
	const rows, before = 300, "what the file held before\n"
	bad := func() io.Reader {
		return io.MultiReader(newRowsReader(data, rows), strings.NewReader("x,\"bad\"quote\n"))
	}
	for _, c := range []struct {
		name   string
		stderr bool // the problems go to os.Stderr, not to ProblemOutput
	}{
		{"ProblemOutput", false},
		{"os.Stderr", true},
	} {
		f, err := os.Create(t.TempDir() + "/log")
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(before)
		opts := fielddata.ImportOptions{Options: fielddata.Options{Format: fielddata.ODK}, Workers: 2}
		opts.Problem = func(e *fielddata.Error) { io.WriteString(f, e.Error()+"\n") }
		stderr := os.Stderr
		if c.stderr {
			os.Stderr = f
		} else {
			opts.ProblemOutput = f
		}
		_, err = fielddata.Import(f, bad(), p, opts)
		os.Stderr = stderr
		f.Close()
		if !errors.Is(err, fielddata.ErrInvalid) {
			t.Fatalf("%s: err %v, want ErrInvalid", c.name, err)
		}
		got, _ := os.ReadFile(f.Name())
		problem := "input:" + strconv.Itoa(rows+2) + ":"
		if !strings.HasPrefix(string(got), before) || !strings.Contains(string(got), problem) || strings.Contains(string(got), `"answers"`) {
			t.Errorf("%s: the file holds %d bytes, want what it held and the problem at %q, no sheet:\n%.300s", c.name, len(got), problem, got)
		}
	}
}
