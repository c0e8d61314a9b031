package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tests below pin what a service manager's review of the survey
// commands asked for: messages a person running a Russian Excel export
// can act on.

// TestSurveyColumnsInCharacters: the column of a bad cell counts
// characters, as every other cxkit message does, not bytes: "Садовая 1,"
// is ten characters but seventeen bytes. Quoted fields, doubled quotes
// and fields that span lines count as they stand in the file.
func TestSurveyColumnsInCharacters(t *testing.T) {
	tests := []struct {
		name, in string
		args     []string
		want     string
	}{
		{"answer", "", []string{"testdata/survey/nps_ru.csv", "--column", "Оценка NPS"},
			`nps_ru.csv:6:11: row 5, column "Оценка NPS": "десять" is not a whole number`},
		{"weight", "Магазин,nps,вес\nЦентр,9,один\n", []string{"-", "--weight", "вес"},
			`<stdin>:2:9: row 1, column "вес": weight "один"`},
		{"quoted", "a,b,nps\n\"Ё, \"\"ё\"\"\",ж,x\n", []string{"-"},
			`<stdin>:2:14: row 1, column "nps": "x" is not a whole number`},
		{"multi-line field", "a,b,nps\n\"ёё\nжж\",ж,x\n", []string{"-"},
			`<stdin>:3:7: row 1, column "nps": "x" is not a whole number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCmd(t, tt.in, append([]string{"nps"}, tt.args...)...)
			if code != exitInput || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, tt.want)
			}
		})
	}
}

// TestSurveyCharColumn checks the byte-to-character arithmetic directly
// on records as encoding/csv returns them.
func TestSurveyCharColumn(t *testing.T) {
	rec := []string{"ёж", "x\nёё", "я", "z"}
	lines := []int{1, 1, 2, 2}
	// Field 3 starts on line 2 after `ёё",я,`: byte 11, character 7.
	byteCol := len(`ёё",я,`) + 1
	got := surveyCharColumn(rec, lines, 3, byteCol)
	if diff := cmp.Diff(7, got); diff != "" {
		t.Error(diff)
	}
}
