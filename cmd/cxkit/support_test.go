package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/metrics/support"
)

const supportDir = "testdata/support"

func runSupportCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCmd(t, stdin, append([]string{"support"}, args...)...)
}

func supportGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join(supportDir, name), []byte(got))
}

// The example export, in calendar time and in business hours, as text
// and JSON.
func TestSupportGolden(t *testing.T) {
	ex := "../../examples/support/"
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"example.txt", []string{ex + "tickets.jsonl", "--agent-time", ex + "agent-time.jsonl", "--survey", ex + "survey.jsonl", "--by", "channel"}},
		{"example-business.txt", []string{ex + "tickets.jsonl", "--calendar", ex + "calendar.json", "--standards", ex + "standards.json", "--by", "priority", "--period", "week"}},
		{"example.json", []string{ex + "tickets.jsonl", "--agent-time", ex + "agent-time.jsonl", "--survey", ex + "survey.jsonl", "--json"}},
		{"spec.txt", []string{supportDir + "/spec.jsonl", "--by", "agent"}},
	} {
		out, errs, code := runSupportCmd(t, "", c.args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", c.golden, code, errs)
		}
		supportGolden(t, c.golden, out)
	}
}

// The --json fields the spec fixes, on tickets computed by hand:
//
//	T1 chat: first reply 2 min, solved, one reply        FCR, one-touch
//	T2 chat: first reply 1 min, solved then reopened     one-touch, not FCR
//	T3 email: replies after 20, 3 and 10 min (the service-standards guide), agents gleb and farida: 1 handover
//	T4 phone: queued 3 min, first reply 4 min, a note    FCR, one-touch
//	T5 phone: abandoned the queue, no reply
//	T6 social: reply after 40 min, never solved
//
// First responses 120, 60, 1200, 240, 2400 s: mean 804, median 240, p90
// 1920 (type 7: 1200 + 0.6 * 1200). Response time pools replies that
// answer a message: 120, 60, 1200, 180, 600, 2400 -> 760 s (T4 has no
// message). Solved 4: FCR 2/4, one-touch 3/4, handovers 1/4, replies per
// ticket 3 (T3 only), backlog ratio 6/4.
func TestSupportJSONSpec(t *testing.T) {
	out, errs, code := runSupportCmd(t, "", supportDir+"/spec.jsonl", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Tickets       int                `json:"tickets"`
		Solved        int                `json:"solved"`
		FirstResponse map[string]float64 `json:"first_response"`
		ResponseTime  map[string]float64 `json:"response_time"`
		FCR           float64            `json:"fcr"`
		OneTouch      float64            `json:"one_touch"`
		OneTouchCount int                `json:"one_touch_count"`
		Handovers     map[string]float64 `json:"handovers"`
		Replies       map[string]any     `json:"replies_per_ticket"`
		BacklogRatio  float64            `json:"backlog_ratio"`
		Standards     []map[string]any   `json:"standards"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := []any{6, 4, 804.0, 240.0, 1920.0, 760.0, 0.5, 0.75, 3, 0.25, 3.0, 1.5}
	have := []any{got.Tickets, got.Solved, got.FirstResponse["mean_s"], got.FirstResponse["median_s"], got.FirstResponse["p90_s"],
		got.ResponseTime["mean_s"], got.FCR, got.OneTouch, got.OneTouchCount, got.Handovers["mean"], got.Replies["mean"], got.BacklogRatio}
	if d := cmp.Diff(want, have); d != "" {
		t.Errorf("spec fields (-want +got):\n%s", d)
	}
	if len(got.Standards) == 0 {
		t.Fatal("no standards rows")
	}
	for _, row := range got.Standards {
		for _, k := range []string{"kpi", "target", "value", "passed"} {
			if _, ok := row[k]; !ok {
				t.Errorf("standards row %v lacks %q", row, k)
			}
		}
	}
	// Chat first response (120 + 60) / 2 = 90 s passes < 2 min.
	if r := got.Standards[0]; r["kpi"] != "first_response" || r["value"] != 90.0 || r["passed"] != true {
		t.Errorf("chat standard = %v", r)
	}
}

// Without solved tickets the KPIs that need them are null, not NaN.
func TestSupportNoSolved(t *testing.T) {
	in := `{"id": "A", "channel": "chat", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:00:00Z", "type": "message"}]}` + "\n"
	out, errs, code := runSupportCmd(t, in, "-", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"fcr", "one_touch", "backlog_ratio"} {
		if v, ok := got[k]; !ok || v != nil {
			t.Errorf("%s = %v, want null", k, v)
		}
	}
	if fr := got["first_response"].(map[string]any); fr["mean_s"] != nil {
		t.Errorf("first_response = %v", fr)
	}
	if text, _, _ := runSupportCmd(t, in, "-"); !strings.Contains(text, "first contact resolution     —") {
		t.Errorf("text output does not dash the missing FCR:\n%s", text)
	}
}

// Bad lines: all reported with line, ticket and event, and nothing
// computed, unless --skip-bad.
func TestSupportBadLines(t *testing.T) {
	in := `{"id": "ok", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:01:00Z", "type": "reply", "agent": "a"}, {"at": "2026-11-02T10:02:00Z", "type": "solved"}]}
{"id": "bad1", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:01:00Z", "type": "reply"}]}
{"id": "bad2", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:01:00Z", "type": "message"}, {"at": "2026-11-02T10:00:30Z", "type": "solved"}]}
`
	out, errs, code := runSupportCmd(t, in, "-", "--json")
	if code != exitInput || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	for _, want := range []string{`<stdin>:2: /events/0: ticket "bad1": reply without an agent`, `<stdin>:3: /events/1: ticket "bad2": solved`, "2 bad lines"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	out, errs, code = runSupportCmd(t, in, "-", "--json", "--skip-bad")
	if code != exitOK || !strings.Contains(errs, `<stdin>:2: /events/0: warning: ticket "bad1": skipped: reply without an agent`) {
		t.Fatalf("--skip-bad: exit %d: %s", code, errs)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got["tickets"] != 1.0 || got["skipped_lines"] != 2.0 {
		t.Errorf("tickets %v, skipped %v; want 1 and 2", got["tickets"], got["skipped_lines"])
	}
}

func TestSupportUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"a", "b"}, {"a", "--by", "weather"}, {"a", "--period", "month"}, {"a", "--nope"}} {
		if _, _, code := runSupportCmd(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	for _, args := range [][]string{
		{"testdata/support/missing.jsonl"},
		{supportDir + "/spec.jsonl", "--standards", supportDir + "/spec.jsonl"},
		{supportDir + "/spec.jsonl", "--calendar", supportDir + "/spec.jsonl"},
	} {
		if _, errs, code := runSupportCmd(t, "", args...); code != exitInput || errs == "" {
			t.Errorf("%v: exit %d (%q), want 1 with a message", args, code, errs)
		}
	}
}

// --defaults prints a standards file that reads back; --schema prints
// the schemas committed in examples/support.
func TestSupportDefaultsAndSchema(t *testing.T) {
	out, errs, code := runSupportCmd(t, "", "--defaults")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := support.ParseStandards([]byte(out)); err != nil {
		t.Errorf("--defaults does not read back: %v", err)
	}
	for _, name := range []string{"standards", "calendar"} {
		out, errs, code := runSupportCmd(t, "", "--schema", name)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		want, err := os.ReadFile("../../examples/support/" + name + ".schema.json")
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(string(want), out); d != "" {
			t.Errorf("--schema %s differs from the committed file (-file +out):\n%s", name, d)
		}
	}
	for _, args := range [][]string{{"--schema", "tickets"}, {"--defaults", "x.jsonl"}, {"--defaults", "--schema", "calendar"}} {
		if _, _, code := runSupportCmd(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// Survey answers feed the survey rows through package metrics; a bad
// answer is an error naming its line.
func TestSupportSurvey(t *testing.T) {
	dir := t.TempDir()
	survey := filepath.Join(dir, "survey.jsonl")
	write := func(s string) {
		if err := os.WriteFile(survey, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// CES 2, 3, 5 -> 3.33 (fails <= 3); rating 5, 4, 3 -> 4 (passes);
	// complaints 1 of 3 -> 333.3 per 1,000.
	write(`{"ces": 2, "rating": 5, "nps": 10, "found": true, "complaint": false}
{"ces": 3, "rating": 4, "nps": 9, "found": true, "complaint": false}
{"ces": 5, "rating": 3, "nps": 3, "found": false, "complaint": true}
`)
	out, errs, code := runSupportCmd(t, "", supportDir+"/spec.jsonl", "--survey", survey, "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Standards []struct {
			KPI    string   `json:"kpi"`
			Value  *float64 `json:"value"`
			Passed *bool    `json:"passed"`
		} `json:"standards"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	vals := map[string]any{}
	for _, r := range got.Standards {
		if r.Value != nil {
			vals[r.KPI] = []any{*r.Value, *r.Passed}
		}
	}
	for kpi, want := range map[string][]any{"ces": {10.0 / 3, false}, "rating": {4.0, true}, "things_gone_wrong": {1000.0 / 3, false}} {
		if d := cmp.Diff(want, vals[kpi]); d != "" {
			t.Errorf("%s (-want +got):\n%s", kpi, d)
		}
	}
	write("{\"ces\": 11}\n{\"rating\": 4, \"stars\": 5}\n")
	_, errs, code = runSupportCmd(t, "", supportDir+"/spec.jsonl", "--survey", survey)
	if code != exitInput || !strings.Contains(errs, "survey.jsonl:1: /ces: survey answer: CES score 11 is outside 1..10") || !strings.Contains(errs, "survey.jsonl:2:15: survey answer: unknown field") {
		t.Errorf("bad survey: exit %d, stderr:\n%s", code, errs)
	}
}

// A survey line skipped as bad contributes nothing, not the scores that
// came before its bad one.
func TestSupportSurveySkipBadLine(t *testing.T) {
	survey := filepath.Join(t.TempDir(), "survey.jsonl")
	// Line 1 has a good CES and a rating off 1..5: skipped whole, so
	// CES is the mean of line 2 alone.
	if err := os.WriteFile(survey, []byte("{\"ces\": 2, \"rating\": 7}\n{\"ces\": 4, \"rating\": 5, \"nps\": 11}\n{\"ces\": 6, \"rating\": 5, \"nps\": 9}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runSupportCmd(t, "", supportDir+"/spec.jsonl", "--survey", survey, "--skip-bad", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Survey  map[string]any `json:"survey"`
		Skipped int            `json:"skipped_lines"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"answers": 1.0,
		"ces":     map[string]any{"n": 1.0, "mean": 6.0},
		"rating":  map[string]any{"n": 1.0, "mean": 5.0},
		"nps":     map[string]any{"n": 1.0, "nps": 100.0, "ci_low": -48.49864942025203, "ci_high": 98.49864942025202},
	}
	if d := cmp.Diff(want, got.Survey); d != "" || got.Skipped != 2 {
		t.Errorf("skipped %d lines (want 2); survey (-want +got):\n%s", got.Skipped, d)
	}
}

func TestSupportRefusesLocalZone(t *testing.T) {
	_, stderr, code := runSupportCmd(t, "", "../../examples/support/tickets.jsonl", "--tz", "Local")
	if code != exitUsage || !strings.Contains(stderr, "depends on the machine") {
		t.Errorf("exit %d, stderr %q; want --tz Local refused", code, stderr)
	}
}
