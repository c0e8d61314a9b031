package support

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/invopop/jsonschema"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/strictjson"
	"github.com/cxkit/cxkit/internal/suggest"
)

// Unit says how a KPI's value is measured.
type Unit string

// Units of KPI values.
const (
	Seconds Unit = "s"     // a duration
	Share   Unit = "share" // a fraction in [0, 1]
	Number  Unit = "n"     // a count, ratio or score
)

// KPI describes one measure a [Standard] can set a target for.
type KPI struct {
	// Name is what a standard's "kpi" field says; LookupKPI also
	// accepts the report's field names and long names for it.
	Name string
	Unit Unit
	// Tickets is true for KPIs computed from tickets, which a standard
	// may filter by channel, priority or agent.
	Tickets bool
	// Survey is true for KPIs measured outside the tickets (CES, rating,
	// NPS...): their values come with [Inputs]. A KPI that is both is
	// taken from the tickets when they have it, else from the inputs.
	Survey bool
	// Doc says in one line what the KPI measures.
	Doc string
	get func(*KPIs) *float64
}

// AllKPIs returns every KPI a standard may name, in the order of the
// report. The slice is the caller's to keep or change.
func AllKPIs() []KPI { return slices.Clone(kpiList) }

// kpiList is AllKPIs' list; unexported so that no caller can change what
// LookupKPI finds.
var kpiList = []KPI{
	{Name: "first_response", Unit: Seconds, Tickets: true, Doc: "mean time from creation to the first agent reply", get: func(k *KPIs) *float64 { return k.FirstResponse.Mean }},
	{Name: "first_response_median", Unit: Seconds, Tickets: true, Doc: "median time to the first reply", get: func(k *KPIs) *float64 { return k.FirstResponse.Median }},
	{Name: "first_response_p90", Unit: Seconds, Tickets: true, Doc: "90th percentile of the time to the first reply", get: func(k *KPIs) *float64 { return k.FirstResponse.P90 }},
	{Name: "response_time", Unit: Seconds, Tickets: true, Doc: "mean time from a customer message to the reply that answers it, pooled over replies", get: func(k *KPIs) *float64 { return k.ResponseTime.Mean }},
	{Name: "fcr", Unit: Share, Tickets: true, Doc: "first contact resolution: solved with one reply and never reopened / solved", get: func(k *KPIs) *float64 { return k.FCR }},
	{Name: "one_touch", Unit: Share, Tickets: true, Doc: "solved with at most one reply / solved", get: func(k *KPIs) *float64 { return k.OneTouch }},
	{Name: "handovers", Unit: Number, Tickets: true, Doc: "mean distinct agents per solved ticket, minus one", get: func(k *KPIs) *float64 { return k.Handovers.Mean }},
	{Name: "replies_per_ticket", Unit: Number, Tickets: true, Doc: "mean agent replies per solved ticket that is not one-touch", get: func(k *KPIs) *float64 { return k.RepliesPerTicket.Mean }},
	{Name: "resolution_time", Unit: Seconds, Tickets: true, Doc: "mean time from creation to the first solved event", get: func(k *KPIs) *float64 { return k.Resolution.First.Mean }},
	{Name: "resolution_time_p90", Unit: Seconds, Tickets: true, Doc: "90th percentile of the time to the first solved event", get: func(k *KPIs) *float64 { return k.Resolution.First.P90 }},
	{Name: "reopen_rate", Unit: Share, Tickets: true, Doc: "reopened tickets / solved", get: func(k *KPIs) *float64 { return k.Resolution.ReopenRate }},
	{Name: "queue_wait", Unit: Seconds, Tickets: true, Doc: "mean wait from queued to served", get: func(k *KPIs) *float64 { return k.Queue.Wait.Mean }},
	{Name: "instant_service", Unit: Share, Tickets: true, Doc: "live tickets served without waiting / live tickets", get: func(k *KPIs) *float64 { return k.Queue.InstantService }},
	{Name: "abandonment", Unit: Share, Tickets: true, Doc: "tickets that left the queue unserved / tickets that entered it", get: func(k *KPIs) *float64 { return k.Queue.Abandonment }},
	{Name: "queue_peak", Unit: Number, Tickets: true, Doc: "most customers waiting in live queues at once", get: func(k *KPIs) *float64 { return k.Queue.Waiting.peak() }},
	{Name: "queue_peak_per_agent", Unit: Number, Tickets: true, Doc: "most customers waiting per agent on duty in that hour", get: func(k *KPIs) *float64 { return k.Queue.Waiting.PeakPerAgent }},
	{Name: "queue_mean", Unit: Number, Tickets: true, Doc: "time-weighted mean of customers waiting, first entry to last exit", get: func(k *KPIs) *float64 { return k.Queue.Waiting.Mean }},
	{Name: "backlog_ratio", Unit: Number, Tickets: true, Doc: "tickets created / tickets solved per period (day or week), judged on the median period", get: func(k *KPIs) *float64 { return k.BacklogRatio }},
	{Name: "bmi", Unit: Share, Tickets: true, Doc: "backlog management index: solved / (opening backlog + created); over the whole input the opening backlog is zero", get: func(k *KPIs) *float64 { return k.BMI }},
	{Name: "single_question", Unit: Share, Doc: "the largest share of tickets on one topic"},
	{Name: "occupancy", Unit: Share, Doc: "handling + after-work time / logged-in time (agent-time input)"},
	{Name: "minutes_per_issue", Unit: Number, Doc: "handling minutes per solved ticket (agent-time input)"},
	{Name: "ces", Unit: Number, Survey: true, Doc: "customer effort score, mean (the service-standards guide: 1..10, lower is easier)"},
	{Name: "rating", Unit: Number, Survey: true, Doc: "post-service rating, mean on 1..5"},
	{Name: "nps", Unit: Number, Survey: true, Doc: "net promoter score, -100..100"},
	{Name: "csat", Unit: Number, Survey: true, Doc: "CSAT, percent of top-two ratings"},
	{Name: "success_rate", Unit: Share, Survey: true, Doc: "customers who found what they came for / all"},
	{Name: "awareness", Unit: Share, Survey: true, Doc: "customers who knew why and how long they waited / all surveyed"},
	{Name: "things_gone_wrong", Unit: Number, Survey: true, Doc: "complaints per 1,000 interactions"},
	{Name: "clicks_to_contact", Unit: Number, Tickets: true, Survey: true, Doc: "clicks from a search page to the first message: from the tickets' clicks, else from the inputs (a usability test)", get: func(k *KPIs) *float64 { return k.Clicks.Mean }},
}

