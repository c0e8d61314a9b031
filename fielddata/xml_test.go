package fielddata_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// odkSubmission is the submission an ODK client sends for sheet s on
// the checklist's XForm (`cxkit form --to xform`): the form's instance
// with each leaf filled from the sheet by its name, the audit fields in
// their group, start and end from started and ended, and an instance
// ID.
func odkSubmission(t testing.TB, p *korto.Plan, s *korto.Sheet) []byte {
	t.Helper()
	form, err := forms.XForm(p.Checklist(), forms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(form))
	var out bytes.Buffer
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	enc := xml.NewEncoder(&out)
	enc.Indent("", "  ")
	depth := -1 // inside <instance> from 0
	var path []string
	value := func(name string) string {
		if len(path) > 1 && path[len(path)-2] == "audit" {
			return s.Audit[name]
		}
		switch name {
		case "start":
			return s.Audit["started"]
		case "end":
			return s.Audit["ended"]
		case "instanceID":
			return "uuid:" + s.Audit["id"]
		}
		a, ok := s.Answers[name]
		switch {
		case !ok:
			return ""
		case a.Type == korto.AnswerNumber:
			return strconv.FormatFloat(a.Number, 'f', -1, 64)
		}
		return a.String
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if depth < 0 {
				if tk.Name.Local == "instance" {
					depth = 0
				}
				continue
			}
			depth++
			path = append(path, tk.Name.Local)
			tk.Name.Space = ""
			enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: tk.Name.Local}, Attr: tk.Attr})
		case xml.EndElement:
			if depth <= 0 {
				if depth == 0 {
					enc.Flush()
					return append(out.Bytes(), '\n')
				}
				continue
			}
			if v := value(path[len(path)-1]); v != "" {
				enc.EncodeToken(xml.CharData(v))
			}
			enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: tk.Name.Local}})
			path = path[:len(path)-1]
			depth--
		}
	}
	t.Fatal("no instance in the XForm")
	return nil
}

// ODK XML submissions of the mall visits, one after another as a file
// of them, import as the sheets they were made from; the format is told
// from the file.
func TestODKXMLRoundTrip(t *testing.T) {
	p, sheets := loadMall(t)
	sheets = sheets[:8]
	var data []byte
	for _, s := range sheets {
		data = append(data, odkSubmission(t, p, s)...)
	}
	rd, got := readAll(t, p, append([]byte("\ufeff"), data...), fielddata.Options{Name: "s.xml"})
	if rd.Format() != fielddata.ODKXML || rd.Guessed() != "guessed odk-xml because it is XML" {
		t.Errorf("format %s, %q", rd.Format(), rd.Guessed())
	}
	if len(rd.Warnings()) > 0 {
		t.Errorf("warnings %v", rd.Warnings())
	}
	if len(got) != len(sheets) {
		t.Fatalf("%d sheets, want %d", len(got), len(sheets))
	}
	for i, g := range got {
		if diff := cmp.Diff(sheets[i].Answers, g.Answers); diff != "" {
			t.Errorf("sheet %d (-want +got):\n%s", i, diff)
		}
		if diff := cmp.Diff(sheets[i].Audit, g.Audit); diff != "" {
			t.Errorf("sheet %d audit (-want +got):\n%s", i, diff)
		}
	}
	// Import writes the same, with any number of workers.
	var one, many bytes.Buffer
	for _, w := range []struct {
		n   int
		out *bytes.Buffer
	}{{1, &one}, {4, &many}} {
		if _, err := fielddata.Import(w.out, bytes.NewReader(data), p, fielddata.ImportOptions{Workers: w.n}); err != nil {
			t.Fatal(err)
		}
	}
	if one.String() != many.String() || strings.Count(one.String(), "\n") != len(sheets) {
		t.Errorf("Import wrote %d lines with one worker, and differently with four", strings.Count(one.String(), "\n"))
	}
}

// Every bad value of a submission is placed at its element, an element
// that matches nothing and holds a value is warned about once, one
// answered twice is an error, and a file cut short ends with a placed
// syntax error after the good submissions.
func TestODKXMLProblems(t *testing.T) {
	p, sheets := loadMall(t)
	good := string(odkSubmission(t, p, sheets[0]))
	bad := regexp.MustCompile(`<clean_overall>[^<]*`).ReplaceAllString(good, "<clean_overall>many")
	bad = strings.Replace(bad, "<feedback>", "<typo_q>1</typo_q><feedback>", 1)
	twice := strings.Replace(good, "<has_parking>", "<has_parking>yes</has_parking><has_parking>", 1)
	other := strings.Replace(good, `id="mall_korto"`, `id="taxi_korto"`, 1)
	in := good + bad + twice + other + good[:len(good)/2]
	var problems []string
	_, err := fielddata.Import(new(bytes.Buffer), strings.NewReader(in), p, fielddata.ImportOptions{
		Options: fielddata.Options{Name: "s.xml", Format: fielddata.ODKXML},
		Problem: func(e *fielddata.Error) { problems = append(problems, e.Error()) },
	})
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Count(good, "\n")
	at := func(s, sub string, base int) string {
		i := strings.Index(s, sub) + len(sub)
		return itoa(base+strings.Count(s[:i], "\n")+1) + ":" + itoa(i-strings.LastIndexByte(s[:i], '\n'))
	}
	want := []string{
		`s.xml:` + at(bad, "<typo_q>", lines) + `: warning: column "level_2/help/typo_q" matches no question of checklist "mall_korto" and no audit field, and is left out`,
		`s.xml:` + at(bad, "<clean_overall>", lines) + `: audit ` + sheets[0].Audit["id"] + `, question clean_overall: takes a whole number 1..5, not "many"`,
		`s.xml:` + at(twice, "</has_parking><has_parking>", 2*lines) + `: element level_1/arrival/has_parking appears twice in one submission (first at ` + at(twice, "<has_parking>", 2*lines) + `): a checklist's form has no repeats`,
		`s.xml:` + itoa(3*lines+1+strings.Count(other[:strings.Index(other, "<mall_korto")], "\n")) + `: a submission of form "taxi_korto", not of checklist "mall_korto": import it with its own checklist`,
	}
	if len(problems) < 5 {
		t.Fatalf("problems %q", problems)
	}
	if diff := cmp.Diff(want, problems[:4]); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(problems[4], "s.xml:"+itoa(4*lines+strings.Count(good[:len(good)/2], "\n")+1)) || !strings.Contains(problems[4], "the file ends inside a submission") {
		t.Errorf("the cut file ends with %q", problems[4])
	}
	var es fielddata.Errors
	if !errors.As(err, &es) && !errors.Is(err, fielddata.ErrInvalid) {
		t.Errorf("err %v", err)
	}
}
