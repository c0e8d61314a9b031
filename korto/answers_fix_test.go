package korto

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The slips of a sheet edited by hand get the fix in the message: "Да"
// or true for "yes", a decimal comma, a number in quotes, "N/A" for "na".
func TestAnswerFixHints(t *testing.T) {
	p := scCompile(t, specMall())
	tests := []struct {
		name, old, new, want string
	}{
		{"Да", `"entrance": "yes"`, `"entrance": "Да"`,
			`/answers/entrance: question "entrance": takes "yes" or "no", not "Да": write "yes" for Да`},
		{"нет", `"toilets": "no"`, `"toilets": "нет"`,
			`/answers/toilets: question "toilets": takes "yes" or "no", not "нет": write "no" for нет`},
		{"true as a string", `"entrance": "yes"`, `"entrance": "true"`,
			`/answers/entrance: question "entrance": takes "yes" or "no", not "true": write "yes" for true`},
		{"true", `"entrance": "yes"`, `"entrance": true`,
			`/answers/entrance: question "entrance": takes "yes" or "no", not true: write "yes" for true`},
		{"0", `"toilets": "no"`, `"toilets": 0`,
			`/answers/toilets: question "toilets": takes "yes" or "no", not 0: write "no" for 0`},
		{"YES", `"entrance": "yes"`, `"entrance": "YES"`,
			`/answers/entrance: question "entrance": takes "yes" or "no", not "YES": write "yes" for YES`},
		{"N/A where na is allowed", `"floors": "na"`, `"floors": "N/A"`,
			`/answers/floors: question "floors": takes "yes", "no" or "na", not "N/A": write "na" for N/A`},
		{"NA where na is not", `"entrance": "yes"`, `"entrance": "NA"`,
			"/answers/entrance: question \"entrance\": takes \"yes\" or \"no\", not \"NA\": the question has no `na`; answer it, or add na to the question in the checklist"},
		{"a decimal comma", `"queue": 3.5`, `"queue": "4,5"`,
			`/answers/queue: question "queue": takes a number (мин), not "4,5": write 4.5 with a decimal point`},
		{"a number in quotes", `"queue": 3.5`, `"queue": "5"`,
			`/answers/queue: question "queue": takes a number (мин), not "5": write 5 without quotes`},
		{"a number with its unit", `"queue": 3.5`, `"queue": "5 мин"`,
			`/answers/queue: question "queue": takes a number (мин), not "5 мин": write 5 alone, without quotes and unit`},
		{"a scale point in quotes", `"speed": 4`, `"speed": "4"`,
			`/answers/speed: question "speed": takes a whole number 1..5, not "4": write 4 without quotes`},
		{"an nps score in quotes", `"recommend": 9`, `"recommend": " 9 "`,
			`/answers/recommend: question "recommend": takes a whole number 0..10, not " 9 ": write 9 without quotes`},
		{"text as a number", `"comment": "..."`, `"comment": 5`,
			`/answers/comment: question "comment": takes a string, not 5: write "5" in quotes`},
		{"nothing sure to say", `"entrance": "yes"`, `"entrance": "maybe"`,
			`/answers/entrance: question "entrance": takes "yes" or "no", not "maybe"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := editedSheetErrors(t, p, tt.old, tt.new)
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
