package report

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Audits whose forms recorded start and end give each auditor's visits,
// the median length of the timed ones and the visits shorter than
// MinDuration, the same with any number of workers; audits without
// times give no auditors at all.
func TestRunAuditors(t *testing.T) {
	plan := mallPlan(t)
	base := readMallLine(t)
	var lines []string
	// Petrova: 10, 30, 50 minutes; Orlov: 20 and 40 and one untimed.
	for i, v := range []struct {
		auditor string
		minutes int
	}{{"Petrova", 10}, {"Petrova", 30}, {"Petrova", 50}, {"Orlov", 20}, {"Orlov", 40}, {"Orlov", -1}} {
		audit := `"audit":{"id":"a` + string(rune('0'+i)) + `","auditor":"` + v.auditor + `"`
		if v.minutes >= 0 {
			end := time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("", 3*3600)).Add(time.Duration(v.minutes) * time.Minute)
			audit += `,"started":"2026-11-20T10:00:00.000+03:00","ended":"` + end.Format(time.RFC3339) + `"`
		}
		lines = append(lines, strings.Replace(base, `"answers":`, audit+`},"answers":`, 1))
	}
	in := strings.Join(lines, "\n") + "\n"
	var want []byte
	for _, workers := range []int{1, 2, 3} {
		res, err := Run(context.Background(), plan, []Source{{Name: "v.jsonl", R: strings.NewReader(in), Lines: true}}, Options{MinDuration: 25 * time.Minute, Workers: workers})
		if err != nil {
			for _, p := range res.Invalid {
				t.Log(p.Where(), p.Err)
			}
			t.Fatal(err)
		}
		m := func(x float64) *float64 { return &x }
		wantAuditors := []Auditor{
			{Auditor: "Orlov", Visits: 3, Timed: 2, MedianMinutes: m(30), Short: []ShortVisit{{ID: "a3", Minutes: 20}}},
			{Auditor: "Petrova", Visits: 3, Timed: 3, MedianMinutes: m(30), Short: []ShortVisit{{ID: "a0", Minutes: 10}}},
		}
		if diff := cmp.Diff(wantAuditors, res.Auditors); diff != "" {
			t.Fatalf("workers %d: auditors (-want +got):\n%s", workers, diff)
		}
		got, _ := json.Marshal(res)
		if want == nil {
			want = got
		} else if !bytes.Equal(want, got) {
			t.Errorf("workers %d: report differs from one worker's", workers)
		}
	}
	res, err := Run(context.Background(), plan, mustSources(t, mallLines), Options{MinDuration: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if res.Auditors != nil {
		t.Errorf("untimed audits give auditors %v", res.Auditors)
	}
}

// readMallLine is the first mall visit as a JSON line without its audit.
func readMallLine(t *testing.T) string {
	t.Helper()
	data, err := readFileLimited(mallLines, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	var s map[string]json.RawMessage
	if err := json.Unmarshal([]byte(line), &s); err != nil {
		t.Fatal(err)
	}
	return `{"checklist":"mall_korto","version":"2026.1","answers":` + string(s["answers"]) + `}`
}

// A minimum visit length is a Go duration or a number of minutes; a
// negative one, or words, are refused.
func TestParseMinDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"20m", 20 * time.Minute, true},
		{"1h30m", 90 * time.Minute, true},
		{"20", 20 * time.Minute, true},
		{"2.5", 150 * time.Second, true},
		{"0", 0, true},
		{"-5m", 0, false},
		{"-5", 0, false},
		{"twenty", 0, false},
		{"2e6", 0, false},
	} {
		got, err := ParseMinDuration(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseMinDuration(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// A visit's length is read from any of the layouts forms write, a
// one-digit hour included; a missing or unreadable time gives none.
func TestVisitLength(t *testing.T) {
	tests := []struct {
		started, ended string
		want           time.Duration
		ok             bool
	}{
		{"2026-07-02 9:05", "2026-07-02 9:35", 30 * time.Minute, true},
		{"2026-07-02T09:05", "2026-07-02T10:05:30", time.Hour + 30*time.Second, true},
		{"2026-07-02T09:05:00+03:00", "2026-07-02T07:15:00Z", 70 * time.Minute, true},
		{"", "2026-07-02 9:35", 0, false},
		{"9:05", "9:35", 0, false},
		{"2026-07-02 10:00", "2026-07-02 9:00", 0, false}, // ends before it starts
	}
	for _, tt := range tests {
		got, ok := visitLength(tt.started, tt.ended)
		if got != tt.want || ok != tt.ok {
			t.Errorf("visitLength(%q, %q) = %v, %v; want %v, %v", tt.started, tt.ended, got, ok, tt.want, tt.ok)
		}
	}
}
