// Package support measures a customer-support team from its tickets: the
// response, resolution, queue and efficiency KPIs of the "21 standards
// of customer service", in calendar time or in business hours, and the
// pass/fail check of those KPIs against standards kept as data.
//
// Tickets come from a help desk either as JSON Lines ([Reader]) or as
// [Ticket] values an application fills itself. An [Accumulator] takes
// tickets one at a time, keeps counts plus one duration per ticket for
// the exact medians and 90th percentiles, and merges with another
// accumulator exactly, so a large export can be split across goroutines
// or machines.
//
// # Definitions
//
// The KPIs follow the contract in the cxkit metrics spec, pooled over the
// input:
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
//   - backlog ratio: tickets created / tickets solved.
//
// Shares (FCR, one-touch, abandonment...) are fractions in [0, 1];
// durations are seconds. A KPI without data is nil, never NaN.
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
