package korto

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNilArguments checks that nil arguments come back as errors, never
// panics.
func TestNilArguments(t *testing.T) {
	c := specMall()
	p := scCompile(t, c)
	agg := func() *Aggregator {
		a, err := NewAggregator(c, AggregateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	sheet, err := ReadAnswers(strings.NewReader(scMallSheet))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		call func() error
		want string // a part of the error
	}{
		{"ReadAnswers(nil)", func() error { _, err := ReadAnswers(nil); return err }, "nil io.Reader"},
		{"Plan.ReadAnswers(nil)", func() error { _, err := p.ReadAnswers(nil); return err }, "nil io.Reader"},
		{"NewSheetReader(nil).Next()", func() error { _, err := NewSheetReader(nil).Next(); return err }, "nil io.Reader"},
		{"Plan.NewSheetReader(nil).Next()", func() error { _, err := p.NewSheetReader(nil).Next(); return err }, "nil io.Reader"},
		{"Plan.Score(nil)", func() error { _, err := p.Score(nil); return err }, "no answer sheet"},
		{"AddScored(nil, nil, nil)", func() error { return agg().AddScored(nil, nil, nil) }, "no plan"},
		{"AddScored(p, nil, sc)", func() error { return agg().AddScored(p, nil, &Scores{}) }, "nil *Sheet"},
		{"AddScored(p, s, nil)", func() error { return agg().AddScored(p, sheet, nil) }, "nil *Scores"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantRefused(t, tt.call, tt.want)
		})
	}
}

// TestNilErrorValues checks that the error types format a nil receiver
// as "<nil>", as the standard library's do, and that lists holding a nil
// entry do not panic.
func TestNilErrorValues(t *testing.T) {
	type got struct {
		Diagnostic, AnswerError, SheetError string
		DiagnosticsHasErrors                bool
		AnswerErrorsHasErrors               bool
		AnswerErrorsError                   string
	}
	g := got{
		Diagnostic:            (*Diagnostic)(nil).Error(),
		AnswerError:           (*AnswerError)(nil).Error(),
		SheetError:            (*SheetError)(nil).Error(),
		DiagnosticsHasErrors:  Diagnostics{nil}.HasErrors(),
		AnswerErrorsHasErrors: AnswerErrors{nil}.HasErrors(),
		AnswerErrorsError:     AnswerErrors{nil}.Error(),
	}
	want := got{"<nil>", "<nil>", "<nil>", false, false, "<nil>"}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if err := (*SheetError)(nil).Unwrap(); err != nil {
		t.Errorf("nil SheetError unwraps to %v", err)
	}
}
