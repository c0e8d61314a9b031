package support_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/cxkit/cxkit/metrics/support"
)

func Example() {
	export := `{"id": "T1", "channel": "chat", "priority": "high", "created": "2026-11-02T13:00:00+03:00", "events": [{"at": "2026-11-02T13:00:00+03:00", "type": "message"}, {"at": "2026-11-02T13:01:30+03:00", "type": "reply", "agent": "anna"}, {"at": "2026-11-02T13:05:00+03:00", "type": "solved"}]}
{"id": "T2", "channel": "email", "priority": "low", "created": "2026-11-02T09:00:00+03:00", "events": [{"at": "2026-11-02T09:00:00+03:00", "type": "message"}, {"at": "2026-11-02T11:00:00+03:00", "type": "reply", "agent": "gleb"}, {"at": "2026-11-02T12:00:00+03:00", "type": "message"}, {"at": "2026-11-02T12:30:00+03:00", "type": "reply", "agent": "anna"}, {"at": "2026-11-02T12:31:00+03:00", "type": "solved"}]}`
	acc := support.NewAccumulator(support.Options{})
	if err := support.ReadAll(strings.NewReader(export), acc.Add); err != nil {
		fmt.Println(err)
		return
	}
	r := acc.Report()
	fmt.Printf("tickets %d, solved %d\n", r.Tickets, r.Solved)
	fmt.Printf("first response: mean %.0f s, median %.0f s\n", *r.FirstResponse.Mean, *r.FirstResponse.Median)
	fmt.Printf("FCR %.1f%%, handovers %.1f\n", 100**r.FCR, *r.Handovers.Mean)

	rows, _ := acc.Evaluate(support.DefaultStandards(), support.Inputs{})
	for _, row := range rows[:5] {
		if row.Passed != nil {
			fmt.Printf("%s: passed %v\n", row.Name, *row.Passed)
		}
	}
	// Output:
	// tickets 2, solved 2
	// first response: mean 3645 s, median 3645 s
	// FCR 50.0%, handovers 0.5
	// chat first response under 2 minutes: passed true
	// email first response within a day: passed true
	// first contact resolution at least 75%: passed false
}

func ExampleCalendar_Between() {
	cal := support.Weekdays9to5(time.UTC)
	asked := time.Date(2026, 11, 2, 8, 30, 0, 0, time.UTC) // Monday, before opening
	answered := time.Date(2026, 11, 2, 9, 15, 0, 0, time.UTC)
	fmt.Println("calendar:", answered.Sub(asked))
	fmt.Println("business:", cal.Between(asked, answered))
	// Output:
	// calendar: 45m0s
	// business: 15m0s
}

func ExampleCalendar_Add() {
	cal, err := support.ParseCalendar([]byte(`{"time_zone": "Europe/Moscow",
		"week": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	msk := cal.Location()
	friday := time.Date(2026, 11, 6, 16, 0, 0, 0, msk)
	due, _ := cal.Add(friday, 4*time.Hour)
	fmt.Println(due.Format("Mon 15:04"))
	// Output: Mon 12:00
}

func ExampleMatrix() {
	m := support.DefaultMatrix()
	p, _ := m.Priority(support.High, support.Medium) // hurts many customers, can wait a little
	fmt.Println(p, "target", m.Targets[p])
	// Output: P2 target 8h0m0s
}
