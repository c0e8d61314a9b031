package support_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics/support"
)

func TestReadAgentTime(t *testing.T) {
	in := `{"agent": "anna", "channel": "chat", "logged_in": "8h", "handling": "5h10m", "after_work": "40m"}

{"agent": "boris", "logged_in": "8h", "handling": "9h"}
{"agent": "chen", "logged_in": "eight hours"}
{"logged_in": "1h"}
{"agent": "dina", "channel": "phone", "logged_in": "1h", "handling": "36m", "after_work": "9m"}
`
	var got []support.AgentTime
	err := support.ReadAgentTime(strings.NewReader(in), func(a support.AgentTime) error {
		got = append(got, a)
		return nil
	})
	want := []support.AgentTime{
		{Agent: "anna", Channel: "chat", LoggedIn: 8 * time.Hour, Handling: 5*time.Hour + 10*time.Minute, AfterWork: 40 * time.Minute},
		{Agent: "dina", Channel: "phone", LoggedIn: time.Hour, Handling: 36 * time.Minute, AfterWork: 9 * time.Minute},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("records (-want +got):\n%s", d)
	}
	var errs support.Errors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("err = %v, want 3 line errors", err)
	}
	for i, want := range []string{`3: agent "boris": handling 9h0m0s + after-work 0s exceed`, `4: agent "chen": logged_in: "eight hours"`, "5: missing agent"} {
		if !strings.HasPrefix(errs[i].Error(), want) || errs[i].Code != diag.CodeBadAgentTime {
			t.Errorf("error %d = %q (%s), want %q (%s)", i, errs[i], errs[i].Code, want, diag.CodeBadAgentTime)
		}
	}
}

// Handling and after-work of centuries overflowed their sum to a
// negative duration and passed as fitting into an hour logged in.
func TestAgentTimeOverflowRefused(t *testing.T) {
	huge := time.Duration(math.MaxInt64/2 + 1)
	at := support.AgentTime{Agent: "a", LoggedIn: time.Hour, Handling: huge, AfterWork: huge}
	if err := at.Validate(); err == nil {
		t.Error("handling + after-work past the range of time.Duration passed")
	}
	ok := support.AgentTime{Agent: "a", LoggedIn: time.Hour, Handling: 40 * time.Minute, AfterWork: 20 * time.Minute}
	if err := ok.Validate(); err != nil {
		t.Errorf("exactly the logged-in time: %v", err)
	}
}
