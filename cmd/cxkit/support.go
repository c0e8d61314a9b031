package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cxkit/cxkit/metrics/support"
)

func init() {
	register(&command{
		name:    "support",
		usage:   "support TICKETS.jsonl [--standards FILE] [--calendar FILE] [--by channel|priority|agent] [--agent-time FILE] [--survey FILE] [--period day|week] [--tz ZONE] [--skip-bad] [--json]\n       cxkit support --defaults | --schema standards|calendar",
		summary: "support KPIs from help-desk tickets and the pass/fail table against the standards",
		run:     runSupport,
	})
}

// supportOutput is the --json document: the report's fields at the top
// level, then the breakdown and the standards.
type supportOutput struct {
	*support.Report
	By              string          `json:"by,omitempty"`
	Groups          []support.Group `json:"groups,omitempty"`
	Survey          map[string]any  `json:"survey,omitempty"`
	Standards       []support.Row   `json:"standards"`
	StandardsName   string          `json:"standards_name"`
	StandardsPassed int             `json:"standards_passed"`
	StandardsFailed int             `json:"standards_failed"`
	StandardsNoData int             `json:"standards_no_data"`
	SkippedLines    int             `json:"skipped_lines"`
	Period          string          `json:"period"` // of the backlog series: day or week
}

func runSupport(e *env, args []string) int {
	c := commands["support"]
	fs := newFlags(e, c)
	standardsFile := fs.String("standards", "", "standards `FILE` (JSON); default: the 21 standards of customer service")
	calendarFile := fs.String("calendar", "", "business-hours calendar `FILE` (JSON); durations then count working time only")
	by := fs.String("by", "", "break the KPIs down by `KIND`: channel, priority or agent")
	agentTime := fs.String("agent-time", "", "agent-time `FILE` (JSON Lines) for occupancy and minutes per issue")
	surveyFile := fs.String("survey", "", "post-service survey `FILE` (JSON Lines) for CES, rating, NPS, success and awareness")
	period := fs.String("period", "day", "backlog in/out `PERIOD`: day or week")
	tz := fs.String("tz", "", "IANA time `ZONE` of the backlog days without --calendar (default UTC)")
	skipBad := fs.Bool("skip-bad", false, "report bad lines as warnings and compute from the good ones")
	asJSON := fs.Bool("json", false, "print JSON")
	defaults := fs.Bool("defaults", false, "print the 21 default standards as a standards file to start from")
	schema := fs.String("schema", "", "print the JSON Schema of a `KIND` of file: standards or calendar")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if isHelp(err) {
			return exitOK
		}
		return exitUsage
	}
	if *defaults || *schema != "" {
		if len(pos) != 0 || (*defaults && *schema != "") {
			return usageError(e, c, "--defaults and --schema take no other arguments")
		}
		var v any
		switch *schema {
		case "":
			set := support.DefaultStandards()
			set.Schema = "https://cxkit.dev/schema/support-standards.json"
			v = set
		case "standards":
			v = support.StandardsSchema()
		case "calendar":
			v = support.CalendarSchema()
		default:
			return usageError(e, c, "--schema %q: want standards or calendar", *schema)
		}
		if err := writeJSON(e.stdout, v); err != nil {
			fmt.Fprintf(e.stderr, "cxkit support: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	if len(pos) != 1 {
		return usageError(e, c, "want one tickets file (or - for standard input)")
	}
	if stdinTwice(pos[0], *standardsFile, *calendarFile, *agentTime, *surveyFile) {
		return usageError(e, c, "only one of the tickets, --standards, --calendar, --agent-time and --survey can be standard input")
	}
	dim, ok := map[string]support.Dimension{"channel": support.ByChannel, "priority": support.ByPriority, "agent": support.ByAgent}[*by]
	if *by != "" && !ok {
		return usageError(e, c, "--by %q: want channel, priority or agent", *by)
	}
	opts := support.Options{}
	switch *period {
	case "day":
	case "week":
		opts.Period = support.Week
	default:
		return usageError(e, c, "--period %q: want day or week", *period)
	}

	fail := func(format string, a ...any) int {
		fmt.Fprintf(e.stderr, "cxkit support: "+format+"\n", a...)
		return exitInput
	}
	if *tz != "" {
		loc, err := time.LoadLocation(*tz)
		if err != nil {
			return usageError(e, c, "--tz %q: not an IANA time zone such as Europe/Moscow", *tz)
		}
		opts.Location = loc
	}
	set := support.DefaultStandards()
	if *standardsFile != "" {
		data, err := readInput(e, *standardsFile)
		if err != nil {
			return fail("%v", err)
		}
		if err := parseSupportConfig(inputName(*standardsFile), data, func(b []byte) (err error) {
			set, err = support.ParseStandards(b)
			return err
		}); err != nil {
			return fail("%v", err)
		}
		if set.Name == "" {
			set.Name = *standardsFile
		}
	}
	if *calendarFile != "" {
		data, err := readInput(e, *calendarFile)
		if err != nil {
			return fail("%v", err)
		}
		if err := parseSupportConfig(inputName(*calendarFile), data, func(b []byte) (err error) {
			opts.Calendar, err = support.ParseCalendar(b)
			return err
		}); err != nil {
			return fail("%v", err)
		}
	}

	acc := support.NewAccumulator(opts)
	skipped := 0
	code, n := supportRead(e, pos[0], *skipBad, func(r io.Reader) error { return support.ReadAll(r, acc.Add) })
	if code != exitOK {
		return code
	}
	skipped += n
	if *agentTime != "" {
		code, n = supportRead(e, *agentTime, *skipBad, func(r io.Reader) error { return support.ReadAgentTime(r, acc.AddAgentTime) })
		if code != exitOK {
			return code
		}
		skipped += n
	}
	var in support.Inputs
	var surveyJSON map[string]any
	if *surveyFile != "" {
		sv := newSupportSurvey()
		code, n = supportRead(e, *surveyFile, *skipBad, sv.read)
		if code != exitOK {
			return code
		}
		skipped += n
		in.Survey, surveyJSON = sv.values()
	}

	rows, err := acc.Evaluate(set, in)
	if err != nil {
		return fail("%v", err)
	}
	report := acc.Report()
	if report.Tickets == 0 {
		fmt.Fprintf(e.stderr, "cxkit support: warning: %s: no tickets; every KPI is without data\n", pos[0])
	}
	out := supportOutput{Report: report, Survey: surveyJSON, Standards: rows, StandardsName: set.Name, SkippedLines: skipped, Period: *period}
	if *by != "" {
		out.By, out.Groups = *by, acc.Groups(dim)
	}
	for _, r := range rows {
		switch {
		case r.Passed == nil:
			out.StandardsNoData++
		case *r.Passed:
			out.StandardsPassed++
		default:
			out.StandardsFailed++
		}
	}
	if *asJSON {
		if err := writeJSON(e.stdout, out); err != nil {
			return fail("%v", err)
		}
		return exitOK
	}
	printSupport(e.stdout, &out)
	return exitOK
}

// supportRead opens name and reads it with read, printing every bad line.
// It returns exitInput when there were bad lines (unless skip) and the
// number of lines skipped.
func supportRead(e *env, name string, skip bool, read func(io.Reader) error) (int, int) {
	f, err := openInput(e, name)
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit support: %v\n", err)
		return exitInput, 0
	}
	defer f.Close()
	err = read(f)
	name = inputName(name)
	var errs support.Errors
	if errors.As(err, &errs) {
		for _, te := range errs {
			if skip {
				fmt.Fprintf(e.stderr, "%s: warning: skipped: %v\n", name, te)
			} else {
				fmt.Fprintf(e.stderr, "%s: %v\n", name, te)
			}
		}
		if !skip {
			fmt.Fprintf(e.stderr, "cxkit support: %s: %s; nothing computed (--skip-bad computes from the good lines)\n", name, plural(len(errs), "bad line", "bad lines"))
			return exitInput, 0
		}
		return exitOK, len(errs)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "cxkit support: %s: %v\n", name, err)
		return exitInput, 0
	}
	return exitOK, 0
}

