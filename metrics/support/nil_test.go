package support_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/metrics/support"
)

// A nil where a value was needed is an error, never a panic.
func TestNilArguments(t *testing.T) {
	const line = `{"id":"T1","channel":"chat","created":"2026-11-02T10:00:00Z","events":[]}`
	acc := support.NewAccumulator(support.Options{})
	var nilAcc *support.Accumulator
	for _, tt := range []struct {
		name string
		call func() error
	}{
		{"Add(nil)", func() error { return acc.Add(nil) }},
		{"nil accumulator Add", func() error {
			return nilAcc.Add(tk(t, "a", "chat", "0s"))
		}},
		{"nil accumulator AddAgentTime", func() error { return nilAcc.AddAgentTime(support.AgentTime{Agent: "anna"}) }},
		{"nil accumulator Merge", func() error { return nilAcc.Merge(acc) }},
		{"Evaluate(nil)", func() error { _, err := acc.Evaluate(nil, support.Inputs{}); return err }},
		{"nil set Validate", func() error { return (*support.StandardSet)(nil).Validate() }},
		{"NewReader(nil).Next", func() error { _, err := support.NewReader(nil).Next(); return err }},
		{"zero Reader Next", func() error { var r support.Reader; _, err := r.Next(); return err }},
		{"ReadAll(nil, fn)", func() error { return support.ReadAll(nil, acc.Add) }},
		{"ReadAll(r, nil)", func() error { return support.ReadAll(strings.NewReader(line), nil) }},
		{"ReadAgentTime(nil, fn)", func() error { return support.ReadAgentTime(nil, acc.AddAgentTime) }},
		{"ReadAgentTime(r, nil)", func() error {
			return support.ReadAgentTime(strings.NewReader(`{"agent":"anna","logged_in":"1h"}`), nil)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil || errors.Is(err, io.EOF) {
				t.Fatalf("got %v; want an error", err)
			}
			if !strings.HasPrefix(err.Error(), "support: ") {
				t.Errorf("error %q does not say which package", err)
			}
		})
	}
	if r := acc.Report(); r.Tickets != 0 {
		t.Errorf("nothing should have been added; %d tickets", r.Tickets)
	}
}

func TestNilAccumulatorEvaluate(t *testing.T) {
	var a *support.Accumulator
	if _, err := a.Evaluate(support.DefaultStandards(), support.Inputs{}); err == nil {
		t.Error("Evaluate on a nil accumulator: want an error")
	}
}
