// Package ticketgen makes realistic, deterministic help-desk tickets for
// the examples and benchmarks of package support: every channel and
// event type, live queues on chat and phone, handovers, reopens, a few
// long threads, and unsolved tickets.
package ticketgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/cxkit/cxkit/metrics/support"
)

// Generator yields tickets from a fixed seed.
type Generator struct {
	// MinRounds adds at least this many message-and-reply rounds to every
	// answered ticket: longer threads for benchmarks.
	MinRounds int

	rng   *rand.Rand
	next  time.Time
	n     int
	loc   *time.Location
	agent map[string][]string
}

var topics = []struct {
	name   string
	weight float64
}{
	{"delivery", 22}, {"order status", 16}, {"returns", 12}, {"payment", 10},
	{"product question", 10}, {"account", 8}, {"discount", 6}, {"warranty", 5},
	{"store hours", 4}, {"complaint", 3}, {"gift card", 2}, {"invoice", 2},
}

// New returns a generator whose first ticket is created at start.
func New(seed uint64, start time.Time) *Generator {
	return &Generator{
		rng:  rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		next: start,
		loc:  start.Location(),
		agent: map[string][]string{
			"chat":   {"anna", "boris", "chen"},
			"phone":  {"dina", "egor"},
			"email":  {"farida", "gleb", "anna"},
			"social": {"hanna", "boris"},
		},
	}
}

func (g *Generator) pick(weights ...float64) int {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	x := g.rng.Float64() * sum
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// exp returns an exponential duration with the given mean.
func (g *Generator) exp(mean time.Duration) time.Duration {
	return time.Duration(g.rng.ExpFloat64() * float64(mean)).Truncate(time.Second)
}

// lognormal returns a log-normal duration with the given median and a
// heavy right tail, the usual shape of reply times.
func (g *Generator) lognormal(median time.Duration, sigma float64) time.Duration {
	return time.Duration(float64(median) * math.Exp(sigma*g.rng.NormFloat64())).Truncate(time.Second)
}

// Next returns the next ticket.
func (g *Generator) Next() support.Ticket {
	g.n++
	// Tickets arrive about every 20 minutes, mostly in the daytime.
	g.next = g.next.Add(g.exp(20 * time.Minute))
	if h := g.next.Hour(); h < 8 || h >= 22 {
		if g.rng.Float64() < 0.7 {
			g.next = time.Date(g.next.Year(), g.next.Month(), g.next.Day(), 8, 0, 0, 0, g.loc).Add(24 * time.Hour * time.Duration(b2i(h >= 22)))
		}
	}
	created := g.next.Truncate(time.Second)
	channel := []string{"chat", "email", "phone", "social"}[g.pick(40, 30, 15, 15)]
	t := support.Ticket{
		ID:       fmt.Sprintf("T%05d", g.n),
		Channel:  channel,
		Priority: support.AllPriorities()[g.pick(5, 20, 55, 20)],
		Created:  created,
	}
	w := make([]float64, len(topics))
	for i, tp := range topics {
		w[i] = tp.weight
	}
	t.Topic = topics[g.pick(w...)].name
	agents := g.agent[channel]
	agent := agents[g.rng.IntN(len(agents))]
	at := created
	add := func(d time.Duration, typ support.EventType, who string) {
		at = at.Add(d)
		t.Events = append(t.Events, support.Event{At: at, Type: typ, Agent: who})
	}
	add(0, support.Message, "")
	live := channel == "chat" || channel == "phone"
	if live {
		add(0, support.Queued, "")
		if g.rng.Float64() < 0.1 {
			add(g.exp(3*time.Minute), support.Abandoned, "")
			return t
		}
		wait := time.Duration(0)
		if g.rng.Float64() < 0.55 {
			wait = g.exp(90 * time.Second)
		}
		add(wait, support.Served, "")
		add(0, support.Assign, agent)
		add(g.lognormal(40*time.Second, 0.8), support.Reply, agent)
	} else {
		add(g.exp(10*time.Minute), support.Assign, agent)
		if channel == "email" && g.rng.Float64() < 0.04 {
			// Spam and duplicates are closed without a reply.
			add(g.exp(time.Hour), support.Note, agent)
			add(0, support.Solved, "")
			return t
		}
		median := 3 * time.Hour
		if channel == "social" {
			median = 35 * time.Minute
		}
		add(g.lognormal(median, 1), support.Reply, agent)
	}
	// Most issues close on the first reply; some need a few rounds and a
	// few drag on, the outliers a support lead should read.
	rounds := 0
	switch x := g.rng.Float64(); {
	case x < 0.6:
	case x < 0.97:
		rounds = 1 + g.rng.IntN(3)
	default:
		rounds = 6 + g.rng.IntN(6)
	}
	rounds = max(rounds, g.MinRounds)
	gap, reply := 20*time.Minute, 2*time.Minute
	if !live {
		gap, reply = 5*time.Hour, 2*time.Hour
	}
	for range rounds {
		add(g.exp(gap), support.Message, "")
		if g.rng.Float64() < 0.25 {
			next := agents[g.rng.IntN(len(agents))]
			if g.rng.Float64() < 0.3 {
				next = "lead"
			}
			add(g.exp(reply/4), support.Assign, next)
			agent = next
		}
		if g.rng.Float64() < 0.15 {
			add(g.exp(reply/4), support.Note, agent)
		}
		add(g.lognormal(reply, 0.9), support.Reply, agent)
	}
	if g.rng.Float64() < 0.08 {
		return t // still open
	}
	add(g.exp(reply), support.Solved, "")
	if g.rng.Float64() < 0.07 {
		add(g.exp(24*time.Hour), support.Reopened, "")
		add(0, support.Message, "")
		if g.rng.Float64() < 0.6 {
			add(g.lognormal(reply, 0.9), support.Reply, agent)
		}
		add(g.exp(reply), support.Solved, "")
	}
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// AgentTime returns a day's agent-time records for the generator's
// agents: logged-in hours and the handling and after-work parts of them.
func (g *Generator) AgentTime() []support.AgentTime {
	var out []support.AgentTime
	for _, ch := range []string{"chat", "email", "phone", "social"} {
		for _, a := range g.agent[ch] {
			logged := 8 * time.Hour
			occ := 0.5 + 0.4*g.rng.Float64()
			busy := time.Duration(occ * float64(logged)).Truncate(time.Minute)
			after := (busy / 6).Truncate(time.Minute)
			out = append(out, support.AgentTime{Agent: a, Channel: ch, LoggedIn: logged, Handling: busy - after, AfterWork: after})
		}
	}
	return out
}
