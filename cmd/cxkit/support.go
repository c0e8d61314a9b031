package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/metrics/support"
)

func init() {
	register(&Command{
		Name:      "support",
		UsageLine: "support TICKETS.jsonl [--standards FILE] [--calendar FILE] [--by channel|priority|agent] [--agent-time FILE] [--survey FILE] [--period day|week] [--tz ZONE] [--skip-bad] [--workers N] [--json]\n       cxkit support --defaults | --schema standards|calendar",
		Short:     "support KPIs from help-desk tickets and the pass/fail table against the standards",
		Flags:     supportFlags,
	})
}

func supportFlags(fs *flag.FlagSet) Run {
	standardsFile := fs.String("standards", "", "standards `FILE` (JSON); default: the 21 standards of customer service")
	calendarFile := fs.String("calendar", "", "business-hours calendar `FILE` (JSON); durations then count working time only")
	by := fs.String("by", "", "break the KPIs down by `KIND`: channel, priority or agent")
	agentTime := fs.String("agent-time", "", "agent-time `FILE` (JSON Lines) for occupancy and minutes per issue")
	surveyFile := fs.String("survey", "", "post-service survey `FILE` (JSON Lines) for CES, rating, NPS, success and awareness")
	period := fs.String("period", "day", "backlog in/out `PERIOD`: day or week")
	tz := fs.String("tz", "", "IANA time `ZONE` of the backlog days without --calendar (default UTC)")
	skipBad := fs.Bool("skip-bad", false, "report bad lines as warnings and compute from the good ones")
	asJSON := fs.Bool("json", false, "print JSON")
	workers := new(int)
	workersFlag(fs, workers, "read the tickets")
	defaults := fs.Bool("defaults", false, "print the 21 default standards as a standards file to start from")
	schema := fs.String("schema", "", "print the JSON Schema of a `KIND` of file: standards or calendar")
	return func(_ context.Context, e *env, pos []string) error {
		if *defaults || *schema != "" {
			if len(pos) != 0 || (*defaults && *schema != "") {
				return usagef("--defaults and --schema take no other arguments")
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
				return usagef("--schema %q: want standards or calendar", *schema)
			}
			return writeJSON(e.stdout, v)
		}
		if len(pos) != 1 {
			return usagef("want one tickets file (or - for standard input)")
		}
		if stdinTwice(pos[0], *standardsFile, *calendarFile, *agentTime, *surveyFile) {
			return usagef("only one of the tickets, --standards, --calendar, --agent-time and --survey can be standard input")
		}
		if _, err := support.ParseDimension(*by); *by != "" && err != nil {
			return usagef("--by %q: want channel, priority or agent", *by)
		}
		opts := support.Options{}
		var err error
		if opts.Period, err = support.ParsePeriod(*period); err != nil {
			return usagef("--period %q: want day or week", *period)
		}
		if *tz != "" {
			loc, err := support.LoadZone(*tz)
			if err != nil {
				return usagef("--tz: %v", err)
			}
			opts.Location = loc
		}
		set := support.DefaultStandards()
		if *standardsFile != "" {
			data, err := readInputMax(e, *standardsFile, maxConfigSize)
			if err != nil {
				return err
			}
			if set, err = support.ReadStandards(inputName(*standardsFile), data); err != nil {
				return err
			}
			if set.Name == "" {
				set.Name = *standardsFile
			}
		}
		if *calendarFile != "" {
			data, err := readInputMax(e, *calendarFile, maxConfigSize)
			if err != nil {
				return err
			}
			if opts.Calendar, err = support.ReadCalendar(inputName(*calendarFile), data); err != nil {
				return err
			}
		}

		acc, err := support.New(opts)
		if err != nil {
			return err
		}
		skipped, err := supportRead(e, pos[0], *skipBad, func(r io.Reader) error {
			ro := support.ReadOptions{Workers: *workers}
			if bar := newProgress(e, "tickets", r); bar != nil {
				defer bar.Finish()
				ro.Progress = bar.Add
			}
			return support.ReadInto(r, acc, ro)
		})
		if err != nil {
			return err
		}
		if *agentTime != "" {
			n, err := supportRead(e, *agentTime, *skipBad, func(r io.Reader) error { return support.ReadAgentTime(r, acc.AddAgentTime) })
			if err != nil {
				return err
			}
			skipped += n
		}
		sco := support.ScorecardOptions{Standards: set, By: *by}
		if *surveyFile != "" {
			sco.Survey = support.NewSurvey()
			n, err := supportRead(e, *surveyFile, *skipBad, sco.Survey.Read)
			if err != nil {
				return err
			}
			skipped += n
		}
		sco.SkippedLines = skipped
		out, err := acc.Scorecard(sco)
		if err != nil {
			return err
		}
		for _, w := range out.Warnings {
			e.warnf("%s", w)
		}
		if out.Tickets == 0 {
			e.warnf("%s: no tickets; every KPI is without data", pos[0])
		}
		if *asJSON {
			return writeJSON(e.stdout, out)
		}
		printSupport(e.stdout, out)
		return nil
	}
}

