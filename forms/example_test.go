package forms_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/forms"
	"github.com/cxkit/cxkit/korto"
	"github.com/xuri/excelize/v2"
)

func cafe() *korto.Checklist {
	c, err := dsl.Parse("cafe.korto", []byte(`checklist cafe "Кафе" @en "Café" {
  version "2026.1"
  level 1 "Основа" @en "Foundation" {
    question has_wc "Есть туалет" @en "There is a toilet" unscored
    question wc_clean "Туалет чистый" @en "The toilet is clean" when has_wc
  }
}
`))
	if err != nil {
		log.Fatal(err)
	}
	return c
}

// XLSForm writes the workbook to upload to ODK Central or KoboToolbox:
// a group per level and section, the when as relevant, and the texts in
// every language of the checklist.
func ExampleXLSForm() {
	data, err := forms.XLSForm(cafe(), forms.Options{})
	if err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		log.Fatal(err)
	}
	rows, err := f.GetRows("survey")
	if err != nil {
		log.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	cell := func(r []string, name string) string {
		if i := col[name]; i < len(r) {
			return r[i]
		}
		return ""
	}
	for _, r := range rows[1:] {
		line := fmt.Sprintf("%-16s %-9s %-18s %s", cell(r, "type"), cell(r, "name"), cell(r, "relevant"), cell(r, "label::English (en)"))
		fmt.Println(strings.TrimSpace(line))
	}
	// Output:
	// start            start
	// end              end
	// deviceid         deviceid
	// begin group      audit                        Visit
	// text             id                           Visit ID
	// text             location                     Location
	// date             date                         Date
	// text             auditor                      Auditor
	// end group        audit
	// begin group      level_1                      Level 1. Foundation
	// select_one yesno has_wc                       There is a toilet
	// select_one yesno wc_clean  ${has_wc} = 'yes'  The toilet is clean
	// end group        level_1
	// geopoint         gps                          Device location
}

// Template writes the Excel workbook a manager fills, one row per audit;
// `cxkit import` (package fielddata) reads it back.
func ExampleTemplate() {
	data, err := forms.Template(cafe(), forms.Options{Lang: "en"})
	if err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		log.Fatal(err)
	}
	rows, err := f.GetRows(forms.TemplateAnswersSheet)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rows[0]) // the IDs import reads
	fmt.Println(rows[1]) // the questions' texts
	// Output:
	// [id location date auditor has_wc wc_clean]
	// [Visit ID Location Date Auditor There is a toilet The toilet is clean]
}

// SurveyJSSurvey gives the survey that SurveyJS renders; its result
// imports with `cxkit import --from surveyjs`.
func ExampleSurveyJSSurvey() {
	s, err := forms.SurveyJSSurvey(cafe(), forms.Options{Lang: "en"})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range s.Pages {
		for _, e := range p.Elements {
			fmt.Println(strings.TrimSpace(fmt.Sprintf("page %s: %s %s %s", p.Name, e.Type, e.Name, e.VisibleIf)))
		}
	}
	// Every text carries each language; SurveyJS reads "default" for English.
	title, err := json.Marshal(s.Pages[1].Elements[1].Title)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(title))
	// Output:
	// page audit: text id
	// page audit: text location
	// page audit: text date
	// page audit: text auditor
	// page level_1: boolean has_wc
	// page level_1: boolean wc_clean {has_wc} = 'yes'
	// {"default":"The toilet is clean","en":"The toilet is clean","ru":"Туалет чистый"}
}
