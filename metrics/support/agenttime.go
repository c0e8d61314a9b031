package support

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/cxkit/cxkit/diag"
)

// AgentTime is how one agent spent a stretch of logged-in time on one
// channel, as a workforce or telephony system reports it: handling time
// with customers, after-work (wrap-up) time, and the logged-in time
// they fall within. Occupancy is (handling + after-work) / logged-in.
// The durations are taken as given: a calendar does not apply to them.
type AgentTime struct {
	// Agent is required. It is matched with the agents of ticket
	// events: the record's handling time is divided by the solved tickets
	// whose last agent has this name.
	Agent string
	// Channel is matched exactly with [Ticket.Channel]; empty means the
	// agent's tickets on every channel.
	Channel   string
	LoggedIn  time.Duration
	Handling  time.Duration // time with customers
	AfterWork time.Duration // wrap-up after them; Handling + AfterWork may not exceed LoggedIn
}

type agentChannel struct{ agent, channel string }

type agentTotals struct{ loggedIn, handling, afterWork time.Duration }

func (t *agentTotals) add(o agentTotals) {
	t.loggedIn += o.loggedIn
	t.handling += o.handling
	t.afterWork += o.afterWork
}

// Validate checks that there is an agent, that the times are not
// negative and that the busy time fits in the logged-in time.
func (t AgentTime) Validate() error {
	switch {
	case t.Agent == "":
		return errors.New("missing agent")
	case t.LoggedIn < 0 || t.Handling < 0 || t.AfterWork < 0:
		return errors.New("negative time")
	case t.Handling > t.LoggedIn || t.AfterWork > t.LoggedIn-t.Handling:
		// Not Handling+AfterWork > LoggedIn: the sum of two durations of
		// 200 years overflows to a negative one and passed.
		return fmt.Errorf("handling %v + after-work %v exceed logged-in time %v", t.Handling, t.AfterWork, t.LoggedIn)
	}
	return nil
}

// AddAgentTime adds one agent-time record, for occupancy and minutes per
// issue. A record that fails [AgentTime.Validate] is not counted and its
// error, naming the agent, is returned.
func (a *Accumulator) AddAgentTime(t AgentTime) error {
	if err := a.init(); err != nil {
		return err
	}
	if err := t.Validate(); err != nil {
		return fmt.Errorf("agent %q: %w", t.Agent, err)
	}
	k := agentChannel{t.Agent, t.Channel}
	tot := a.agentTim[k]
	if tot == nil {
		tot = &agentTotals{}
		a.agentTim[k] = tot
	}
	tot.add(agentTotals{t.LoggedIn, t.Handling, t.AfterWork})
	return nil
}

// ReadAgentTime reads agent-time records from JSON Lines, one a line:
//
//	{"agent": "anna", "channel": "chat", "logged_in": "8h", "handling": "5h10m", "after_work": "40m"}
//
// Durations are Go duration strings; a missing one is zero. Every bad
// line is reported, as [Errors] (with Event -1 and no Ticket); fn's own
// error stops reading at once and is returned as is. A nil r or fn is
// an error.
func ReadAgentTime(r io.Reader, fn func(AgentTime) error) error {
	if err := checkReadArgs(r, fn == nil); err != nil {
		return err
	}
	return eachLine(r, func(b []byte) (*diag.Diagnostic, error) {
		var w struct {
			Agent     string `json:"agent"`
			Channel   string `json:"channel"`
			LoggedIn  string `json:"logged_in"`
			Handling  string `json:"handling"`
			AfterWork string `json:"after_work"`
		}
		fail := func(code string, err error) (*diag.Diagnostic, error) {
			d := &diag.Diagnostic{Code: code, Message: err.Error(), Err: err}
			if w.Agent != "" {
				d.Subject = "agent " + diag.Quote(w.Agent)
			}
			return d, nil
		}
		if err := json.Unmarshal(b, &w); err != nil {
			return fail(jsonCode(err), jsonError(err))
		}
		var t AgentTime
		t.Agent, t.Channel = w.Agent, w.Channel
		var bad error
		for _, f := range []struct {
			name string
			s    string
			d    *time.Duration
		}{{"logged_in", w.LoggedIn, &t.LoggedIn}, {"handling", w.Handling, &t.Handling}, {"after_work", w.AfterWork, &t.AfterWork}} {
			if f.s == "" {
				continue
			}
			d, err := time.ParseDuration(f.s)
			if err != nil {
				bad = errors.Join(bad, fmt.Errorf("%s: %q is not a duration like 7h30m", f.name, f.s))
			}
			*f.d = d
		}
		if bad == nil {
			bad = t.Validate()
		}
		if bad != nil {
			return fail(diag.CodeBadAgentTime, bad)
		}
		return nil, fn(t)
	})
}
