package korto

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sameParseInto reads data with ParseAnswers, and with ParseAnswersInto
// into a sheet that held the mall sheet, and fails when the two differ:
// in the errors, or, when the sheet could be read, in the sheet.
func sameParseInto(t *testing.T, data []byte) {
	t.Helper()
	want, wantErr := ParseAnswers(data)
	got := new(Sheet)
	if err := ParseAnswersInto(got, []byte(scMallSheet)); err != nil {
		t.Fatal(err)
	}
	gotErr := ParseAnswersInto(got, data)
	if diff := cmp.Diff(AsAnswerErrors(wantErr), AsAnswerErrors(gotErr)); diff != "" {
		t.Fatalf("ParseAnswersInto's errors differ from ParseAnswers' (-fresh +reused):\n%s", diff)
	}
	if want == nil {
		want = &Sheet{} // a syntax error: nothing read
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("ParseAnswersInto's sheet differs from ParseAnswers' (-fresh +reused):\n%s", diff)
	}
}

// One Sheet read into again and again holds each time what a fresh read
// gives: nothing of an earlier sheet stays behind, whatever the order of
// sheets with and without audits, answers, errors and warnings.
func TestParseAnswersIntoReuse(t *testing.T) {
	sheets := []string{
		scMallSheet,
		`{"checklist": "mall_basic", "answers": {"entrance": "yes"}}`,
		`{"checklist": "mall_basic", "audit": {"id": "a"}}`,
		`{"checklist": "mall_basic", "version": "0.1", "audit": {"id": "b", "n": 4, "ok": true}, "answers": {"entrance": "no", "speed": 4}}`,
		`{"checklist": "mall_basic", "answers": {"entrance": "yes", "entrance": "no", "queue": null}}`,
		`{"checklist": "mall_basic", "audit": [], "answers": 3}`,
		`{"checklist": "mall_basic", "answers": {"entrance": "y\u00e9s", "e\\u006etrance2": "\"q\""}}`,
		`{"checklist": "mall_basic", "answers": {"entrance": "yes",}}`,
		`[1, 2]`,
		`{"checklist": "mall_basic", "audit": {}, "answers": {}}`,
		scMallSheet,
	}
	s := new(Sheet)
	for i, text := range sheets {
		want, wantErr := ParseAnswers([]byte(text))
		gotErr := ParseAnswersInto(s, []byte(text))
		if diff := cmp.Diff(AsAnswerErrors(wantErr), AsAnswerErrors(gotErr)); diff != "" {
			t.Errorf("sheet %d: errors (-fresh +reused):\n%s", i, diff)
		}
		if want == nil {
			want = &Sheet{}
		}
		if diff := cmp.Diff(want, s); diff != "" {
			t.Errorf("sheet %d: sheet (-fresh +reused):\n%s", i, diff)
		}
	}
}

// The reader keeps the short strings of the sheets it has read, to hand
// them out again; a stream of sheets each with values of its own (audit
// IDs, times) must neither be read wrong nor make that store grow
// without end.
func TestParseAnswersManyStrings(t *testing.T) {
	for i := range 3 * maxStrs {
		text := fmt.Sprintf(`{"checklist": "c", "audit": {"id": "v-%d", "f%d": "x"}, "answers": {"q%d": "a%d", "q": "yes"}}`, i, i%7, i%5, i)
		s, err := ParseAnswers([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		want := &Sheet{Checklist: "c",
			Audit:   map[string]string{"id": fmt.Sprint("v-", i), fmt.Sprint("f", i%7): "x"},
			Answers: map[string]Answer{fmt.Sprint("q", i%5): Str(fmt.Sprint("a", i)), "q": Str("yes")}}
		if diff := cmp.Diff(want, s); diff != "" {
			t.Fatalf("sheet %d (-want +got):\n%s", i, diff)
		}
	}
	sr := sheetReaders.Get().(*sheetReader)
	defer sheetReaders.Put(sr)
	if len(sr.strs) > maxStrs || len(sr.prev) > maxStrs {
		t.Errorf("the reader keeps %d interned strings and %d of the last sheet, over %d", len(sr.strs), len(sr.prev), maxStrs)
	}
}

// A string longer than the interned ones, and one with escapes, read
// the same as any other.
func TestParseAnswersLongAndEscaped(t *testing.T) {
	long := strings.Repeat("д", maxStrLen)
	quotes := strings.Repeat(`\"`, 4*maxStrLen) // longer than the reader's scratch takes
	text := `{"checklist": "c", "answers": {"a": "` + long + `", "b\n": "\u0434\"", "c": "", "d": "` + quotes + `"}}`
	for range 2 { // the second time, from what the reader kept
		s, err := ParseAnswers([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]Answer{"a": Str(long), "b\n": Str("д\""), "c": Str(""), "d": Str(strings.Repeat(`"`, 4*maxStrLen))}
		if diff := cmp.Diff(want, s.Answers); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
	}
}

// ParseAnswersInto refuses a nil sheet and, as ReadAnswers does, a sheet
// over the limit.
func TestParseAnswersIntoRefuses(t *testing.T) {
	if err := ParseAnswersInto(nil, []byte(scMallSheet)); err == nil {
		t.Error("a nil *Sheet was taken")
	}
	big := make([]byte, MaxSheetSize+1)
	if err := ParseAnswersInto(new(Sheet), big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ParseAnswersInto(%d bytes) = %v, want ErrTooLarge", len(big), err)
	}
	if _, err := ParseAnswers(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ParseAnswers(%d bytes) = %v, want ErrTooLarge", len(big), err)
	}
}

// A sheet's maps are reused from sheet to sheet, but not after a huge
// sheet: a map never shrinks, and every later sheet would pay for its
// size when it is cleared and walked.
func TestParseAnswersIntoDropsHugeMaps(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"checklist": "c", "answers": {`)
	for i := range maxAnswersHint + 1 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"q%d": "yes"`, i)
	}
	b.WriteString(`}}`)
	small := []byte(`{"checklist": "c", "answers": {"q": "yes"}}`)
	s := new(Sheet)
	mapOf := func() uintptr { return reflect.ValueOf(s.Answers).Pointer() }
	for _, step := range []struct {
		data []byte
		same bool // the map the last sheet had
	}{{small, false}, {small, true}, {[]byte(b.String()), true}, {small, false}, {small, true}} {
		before := mapOf()
		if err := ParseAnswersInto(s, step.data); err != nil {
			t.Fatal(err)
		}
		if same := mapOf() == before; same != step.same {
			t.Errorf("after a sheet of %d answers, one of %d: reused the map = %v, want %v", len(s.Answers), bytes.Count(step.data, []byte(":"))-1, same, step.same)
		}
	}
}