// kpiAliases lets a standard name a KPI by its field in the --json
// report, or by its long name.
var kpiAliases = map[string]string{
	"first_response.mean_s":        "first_response",
	"first_response.median_s":      "first_response_median",
	"first_response.p90_s":         "first_response_p90",
	"first_response_time":          "first_response",
	"response_time.mean_s":         "response_time",
	"first_contact_resolution":     "fcr",
	"handovers.mean":               "handovers",
	"replies_per_ticket.mean":      "replies_per_ticket",
	"resolution.first.mean_s":      "resolution_time",
	"resolution.first.p90_s":       "resolution_time_p90",
	"resolution.reopen_rate":       "reopen_rate",
	"queue.wait.mean_s":            "queue_wait",
	"queue.instant_service":        "instant_service",
	"queue.abandonment":            "abandonment",
	"queue.waiting.peak":           "queue_peak",
	"queue.waiting.mean":           "queue_mean",
	"queue.waiting.peak_per_agent": "queue_peak_per_agent",
	"backlog_management_index":     "bmi",
	"single_question_rate":         "single_question",
	"customer_effort_score":        "ces",
	"post_service_rating":          "rating",
	"customer_success_rate":        "success_rate",
	"customer_awareness":           "awareness",
	"clicks.mean":                  "clicks_to_contact",
	"clicks_to_first_contact":      "clicks_to_contact",
}

