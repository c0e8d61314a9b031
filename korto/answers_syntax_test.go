package korto

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The mistakes people make editing a sheet by hand are told in their
// terms, with the fix, at the place of the fix, the column counted in
// characters. Each input is a sheet with `@` where the mistake goes.
func TestSheetSyntaxMessages(t *testing.T) {
	const sheet = "{\n  \"checklist\": \"mall_basic\",\n  \"answers\": {\n    \"entrance\": \"yes\",\n    @\n  }\n}\n"
	tests := []struct {
		name, mistake string
		line, col     int
		qid, msg      string
	}{
		{"typographic quotes", `"queue": “yes”`, 5, 14, "queue", `“ is a typographic quote: JSON needs straight quotes "..."`},
		{"guillemets", `"queue": «yes»`, 5, 14, "queue", `« is a typographic quote: JSON needs straight quotes "..."`},
		{"typographic quotes on a key", `“queue”: 3`, 5, 5, "", `“ is a typographic quote: JSON needs straight quotes "..."`},
		{"a typographic quote closing a string", "\"queue\": \"yes”\n", 5, 18, "queue", `the string is not closed: ” is a typographic quote: JSON needs straight quotes "..."`},
		{"single quotes", `"queue": 'yes'`, 5, 14, "queue", `' is a single quote: JSON needs double quotes "..."`},
		{"single quotes on a key", `'queue': 3`, 5, 5, "", `' is a single quote: JSON needs double quotes "..."`},
		{"trailing comma", `"queue": 3,`, 5, 15, "", "remove the comma after the last answer"},
		{"missing comma", "\"queue\": 3\n    \"speed\": 4", 5, 15, "", "a comma is missing after the previous answer"},
		{"missing comma on one line", `"queue": "yes" "speed": 4`, 5, 19, "", "a comma is missing after the previous answer"},
		{"bare word", `"queue": yes`, 5, 14, "queue", `yes is not in quotes: write "yes"`},
		{"bare word in Russian", `"queue": да`, 5, 14, "queue", `да is not in quotes: write "да"`},
		{"bare n/a", `"queue": n/a`, 5, 14, "queue", `n/a is not in quotes: write "n/a"`},
		{"bare key", `queue: 3`, 5, 5, "", `queue is not in quotes: write "queue"`},
		{"True", `"queue": True`, 5, 14, "queue", `write true in lower case, or "True" in quotes`},
		{"missing colon", `"queue" 3`, 5, 12, "", `a colon is missing after "queue": write "queue": and the value`},
		{"equals sign", `"queue" = 3`, 5, 13, "", `write : instead of = after "queue"`},
		{"no value", `"queue": ,`, 5, 14, "queue", `"queue" has no value: write one after the colon`},
		{"decimal comma", `"queue": 4,5`, 5, 15, "queue", "write 4.5 with a decimal point"},
		{"thousands separator or decimal comma", `"queue": 1,500`, 5, 15, "queue", "write 1.500 with a decimal point, or 1500 without the thousands separator"},
		{"unit", `"queue": 4 мин`, 5, 16, "queue", "write the number alone, 4, without мин: the unit is the checklist's"},
		{"point first", `"queue": .5`, 5, 14, "queue", "write 0.5: a JSON number has a digit before the point"},
		{"plus sign", `"queue": +5`, 5, 14, "queue", "write 5: a JSON number has no + sign"},
		{"leading zero", `"queue": 05`, 5, 14, "queue", "a number cannot start with 0: write 5"},
		{"comment", `// the queue was long`, 5, 5, "", "JSON has no comments: remove the comment"},
		{"backslash", `"comment": "C:\temp\x"`, 5, 24, "comment", `\x is not a JSON escape: write \\ for a backslash`},
		{"string across lines", "\"comment\": \"long\n queue\"", 5, 21, "comment", `the string is not closed on its line: add the closing "`},
		{"two commas", `"queue": 3,, "speed": 4`, 5, 16, "", "remove the extra comma"},
		{"a point and no digits", `"queue": 3.`, 5, 14, "queue", "3. is not a number: write 3, or digits after the point"},
		{"a bracket for a brace", `"queue": 3]`, 5, 15, "", "] does not close what is open here: write }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAnswers(strings.NewReader(strings.Replace(sheet, "@", tt.mistake, 1)))
			want := &AnswerError{Code: CodeSyntax, Pos: Pos{Line: tt.line, Column: tt.col}, Question: tt.qid, Message: tt.msg}
			if tt.qid != "" {
				want.Pointer = JSONPointer("answers", tt.qid)
			}
			got := AsAnswerErrors(err)
			for _, e := range got {
				e.Offset = 0 // checked by TestSheetSyntaxOffset
			}
			if diff := cmp.Diff(AnswerErrors{want}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Sheets cut short and mistakes outside the answers.
func TestSheetSyntaxEnds(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
		msg, qid  string
	}{
		{"no closing brace", "{\n  \"checklist\": \"x\",\n  \"answers\": {\"a\": \"yes\"}\n", 3, 26, "the sheet ends before it is closed: add } at the end", ""},
		{"two closing braces", "{\"checklist\": \"x\", \"answers\": {\"a\": \"yes\"", 1, 42, "the sheet ends before it is closed: add }} at the end", ""},
		{"inside a string", "{\"checklist\": \"x\", \"answers\": {\"a\": \"ye", 1, 40, `the sheet ends inside a string: close it with " and add }} at the end`, "a"},
		{"empty", " \n", 1, 1, `the sheet is empty: an answer sheet is a JSON object, {"checklist": "...", "answers": {...}}`, ""},
		{"an extra brace", "{\"checklist\": \"x\", \"answers\": {}}}", 1, 34, "'}' after the end of the answer sheet: remove it", ""},
		{"trailing comma in the envelope", "{\"checklist\": \"x\", \"answers\": {},\n}", 1, 33, "remove the comma after the last field", ""},
		{"trailing comma in the audit", "{\"checklist\": \"x\", \"audit\": {\"id\": \"1\",}, \"answers\": {}}", 1, 39, "remove the comma after the last audit field", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAnswers(strings.NewReader(tt.in))
			got := AsAnswerErrors(err)
			for _, e := range got {
				e.Offset = 0
			}
			want := AnswerErrors{{Code: CodeSyntax, Pos: Pos{Line: tt.line, Column: tt.col}, Message: tt.msg, Question: tt.qid}}
			if tt.qid != "" {
				want[0].Pointer = JSONPointer("answers", tt.qid)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// The offset is in bytes and the column in characters: they differ on a
// line with Cyrillic before the mistake.
func TestSheetSyntaxOffset(t *testing.T) {
	in := `{"checklist": "x", "audit": {"location": "ТЦ Европа"}, "answers": {"a": “yes”}}`
	_, err := ReadAnswers(strings.NewReader(in))
	es := AsAnswerErrors(err)
	if len(es) != 1 {
		t.Fatalf("got %v, want one syntax error", err)
	}
	e := es[0]
	if off := strings.Index(in, "“"); e.Offset != off || e.Column != len([]rune(in[:off]))+1 {
		t.Errorf("offset %d, column %d; want %d, %d", e.Offset, e.Column, off, len([]rune(in[:off]))+1)
	}
}