// supportDuration formats seconds for people: "45s", "4m 05s", "2h 05m",
// "3d 04h".
func supportDuration(s float64) string {
	sec := int64(math.Round(s))
	switch {
	case sec < 60:
		return fmt.Sprintf("%ds", sec)
	case sec < 3600:
		return fmt.Sprintf("%dm %02ds", sec/60, sec%60)
	case sec < 86400:
		return fmt.Sprintf("%dh %02dm", sec/3600, (sec%3600)/60)
	}
	return fmt.Sprintf("%dd %02dh", sec/86400, (sec%86400)/3600)
}

func supportValue(v *float64, u support.Unit) string {
	if v == nil {
		return "—"
	}
	switch u {
	case support.Seconds:
		return supportDuration(*v)
	case support.Share:
		return pct(*v)
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

func supportTarget(r *support.Row) string {
	t := supportValue(&r.Target, r.Unit)
	switch r.Op {
	case support.Between:
		return t + " – " + supportValue(r.Max, r.Unit)
	case support.About:
		if r.Tolerance != nil {
			return t + " ± " + supportValue(r.Tolerance, r.Unit)
		}
		return "≈ " + t
	}
	return string(r.Op) + " " + t
}

func printSupport(w io.Writer, o *supportOutput) {
	r := o.Report
	basis := "calendar time"
	if r.TimeBasis == "business" {
		basis = "business hours"
	}
	fmt.Fprintf(w, "Support KPIs: %s, %d solved (durations in %s)\n\n", plural(r.Tickets, "ticket", "tickets"), r.Solved, basis)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(name, value string, more ...string) {
		if len(more) == 0 {
			fmt.Fprintf(tw, "  %s\t%s\n", name, value)
			return
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", name, value, strings.Join(more, "; "))
	}
	fr := r.FirstResponse
	line("first response", supportValue(fr.Mean, support.Seconds), "median "+supportValue(fr.Median, support.Seconds), "p90 "+supportValue(fr.P90, support.Seconds), plural(fr.N, "ticket", "tickets")+" with a reply")
	line("response time", supportValue(r.ResponseTime.Mean, support.Seconds), "pooled over "+plural(r.ResponseTime.N, "reply", "replies"))
	line("first contact resolution", supportValue(r.FCR, support.Share))
	line("one-touch", supportValue(r.OneTouch, support.Share))
	line("handovers per solved ticket", supportValue(r.Handovers.Mean, support.Number))
	rp := r.RepliesPerTicket
	more := []string{plural(rp.N, "solved ticket that is", "solved tickets that are") + " not one-touch"}
	if rp.OutlierAbove != nil {
		more = append(more, fmt.Sprintf("%s above %s", plural(rp.OutlierCount, "outlier", "outliers"), strconv.FormatFloat(*rp.OutlierAbove, 'f', -1, 64)))
	}
	line("replies per ticket", supportValue(rp.Mean, support.Number), more...)
	res := r.Resolution
	line("resolution (first solved)", supportValue(res.First.Mean, support.Seconds), "median "+supportValue(res.First.Median, support.Seconds), "p90 "+supportValue(res.First.P90, support.Seconds))
	line("resolution (finally solved)", supportValue(res.Full.Mean, support.Seconds), "median "+supportValue(res.Full.Median, support.Seconds))
	line("reopened", supportValue(res.ReopenRate, support.Share), plural(res.ReopenedTickets, "ticket", "tickets")+", "+plural(res.Reopens, "reopen", "reopens"))
	q := r.Queue
	line("instant service", supportValue(q.InstantService, support.Share), "of "+plural(q.Live, "live ticket", "live tickets"))
	line("queue wait", supportValue(q.Wait.Mean, support.Seconds), "median "+supportValue(q.Wait.Median, support.Seconds), fmt.Sprintf("%d served", q.Served))
	line("queue abandonment", supportValue(q.Abandonment, support.Share), fmt.Sprintf("%d of %d queued", q.Abandoned, q.Queued))
	line("peak waiting at once", supportWaitingPeak(q.Waiting), supportWaitingMore(q.Waiting)...)
	line("peak waiting per agent", supportValue(q.Waiting.PeakPerAgent, support.Number), "on duty: agents acting on live tickets in that clock hour")
	line("backlog in/out", supportValue(r.BacklogRatio, support.Number), "created / solved")
	line("backlog management index", supportValue(r.BMI, support.Share), "solved / (open before + created); nothing open before the input")
	line("clicks to first contact", supportValue(r.Clicks.Mean, support.Number), plural(r.Clicks.N, "ticket", "tickets")+" with clicks")
	var faq []string
	for _, t := range r.Topics {
		if t.FAQ {
			faq = append(faq, fmt.Sprintf("%s %s", t.Topic, pct(t.Share)))
		}
	}
	if len(faq) > 0 {
		line("single question (top topic)", supportValue(r.SingleQuestion, support.Share), "FAQ candidates: "+strings.Join(faq, ", "))
	} else {
		line("single question (top topic)", supportValue(r.SingleQuestion, support.Share))
	}
	line("occupancy", supportValue(r.Occupancy, support.Share))
	line("minutes per issue", supportValue(r.MinutesPerIssue, support.Number))
	tw.Flush()

	if len(rp.Outliers) > 0 {
		ids := make([]string, len(rp.Outliers))
		for i, x := range rp.Outliers {
			ids[i] = fmt.Sprintf("%s (%d)", x.ID, x.Replies)
		}
		fmt.Fprintf(w, "\nReply-count outliers: %s\n", strings.Join(ids, ", "))
	}

	if n := len(r.Backlog); n > 0 {
		const maxPeriods = 31
		fmt.Fprintf(w, "\nBacklog in/out by %s\n", o.Period)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  %s\tin\tout\tin/out\topen before\tBMI\n", o.Period)
		for _, b := range r.Backlog[max(0, n-maxPeriods):] {
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%d\t%s\n", b.Period, b.In, b.Out, supportValue(b.Ratio, support.Number), b.Open, supportValue(b.BMI, support.Share))
		}
		tw.Flush()
		if n > maxPeriods {
			fmt.Fprintf(w, "  (the last %d of %d; --json has them all)\n", maxPeriods, n)
		}
	}

	if len(r.Queues) > 0 {
		fmt.Fprintf(w, "\nQueues by channel\n")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  channel\tlive\tinstant\twait\tabandoned\tpeak waiting\tmean waiting\tpeak per agent\n")
		for _, c := range r.Queues {
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Channel, c.Live,
				supportValue(c.InstantService, support.Share), supportValue(c.Wait.Mean, support.Seconds),
				supportValue(c.Abandonment, support.Share), supportWaitingPeak(c.Waiting),
				supportValue(c.Waiting.Mean, support.Number), supportValue(c.Waiting.PeakPerAgent, support.Number))
		}
		tw.Flush()
	}

	if len(r.ClicksByChannel) > 0 {
		fmt.Fprintf(w, "\nClicks to first contact by channel\n")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  channel\ttickets with clicks\tmean clicks\n")
		for _, c := range r.ClicksByChannel {
			fmt.Fprintf(tw, "  %s\t%d\t%s\n", c.Channel, c.N, supportValue(c.Mean, support.Number))
		}
		tw.Flush()
	}

	if len(o.Groups) > 0 {
		fmt.Fprintf(w, "\nBy %s\n", o.By)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  %s\ttickets\tsolved\tfirst resp.\tmedian\tp90\tresponse\tFCR\tone-touch\thandovers\treplies\tresolution\n", o.By)
		for _, g := range o.Groups {
			key := g.Key
			if key == "" {
				key = "(none)"
			}
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", key, g.Tickets, g.Solved,
				supportValue(g.FirstResponse.Mean, support.Seconds), supportValue(g.FirstResponse.Median, support.Seconds),
				supportValue(g.FirstResponse.P90, support.Seconds), supportValue(g.ResponseTime.Mean, support.Seconds),
				supportValue(g.FCR, support.Share), supportValue(g.OneTouch, support.Share),
				supportValue(g.Handovers.Mean, support.Number), supportValue(g.RepliesPerTicket.Mean, support.Number),
				supportValue(g.Resolution.First.Mean, support.Seconds))
		}
		tw.Flush()
	}

	if len(r.Agents) > 0 {
		fmt.Fprintf(w, "\nAgents\n")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  agent\tchannel\tsolved\tminutes per issue\toccupancy\n")
		for _, a := range r.Agents {
			ch := a.Channel
			if ch == "" {
				ch = "(all)"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%d\t%s\t%s\n", a.Agent, ch, a.Solved, supportValue(a.MinutesPerIssue, support.Number), supportValue(a.Occupancy, support.Share))
		}
		tw.Flush()
	}

	fmt.Fprintf(w, "\nStandards (%s): %d passed, %d failed, %d without data\n", o.StandardsName, o.StandardsPassed, o.StandardsFailed, o.StandardsNoData)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  standard\tfor\ttarget\tvalue\tresult\n")
	for i := range o.Standards {
		s := &o.Standards[i]
		name := s.Name
		if name == "" {
			name = s.KPI
		}
		scope := support.Filter{Channels: s.Channels, Priorities: s.Priorities, Agents: s.Agents}.String()
		if scope == "" {
			scope = "all"
		}
		result := "no data"
		if s.Passed != nil {
			result = "passed"
			if !*s.Passed {
				result = "FAILED by " + supportGap(s)
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", name, scope, supportTarget(s), supportValue(s.Value, s.Unit), result)
	}
	tw.Flush()
}

func supportWaitingPeak(w support.Waiting) string {
	if w.N == 0 {
		return "—"
	}
	return strconv.Itoa(w.Peak)
}

// supportWaitingMore says what the peak was measured over and what the
// sweep had to leave out.
func supportWaitingMore(w support.Waiting) []string {
	more := []string{"time-weighted mean " + supportValue(w.Mean, support.Number), fmt.Sprintf("%d waits", w.N)}
	if w.UnstaffedS > 0 {
		more = append(more, supportDuration(w.UnstaffedS)+" with no agent on duty")
	}
	if w.Unclosed > 0 {
		more = append(more, fmt.Sprintf("%d never served or abandoned", w.Unclosed))
	}
	return more
}

// supportGap formats how far a failed value is from its target, in the
// KPI's unit (percentage points for shares).
func supportGap(r *support.Row) string {
	g := math.Abs(*r.Gap)
	switch r.Unit {
	case support.Seconds:
		return supportDuration(g)
	case support.Share:
		return strconv.FormatFloat(100*g, 'f', 1, 64) + " pp"
	}
	return strconv.FormatFloat(g, 'f', 2, 64)
}
