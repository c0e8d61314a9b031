package korto

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/go-cmp/cmp"
)

// scProblem is what the tests compare of an AnswerError.
type scProblem struct {
	Code, Pointer, Question string
	Warning                 bool
	Line, Column            int
}

func scProblems(es AnswerErrors) []scProblem {
	var out []scProblem
	for _, e := range es {
		out = append(out, scProblem{Code: e.Code, Pointer: e.Pointer, Question: e.Question,
			Warning: e.Severity == SeverityWarning, Line: e.Line, Column: e.Column})
	}
	return out
}

// scEdit returns the spec's example sheet with each old string replaced
// by its new one (once each, in order).
func scEdit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := scMallSheet
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("sheet has no %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestReadAnswersProblems(t *testing.T) {
	p := scCompile(t, specMall())
	ans := func(id, code string) scProblem {
		return scProblem{Code: code, Pointer: "/answers/" + id, Question: id}
	}
	tests := []struct {
		name  string
		sheet string
		want  []scProblem
	}{
		{"the spec's sheet is valid", scMallSheet, nil},
		{"optional question left out", scEdit(t, `, "comment": "..."`, ``), nil},
		{"question switched off, left out", scEdit(t, `"has_parking": "yes", "parking_signs": "yes"`, `"has_parking": "no"`), nil},
		{"question switched off, answered na", scEdit(t, `"has_parking": "yes", "parking_signs": "yes"`, `"has_parking": "no", "parking_signs": "na"`), nil},
		{"question switched off but answered", scEdit(t, `"has_parking": "yes"`, `"has_parking": "no"`),
			[]scProblem{ans("parking_signs", CodeWhenFalse)}},
		{"missing answers", scEdit(t, `"entrance": "yes", "toilets": "no", `, ``),
			[]scProblem{ans("entrance", CodeMissingAnswer), ans("toilets", CodeMissingAnswer)}},
		{"na without na", scEdit(t, `"entrance": "yes"`, `"entrance": "na"`, `"speed": 4`, `"speed": "na"`),
			[]scProblem{ans("entrance", CodeNANotAllowed), ans("speed", CodeNANotAllowed)}},
		{"wrong JSON types", scEdit(t, `"entrance": "yes"`, `"entrance": true`, `"lifts_ok": "most"`, `"lifts_ok": 1`,
			`"queue": 3.5`, `"queue": "3.5"`, `"speed": 4`, `"speed": "4"`, `"mood": "positive"`, `"mood": null`,
			`"comment": "..."`, `"comment": ["a"]`),
			[]scProblem{ans("entrance", CodeWrongType), ans("lifts_ok", CodeWrongType), ans("queue", CodeWrongType),
				ans("speed", CodeWrongType), ans("mood", CodeWrongType), ans("comment", CodeWrongType)}},
		{"numbers out of range or fractional", scEdit(t, `"speed": 4`, `"speed": 4.5`, `"recommend": 9`, `"recommend": 11`, `"effort": 6`, `"effort": 0`),
			[]scProblem{ans("speed", CodeNotWhole), ans("recommend", CodeOutOfRange), ans("effort", CodeOutOfRange)}},
		{"a whole number written as a decimal", scEdit(t, `"speed": 4`, `"speed": 4.0`), nil},
		{"number too large for float64", scEdit(t, `"queue": 3.5`, `"queue": 1e999`),
			[]scProblem{ans("queue", CodeOutOfRange)}}, // once: it is a number, not a wrong type
		{"unknown option and emotion", scEdit(t, `"lifts_ok": "most"`, `"lifts_ok": "mots"`, `"mood": "positive"`, `"mood": "happy"`),
			[]scProblem{ans("lifts_ok", CodeUnknownOption), ans("mood", CodeUnknownEmotion)}},
		{"unknown answer keys, sorted, escaped", scEdit(t, `"entrance": "yes"`, `"entrance": "yes", "zz": 1, "a/b~c": "yes"`),
			[]scProblem{{Code: CodeUnknownQuestion, Pointer: "/answers/a~1b~0c", Question: "a/b~c"},
				{Code: CodeUnknownQuestion, Pointer: "/answers/zz", Question: "zz"}}},
		{"duplicate keys", scEdit(t, `"entrance": "yes"`, `"entrance": "yes", "entrance": "no"`, `"version": "2026.1"`, `"version": "2026.1", "version": "2026.1"`),
			[]scProblem{{Code: CodeDuplicateKey, Pointer: "/version"}, {Code: CodeDuplicateKey, Pointer: "/answers/entrance", Question: "entrance"}}},
		{"wrong checklist", scEdit(t, `"checklist": "mall_basic"`, `"checklist": "mall"`),
			[]scProblem{{Code: CodeWrongChecklist, Pointer: "/checklist"}}},
		{"other version is a warning", scEdit(t, `"version": "2026.1"`, `"version": "2025.4"`),
			[]scProblem{{Code: CodeVersionMismatch, Pointer: "/version", Warning: true}}},
		{"unknown top-level key", scEdit(t, `"version": "2026.1"`, `"version": "2026.1", "answer": {}`),
			[]scProblem{{Code: CodeUnknownKey, Pointer: "/answer"}}},
		{"a byte-order mark is skipped", "\ufeff" + scMallSheet, nil},
		{"$schema is allowed", scEdit(t, `"version": "2026.1"`, `"version": "2026.1", "$schema": "x.json"`), nil},
		{"audit numbers and booleans are kept as text, null is not", scEdit(t, `"id": "v-0017"`, `"id": 17, "paid": true, "x": null, "y": {}`),
			[]scProblem{{Code: CodeWrongType, Pointer: "/audit/x"}, {Code: CodeWrongType, Pointer: "/audit/y"}}},
		{"envelope types", `{"checklist": 1, "audit": [], "answers": "x"}`,
			[]scProblem{{Code: CodeWrongType, Pointer: "/checklist"}, {Code: CodeNotObject, Pointer: "/audit"},
				{Code: CodeNotObject, Pointer: "/answers"}}},
		{"not an object", `[1, 2]`, []scProblem{{Code: CodeNotObject}}},
		{"nothing but the envelope", `{}`, []scProblem{{Code: CodeMissingKey}, {Code: CodeMissingKey}}},
		{"trailing comma", "{\"checklist\": \"mall_basic\",\n  \"answers\": {\"entrance\": \"yes\",}}",
			[]scProblem{{Code: CodeSyntax, Line: 2, Column: 32}}}, // at the comma
		{"truncated", "{\"checklist\": \"mall_basic\",\n \"answers\": {",
			[]scProblem{{Code: CodeSyntax, Line: 2, Column: 14}}},
		{"empty input", "", []scProblem{{Code: CodeSyntax, Line: 1, Column: 1}}},
		{"trailing data", `{"checklist": "mall_basic", "answers": {}} {}`,
			[]scProblem{{Code: CodeSyntax, Line: 1, Column: 44}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := p.ReadAnswers(strings.NewReader(tt.sheet))
			var got []scProblem
			if s != nil {
				got = scProblems(s.Warnings)
			}
			got = append(got, scProblems(AsAnswerErrors(err))...)
			// A version warning is reported beside errors, but the
			// tests list each problem once.
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nerror: %v", diff, err)
			}
			if err != nil {
				var es AnswerErrors
				if !errors.As(err, &es) {
					t.Errorf("error %T is not an AnswerErrors", err)
				}
			}
		})
	}
}

