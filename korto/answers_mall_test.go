package korto_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/google/go-cmp/cmp"
)

// The case from the review: on the mall checklist, whose car-park block
// hangs on has_parking, "maybe" for has_parking was reported once as a
// wrong type and then ten times over as answers to switched-off
// questions. It is one mistake, reported once.
func TestMallWrongParkingIsOneError(t *testing.T) {
	plan, sc := mallVisits(t)
	if !sc.Scan() {
		t.Fatal("no visits")
	}
	line := sc.Text()
	if !strings.Contains(line, `"has_parking":"yes"`) {
		t.Fatal(`the first visit no longer answers "has_parking":"yes"`)
	}
	_, err := plan.ReadAnswers(strings.NewReader(strings.Replace(line, `"has_parking":"yes"`, `"has_parking":"maybe"`, 1)))
	want := korto.AnswerErrors{{Question: "has_parking", Pointer: "/answers/has_parking", Code: korto.CodeWrongType,
		Message: `takes "yes" or "no", not "maybe"`}}
	if diff := cmp.Diff(want, korto.AsAnswerErrors(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// mallVisits compiles the mall checklist and opens its example visits,
// one JSON line each, for scanning.
func mallVisits(t *testing.T) (*korto.Plan, *bufio.Scanner) {
	t.Helper()
	src, err := os.ReadFile("../examples/mall/mall.korto")
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse("mall.korto", src)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../examples/mall/visits.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	return plan, sc
}