// supportRead opens name and reads it with read, printing every bad line.
// It fails when there were bad lines (unless skip), and returns the
// number of lines skipped.
func supportRead(e *env, name string, skip bool, read func(io.Reader) error) (int, error) {
	f, err := openInput(e, name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	err = read(f)
	name = inputName(name)
	errs := diag.As(err).InFile(name, 0)
	if len(errs) == 0 {
		if err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
		return 0, nil
	}
	if skip {
		// Each bad line becomes a warning: the rest is computed.
		e.report(support.Skipped(errs))
		return len(errs), nil
	}
	e.report(errs)
	return 0, fmt.Errorf("%s: %s; nothing computed (--skip-bad computes from the good lines)", name, plural(len(errs), "bad line", "bad lines"))
}

// supportDuration formats seconds for people: "45s", "4m 05s", "2h 05m",
// "3d 04h".
func supportDuration(s float64) string { return supportDurationIn(s, 2) }

// supportDurationIn formats seconds in units parts, largest first: with
// 2, "3d 04h"; with 3, "3d 04h 30m"; at most down to seconds.
func supportDurationIn(s float64, parts int) string {
	sec := int64(math.Round(s))
	units := []struct {
		size int64
		name string
	}{{86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}}
	i := 0
	for i < len(units)-1 && sec < units[i].size {
		i++
	}
	var b strings.Builder
	rest := sec
	for j := i; j < len(units) && j < i+parts; j++ {
		n := rest / units[j].size
		rest %= units[j].size
		if j == i {
			fmt.Fprintf(&b, "%d%s", n, units[j].name)
		} else {
			fmt.Fprintf(&b, " %02d%s", n, units[j].name)
		}
	}
	return b.String()
}

// supportValueAgainst formats v and the target t of a standard alike,
// with as much precision as it takes to tell them apart: a value of
// 1d 00h 30m against a target of 1d 00h must not print as 1d 00h.
// It returns the value and the precision to print the target with.
func supportValueAgainst(v *float64, t float64, u support.Unit) (string, int) {
	if v == nil {
		return "—", 0
	}
	for prec := 0; prec < 6; prec++ {
		if a, b := supportValueAt(*v, u, prec), supportValueAt(t, u, prec); a != b || *v == t {
			return a, prec
		}
	}
	return supportValueAt(*v, u, 6), 6
}

// supportValueAt formats x in unit u with prec more digits (or duration
// parts) than the plain format.
func supportValueAt(x float64, u support.Unit, prec int) string {
	switch u {
	case support.Seconds:
		return supportDurationIn(x, 2+prec)
	case support.Share:
		return fixed(100*x, 1+prec) + "%"
	}
	return strconv.FormatFloat(x, 'f', 2+prec, 64)
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

func supportTarget(r *support.Row, prec int) string {
	t := supportValueAt(r.Target, r.Unit, prec)
	switch r.Op {
	case support.Between:
		return t + " – " + supportValueAt(*r.Max, r.Unit, prec)
	case support.About:
		if r.Tolerance != nil {
			return t + " ± " + supportValueAt(*r.Tolerance, r.Unit, prec)
		}
		return "≈ " + t
	}
	return string(r.Op) + " " + t
}

func printSupport(w io.Writer, o *support.Scorecard) {
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
	line("first contact resolution", supportValue(r.FCR, support.Share), "solved with one reply and never reopened")
	line("one-touch", supportValue(r.OneTouch, support.Share), fmt.Sprintf("%d of %d solved with at most one reply", r.OneTouchCount, r.Solved))
	line("handovers per solved ticket", supportValue(r.Handovers.Mean, support.Number), "distinct agents minus one")
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
	line("backlog in/out", supportValue(r.BacklogRatio, support.Number), "created / solved over the whole input, never below 1; the standard judges the median "+o.Period)
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

	if o.Survey != nil {
		supportPrintSurvey(w, o.Survey)
	}

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
			switch {
			case !*s.Passed && s.Gap == nil:
				result = "FAILED: the " + s.Basis + " solved nothing"
			case !*s.Passed:
				result = "FAILED by " + supportGap(s)
			}
		}
		value, prec := supportValueAgainst(s.Value, s.Target, s.Unit)
		if s.Op == support.Between || s.Op == support.About {
			// The edges decide; tell the value from the nearer one.
			lo, hi := s.Target, s.Target
			if s.Max != nil {
				hi = *s.Max
			}
			if s.Tolerance != nil {
				lo, hi = lo-*s.Tolerance, hi+*s.Tolerance
			}
			_, p1 := supportValueAgainst(s.Value, lo, s.Unit)
			_, p2 := supportValueAgainst(s.Value, hi, s.Unit)
			prec = max(p1, p2)
			if s.Value != nil {
				value = supportValueAt(*s.Value, s.Unit, prec)
			}
		}
		if s.Basis != "" {
			value += " (" + s.Basis + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", name, scope, supportTarget(s, prec), value, result)
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
// KPI's unit (percentage points for shares), never as a zero: a gap of
// 0.04 pp prints as 0.04 pp, not 0.0 pp.
func supportGap(r *support.Row) string {
	g := math.Abs(*r.Gap)
	for prec := 0; ; prec++ {
		var s string
		switch r.Unit {
		case support.Seconds:
			s = supportDurationIn(g, 2+prec)
		case support.Share:
			s = strconv.FormatFloat(100*g, 'f', 1+prec, 64) + " pp"
		default:
			s = strconv.FormatFloat(g, 'f', 2+prec, 64)
		}
		if prec >= 4 || strings.Trim(s, "0.dhms p") != "" {
			return s
		}
	}
}

// supportPrintSurvey prints the post-service survey KPIs of --survey,
// the success and awareness ratios among them, as --json has them.
func supportPrintSurvey(w io.Writer, sv map[string]any) {
	fmt.Fprintf(w, "\nPost-service survey: %s\n", plural(sv["answers"].(int), "answer", "answers"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	get := func(name, field string) (float64, int, bool) {
		m, ok := sv[name].(map[string]any)
		if !ok {
			return 0, 0, false
		}
		n, _ := m["n"].(int)
		if x, ok := m["n"].(int64); ok {
			n = int(x)
		}
		return m[field].(float64), n, true
	}
	row := func(label, name, field string, show func(float64) string, note string) {
		v, n, ok := get(name, field)
		if !ok {
			fmt.Fprintf(tw, "  %s\t—\tnot asked\n", label)
			return
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s; %s\n", label, show(v), note, plural(n, "answer", "answers"))
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	row("customer effort (1..10)", "ces", "mean", num, "mean, lower is easier")
	row("post-service rating (1..5)", "rating", "mean", num, "mean")
	row("NPS", "nps", "nps", func(x float64) string { return fixed(x, 1) }, "promoters − detractors")
	row("customer success rate", "success_rate", "value", pct, "found what they came for")
	row("customer awareness ratio", "awareness", "value", pct, "knew why and how long they waited")
	row("things gone wrong", "things_gone_wrong", "value", func(x float64) string { return fixed(x, 1) }, "complaints per 1,000")
	tw.Flush()
}