// LookupKPI returns the KPI called name, or named by its field in the
// JSON report ("first_response.p90_s") or a long name
// ("first_contact_resolution"), in any case: "FCR" is "fcr". The KPI
// returned carries the canonical, lower-case Name.
func LookupKPI(name string) (KPI, bool) {
	name = strings.ToLower(name)
	if canon, ok := kpiAliases[name]; ok {
		name = canon
	}
	i := slices.IndexFunc(kpiList, func(k KPI) bool { return k.Name == name })
	if i < 0 {
		return KPI{}, false
	}
	return kpiList[i], true
}

// Op compares a measured value with a target.
type Op string

// Comparisons. Between checks Target <= value <= Max; About checks
// |value - Target| <= Tolerance.
const (
	Less         Op = "<"
	LessEqual    Op = "<="
	Greater      Op = ">"
	GreaterEqual Op = ">="
	Between      Op = "between"
	About        Op = "about"
)

var ops = []Op{Less, LessEqual, Greater, GreaterEqual, Between, About}

// Target is a standard's number in its KPI's unit. In JSON it is a
// number, a duration for time KPIs ("90s", "2m", "24h", "3d"), or a
// percentage for shares ("75%").
type Target float64

// UnmarshalJSON reads a number, a duration or a percentage. Its errors
// do not name the field, which may be target, max or tolerance: the
// decoder that calls it says which.
func (t *Target) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err == nil {
		*t = Target(f)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%s %s", b, notATarget)
	}
	v, err := parseTarget(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// notATarget ends the message about a value that is not a target.
const notATarget = "is not a number, a duration like 2m or 24h, or a percentage like 75%"

// ParseTarget reads "0.75", "75%", "90s", "2m", "24h" or "3d" (days of
// 24 hours). Durations become seconds; percentages become fractions.
func ParseTarget(s string) (Target, error) {
	t, err := parseTarget(s)
	if err != nil {
		return 0, fmt.Errorf("target: %w", err)
	}
	return t, nil
}

// parseTarget is ParseTarget with errors that leave the field unnamed.
func parseTarget(s string) (Target, error) {
	s = strings.TrimSpace(s)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a percentage", s)
		}
		return Target(f / 100), nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return Target(f), nil
	}
	// No time can be negative, so a target such as "-5m" is a typo
	// that would make a "<" standard fail whatever the team does.
	if d, ok := strings.CutSuffix(s, "d"); ok {
		if f, err := strconv.ParseFloat(d, 64); err == nil {
			if f < 0 {
				return 0, fmt.Errorf("%q is a negative duration", s)
			}
			return Target(f * 86400), nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q %s", s, notATarget)
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is a negative duration", s)
	}
	return Target(d.Seconds()), nil
}

// JSONSchema describes the three spellings of a target.
func (Target) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Description: "a number in the KPI's unit (seconds, a fraction, a count), a duration such as \"2m\", \"24h\" or \"3d\", or a percentage such as \"75%\"",
		OneOf: []*jsonschema.Schema{
			{Type: "number"},
			{Type: "string", Pattern: `^\s*[0-9.]+\s*%\s*$|^([0-9.]+(ns|us|µs|ms|s|m|h))+$|^[0-9.]+d$`},
		},
	}
}

// JSONSchema lists the priority names.
func (Priority) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: []any{"P1", "P2", "P3", "P4", "urgent", "high", "normal", "medium", "low"}}
}

// Standard is one target for one KPI, optionally for some channels,
// priorities or agents only.
//
// In JSON the filter's fields (channels, priorities, agents) sit beside
// the others, as in {"kpi": "first_response", "channels": ["chat"],
// "op": "<", "target": "2m"}.
type Standard struct {
	// Name says what the standard is in words, for the report.
	Name string `json:"name,omitempty" jsonschema:"description=what the standard says in words"`
	// KPI names the measure, as LookupKPI accepts it.
	KPI string `json:"kpi" jsonschema:"description=the measured KPI"`
	// Filter limits a ticket KPI to some channels, priorities or
	// agents; it must be empty for the other KPIs.
	Filter
	// Op compares the measured value with Target (and Max or
	// Tolerance, which only between and about use).
	Op        Op      `json:"op" jsonschema:"enum=<,enum=<=,enum=>,enum=>=,enum=between,enum=about"`
	Target    Target  `json:"target"`
	Max       *Target `json:"max,omitempty" jsonschema:"description=upper bound with op between"`
	Tolerance *Target `json:"tolerance,omitempty" jsonschema:"description=allowed distance from target with op about"`
	// Source says where the number comes from, so that a reader can
	// check it.
	Source string `json:"source,omitempty" jsonschema:"description=where the number comes from"`
}

