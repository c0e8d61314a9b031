package dsl_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// TestConditionSpelledOneWay checks, in the library, that a condition
// is written byte for byte the same by each of the four places a user
// meets it: the formatter (dsl.Print, behind cxkit fmt), diff's new
// value (korto.Diff), the answer-sheet schema's x-cxkit-when
// (korto.AnswerSchema) and the scorer's message about an answer to a
// switched-off question; and that the spelling reads back through the
// parser to itself. Each used to print its own way: one flattened
// "a or (b or c)" to "a or b or c", another wrote 1e+21, which the
// language does not read.
//
// Every condition is false on the one sheet below (ok no, big 3, pick c,
// mood positive), so that the scorer has a reason to quote it.
func TestConditionSpelledOneWay(t *testing.T) {
	tests := []struct{ written, want string }{
		{"big > 1000000000000000000000", ""},
		{"big < 0.00000015 or big > 123456789012345680000", ""},
		{"big <= 0.125 and not ok", ""},
		{"ok or (mood == negative or mood == neutral)", ""},
		{"(ok or big >= 2.5) and pick in (a, b)", ""},
		{"not (pick == c and mood != negative)", ""},
		{"ok and (big < 3 and mood in (positive))", ""},
		{"ok or not (mood in (negative, neutral) or pick == c)", ""},
		// Parentheses the tree does not need are not kept.
		{"(ok and big > 1.50) or (pick != c and (mood == neutral or big <= -0.75))",
			"ok and big > 1.5 or pick != c and (mood == neutral or big <= -0.75)"},
		{"((ok)) or ok", "ok or ok"},
	}
	src := func(when string) []byte {
		return []byte(`checklist spell "Spelling" {
  choice abc {
    a "A" = 1
    b "B" = 0.5
    c "C" = 0
  }
  level 1 "One" pass 50% {
    question ok "OK"
    question big "Big" measure target >= 0
    question pick "Pick" abc
  }
  survey {
    question mood "Mood" emotion
    question dep "Dependent" text optional when ` + when + `
  }
}
`)
	}
	old, err := dsl.Parse("old.korto", src("ok"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		cond := tt.want
		if cond == "" {
			cond = tt.written
		}
		c, err := dsl.Parse("new.korto", src(tt.written))
		if err != nil {
			t.Errorf("%s: %v", cond, err)
			continue
		}
		got := map[string]string{"Expr.String": c.Question("dep").When.String()}

		var buf bytes.Buffer
		if err := dsl.Print(&buf, c); err != nil {
			t.Fatal(err)
		}
		got["fmt"] = lineAfter(buf.String(), " when ")
		back, err := dsl.Parse("back.korto", buf.Bytes())
		if err != nil {
			t.Fatalf("%s: formatted source does not parse: %v", cond, err)
		}
		got["parsed back"] = back.Question("dep").When.String()

		for _, ch := range korto.Diff(old, c) {
			if ch.Kind == "question-when" && ch.ID == "dep" {
				got["diff"] = ch.New
			}
		}

		s, err := korto.AnswerSchema(c, korto.SchemaOptions{})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		whens := map[string]bool{}
		collectKey(mustDecode(t, doc), "x-cxkit-when", whens)
		if len(whens) != 1 {
			t.Errorf("%s: schema has x-cxkit-when %v, want one spelling", cond, whens)
		}
		for w := range whens {
			got["schema"] = w
		}

		p, err := korto.Compile(c)
		if err != nil {
			t.Fatal(err)
		}
		sheet := &korto.Sheet{Checklist: "spell", Answers: map[string]korto.Answer{
			"ok": korto.Str("no"), "big": korto.Num(3), "pick": korto.Str("c"),
			"mood": korto.Str("positive"), "dep": korto.Str("text"),
		}}
		_, err = p.Score(sheet)
		var ds diag.List
		if !errors.As(err, &ds) {
			t.Fatalf("%s: scoring a sheet that answers a switched-off question: %v", cond, err)
		}
		for _, d := range ds {
			if d.Code == diag.CodeWhenFalse {
				_, after, _ := strings.Cut(d.Message, "(when ")
				got["message"] = after[:strings.LastIndex(after, "):")]
			}
		}

		for _, where := range []string{"Expr.String", "fmt", "parsed back", "diff", "schema", "message"} {
			if got[where] != cond {
				t.Errorf("%s spells %q as %q", where, cond, got[where])
			}
		}
	}
}

// lineAfter returns the rest of the first line of s after sep.
func lineAfter(s, sep string) string {
	_, after, ok := strings.Cut(s, sep)
	if !ok {
		return ""
	}
	line, _, _ := strings.Cut(after, "\n")
	return line
}

func mustDecode(t *testing.T, doc []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// collectKey adds every string value of key anywhere in v to out.
func collectKey(v any, key string, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == key {
				out[s] = true
			}
			collectKey(x, key, out)
		}
	case []any:
		for _, x := range v {
			collectKey(x, key, out)
		}
	}
}
