package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A repeated ticket id is a bad line naming the first one: nothing is
// computed unless --skip-bad, which keeps the first ticket.
func TestSupportDuplicateIDs(t *testing.T) {
	in := `{"id": "T1", "channel": "chat", "created": "2026-11-02T10:00:00Z"}
{"id": "T2", "channel": "chat", "created": "2026-11-02T10:00:00Z"}
{"id": "T1", "channel": "email", "created": "2026-11-02T11:00:00Z"}
{"id": "T3", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:01:00Z", "type": "reply"}]}
`
	out, errs, code := runSupportCmd(t, in, "-", "--json")
	if code != exitInput || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	for _, want := range []string{`<stdin>:3: ticket "T1": duplicate id: line 1 has the same id`, `<stdin>:4: /events/0: ticket "T3": reply without an agent`, "2 bad lines"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	out, errs, code = runSupportCmd(t, in, "-", "--json", "--skip-bad")
	if code != exitOK || !strings.Contains(errs, `<stdin>:3: warning: ticket "T1": skipped: duplicate id`) {
		t.Fatalf("--skip-bad: exit %d: %s", code, errs)
	}
	var got struct {
		Tickets int `json:"tickets"`
		Skipped int `json:"skipped_lines"`
		Queues  []struct {
			Channel string `json:"channel"`
		} `json:"queues"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Tickets != 2 || got.Skipped != 2 {
		t.Errorf("tickets %d, skipped %d; want 2 and 2", got.Tickets, got.Skipped)
	}
}

// Queues and clicks per channel, and the two queue standards, on the
// tickets of testdata/support/queue.jsonl (drawn in its own comment in
// metrics/support's TestWaiting, plus clicks on the web tickets).
func TestSupportQueueGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"queue.txt", []string{supportDir + "/queue.jsonl"}},
		{"queue.json", []string{supportDir + "/queue.jsonl", "--json", "--by", "channel"}},
	} {
		out, errs, code := runSupportCmd(t, "", c.args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", c.golden, code, errs)
		}
		supportGolden(t, c.golden, out)
	}
}
