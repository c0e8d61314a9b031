package fielddata_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

// The exports the round-trip tests make are built here the way ODK
// Central and KoboToolbox write theirs for a form made by `cxkit form
// --to xlsform`: a group per level ("level_1") and per section, joined
// into column names with "-" (ODK) or "/" (Kobo), the tools' meta
// columns around the answers.

// loadMall reads the mall checklist and its 72 visits.
func loadMall(t testing.TB) (*korto.Plan, []*korto.Sheet) {
	t.Helper()
	return loadExample(t, "../examples/mall/mall.korto", "../examples/mall/visits.jsonl")
}

func loadExample(t testing.TB, checklist, sheets string) (*korto.Plan, []*korto.Sheet) {
	t.Helper()
	src, err := os.ReadFile(checklist)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse(checklist, src)
	if err != nil {
		t.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	if sheets == "" {
		return p, nil
	}
	f, err := os.Open(sheets)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*korto.Sheet
	sr := korto.NewSheetReader(bufio.NewReader(f))
	for {
		s, err := sr.Next()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return p, out
}

// groupPaths returns each question's group path: "level_N", then its
// sections; "survey" for the survey.
func groupPaths(c *korto.Checklist) map[string][]string {
	paths := map[string][]string{}
	var walk func(path []string, items []korto.Item)
	walk = func(path []string, items []korto.Item) {
		for _, it := range items {
			switch {
			case it.Section != nil:
				walk(append(append([]string(nil), path...), it.Section.ID), it.Section.Items)
			case it.Question != nil:
				paths[it.Question.ID] = path
			}
		}
	}
	for _, l := range c.Levels {
		walk([]string{"level_" + strconv.Itoa(l.Number)}, l.Items)
	}
	if c.Survey != nil {
		for _, q := range c.Survey.Questions {
			paths[q.ID] = []string{"survey"}
		}
	}
	return paths
}

// naWays are the three ways the exports write "na".
var naWays = []string{"na", "N/A", "Не применимо"}

type exportStyle struct {
	sep          string // group path separator
	comma        rune
	crlf, bom    bool
	decimalComma bool
	withID       bool // collect the audit id; else only the instance ID tells it
	head, tail   []string
	meta         func(s *korto.Sheet, i int) (head, tail []string)
	// labels, when set, makes the export KoboToolbox's "Labels" one in
	// that language: each column is named by its field's label (after
	// its groups' labels unless noGroups), each choice by its label.
	labels   string
	noGroups bool
}

var odkStyle = exportStyle{
	sep: "-", comma: ',', crlf: true, bom: true, withID: true,
	head: []string{"SubmissionDate", "start", "end", "deviceid"},
	tail: []string{"meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"},
	meta: func(s *korto.Sheet, i int) ([]string, []string) {
		uuid := "uuid:" + s.Audit["id"]
		return []string{s.Audit["date"] + "T18:00:00.000Z", s.Audit["date"] + "T10:00:00.000+03:00", s.Audit["date"] + "T10:4" + strconv.Itoa(i%10) + ":00.000+03:00", "collect:abc" + strconv.Itoa(i%3)},
			[]string{uuid, uuid, "7", "field " + strconv.Itoa(i%3), "0", "0", "", "", "collect:abc", "0", "2026.1"}
	},
}

var koboStyle = exportStyle{
	sep: "/", comma: ';', decimalComma: true,
	head: []string{"start", "end", "today", "username", "deviceid"},
	tail: []string{"meta/instanceID", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"},
	meta: func(s *korto.Sheet, i int) ([]string, []string) {
		return []string{s.Audit["date"] + "T10:00:00.000+03:00", s.Audit["date"] + "T10:50:00.000+03:00", s.Audit["date"], "", "enketo.org:x"},
			[]string{"uuid:" + s.Audit["id"], strconv.Itoa(1000 + i), s.Audit["id"], s.Audit["date"] + "T18:00:00", "", "", "submitted_via_web", "", "vAbC", "", strconv.Itoa(i + 1)}
	},
}

// koboDashStyle is a KoboToolbox export made with "-" as the group
// separator, a choice Kobo's export settings offer beside "/".
var koboDashStyle = func() exportStyle { st := koboStyle; st.sep = "-"; return st }()

// koboDotStyle is one made with ".", another separator people type into
// that setting.
var koboDotStyle = func() exportStyle { st := koboStyle; st.sep = "."; return st }()

// koboLabelStyle is a KoboToolbox export made with "Labels" in lang,
// with the groups' labels in the headers or not.
func koboLabelStyle(lang string, noGroups bool) exportStyle {
	st := koboStyle
	st.labels, st.noGroups = lang, noGroups
	return st
}

// export writes the sheets as the style's CSV export.
func export(t testing.TB, p *korto.Plan, sheets []*korto.Sheet, st exportStyle) []byte {
	t.Helper()
	c := p.Checklist()
	paths := groupPaths(c)
	var buf bytes.Buffer
	if st.bom {
		buf.WriteString("\ufeff")
	}
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = st.comma, st.crlf
	audit := []string{"location", "date", "auditor"}
	if st.withID {
		audit = append([]string{"id"}, audit...)
	}
	var fl *formLabels
	if st.labels != "" {
		fl = readFormLabels(t, c, st.labels)
	}
	name := func(path ...string) string {
		if fl != nil {
			path = fl.path(path)
		}
		if st.noGroups {
			path = path[len(path)-1:]
		}
		return strings.Join(path, st.sep)
	}
	header := append([]string(nil), st.head...)
	for _, f := range audit {
		header = append(header, name("audit", f))
	}
	for i := range p.NumQuestions() {
		q := p.Question(i)
		header = append(header, name(append(append([]string(nil), paths[q.ID]...), q.ID)...))
	}
	header = append(header, st.tail...)
	if err := w.Write(header); err != nil {
		t.Fatal(err)
	}
	na := 0
	for k, s := range sheets {
		head, tail := st.meta(s, k)
		rec := append([]string(nil), head...)
		for _, f := range audit {
			rec = append(rec, s.Audit[f])
		}
		for i := range p.NumQuestions() {
			a, ok := s.Answers[p.Question(i).ID]
			switch {
			case !ok:
				rec = append(rec, "")
			case fl != nil && fl.choices[p.Question(i).ID] != nil:
				v := a.String
				if a.Type == korto.AnswerNumber {
					v = strconv.FormatFloat(a.Number, 'g', -1, 64)
				}
				if a.IsNA() {
					v = "na"
				}
				label, ok := fl.choices[p.Question(i).ID][v]
				if !ok {
					t.Fatalf("question %s: no label of %q", p.Question(i).ID, v)
				}
				rec = append(rec, label)
			case a.IsNA():
				rec = append(rec, naWays[na%len(naWays)])
				na++
			case a.Type == korto.AnswerNumber:
				x := strconv.FormatFloat(a.Number, 'g', -1, 64)
				if st.decimalComma {
					x = strings.Replace(x, ".", ",", 1)
				}
				rec = append(rec, x)
			default:
				rec = append(rec, a.String)
			}
		}
		rec = append(rec, tail...)
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return buf.Bytes()
}

func parseCSV(t testing.TB, data []byte, comma rune) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = comma
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// odkCentralZip zips table as ODK Central's export does: the form's
// table beside a repeat group's table and a media folder.
func odkCentralZip(t testing.TB, table []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"media/1700000000.jpg", []byte("\xff\xd8\xff")},
		{"mall_korto-photos.csv", []byte("PARENT_KEY,photo,KEY\nuuid:x,1.jpg,uuid:x/photos[1]\n")},
		{"mall_korto.csv", table},
	} {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// formLabels are the labels the XLSForm of a checklist shows in one
// language, read from the workbook `cxkit form --to xlsform` writes, as
// KoboToolbox reads them when it makes an export with "Labels".
type formLabels struct {
	label   map[string]string            // by group path joined with "/": the group's or field's label
	choices map[string]map[string]string // by question: each value's label
}

// path is the labels of a field's group path and name.
func (fl *formLabels) path(names []string) []string {
	out := make([]string, len(names))
	for i := range names {
		out[i] = fl.label[strings.Join(names[:i+1], "/")]
	}
	return out
}

func readFormLabels(t testing.TB, c *korto.Checklist, lang string) *formLabels {
	t.Helper()
	data, err := forms.XLSForm(c, forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows := func(sheet string) (head map[string]int, rows [][]string) {
		all, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		head = map[string]int{}
		for i, h := range all[0] {
			if strings.HasPrefix(h, "label::") && strings.HasSuffix(h, "("+lang+")") {
				h = "label"
			}
			head[h] = i
		}
		for _, r := range all[1:] {
			rows = append(rows, append(r, make([]string, len(all[0]))...))
		}
		return head, rows
	}
	fl := &formLabels{label: map[string]string{}, choices: map[string]map[string]string{}}
	ch, crows := rows("choices")
	lists := map[string]map[string]string{}
	for _, r := range crows {
		if lists[r[ch["list_name"]]] == nil {
			lists[r[ch["list_name"]]] = map[string]string{}
		}
		lists[r[ch["list_name"]]][r[ch["name"]]] = r[ch["label"]]
	}
	sh, srows := rows("survey")
	var path []string
	for _, r := range srows {
		typ, name := r[sh["type"]], r[sh["name"]]
		if typ == "end group" {
			path = path[:len(path)-1]
			continue
		}
		p := strings.Join(append(slices.Clone(path), name), "/")
		fl.label[p] = r[sh["label"]]
		if typ == "begin group" {
			path = append(path, name)
		}
		if list, ok := strings.CutPrefix(typ, "select_one "); ok {
			fl.choices[name] = lists[list]
		}
	}
	return fl
}