func TestAnswerErrorMessages(t *testing.T) {
	p := scCompile(t, specMall())
	sheet := scEdit(t, `"entrance": "yes"`, `"entrnace": "yes"`, `"lifts_ok": "most"`, `"lifts_ok": "mots"`,
		`"speed": 4`, `"speed": 6`, `"version": "2026.1"`, `"version": "2026.1", "answres": 1`)
	_, err := p.ReadAnswers(strings.NewReader(sheet))
	var got []string
	for _, e := range AsAnswerErrors(err) {
		got = append(got, e.Error())
	}
	want := []string{
		`/answres: unknown key "answres"; did you mean "answers"?`,
		`/answers/entrance: question "entrance": ` + noAnswerMsg,
		`/answers/lifts_ok: question "lifts_ok": unknown option "mots" of choice "lifts" (options: all, none, most); did you mean "most"?`,
		`/answers/speed: question "speed": 6 is out of range 1..5`,
		`/answers/entrnace: question "entrnace": checklist "mall_basic" has no such question; did you mean "entrance"?`,
	}
	want[2] = `/answers/lifts_ok: question "lifts_ok": unknown option "mots" of choice "lifts" (options: all, most, none); did you mean "most"?`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
	if msg := err.Error(); !strings.HasSuffix(msg, "(and 4 more)") {
		t.Errorf("list error %q does not count the rest", msg)
	}
	_, err = ReadAnswers(strings.NewReader("{\n  \"checklist\": x}"))
	if got, want := err.Error(), `2:16: x is not in quotes: write "x"`; got != want {
		t.Errorf("syntax error:\n got %s\nwant %s", got, want)
	}
}

