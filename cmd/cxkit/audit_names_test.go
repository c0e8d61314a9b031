package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// A checklist may name a question like an audit field or a form's
// metadata ("question location ...", "question start ..."): the language
// reserves neither. Every form keeps the two apart and import gives each
// its own value back.
const auditNamesChecklist = `checklist coll "Имена" {
  level 1 "L" {
    section s "S" {
      question location "Расположение удобное"
      question date "Даты на ценниках актуальны"
      question start "Обслуживание началось сразу"
    }
  }
}
`

// auditNamesWant is the sheet every import below must give.
const auditNamesWant = `{"checklist":"coll","audit":{"date":"2026-11-20","id":"v1","location":"ТЦ Европа"},"answers":{"location":"yes","date":"no","start":"yes"}}`

func auditNamesSetup(t *testing.T) (dir, checklist string) {
	t.Helper()
	dir = t.TempDir()
	checklist = filepath.Join(dir, "coll.korto")
	if err := os.WriteFile(checklist, []byte(auditNamesChecklist), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, checklist
}

// importOne imports file and compares its one sheet with auditNamesWant,
// leaving out the times a form records.
func importOne(t *testing.T, checklist, file string, args ...string) {
	t.Helper()
	out, errOut, code := runCmd(t, "", append([]string{"import", file, "--checklist", checklist}, args...)...)
	if code != exitOK {
		t.Fatalf("import %s: exit %d: %s", filepath.Base(file), code, errOut)
	}
	var got, want map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("import %s: %v\n%s", filepath.Base(file), err, out)
	}
	if err := json.Unmarshal([]byte(auditNamesWant), &want); err != nil {
		t.Fatal(err)
	}
	audit := got["audit"].(map[string]any)
	for _, k := range []string{"started", "ended", "deviceid"} {
		delete(audit, k)
	}
	delete(got, "version")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("import %s (-want +got):\n%s\nstderr: %s", filepath.Base(file), diff, errOut)
	}
}

func TestAuditNamesSurveyJS(t *testing.T) {
	dir, checklist := auditNamesSetup(t)
	out, errOut, code := runCmd(t, "", "form", checklist, "--to", "surveyjs")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s struct {
		Pages []struct {
			Elements []struct {
				Name     string `json:"name"`
				Elements []struct {
					Name string `json:"name"`
				} `json:"elements"`
			} `json:"elements"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range s.Pages {
		for _, e := range p.Elements {
			names := []string{e.Name}
			for _, in := range e.Elements {
				names = append(names, in.Name)
			}
			for _, n := range names {
				if seen[n] {
					t.Errorf("two elements named %q: they would share one value", n)
				}
				seen[n] = true
			}
		}
	}
	// A result as survey-core's Model gives it for that form.
	result := filepath.Join(dir, "result.json")
	data := `{"id":"v1","audit.location":"ТЦ Европа","audit.date":"2026-11-20","location":"yes","date":"no","start":"yes","started":"2026-11-20T10:00:00.000Z","ended":"2026-11-20T10:30:00.000Z"}`
	if err := os.WriteFile(result, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	importOne(t, checklist, result)
}

func TestAuditNamesTemplate(t *testing.T) {
	dir, checklist := auditNamesSetup(t)
	book := filepath.Join(dir, "visits.xlsx")
	if _, errOut, code := runCmd(t, "", "template", checklist, "-o", book); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	header, err := f.GetRows("answers")
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{"id": "v1", "audit.location": "ТЦ Европа", "audit.date": "2026-11-20", "location": "yes", "date": "no", "start": "yes"}
	seen := map[string]bool{}
	for i, name := range header[0] {
		if seen[name] {
			t.Errorf("two columns named %q", name)
		}
		seen[name] = true
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		if err := f.SetCellStr("answers", cell, values[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	importOne(t, checklist, book)
}

// An ODK Central export of `cxkit form --to xlsform`: the form's start
// metadata is the bare column "start", the question is "level_1-s-start";
// the audit group's "audit-location" is the audit field.
func TestAuditNamesODK(t *testing.T) {
	dir, checklist := auditNamesSetup(t)
	export := filepath.Join(dir, "coll.csv")
	data := strings.Join([]string{
		"SubmissionDate,start,end,deviceid,audit-id,audit-location,audit-date,audit-auditor,level_1-s-location,level_1-s-date,level_1-s-start,meta-instanceID,KEY",
		"2026-11-20T18:00:00.000Z,2026-11-20T10:00:00.000+03:00,2026-11-20T10:40:00.000+03:00,collect:x,v1,ТЦ Европа,2026-11-20,,yes,no,yes,uuid:1,uuid:1",
	}, "\r\n") + "\r\n"
	if err := os.WriteFile(export, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	importOne(t, checklist, export)
	kobo := filepath.Join(dir, "coll-kobo.csv")
	data = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(data, "-", "/"), ",", ";"), "SubmissionDate", "_submission_time")
	data = strings.ReplaceAll(strings.ReplaceAll(data, "2026/11/20", "2026-11-20"), "collect:x", "ee.kobotoolbox.org:x")
	if err := os.WriteFile(kobo, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	importOne(t, checklist, kobo)
}

// An XML submission of `cxkit form --to xform`: <start> is the form's
// metadata, <level_1><s><start> the question.
func TestAuditNamesXML(t *testing.T) {
	dir, checklist := auditNamesSetup(t)
	sub := filepath.Join(dir, "coll.xml")
	data := `<?xml version="1.0"?><coll id="coll"><start>2026-11-20T10:00:00.000+03:00</start><end>2026-11-20T10:40:00.000+03:00</end><deviceid>collect:x</deviceid>` +
		`<audit><id>v1</id><location>ТЦ Европа</location><date>2026-11-20</date><auditor/></audit>` +
		`<level_1><s><location>yes</location><date>no</date><start>yes</start></s></level_1><gps/><meta><instanceID>uuid:1</instanceID></meta></coll>`
	if err := os.WriteFile(sub, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	importOne(t, checklist, sub)
}
