package fielddata_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/fielddata"
	"github.com/cxkit/cxkit/korto"
)

// cafe is the checklist of the examples: a form made from it with `cxkit
// form --to xlsform` groups the questions by level and section.
const cafe = `checklist cafe "Café" {
  scale stars 1..5

  level 1 "Foundation" pass 80% {
    section clean "Cleanliness" {
      question tables "Tables are clean" critical
      question floor "The floor is dry" na
    }
  }
  level 2 "Convenience" {
    question speed "Speed of service" stars
  }
}
`

func cafePlan() *korto.Plan {
	c, err := dsl.Parse("cafe.korto", []byte(cafe))
	if err != nil {
		log.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		log.Fatal(err)
	}
	return p
}

// Import turns the CSV export of ODK Central into answer sheets, one
// JSON line each, which `cxkit report` and korto.NewSheetReader read.
// The columns are found by the question ID their names end with, the
// tool's meta columns are skipped, and the submission's instance ID
// becomes the audit id, since this form collected none.
func ExampleImport() {
	export := `SubmissionDate,start,end,level_1-clean-tables,level_1-clean-floor,level_2-speed,meta-instanceID,KEY
2026-07-02T18:00:00.000Z,2026-07-02T10:00:00.000+03:00,2026-07-02T10:40:00.000+03:00,yes,N/A,4,uuid:a1,uuid:a1
2026-07-03T18:00:00.000Z,2026-07-03T11:00:00.000+03:00,2026-07-03T11:25:00.000+03:00,no,yes,3,uuid:b2,uuid:b2
`
	sum, err := fielddata.Import(os.Stdout, strings.NewReader(export), cafePlan(), fielddata.ImportOptions{
		Options: fielddata.Options{Name: "cafe.csv"},
		Problem: func(e *fielddata.Error) { fmt.Println(e) }, // every bad cell, with its line and column
	})
	if err != nil {
		log.Fatal(err) // ErrInvalid when a row was bad: then nothing is written
	}
	fmt.Printf("%d sheets, read as %s: %s\n", sum.Written, sum.Format, sum.Guessed)
	// Output:
	// {"checklist":"cafe","audit":{"ended":"2026-07-02T10:40:00.000+03:00","id":"uuid:a1","started":"2026-07-02T10:00:00.000+03:00"},"answers":{"tables":"yes","floor":"na","speed":4}}
	// {"checklist":"cafe","audit":{"ended":"2026-07-03T11:25:00.000+03:00","id":"uuid:b2","started":"2026-07-03T11:00:00.000+03:00"},"answers":{"tables":"no","floor":"yes","speed":3}}
	// 2 sheets, read as odk: guessed odk because of its columns SubmissionDate, meta-instanceID, KEY
}

// A KoboToolbox export made with "Labels" instead of "XML values and
// headers" names its columns by the questions' labels (after their
// groups' labels here) and writes each answer's label: the labels of
// the checklist's XLSForm, which Import matches back to the questions
// and their answers, saying so once.
func ExampleImport_labels() {
	export := `start;end;Level 1. Foundation/Cleanliness/Tables are clean;Level 1. Foundation/Cleanliness/The floor is dry;Level 2. Convenience/Speed of service;_uuid
2026-07-02T10:00:00;2026-07-02T10:40:00;Yes;Not applicable;4;a1
2026-07-03T11:00:00;2026-07-03T11:25:00;No;Yes;3;b2
`
	_, err := fielddata.Import(os.Stdout, strings.NewReader(export), cafePlan(), fielddata.ImportOptions{
		Options: fielddata.Options{Name: "cafe.csv", Format: fielddata.Kobo},
		Problem: func(e *fielddata.Error) { fmt.Println(e) },
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// cafe.csv:1: warning: the header names 3 of its 3 question columns by their labels in English (en), not by ID, as an export with "Labels" does: they are read by label, their answers by their options' labels; an export with "XML values and headers" needs no labels
	// {"checklist":"cafe","audit":{"ended":"2026-07-02T10:40:00","id":"a1","started":"2026-07-02T10:00:00"},"answers":{"tables":"yes","floor":"na","speed":4}}
	// {"checklist":"cafe","audit":{"ended":"2026-07-03T11:25:00","id":"b2","started":"2026-07-03T11:00:00"},"answers":{"tables":"no","floor":"yes","speed":3}}
}

// A Reader gives the rows one at a time, as answer sheets checked against
// the checklist. A bad row is a *RowError listing every bad cell with its
// line and column (the spreadsheet's column: 3 is C), and reading goes on with the next row; a file with
// bad rows is best reported whole, as here, before anything is kept.
func ExampleReader() {
	sheet := `id,location,tables,floor,speed
v1,Centre,yes,yes,5
v2,Centre,Да,wet,7
v3,Station,no,na,3
`
	p := cafePlan()
	rd, err := fielddata.NewReader(strings.NewReader(sheet), p, fielddata.Options{Name: "visits.csv"})
	if err != nil {
		log.Fatal(err)
	}
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		var bad *fielddata.RowError
		if errors.As(err, &bad) {
			for _, e := range bad.Errs {
				fmt.Println(e)
			}
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		res, err := p.Score(s)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s at %s: %.0f%%, reached level %d\n", s.Audit["id"], s.Audit["location"], 100**res.Score, res.Reached)
	}
	// Output:
	// v1 at Centre: 100%, reached level 2
	// visits.csv:3:3: audit v2, question tables: takes "yes" or "no", not "Да": write "yes" for Да
	// visits.csv:3:4: audit v2, question floor: takes "yes", "no" or "na", not "wet"
	// visits.csv:3:5: audit v2, question speed: 7 is out of range 1..5
	// v3 at Station: 25%, reached level 0
}
