// Package support measures a customer-support team from its tickets: the
// response, resolution, queue and efficiency KPIs of the "21 standards
// of customer service", in calendar time or in business hours, and the
// pass/fail check of those KPIs against standards kept as data.
//
// Tickets come from a help desk either as JSON Lines ([Reader]) or as
// [Ticket] values an application fills itself. An [Accumulator] takes
// tickets one at a time, keeps counts plus up to four durations per
// ticket for the exact medians and 90th percentiles, and merges with
// another accumulator exactly, so a large export can be split across
// goroutines or machines.
//
// # Definitions
//
// Every KPI is pooled over the whole input:
//
//   - first response: created -> the ticket's first reply; tickets with
//     no reply have none.
//   - response time: for every reply that follows at least one customer
//     message since the previous reply, the time since the earliest such
//     message; the mean is over all those replies (pooled, so 20, 3 and
//     10 minutes give 11 minutes).
//   - solved: tickets with at least one solved event.
//   - FCR: solved tickets with exactly one reply and no reopened event,
//     over solved tickets.
//   - one-touch: solved tickets with at most one reply, over solved.
//   - handovers: distinct agents that replied or were assigned, minus
//     one (never below zero), averaged over solved tickets.
//   - replies per ticket: mean reply count over solved tickets that are
//     not one-touch; upper outliers (Tukey's fence, Q3 + 1.5 IQR) are
//     listed by ticket.
//   - backlog ratio: tickets created / tickets solved, per day or week;
//     a standard on it is judged on the median period, since over a
//     whole export the ratio is never below 1.
//   - backlog management index: tickets solved / (open backlog at the
//     start + tickets created); per day or week with the backlog left
//     by the input's earlier periods, and over the whole input (where
//     nothing is open before it) solved / created.
//
// Live channels log queue events: a ticket with queued, served or
// abandoned events is live; instant service is the share of live tickets
// served with no wait (served without a queued event before it, or at
// the same instant); abandonment is tickets with an abandoned event over
// tickets that entered the queue (queued or abandoned); queue wait runs
// from the first queued to the first served event. The number waiting at
// once ([Waiting]) is swept over every wait, queued to served or
// abandoned: its peak, its time-weighted mean and its peak per agent on
// duty in that clock hour, for the seed's "at most 2 waiting per agent,
// 15 in all". Resolution time runs
// from creation to the first solved event, and "full" resolution to the
// last one for tickets whose last status is solved, not reopened.
// Per-agent figures put a ticket under the last agent who replied to it
// or was assigned it. Occupancy and minutes per issue need agent-time
// records ([AgentTime]): (handling + after-work) / logged-in time, and
// handling minutes per solved ticket.
//
// Shares (FCR, one-touch, abandonment...) are fractions in [0, 1];
// durations are seconds. A KPI without data is nil, never NaN.
//
// # Input
//
// Priorities accept P1..P4 and the usual names: urgent or critical is
// P1, high P2, normal or medium P3, low P4 (any case); event types and
// the KPI names of standards are read in any case too, and written in
// lower case. Unknown JSON
// fields are ignored, so a help desk's own fields can stay in the
// export, but "clicks" is read when present: the clicks to first contact
// that a web widget may record (the service-standards guide measures them per channel;
// phone and email tickets usually lack them, and a usability test can
// supply the figure through [Inputs] instead). An event a KPI does not
// use (a note, say) is still validated. An id may appear once per input:
// [Reader] reports a repeat as a bad line naming the first line with
// that id, and the first ticket stands. Tickets given to
// [Accumulator.Add] directly, or read from separate inputs and merged,
// are not checked against each other.
//
// # Business hours
//
// With [Options.Calendar] every duration measured on a ticket (response,
// resolution, queue wait) counts only working time: a weekly schedule of
// shifts (overnight ones too) in an IANA time zone, minus holidays. The
// number of customers waiting at once is still swept in wall-clock time,
// and agent-time records are taken as given. The time zone database is
// embedded, so calendars work on machines without zoneinfo.
// [Calendar.Add] gives deadlines in working time, and [Matrix] turns
// impact and urgency into a priority with a resolution target.
//
// # Memory
//
// An accumulator keeps counts per (channel, priority, agent) and, for
// the exact quantiles, up to four durations per ticket (first response,
// first and full resolution, queue wait): about 32 bytes a ticket, 32 MB
// for a million. The queue sweep adds 16 bytes a wait (its start and
// end), and the agents on duty one entry per channel, clock hour and
// agent: a month of one channel with 30 agents is at most 22,000 entries
// however many tickets, but sparse data (a few tickets an hour over
// years) approaches one entry a ticket. It never holds the tickets
// themselves. A [Reader] adds its set of ids seen: hashes, not strings,
// about 20 to 40 bytes a ticket.
//
// # Quantiles
//
// Medians and 90th percentiles are exact, computed with the linear
// interpolation between order statistics that R, NumPy and Excel's
// PERCENTILE.INC use by default (Hyndman and Fan's type 7): for n sorted
// values x[0..n-1] the q-quantile is x[h] + (h - floor h)(x[h+1] - x[h])
// with h = (n-1)q. The median of 1, 2, 3, 4 is 2.5; the p90 of 1..10 is
// 9.1.
package support