// JSONSchemaExtend lists the KPI names so editors can complete them.
func (Standard) JSONSchemaExtend(s *jsonschema.Schema) {
	if p, ok := s.Properties.Get("kpi"); ok {
		for _, k := range kpiList {
			p.Enum = append(p.Enum, k.Name)
		}
		aliases := slices.Sorted(maps.Keys(kpiAliases))
		for _, a := range aliases {
			p.Enum = append(p.Enum, a)
		}
	}
}

// StandardSet is a file of standards.
type StandardSet struct {
	// Schema is the file's "$schema", which editors use to check it
	// against [StandardsSchema]; it is read so that a file naming its
	// schema decodes, and used for nothing else.
	Schema string `json:"$schema,omitempty"`
	// Name names the set in the report; the command uses the file's
	// name when it is empty.
	Name      string     `json:"name,omitempty"`
	Standards []Standard `json:"standards"`
}

// Validate checks every standard, reporting all problems at once. A nil
// set is an error.
func (s *StandardSet) Validate() error {
	if s == nil {
		return errNilSet
	}
	var errs diag.List
	for i, st := range s.Standards {
		err := st.Validate()
		if err == nil {
			continue
		}
		each := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			each = j.Unwrap()
		}
		for _, e := range each {
			d := &diag.Diagnostic{Pointer: "/standards/" + strconv.Itoa(i), Code: diag.CodeBadStandard, Message: e.Error(), Err: e}
			if st.Name != "" {
				d.Subject = "standard " + diag.Quote(st.Name)
			}
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// StandardError is a problem with one standard of a set, which
// StandardSet.Validate (and so ParseStandards) reports for each
// problem of each bad standard.
//
// Deprecated: use [diag.Diagnostic], which this is: the standard's
// place is its JSON Pointer, /standards/N, in Pointer, its name in
// Subject, and the code is [diag.CodeBadStandard].
type StandardError = diag.Diagnostic

// valueRange returns the values k can take: 0..1 for a share,
// -100..100 for NPS, 0..100 for CSAT, and from zero up for durations
// and counts.
func (k KPI) valueRange() (lo, hi float64) {
	switch {
	case k.Unit == Share:
		return 0, 1
	case k.Name == "nps":
		return -100, 100
	case k.Name == "csat":
		return 0, 100
	}
	return 0, math.Inf(1)
}

// checkValue reports a finite v, given as field, that k can never take;
// name is the KPI as the user wrote it. A share written as a percentage
// (75 for 75%) is the common case, and the message says how to write it
// (as "75%" too when percent, where a target may be one).
func (k KPI) checkValue(field, name string, v float64, percent bool) error {
	lo, hi := k.valueRange()
	if math.IsNaN(v) || math.IsInf(v, 0) || v >= lo && v <= hi {
		return nil
	}
	switch {
	case k.Unit == Share && v > 1 && v <= 100 && percent:
		return fmt.Errorf("%s %g is outside 0..1: %s is a share; write %g%% or %g", field, v, name, v, v/100)
	case k.Unit == Share && v > 1 && v <= 100:
		return fmt.Errorf("%s %g is outside 0..1: %s is a share; write %g", field, v, name, v/100)
	case k.Unit == Share:
		return fmt.Errorf("%s %g is outside 0..1: %s is a share, 0%% to 100%%", field, v, name)
	case k.Unit == Seconds:
		return fmt.Errorf("%s %g is negative: %s is a duration", field, v, name)
	case math.IsInf(hi, 1):
		return fmt.Errorf("%s %g is negative: %s cannot be", field, v, name)
	}
	return fmt.Errorf("%s %g is outside %g..%g: %s runs from %g to %g", field, v, lo, hi, name, lo, hi)
}

// Validate checks the KPI, the comparison and its bounds. A target (or
// max) the KPI can never reach is an error, since the standard could
// never pass, or never fail: a share outside 0..1 (75 where 75% or 0.75
// was meant), a negative duration or count, an NPS outside -100..100, a
// CSAT outside 0..100; so is a share's tolerance above 1.
func (s *Standard) Validate() error {
	k, ok := LookupKPI(s.KPI)
	var errs []error
	if !ok {
		errs = append(errs, fmt.Errorf("unknown kpi %q%s", s.KPI, suggest.DidYouMean(s.KPI, kpiNamesForSuggest())))
	} else if (!k.Tickets || k.Name == "backlog_ratio") && (len(s.Channels)+len(s.Priorities)+len(s.Agents) > 0) {
		errs = append(errs, fmt.Errorf("kpi %q is not measured per channel, priority or agent", s.KPI))
	}
	if !slices.Contains(ops, s.Op) {
		errs = append(errs, fmt.Errorf("unknown op %q (want <, <=, >, >=, between or about)", s.Op))
	}
	if s.Op == Between && (s.Max == nil || *s.Max < s.Target) {
		errs = append(errs, errors.New("op between needs max >= target"))
	}
	if s.Op == About && (s.Tolerance == nil || *s.Tolerance < 0) {
		errs = append(errs, errors.New("op about needs a tolerance >= 0"))
	}
	if math.IsNaN(float64(s.Target)) || math.IsInf(float64(s.Target), 0) {
		errs = append(errs, errors.New("target is not a finite number"))
	}
	if ok {
		errs = append(errs, k.checkValue("target", s.KPI, float64(s.Target), true))
		if s.Op == Between && s.Max != nil {
			errs = append(errs, k.checkValue("max", s.KPI, float64(*s.Max), true))
		}
		if s.Op == About && s.Tolerance != nil && k.Unit == Share {
			errs = append(errs, k.checkValue("tolerance", s.KPI, float64(*s.Tolerance), true))
		}
	}
	return errors.Join(errs...)
}

// DecodeError is the error behind the diagnostic ParseStandards and
// ParseCalendar return when the JSON itself is wrong: a syntax error, an unknown or repeated
// field, a value of the wrong type or an unreadable one. It carries the
// mistake's byte offset, line, column (in characters) and JSON Pointer,
// a plain-words Message and Hint, and for an unknown field the allowed
// names and the likeliest one:
//
//	var de *support.DecodeError
//	if errors.As(err, &de) {
//		fmt.Printf("%s:%d:%d: %s\n", name, de.Line, de.Column, de.Message)
//	}
type DecodeError = strictjson.Error

// ParseStandards reads a [StandardSet] from JSON and validates it.
//
// The JSON is read as strictly as a checklist: a field the set does not
// have (or one in the wrong case), a field given twice and anything
// after the set are errors, since a second "target" silently replacing
// the first would hold the team to a standard nobody meant. Such an
// error gives its line and column, and the JSON Pointer of the value at
// fault, as "3:9: unknown field "traget" in /standards/0; did you mean
// "target"?". Validation comes after decoding and reports every
// standard's problems at once, each at the JSON Pointer of its standard,
// /standards/N. Every problem is a *diag.Diagnostic in a [diag.List]; a
// decoding error has a [*DecodeError] behind it, for errors.As.
//
// A file without a "standards" list ({} or "standards": null) is an
// error, since it is more likely the wrong file than a wish to check
// nothing; "standards": [] says that wish and gives an empty set.
func ParseStandards(data []byte) (*StandardSet, error) {
	var s StandardSet
	if err := strictjson.Decode(data, &s, "the standards file"); err != nil {
		return nil, strictjson.Diagnostics(err)
	}
	if s.Standards == nil {
		return nil, diag.List{{Code: diag.CodeMissingKey, Message: `no standards: the file has no "standards" list`,
			Hint: `write "standards": [] to check none`}}
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &s, nil
}

// StandardsSchema returns the JSON Schema of a standards file.
func StandardsSchema() *jsonschema.Schema {
	r := &jsonschema.Reflector{DoNotReference: true}
	s := r.Reflect(&StandardSet{})
	s.ID = "https://cxkit.dev/schema/support-standards.json"
	s.Title = "cxkit support standards"
	return s
}

func tgt(x float64) *Target { t := Target(x); return &t }

// DefaultStandards returns the customer-service standards of the service-standards guide
// ("21 standards of customer service") that have a number. Handovers are
// split by priority: P3 and P4 stand for the seed's simple issues (at
// most 1), P1 and P2 for complex ones (at most 3). The seed's NPS of
// 75-85 is what loyalty leaders such as Apple reach, so the standard is
// reaching its lower end, not staying inside the range.
func DefaultStandards() *StandardSet {
	const src = "21 standards of customer service"
	return &StandardSet{Name: "the 21 standards of customer service", Standards: []Standard{
		{Name: "chat first response under 2 minutes", KPI: "first_response", Filter: Filter{Channels: []string{"chat"}}, Op: Less, Target: 120, Source: src},
		{Name: "phone first response under 2 minutes", KPI: "first_response", Filter: Filter{Channels: []string{"phone"}}, Op: Less, Target: 120, Source: src},
		{Name: "email first response within a day", KPI: "first_response", Filter: Filter{Channels: []string{"email"}}, Op: LessEqual, Target: 86400, Source: src},
		{Name: "social first response within 60 minutes", KPI: "first_response", Filter: Filter{Channels: []string{"social"}}, Op: LessEqual, Target: 3600, Source: src},
		{Name: "first contact resolution at least 75%", KPI: "fcr", Op: GreaterEqual, Target: 0.75, Source: src + " (IFC global standard)"},
		{Name: "at most 1 handover on simple issues", KPI: "handovers", Filter: Filter{Priorities: []Priority{P3, P4}}, Op: LessEqual, Target: 1, Source: src},
		{Name: "at most 3 handovers on complex issues", KPI: "handovers", Filter: Filter{Priorities: []Priority{P1, P2}}, Op: LessEqual, Target: 3, Source: src},
		{Name: "at most 2 waiting per agent on duty", KPI: "queue_peak_per_agent", Op: LessEqual, Target: 2, Source: src},
		{Name: "at most 15 waiting in all", KPI: "queue_peak", Op: LessEqual, Target: 15, Source: src},
		{Name: "no topic above 3% of tickets", KPI: "single_question", Op: LessEqual, Target: 0.03, Source: src},
		{Name: "2 to 4 replies per ticket", KPI: "replies_per_ticket", Op: Between, Target: 2, Max: tgt(4), Source: src + " (Kayako)"},
		{Name: "occupancy 60-80%", KPI: "occupancy", Op: Between, Target: 0.6, Max: tgt(0.8), Source: src},
		{Name: "backlog in/out about 0.5", KPI: "backlog_ratio", Op: About, Target: 0.5, Tolerance: tgt(0.1), Source: src},
		{Name: "NPS of the loyalty leaders (Apple: 75-85)", KPI: "nps", Op: GreaterEqual, Target: 75, Source: src + " (Bain & Company)"},
		{Name: "post-service rating at least 4 of 5", KPI: "rating", Op: GreaterEqual, Target: 4, Source: src},
		{Name: "customer effort at most 3 on 1..10", KPI: "ces", Op: LessEqual, Target: 3, Source: src},
		{Name: "at most 1 complaint per 1,000 interactions", KPI: "things_gone_wrong", Op: LessEqual, Target: 1, Source: src + " (lean six sigma)"},
	}}
}

// Row is one standard checked against the measured value. Value,
// Passed and Gap are nil when there was nothing to measure (no tickets
// in the filter, no agent time, no survey value). Gap is how far the
// value lies from the nearest value that passes: value minus the target
// for <, <=, > and >= (negative below it, and zero for a value equal to
// the target of < or >, which fails); for between and about, value minus
// the nearer edge of the range (Target..Max, or Target ± Tolerance), and
// zero inside it. So 1.14 against "about 0.5 ± 0.1" misses by 0.54.
// The other fields repeat the standard, with Target, Max and Tolerance
// as plain numbers in Unit.
type Row struct {
	Name       string     `json:"name,omitempty"`
	KPI        string     `json:"kpi"`
	Channels   []string   `json:"channels,omitempty"`
	Priorities []Priority `json:"priorities,omitempty"`
	Agents     []string   `json:"agents,omitempty"`
	Op         Op         `json:"op"`
	Target     float64    `json:"target"`
	Max        *float64   `json:"max,omitempty"`
	Tolerance  *float64   `json:"tolerance,omitempty"` // about's allowed distance from Target
	Unit       Unit       `json:"unit"`
	Value      *float64   `json:"value"`
	Passed     *bool      `json:"passed"`
	Gap        *float64   `json:"gap"`
	// Basis says what Value is when it is not the KPI over the whole
	// input: "median day" or "median week" for the backlog in/out,
	// whose value per period is in Periods.
	Basis   string          `json:"basis,omitempty"`
	Periods []BacklogPeriod `json:"periods,omitempty"`
}

// Inputs are the measured values a standard may need besides tickets:
// survey KPIs by name ("ces", "rating", ...).
type Inputs struct {
	// Survey holds the KPIs that [KPI.Survey] marks, by their Name in
	// [AllKPIs], exactly as written there (lower case).
	Survey map[string]float64
}

// Validate checks every survey value, reporting all problems at once in
// the order of their names: a name that is not a survey KPI's (with the
// likeliest one it was meant to be), a NaN or infinite value, and a
// value the KPI cannot take (a share outside 0..1, an NPS outside
// -100..100, a CSAT outside 0..100, a negative mean or rate).
func (in Inputs) Validate() error {
	names := slices.Sorted(maps.Keys(in.Survey))
	var errs []error
	for _, name := range names {
		v := in.Survey[name]
		var err error
		k, ok := surveyKPI(name)
		switch {
		case !ok && kpiNamed(name):
			err = fmt.Errorf("%s is measured from the tickets or agent time, not given as an input", name)
		case !ok:
			err = fmt.Errorf("unknown survey KPI%s", suggest.DidYouMean(name, surveyKPINames()))
		case math.IsNaN(v) || math.IsInf(v, 0):
			err = fmt.Errorf("%v is not a finite number", v)
		default:
			err = k.checkValue("value", name, v, false)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("inputs: survey %q: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

// surveyKPI returns the survey KPI with exactly this name.
func surveyKPI(name string) (KPI, bool) {
	i := slices.IndexFunc(kpiList, func(k KPI) bool { return k.Survey && k.Name == name })
	if i < 0 {
		return KPI{}, false
	}
	return kpiList[i], true
}

// kpiNamed reports whether name is exactly some KPI's name.
func kpiNamed(name string) bool {
	return slices.ContainsFunc(kpiList, func(k KPI) bool { return k.Name == name })
}

// kpiNamesForSuggest lists every name a standard may give a KPI: the
// names of AllKPIs and their --json aliases.
func kpiNamesForSuggest() []string {
	var names []string
	for _, k := range AllKPIs() {
		names = append(names, k.Name)
	}
	for a := range kpiAliases {
		names = append(names, a)
	}
	slices.Sort(names)
	return names
}

func surveyKPINames() []string {
	var out []string
	for _, k := range kpiList {
		if k.Survey {
			out = append(out, k.Name)
		}
	}
	return out
}

var errNilSet = errors.New("support: nil standard set (DefaultStandards gives the seed's)")

// Evaluate checks every standard of set against what a has measured.
// The standards and the inputs are validated first, and their problems
// returned together; a nil set is an error.
func (a *Accumulator) Evaluate(set *StandardSet, in Inputs) ([]Row, error) {
	if a == nil {
		return nil, errors.New("support: nil *Accumulator")
	}
	if err := errors.Join(set.Validate(), in.Validate()); err != nil {
		return nil, err
	}
	rep := a.Report()
	cache := map[string]KPIs{}
	rows := make([]Row, 0, len(set.Standards))
	for _, st := range set.Standards {
		k, _ := LookupKPI(st.KPI)
		var v *float64
		switch {
		case k.Name == "backlog_ratio":
			// Judged per period: over a whole export created / solved
			// is never below 1, so the seed's 0.5 could never be met.
			v, basis, periods := a.medianBacklog(rep)
			row := st.check(k, v)
			row.Basis, row.Periods = basis, periods
			if v == nil && len(row.Periods) > 0 {
				// The median period solved nothing: as bad as it gets.
				no := false
				row.Passed = &no
			}
			rows = append(rows, row)
			continue
		case k.Tickets:
			key := st.Filter.String()
			kp, ok := cache[key]
			if !ok {
				kp = a.KPIs(st.Filter)
				cache[key] = kp
			}
			v = k.get(&kp)
			if x, ok := in.Survey[k.Name]; ok && v == nil && k.Survey {
				v = ptr(x)
			}
		case k.Survey:
			if x, ok := in.Survey[k.Name]; ok {
				v = ptr(x)
			}
		case k.Name == "single_question":
			v = rep.SingleQuestion
		case k.Name == "occupancy":
			v = rep.Occupancy
		case k.Name == "minutes_per_issue":
			v = rep.MinutesPerIssue
		}
		rows = append(rows, st.check(k, v))
	}
	return rows, nil
}

func (st *Standard) check(k KPI, v *float64) Row {
	r := Row{Name: st.Name, KPI: st.KPI, Channels: st.Channels, Priorities: st.Priorities, Agents: st.Agents,
		Op: st.Op, Target: float64(st.Target), Unit: k.Unit, Value: v}
	lo, hi := float64(st.Target), float64(st.Target)
	switch st.Op {
	case Between:
		hi = float64(*st.Max)
		r.Max = ptr(hi)
	case About:
		r.Tolerance = ptr(float64(*st.Tolerance))
		lo, hi = lo-*r.Tolerance, hi+*r.Tolerance
	}
	if v == nil {
		return r
	}
	x := *v
	var ok bool
	var gap float64
	switch st.Op {
	case Less:
		ok, gap = x < lo, x-lo
	case LessEqual:
		ok, gap = x <= lo, x-lo
	case Greater:
		ok, gap = x > lo, x-lo
	case GreaterEqual:
		ok, gap = x >= lo, x-lo
	case Between, About:
		ok = x >= lo && x <= hi
		switch {
		case x < lo:
			gap = x - lo
		case x > hi:
			gap = x - hi
		}
	}
	r.Passed, r.Gap = &ok, &gap
	return r
}

// medianBacklog returns the median of the periods' in/out ratios, what
// it is the median of, and the periods. A period that solved nothing
// (ratio nil, as if infinite) ranks above every other; when the median
// falls on one, the value is nil.
func (a *Accumulator) medianBacklog(rep *Report) (*float64, string, []BacklogPeriod) {
	basis := "median day"
	if a.opts.Period == Week {
		basis = "median week"
	}
	n := len(rep.Backlog)
	if n == 0 {
		return nil, basis, nil
	}
	rs := make([]float64, n)
	for i, b := range rep.Backlog {
		rs[i] = math.Inf(1)
		if b.Ratio != nil {
			rs[i] = *b.Ratio
		}
	}
	slices.Sort(rs)
	m := rs[n/2]
	if n%2 == 0 {
		m = (rs[n/2-1] + rs[n/2]) / 2
	}
	if math.IsInf(m, 1) {
		return nil, basis, rep.Backlog
	}
	return &m, basis, rep.Backlog
}
