package support_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/internal/jsonout"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/metrics/support"
)

func TestParseTarget(t *testing.T) {
	for in, want := range map[string]float64{
		"0.75": 0.75, "75%": 0.75, "2m": 120, "24h": 86400, "1h30m": 5400, "3d": 3 * 86400, "90s": 90, " 4 ": 4,
	} {
		got, err := support.ParseTarget(in)
		if err != nil || float64(got) != want {
			t.Errorf("ParseTarget(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "fast", "75 percent", "%", "2 weeks"} {
		if _, err := support.ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q): want an error", bad)
		}
	}
}

func TestParseStandards(t *testing.T) {
	set, err := support.ParseStandards([]byte(`{"name": "team", "standards": [
		{"kpi": "first_response", "channels": ["chat"], "op": "<", "target": "2m"},
		{"kpi": "fcr", "op": ">=", "target": "75%"},
		{"kpi": "handovers", "priorities": ["P1", "high"], "op": "<=", "target": 3},
		{"kpi": "replies_per_ticket", "op": "between", "target": 2, "max": 4},
		{"kpi": "first_response.p90_s", "op": "<=", "target": "1h"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []support.Standard{
		{KPI: "first_response", Filter: support.Filter{Channels: []string{"chat"}}, Op: support.Less, Target: 120},
		{KPI: "fcr", Op: support.GreaterEqual, Target: 0.75},
		{KPI: "handovers", Filter: support.Filter{Priorities: []support.Priority{support.P1, support.P2}}, Op: support.LessEqual, Target: 3},
		{KPI: "replies_per_ticket", Op: support.Between, Target: 2, Max: tgt(4)},
		{KPI: "first_response.p90_s", Op: support.LessEqual, Target: 3600},
	}
	if d := cmp.Diff(want, set.Standards); d != "" {
		t.Errorf("standards (-want +got):\n%s", d)
	}
	_, err = support.ParseStandards([]byte(`{"standards": [
		{"kpi": "speed", "op": "<", "target": 1},
		{"kpi": "fcr", "op": "=>", "target": 1},
		{"kpi": "occupancy", "channels": ["chat"], "op": "<", "target": 1},
		{"kpi": "replies_per_ticket", "op": "between", "target": 4, "max": 2},
		{"kpi": "backlog_ratio", "op": "about", "target": 0.5}]}`))
	for _, want := range []string{`/standards/0: unknown kpi "speed"`, `/standards/1: unknown op "=>"`, "/standards/2: kpi \"occupancy\" is not measured per channel", "/standards/3: op between needs max", "/standards/4: op about needs a tolerance"} {
		if err == nil || !strings.Contains(support.Shown(err), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
	if _, err := support.ParseStandards([]byte(`{"standards": [{"kpi": "fcr", "op": ">=", "target": 0.75, "goal": 1}]}`)); err == nil {
		t.Error("unknown field: want an error")
	}
}

func tgt(x float64) *support.Target { v := support.Target(x); return &v }

func TestEvaluate(t *testing.T) {
	ts := []*support.Ticket{
		tk(t, "c1", "chat", "0s", "message@0s", "reply:anna@1m", "solved@5m"),
		tk(t, "c2", "chat", "0s", "message@0s", "reply:anna@3m", "message@4m", "reply:boris@6m", "solved@7m"),
		tk(t, "e1", "email", "0s", "message@0s", "reply:gleb@20h", "solved@21h"),
	}
	ts[0].Topic, ts[1].Topic, ts[2].Topic = "delivery", "delivery", "returns"
	a := accumulate(t, support.Options{}, ts...)
	must0(t, a.AddAgentTime(support.AgentTime{Agent: "anna", LoggedIn: time.Hour, Handling: 30 * time.Minute, AfterWork: 15 * time.Minute}))
	set := support.DefaultStandards()
	rows, err := a.Evaluate(set, support.Inputs{Survey: map[string]float64{"ces": 3.4, "rating": 4.2, "nps": 62}})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		KPI    string
		Value  any
		Passed any
		Gap    any
	}
	var got []row
	for _, r := range rows {
		var p, g any
		if r.Passed != nil {
			p = *r.Passed
			g = math.Round(*r.Gap*1e6) / 1e6
		}
		got = append(got, row{r.KPI, val(r.Value), p, g})
	}
	want := []row{
		{"first_response", 120.0, false, 0.0}, // chat: (60 + 180) / 2 = 120 s, not under 2 min
		{"first_response", nil, nil, nil},     // no phone tickets
		{"first_response", 72000.0, true, -14400.0},
		{"first_response", nil, nil, nil},
		{"fcr", 2.0 / 3, false, -0.083333},
		{"handovers", nil, nil, nil}, // no priorities in these tickets
		{"handovers", nil, nil, nil},
		{"queue_peak_per_agent", nil, nil, nil}, // no live queue
		{"queue_peak", nil, nil, nil},
		{"single_question", 2.0 / 3, false, 0.636667},
		{"replies_per_ticket", 2.0, true, 0.0},
		{"occupancy", 0.75, true, 0.0},
		// Per day: 3 in / 2 out on Monday, 0 / 1 (e1) on Tuesday; the
		// median day, 0.75, is 0.15 above 0.5 ± 0.1.
		{"backlog_ratio", 0.75, false, 0.15},
		{"nps", 62.0, false, -13.0}, // the service-standards guide: loyalty leaders reach 75-85
		{"rating", 4.2, true, 0.2},
		{"ces", 3.4, false, 0.4},
		{"things_gone_wrong", nil, nil, nil},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}
	// A KPI named by its JSON field measures the same.
	alias, err := a.Evaluate(&support.StandardSet{Standards: []support.Standard{
		{KPI: "first_response.mean_s", Filter: support.Filter{Channels: []string{"chat"}}, Op: support.Less, Target: 120},
	}}, support.Inputs{})
	if err != nil || alias[0].KPI != "first_response.mean_s" || *alias[0].Value != *rows[0].Value {
		t.Errorf("alias row = %+v, %v", alias, err)
	}
	// JSON rows carry kpi, target, value and passed; no data is null.
	b, err := json.Marshal(rows[1])
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, `"kpi":"first_response"`) || !strings.Contains(s, `"target":120`) || !strings.Contains(s, `"value":null`) || !strings.Contains(s, `"passed":null`) {
		t.Errorf("row JSON = %s", s)
	}
}

func TestStandardsSchema(t *testing.T) {
	b, err := json.Marshal(support.StandardsSchema())
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"first_response"`, `"single_question"`, `"between"`, `"channels"`, `"priorities"`, `"oneOf"`} {
		if !strings.Contains(s, want) {
			t.Errorf("schema lacks %s", want)
		}
	}
	// The committed schema of examples/support is up to date, as
	// cxkit support --schema standards prints it.
	pretty, err := jsonout.Marshal(support.StandardsSchema())
	if err != nil {
		t.Fatal(err)
	}
	const file = "../../examples/support/standards.schema.json"
	golden.Check(t, file, pretty)

	// The default set and the example file, written out, validate against
	// the schema, and the default set reads back the same.
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(pretty))
	must0(t, err)
	must0(t, c.AddResource("standards.schema.json", doc))
	sch, err := c.Compile("standards.schema.json")
	must0(t, err)
	def := support.DefaultStandards()
	out, err := json.Marshal(def)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range [][]byte{out, must(os.ReadFile("../../examples/support/standards.json"))} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(in))
		must0(t, err)
		if err := sch.Validate(inst); err != nil {
			t.Errorf("standards do not validate: %v", err)
		}
	}
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"standards": [{"kpi": "speed", "op": "<", "target": "fast"}]}`))
	if sch.Validate(bad) == nil {
		t.Error("schema accepts an unknown kpi and a bad target")
	}
	back, err := support.ParseStandards(out)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(def, back); d != "" {
		t.Errorf("default set round trip (-want +got):\n%s", d)
	}
}

// The calendar schema is committed next to the example calendar, which
// it validates.
func TestCalendarSchema(t *testing.T) {
	pretty, err := jsonout.Marshal(support.CalendarSchema())
	must0(t, err)
	const file = "../../examples/support/calendar.schema.json"
	golden.Check(t, file, pretty)
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(pretty))
	must0(t, err)
	must0(t, c.AddResource("calendar.schema.json", doc))
	sch, err := c.Compile("calendar.schema.json")
	must0(t, err)
	for in, valid := range map[string]bool{
		string(must(os.ReadFile("../../examples/support/calendar.json"))): true,
		`{"week": {"mon": ["22:00-06:00", "00:00-24:00"]}}`:               true,
		`{"week": {"monday": ["09:00-17:00"]}}`:                           false,
		`{"week": {"mon": ["9-17"]}}`:                                     false,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(in))
		must0(t, err)
		if err := sch.Validate(inst); (err == nil) != valid {
			t.Errorf("%s: valid = %v, want %v", in, err == nil, valid)
		}
	}
}

func TestMatrix(t *testing.T) {
	m := support.DefaultMatrix()
	got := ""
	for _, imp := range []support.Level{support.High, support.Medium, support.Low} {
		for _, urg := range []support.Level{support.High, support.Medium, support.Low} {
			p, err := m.Priority(imp, urg)
			if err != nil {
				t.Fatal(err)
			}
			got += p.String() + " "
		}
		got += "| "
	}
	if want := "P1 P2 P3 | P2 P3 P4 | P3 P4 P4 | "; got != want {
		t.Errorf("matrix = %q, want %q", got, want)
	}
	if _, err := m.Priority(0, support.High); err == nil {
		t.Error("impact 0: want an error")
	}
	// A P1 raised Friday 16:00 on a 9-to-5 week is due Monday 12:00.
	fri := time.Date(2026, 11, 6, 16, 0, 0, 0, time.UTC)
	due, err := m.Deadline(support.P1, fri, support.Weekdays9to5(nil))
	if err != nil || !due.Equal(time.Date(2026, 11, 9, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("P1 deadline = %v, %v", due, err)
	}
	if due, _ := m.Deadline(support.P1, fri, nil); !due.Equal(fri.Add(4 * time.Hour)) {
		t.Errorf("calendar-time deadline = %v", due)
	}
	set := &support.StandardSet{Standards: m.Standards()}
	if err := set.Validate(); err != nil || len(set.Standards) != 4 {
		t.Errorf("matrix standards: %v, %d", err, len(set.Standards))
	}
}

func TestPriorityNames(t *testing.T) {
	for in, want := range map[string]support.Priority{
		"P1": support.P1, "urgent": support.P1, "Critical": support.P1, "high": support.P2, "p2": support.P2,
		"normal": support.P3, "MEDIUM": support.P3, "low": support.P4, "4": support.P4, "": support.NoPriority,
	} {
		if got, err := support.ParsePriority(in); err != nil || got != want {
			t.Errorf("ParsePriority(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

// The quantile definition is Hyndman-Fan type 7 (R, NumPy, Excel
// PERCENTILE.INC).
func TestQuantile(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		q    float64
		want float64
	}{
		{[]float64{4, 1, 3, 2}, 0.5, 2.5},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, 9.1},
		{[]float64{7}, 0.9, 7},
		{[]float64{10, 20}, 0.25, 12.5},
		{[]float64{1, 2, 3}, 1, 3},
		// x/exp/stats alone gives 1919.9999999999995 here; durations are
		// rounded to the nanosecond.
		{[]float64{120, 60, 1200, 240, 2400}, 0.9, 1920},
	} {
		got, err := support.Quantile(c.in, c.q)
		if err != nil || got != c.want {
			t.Errorf("Quantile(%v, %v) = %v, %v; want %v", c.in, c.q, got, err, c.want)
		}
	}
	for _, bad := range [][]float64{nil, {math.NaN()}} {
		if _, err := support.Quantile(bad, 0.5); err == nil {
			t.Errorf("Quantile(%v): want an error", bad)
		}
	}
	if _, err := support.Quantile([]float64{1}, 1.5); err == nil {
		t.Error("q = 1.5: want an error")
	}
}

// AllKPIs hands out a copy: changing it cannot change what LookupKPI
// finds. Every KPI is found by its own name, and no name is used twice.
func TestAllKPIs(t *testing.T) {
	all := support.AllKPIs()
	if len(all) == 0 {
		t.Fatal("no KPIs")
	}
	seen := map[string]bool{}
	for _, k := range all {
		if seen[k.Name] {
			t.Errorf("KPI %q listed twice", k.Name)
		}
		seen[k.Name] = true
		got, ok := support.LookupKPI(k.Name)
		if !ok || got.Name != k.Name || got.Unit != k.Unit {
			t.Errorf("support.LookupKPI(%q) = %+v, %v", k.Name, got, ok)
		}
	}
	name := all[0].Name
	all[0].Name = "changed"
	if _, ok := support.LookupKPI(name); !ok || support.AllKPIs()[0].Name != name {
		t.Errorf("changing AllKPIs' slice changed the package's list")
	}
}

// decodeProblem is what a test checks of a decoding error: the message,
// position included, and where the error places the problem.
type decodeProblem struct {
	Err                  string
	Kind                 strictjson.Kind
	Offset, Line, Column int
	Pointer              string
}

func asDecodeProblem(t *testing.T, err error) decodeProblem {
	t.Helper()
	e, ok := errors.AsType[*strictjson.Error](err)
	if !ok {
		t.Fatalf("error %v: want a *strictjson.Error in the chain", err)
	}
	return decodeProblem{Err: err.Error(), Kind: e.Kind, Offset: e.Offset, Line: e.Line, Column: e.Column, Pointer: e.Pointer}
}

// TestParseStandardsStrict: the standards file is decoded as strictly as
// a checklist, and a decoding error carries its position. Each of the
// inputs from "name in the wrong case" on was accepted before: the wrong
// case as the field, the second "op" over the first, and only the first
// value of the file.
func TestParseStandardsStrict(t *testing.T) {
	tests := []struct {
		name, in string
		want     decodeProblem
	}{
		{"unknown field", "{\"standards\": [\n  {\"kpi\": \"fcr\", \"op\": \">=\", \"traget\": 0.75}]}", decodeProblem{
			Err:  `2:30: unknown field "traget" in /standards/0; did you mean "target"?`,
			Kind: strictjson.UnknownName, Offset: 45, Line: 2, Column: 30, Pointer: "/standards/0/traget",
		}},
		{"unknown field of the embedded filter", `{"standards": [{"kpi": "fcr", "chanels": ["chat"]}]}`, decodeProblem{
			Err:  `1:31: unknown field "chanels" in /standards/0; did you mean "channels"?`,
			Kind: strictjson.UnknownName, Offset: 30, Line: 1, Column: 31, Pointer: "/standards/0/chanels",
		}},
		{"name in the wrong case", `{"Standards": []}`, decodeProblem{
			Err:  `1:2: unknown field "Standards" in the standards file; did you mean "standards"?`,
			Kind: strictjson.UnknownName, Offset: 1, Line: 1, Column: 2, Pointer: "/Standards",
		}},
		{"field given twice", `{"standards": [{"kpi": "fcr", "op": ">=", "op": "<=", "target": 1}]}`, decodeProblem{
			Err:  `1:43: field "op" is given twice in /standards/0`,
			Kind: strictjson.DuplicateName, Offset: 42, Line: 1, Column: 43, Pointer: "/standards/0/op",
		}},
		{"data after the set", "{\"standards\": []}\n{\"standards\": [{\"kpi\": \"speed\"}]}", decodeProblem{
			Err:  `2:1: JSON syntax: invalid character '{' after top-level value`,
			Kind: strictjson.Syntax, Offset: 18, Line: 2, Column: 1,
		}},
		{"wrong type", `{"standards": [{"kpi": 1}]}`, decodeProblem{
			Err:  `1:24: /standards/0/kpi: want a string, not a number`,
			Kind: strictjson.WrongType, Offset: 23, Line: 1, Column: 24, Pointer: "/standards/0/kpi",
		}},
		{"a target in no known spelling", `{"standards": [{"kpi": "fcr", "op": "between", "target": 1, "max": "lots"}]}`, decodeProblem{
			Err:  `1:68: /standards/0/max: "lots" is not a number, a duration like 2m or 24h, or a percentage like 75%`,
			Kind: strictjson.BadValue, Offset: 67, Line: 1, Column: 68, Pointer: "/standards/0/max",
		}},
		{"an unknown priority", `{"standards": [{"kpi": "fcr", "priorities": ["P9"]}]}`, decodeProblem{
			Err:  `1:46: /standards/0/priorities/0: unknown priority "P9" (want P1..P4, urgent, high, normal or low)`,
			Kind: strictjson.BadValue, Offset: 45, Line: 1, Column: 46, Pointer: "/standards/0/priorities/0",
		}},
		{"columns count characters after a byte order mark", "\ufeff{\"name\": \"Сервис\", \"standard\": []}", decodeProblem{
			Err:  `1:20: unknown field "standard" in the standards file; did you mean "standards"?`,
			Kind: strictjson.UnknownName, Offset: 28, Line: 1, Column: 20, Pointer: "/standard",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := support.ParseStandards([]byte(tt.in))
			if set != nil {
				t.Error("a set came back with the error")
			}
			if d := cmp.Diff(tt.want, asDecodeProblem(t, err)); d != "" {
				t.Errorf("ParseStandards(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

// A caller outside the module reaches the position through
// support.DecodeError, since the decoder's own package is internal.
func TestDecodeErrorAs(t *testing.T) {
	_, err := support.ParseCalendar([]byte("{\n \"timezone\": \"UTC\"}"))
	var de *support.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("ParseCalendar error %v is no *support.DecodeError", err)
	}
	got := []any{de.Line, de.Column, de.Pointer, de.Suggestion}
	if d := cmp.Diff([]any{2, 2, "/timezone", "time_zone"}, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// Each problem of a bad standard is a diagnostic at the standard's JSON
// Pointer, /standards/i, naming the standard, so that a tool can point
// at it in the file.
func TestStandardErrorIndex(t *testing.T) {
	_, err := support.ParseStandards([]byte(`{"standards": [{"kpi": "fcr", "op": ">=", "target": 0.75}, {"name": "fast", "kpi": "fcrr", "op": "=>", "target": 1}]}`))
	var se *support.StandardError
	if !errors.As(err, &se) || se.Pointer != "/standards/1" || se.Code != diag.CodeBadStandard ||
		se.Error() != `/standards/1: standard "fast": unknown kpi "fcrr"; did you mean "fcr"?` {
		t.Errorf("ParseStandards: %v, want a diagnostic for /standards/1", err)
	}
	if l := diag.As(err); len(l) != 2 || l[1].Pointer != "/standards/1" || !strings.Contains(l[1].Message, `unknown op "=>"`) {
		t.Errorf("ParseStandards: %v, want each problem of the standard on its own", err)
	}
}
