package cxbeam

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/cxkit/cxkit/beam/internal/cxkittest"
	"github.com/cxkit/cxkit/metrics/support/ticketgen"
)

// file reads a file of the cxkit module for the pipeline to carry, under
// the name cxkit is given.
func file(t testing.TB, name string) File {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return File{Name: name, Text: string(b)}
}

// supportCases are cxkit support's flags and the options that say the
// same to the pipeline.
func supportCases(t testing.TB) []struct {
	name string
	args []string
	opts SupportOptions
} {
	ex := func(rel string) string { return cxkittest.Root("examples/support/" + rel) }
	return []struct {
		name string
		args []string
		opts SupportOptions
	}{
		{"defaults", nil, SupportOptions{}},
		{"by-channel-agent-time-survey",
			[]string{"--by", "channel", "--agent-time", ex("agent-time.jsonl"), "--survey", ex("survey.jsonl")},
			SupportOptions{By: "channel", AgentTime: file(t, ex("agent-time.jsonl")), Survey: file(t, ex("survey.jsonl"))}},
		{"calendar-standards-week",
			[]string{"--calendar", ex("calendar.json"), "--standards", ex("standards.json"), "--period", "week", "--by", "agent"},
			SupportOptions{Config: SupportConfig{Calendar: file(t, ex("calendar.json")), Period: "week"},
				Standards: file(t, ex("standards.json")), By: "agent"}},
		{"tz-by-priority", []string{"--tz", "Europe/Moscow", "--by", "priority"},
			SupportOptions{Config: SupportConfig{TimeZone: "Europe/Moscow"}, By: "priority"}},
	}
}

// TestSupportMatchesCommand: the pipeline over the example export gives
// the bytes of cxkit support --json.
func TestSupportMatchesCommand(t *testing.T) {
	tickets := cxkittest.Root("examples/support/tickets.jsonl")
	for _, tc := range supportCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			want := cxkittest.Run(t, append(append([]string{"support", tickets}, tc.args...), "--json")...)
			got := runToString(t, func(s beam.Scope) beam.PCollection { return Support(s, []string{tickets}, tc.opts) })
			if got != want {
				t.Errorf("pipeline output differs from cxkit support:\n got: %.600s\nwant: %.600s", got, want)
			}
		})
	}
}

// TestSupportGenerated: generated tickets in JSON Lines files of unequal
// size, read by one glob, against cxkit support over all of them in one
// file: the files count as one export, whatever the runner's split and
// order. 30,000 tickets (3,000 with -short).
func TestSupportGenerated(t *testing.T) {
	n := 30000
	if testing.Short() {
		n = 3000
	}
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.jsonl")
	writeTickets(t, whole, filepath.Join(dir, "parts"), n)
	glob := filepath.Join(dir, "parts", "*.jsonl")
	for _, tc := range supportCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			want := cxkittest.Run(t, append(append([]string{"support", whole}, tc.args...), "--json")...)
			got := runToString(t, func(s beam.Scope) beam.PCollection { return Support(s, []string{glob}, tc.opts) })
			if got != want {
				t.Errorf("pipeline output differs from cxkit support:\n got: %.600s\nwant: %.600s", got, want)
			}
		})
	}
}

// writeTickets writes n generated tickets to whole and the same tickets
// to files in dir of 1, 2, 3, ... tenths of n/5 tickets.
func writeTickets(t testing.TB, whole, dir string, n int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	g := ticketgen.New(5, time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC))
	w, err := os.Create(whole)
	if err != nil {
		t.Fatal(err)
	}
	all := bufio.NewWriter(w)
	var part *os.File
	var pw *bufio.Writer
	closePart := func() {
		if part != nil {
			if err := pw.Flush(); err != nil {
				t.Fatal(err)
			}
			if err := part.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
	size, left := 0, 0
	for range n {
		if left == 0 {
			closePart()
			size++
			left = max(1, size*n/50)
			if part, err = os.Create(filepath.Join(dir, strings.Repeat("p", size)+".jsonl")); err != nil {
				t.Fatal(err)
			}
			pw = bufio.NewWriter(part)
		}
		tk := g.Next()
		b, err := json.Marshal(tk)
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, '\n')
		all.Write(b)
		pw.Write(b)
		left--
	}
	closePart()
	if err := all.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestSupportGroupNotes: --by keys that are one name typed two ways are
// warned of as cxkit support warns of them, over the tickets of every
// file merged: "Email" in one file and " email " in another are a pair.
func TestSupportGroupNotes(t *testing.T) {
	dir := t.TempDir()
	line := func(id, channel, agent string) string {
		return `{"id": "` + id + `", "channel": "` + channel + `", "priority": "normal", "created": "2026-11-02T10:00:00Z", "events": [{"at": "2026-11-02T10:05:00Z", "type": "reply", "agent": "` + agent + `"}]}`
	}
	a, b, c := line("1", "Email", "anna"), line("2", " email ", "Anna"), line("3", "chat", "boris")
	whole := filepath.Join(dir, "whole.jsonl")
	writeLines(t, whole, a, b, c)
	writeLines(t, filepath.Join(dir, "parts", "p1.jsonl"), a)
	writeLines(t, filepath.Join(dir, "parts", "p2.jsonl"), b, c)
	for _, by := range []string{"channel", "agent"} {
		want, wantErr := cxkittest.Output(t, "support", whole, "--by", by, "--json")
		o := SupportOptions{By: by, File: whole}
		outs, err := runOutputs(t, func(s beam.Scope) []beam.PCollection {
			r := SupportOutputs(s, []string{filepath.Join(dir, "parts", "*.jsonl")}, o)
			return []beam.PCollection{r.JSON, r.Notes}
		})
		if err != nil {
			t.Fatal(err)
		}
		if outs[0] != want {
			t.Errorf("--by %s: pipeline output differs from cxkit's:\n got: %s\nwant: %s", by, outs[0], want)
		}
		if got := printedNotes(t, outs[1], "cxkit support"); got != wantErr || strings.Count(got, "differ only in case") != 1 {
			t.Errorf("--by %s: notes differ from cxkit's standard error:\n got: %s\nwant: %s", by, got, wantErr)
		}
	}
}
