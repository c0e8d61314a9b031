package support_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// Names people type or desks export come in any case; the lookups fold
// it, and what the package writes stays lower case.
func TestLookupsIgnoreCase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"fcr", "fcr"},
		{"FCR", "fcr"},
		{"First_Contact_Resolution", "fcr"},
		{"First_Response.P90_s", "first_response_p90"},
		{" nps ", ""}, // names are not trimmed: a standard's kpi is a key, not prose
	} {
		k, ok := support.LookupKPI(c.in)
		if got := k.Name; got != c.want || ok != (c.want != "") {
			t.Errorf("LookupKPI(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		want support.EventType
	}{
		{"reply", support.Reply},
		{"Reply", support.Reply},
		{"SOLVED", support.Solved},
		{"Abandoned", support.Abandoned},
	} {
		got, err := support.ParseEventType(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseEventType(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		var u support.EventType
		if err := u.UnmarshalText([]byte(c.in)); err != nil || u != c.want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", c.in, u, err, c.want)
		}
		if b, _ := got.MarshalText(); string(b) != got.String() || string(b) != c.want.String() {
			t.Errorf("%v writes as %q", got, b)
		}
	}
}

// A ticket export with capitalised event types reads like a lower-case one.
func TestReaderCapitalisedEventTypes(t *testing.T) {
	const line = `{"id":"T1","channel":"chat","created":"2026-11-02T10:00:00Z","events":[` +
		`{"at":"2026-11-02T10:00:00Z","type":"Message"},{"at":"2026-11-02T10:02:00Z","type":"Reply","agent":"anna"},{"at":"2026-11-02T10:05:00Z","type":"Solved"}]}`
	var got []support.EventType
	err := support.ReadAll(strings.NewReader(line), func(tk *support.Ticket) error {
		for _, e := range tk.Events {
			got = append(got, e.Type)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]support.EventType{support.Message, support.Reply, support.Solved}, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}