func TestReadAnswersKeepsAudit(t *testing.T) {
	s, err := ReadAnswers(strings.NewReader(`{"checklist": "c", "audit": {"id": 17, "ok": false, "loc": "ТЦ"}, "answers": {"a": "yes", "n": -2.5}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := &Sheet{Checklist: "c", Audit: map[string]string{"id": "17", "ok": "false", "loc": "ТЦ"},
		Answers: map[string]Answer{"a": Str("yes"), "n": Num(-2.5)}}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The sheet's JSON form reads back to the same sheet.
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := ReadAnswers(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, s2); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	var s3 Sheet
	if err := json.Unmarshal(b, &s3); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, &s3); diff != "" {
		t.Errorf("encoding/json (-want +got):\n%s", diff)
	}
}

func TestJSONPointer(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"answers", "queue"}, "/answers/queue"},
		{[]string{"answers", "a/b"}, "/answers/a~1b"},
		{[]string{"answers", "~1"}, "/answers/~01"},
		{[]string{"answers", "вход"}, "/answers/вход"},
		{[]string{""}, "/"},
	} {
		if got := JSONPointer(tt.in...); got != tt.want {
			t.Errorf("JSONPointer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCheckSheetBuiltInGo checks a sheet built in Go, where numbers can
// be NaN, which JSON cannot carry.
func TestCheckSheetBuiltInGo(t *testing.T) {
	p := scCompile(t, specMall())
	s, err := p.ReadAnswers(strings.NewReader(scMallSheet))
	if err != nil {
		t.Fatal(err)
	}
	s.Answers["queue"] = Num(nan())
	got := scProblems(p.Check(s))
	want := []scProblem{{Code: CodeNotFinite, Pointer: "/answers/queue", Question: "queue"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := p.Check(nil).Err().(AnswerErrors); !err {
		t.Errorf("Check(nil) is not an error list")
	}
}

func nan() float64 { var z float64; return z / z }

// FuzzReadAnswers feeds arbitrary bytes to the reader. It must never
// panic, and a sheet it accepts must score, with every score in [0,1].
// Read into a sheet that held another, it must give what it gives read
// afresh.
// The reader's own account of syntax errors must find one exactly when
// the decoder does, and place it inside the input.
func FuzzReadAnswers(f *testing.F) {
	f.Add([]byte(scMallSheet))
	f.Add([]byte(`{"checklist": "mall_basic", "answers": {"entrance": "yes", "entrance": "no"}}`))
	f.Add([]byte(`{"checklist": "mall_basic", "answers": {"speed": 1e999, "queue": -0, "mood": null}}`))
	f.Add([]byte(`[`))
	f.Add([]byte("{\"checklist\": \"mall_basic\",\n \"answers\": {\"entrance\": “yes”, \"queue\": 4,5,}}"))
	f.Add([]byte("{'checklist': \"mall_basic\", \"answers\": {\"queue\": 05 мин \"speed\": yes, \"c\": \"a\\qb\n"))
	p := scCompile(f, specMall())
	f.Fuzz(func(t *testing.T, data []byte) {
		body := bytes.TrimPrefix(data, []byte("\ufeff"))
		d, found := scanSheetSyntax(body)
		// Text that is not UTF-8 is refused before the scan runs, so
		// the scan is held to the decoder that lets it through.
		valid := jsontext.Value(body).IsValid(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
		// The scan leaves documents nested too deep to the decoder.
		tooDeep := bytes.Count(body, []byte("["))+bytes.Count(body, []byte("{")) > maxSyntaxDepth
		switch {
		case found && valid:
			t.Fatalf("the syntax scan found %+v in JSON the decoder takes", d)
		case !found && !valid && !tooDeep:
			t.Fatalf("the syntax scan found nothing wrong in JSON the decoder rejects")
		case found && (d.off < 0 || d.off > len(body)):
			t.Fatalf("syntax error %+v outside the input of %d bytes", d, len(body))
		}
		sameParseInto(t, data)
		s, err := p.ReadAnswers(strings.NewReader(string(data)))
		if err != nil {
			if len(AsAnswerErrors(err)) == 0 {
				t.Fatalf("error %v is not an AnswerErrors", err)
			}
			return
		}
		r, err := p.Score(s)
		if err != nil {
			t.Fatalf("ReadAnswers accepted a sheet that Score rejects: %v", err)
		}
		check := func(x *float64) {
			if x != nil && !(*x >= 0 && *x <= 1) {
				t.Fatalf("score %v outside [0,1]", *x)
			}
		}
		check(r.Score)
		check(r.RawScore)
		for _, l := range r.Levels {
			check(l.Score)
		}
	})
}

// A number too large for float64 in a sheet decoded with encoding/json
// (Answer.UnmarshalJSON keeps it as its text) is out of range, not an
// answer of the wrong type: it is a number.
func TestCheckNumberTooLarge(t *testing.T) {
	p := scCompile(t, specMall())
	var s Sheet
	if err := json.Unmarshal([]byte(scEdit(t, `"speed": 4`, `"speed": 1e999`)), &s); err != nil {
		t.Fatal(err)
	}
	got := p.Check(&s)
	want := AnswerErrors{{Question: "speed", Pointer: "/answers/speed", Code: CodeOutOfRange, Message: "number 1e999 is too large"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A long bad value is quoted cut short: the message names the problem,
// it does not echo a pasted document.
func TestAnswerMessageClipsLongValues(t *testing.T) {
	plan := scCompile(t, specMall())
	long := strings.Repeat("я", 5000)
	_, err := plan.ReadAnswers(strings.NewReader(`{"checklist":"mall_basic","answers":{"entrance":"` + long + `"}}`))
	es := AsAnswerErrors(err)
	if len(es) == 0 {
		t.Fatalf("no errors: %v", err)
	}
	for _, e := range es {
		if e.Question == "entrance" {
			want := `takes "yes" or "no", not "` + strings.Repeat("я", 39) + `…"`
			if !strings.Contains(e.Message, want) || len(e.Message) > 200 {
				t.Errorf("message %q, want it to contain %q", e.Message, want)
			}
			return
		}
	}
	t.Errorf("no error on entrance: %v", es)
}

// A key given three times is one problem that says so, not two equal
// ones; each repeated key has its own.
func TestReadAnswersRepeatedKey(t *testing.T) {
	in := `{"checklist": "x", "answers": {"a": "yes", "a": "no", "b": 1, "a": "yes", "b": 2}}`
	_, err := ReadAnswers(strings.NewReader(in))
	want := AnswerErrors{
		{Question: "a", Pointer: "/answers/a", Code: CodeDuplicateKey, Message: `key "a" appears 3 times in the object; keep one`},
		{Question: "b", Pointer: "/answers/b", Code: CodeDuplicateKey, Message: `key "b" appears more than once in the object; keep one`},
	}
	if diff := cmp.Diff(want, AsAnswerErrors(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
