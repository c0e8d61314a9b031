package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every input's problem formats in the one order: place, severity,
// CSV row and column, subject and question, message.
func TestDiagnosticError(t *testing.T) {
	tests := []struct {
		name string
		d    *Diagnostic
		want string
	}{
		{"checklist", &Diagnostic{Pos: Pos{File: "a.korto", Line: 3, Column: 7}, Message: "m"}, "a.korto:3:7: m"},
		{"checklist warning", &Diagnostic{Pos: Pos{File: "a.korto", Line: 3, Column: 7}, Severity: SeverityWarning, Message: "m"}, "a.korto:3:7: warning: m"},
		{"file only", &Diagnostic{Pos: Pos{File: "big.korto"}, Message: "too big"}, "big.korto: too big"},
		{"nothing", &Diagnostic{Message: "m"}, "m"},
		{"line without column", &Diagnostic{Pos: Pos{File: "v.csv", Line: 4}, Message: "m"}, "v.csv:4: m"},
		{"pointer", &Diagnostic{Pointer: "/answers/q", Question: "q", Message: "m"}, `/answers/q: question "q": m`},
		{"pointer in a file", &Diagnostic{Pos: Pos{File: "v.json"}, Pointer: "/answers/q", Message: "m"}, "v.json: /answers/q: m"},
		{"pointer after a line", &Diagnostic{Pos: Pos{File: "s.jsonl", Line: 12}, Pointer: "/answers/q", Message: "m"}, "s.jsonl:12: /answers/q: m"},
		{"column wins over pointer", &Diagnostic{Pos: Pos{Line: 2, Column: 5}, Pointer: "/answers/q", Question: "q", Message: "m"}, `2:5: question "q": m`},
		{"csv cell", &Diagnostic{Pos: Pos{File: "s.csv", Line: 5, Column: 3}, Row: 4, Field: "nps", Message: "m"}, `s.csv:5:3: row 4, column "nps": m`},
		{"csv row", &Diagnostic{Pos: Pos{File: "s.csv", Line: 5}, Row: 4, Message: "m"}, `s.csv:5: row 4: m`},
		{"subject and question", &Diagnostic{Pos: Pos{File: "v.csv", Line: 2, Column: 4}, Subject: "audit A7, question q", Question: "q", Message: "m"}, `v.csv:2:4: audit A7, question q: m`},
		{"subject", &Diagnostic{Pos: Pos{File: "t.jsonl", Line: 9}, Subject: `ticket "T3"`, Message: "m"}, `t.jsonl:9: ticket "T3": m`},
		{"nil", nil, "<nil>"},
	}
	for _, tt := range tests {
		if got := tt.d.Error(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestListError(t *testing.T) {
	a := &Diagnostic{Pos: Pos{File: "f", Line: 1, Column: 1}, Message: "a"}
	b := &Diagnostic{Pos: Pos{File: "f", Line: 2, Column: 1}, Severity: SeverityWarning, Message: "b"}
	tests := []struct {
		l    List
		want string
	}{
		{nil, "no problems"},
		{List{a}, "f:1:1: a"},
		{List{a, b}, "f:1:1: a (and 1 more)"},
	}
	for _, tt := range tests {
		if got := tt.l.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	if (List{b}).Err() != nil {
		t.Error("warnings alone are an error")
	}
	errs, warns := List{b, a, nil}.Split()
	if diff := cmp.Diff([]List{{a}, {b}}, []List{errs, warns}); diff != "" {
		t.Errorf("Split (-want +got):\n%s", diff)
	}
}

func TestInFile(t *testing.T) {
	syntax := &Diagnostic{Pos: Pos{Line: 2, Column: 5}, Message: "a"}
	value := &Diagnostic{Pointer: "/answers/q", Message: "b"}
	l := List{syntax, value, nil}
	got := l.InFile("s.jsonl", 9)
	want := List{
		{Pos: Pos{File: "s.jsonl", Line: 2, Column: 5}, Message: "a"},
		{Pos: Pos{File: "s.jsonl", Line: 9}, Pointer: "/answers/q", Message: "b"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("InFile (-want +got):\n%s", diff)
	}
	if syntax.File != "" || value.Line != 0 {
		t.Error("InFile changed its receiver")
	}
}

// A caller gets the problems back from a wrapped error, as a list or
// as its first diagnostic.
func TestAs(t *testing.T) {
	a := &Diagnostic{Code: CodeSyntax, Message: "a"}
	b := &Diagnostic{Code: CodeBadCell, Message: "b"}
	err := fmt.Errorf("reading: %w", List{a, b})
	if diff := cmp.Diff(List{a, b}, As(err)); diff != "" {
		t.Errorf("As (-want +got):\n%s", diff)
	}
	var d *Diagnostic
	if !errors.As(err, &d) || d != a {
		t.Errorf("errors.As gave %v, want the first diagnostic", d)
	}
	if got := As(fmt.Errorf("x: %w", b)); len(got) != 1 || got[0] != b {
		t.Errorf("As of one diagnostic: %v", got)
	}
	if got := As(errors.New("plain")); got != nil {
		t.Errorf("As of a plain error: %v", got)
	}
}

// errors.Is sees through a diagnostic, and a list of them, to the error
// behind it.
func TestUnwrapErr(t *testing.T) {
	cause := errors.New("out of range")
	d := &Diagnostic{Code: CodeBadCell, Message: "11 is off the scale", Err: cause}
	if !errors.Is(fmt.Errorf("f.csv: %w", List{{Message: "first"}, d}), cause) {
		t.Error("errors.Is does not find the error behind a listed diagnostic")
	}
	if (*Diagnostic)(nil).Unwrap() != nil || (&Diagnostic{}).Unwrap() != nil {
		t.Error("Unwrap of a diagnostic without an error is not nil")
	}
}

func TestQuote(t *testing.T) {
	if got := Quote("nps"); got != `"nps"` {
		t.Errorf("Quote: %s", got)
	}
	long := strings.Repeat("ж", 50)
	if got, want := Quote(long), `"`+strings.Repeat("ж", 40)+`"…`; got != want {
		t.Errorf("Quote of a long name: %s", got)
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []Severity{SeverityError, SeverityWarning} {
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v round trip: %v, %v", s, back, err)
		}
	}
	var s Severity
	if s.UnmarshalText([]byte("fatal")) == nil {
		t.Error("fatal is no severity")
	}
}
