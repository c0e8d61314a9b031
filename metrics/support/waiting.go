package support

import (
	"maps"
	"slices"
	"time"
)

// Waiting is how many customers waited in live queues at once, from the
// queued, served and abandoned events: a customer waits from a queued
// event to the next served or abandoned one (a ticket may queue again
// after that). The count is swept over every wait's start and end, in
// wall-clock time whatever the calendar, since a queue is as long at
// night as by day.
//
// Mean is time-weighted over the span from the first start to the last
// end, so it equals the summed wait divided by the span (Little's law).
// PeakPerAgent divides the count by the agents on duty in each clock
// hour (UTC), an agent being on duty in an hour in which any event of a
// live ticket (one with queue events) on the selected channels names
// them, whatever the ticket's priority or last agent: who works the
// queue does not depend on which tickets a report looks at, and an agent
// answering only email serves no queue. The agent-time input has no
// clock times, so it cannot say who was there when. Time with customers
// waiting and nobody on duty has no ratio and is given as UnstaffedS;
// waits with no served or abandoned event after them have no end and
// are counted as Unclosed instead of swept.
//
// The comments name the KPI by which a [Standard] reads a field.
type Waiting struct {
	// N is the number of waits swept, several for a ticket that queued
	// again. Zero-length ones (served on entry) cannot raise the count
	// and are left out, as are the Unclosed ones.
	N int `json:"n"`
	// Peak is the most customers waiting at once (KPI "queue_peak",
	// which has no value when N is 0).
	Peak int `json:"peak"`
	// Mean is the time-weighted mean of the count; nil when N is 0 (KPI
	// "queue_mean").
	Mean *float64 `json:"mean"`
	// PeakPerAgent is the most customers waiting per agent on duty in
	// the same clock hour; nil when no wait fell in an hour with an agent
	// on duty (KPI "queue_peak_per_agent").
	PeakPerAgent *float64 `json:"peak_per_agent"`
	UnstaffedS   float64  `json:"unstaffed_s"` // wall-clock seconds with someone waiting and no agent on duty
	Unclosed     int      `json:"unclosed"`    // waits with no served or abandoned event after them
}

// peak is Peak for a standard: nil when there was no wait to sweep.
func (w Waiting) peak() *float64 {
	if w.N == 0 {
		return nil
	}
	return ptr(float64(w.Peak))
}

// The sweep keeps two microsecond times per wait (16 bytes), so it can
// run after any merge; microseconds cover every RFC 3339 year.
type waits struct {
	start, end []int64
	unclosed   int
}

// duty lists the agents active in each hour (Unix hour number).
type duty map[int64][]string

func (d duty) add(h int64, agent string) {
	if as := d[h]; !slices.Contains(as, agent) {
		d[h] = append(as, agent)
	}
}

const usPerHour = int64(time.Hour / time.Microsecond)

func hourOf(us int64) int64 {
	h := us / usPerHour
	if us%usPerHour < 0 {
		h--
	}
	return h
}

func (w *waits) add(from, to time.Time) {
	a, b := from.UnixMicro(), to.UnixMicro()
	if b > a { // a zero-length wait never raises the count
		w.start = append(w.start, a)
		w.end = append(w.end, b)
	}
}

func (w *waits) merge(o *waits) {
	w.start = append(w.start, o.start...)
	w.end = append(w.end, o.end...)
	w.unclosed += o.unclosed
}

// sweep measures the waits against the agents on duty. It sorts w's
// slices in place.
func (w *waits) sweep(on duty) Waiting {
	out := Waiting{N: len(w.start), Unclosed: w.unclosed}
	if len(w.start) == 0 {
		return out
	}
	slices.Sort(w.start)
	slices.Sort(w.end)
	hours := slices.Sorted(maps.Keys(on))

	var (
		n          int
		prev       = w.start[0]
		area       float64 // waiting-count x microseconds
		perAgent   float64
		unstaffed  int64
		i, j, hour int // next start, next end, first duty hour not before prev
	)
	for i < len(w.start) || j < len(w.end) {
		// Ends first at equal times: the intervals are half-open, so one
		// customer leaving as another arrives is never two waiting.
		var t int64
		leave := j < len(w.end) && (i == len(w.start) || w.end[j] <= w.start[i])
		if leave {
			t = w.end[j]
		} else {
			t = w.start[i]
		}
		if n > 0 && t > prev {
			area += float64(n) * float64(t-prev)
			staffed := int64(0)
			for hour < len(hours) && (hours[hour]+1)*usPerHour <= prev {
				hour++
			}
			for k := hour; k < len(hours) && hours[k]*usPerHour < t; k++ {
				lo, hi := max(prev, hours[k]*usPerHour), min(t, (hours[k]+1)*usPerHour)
				staffed += hi - lo
				perAgent = max(perAgent, float64(n)/float64(len(on[hours[k]])))
			}
			unstaffed += t - prev - staffed
		}
		prev = t
		if leave {
			n--
			j++
		} else {
			n++
			i++
			out.Peak = max(out.Peak, n)
		}
	}
	span := w.end[len(w.end)-1] - w.start[0]
	out.Mean = ptr(area / float64(span))
	if perAgent > 0 {
		out.PeakPerAgent = ptr(perAgent)
	}
	out.UnstaffedS = float64(unstaffed) / 1e6
	return out
}
