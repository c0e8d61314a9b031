package support

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/internal/jsonl"
)

// The three JSON Lines readers of the package frame lines one way
// (internal/jsonl): a byte order mark, CRLF and blank lines are read
// alike, a bad line is placed at its line of the file, and a column is
// counted from the start of the line, indentation included.
func TestReadersFrameLinesAlike(t *testing.T) {
	readers := []struct {
		name string
		good string
		read func(io.Reader) error
	}{
		{"tickets", `{"id": "T%d", "channel": "chat", "created": "2026-11-02T13:00:00Z", "events": []}`,
			func(r io.Reader) error { return ReadAll(r, func(*Ticket) error { return nil }) }},
		{"agent time", `{"agent": "a%d", "logged_in": "8h"}`,
			func(r io.Reader) error { return ReadAgentTime(r, func(AgentTime) error { return nil }) }},
		{"survey", `{"ces": %d}`, func(r io.Reader) error { return NewSurvey().Read(r) }},
	}
	for _, rd := range readers {
		t.Run(rd.name, func(t *testing.T) {
			good := func(i int) string { return strings.Replace(rd.good, "%d", string(rune('1'+i)), 1) }
			in := "\ufeff" + good(0) + "\r\n\r\n  \t\n" + good(1) + "\r\n   {\"x\" 1}\r\n" + good(2)
			err := rd.read(strings.NewReader(in))
			l := diag.As(err)
			if len(l) != 1 {
				t.Fatalf("err %v, want one problem, line 5's", err)
			}
			// The column, or the byte for readers of encoding/json, is
			// counted from the line's start, past its three spaces.
			if l[0].Line != 5 || l[0].Column != 9 && !strings.Contains(l[0].Message, "at byte 9:") {
				t.Errorf("%v, want line 5, column or byte 9", l[0])
			}
		})
	}
}

// A line over MaxLineSize is a diagnostic of its line in every reader,
// and the rest of the input is not read (it was a bare "token too long"
// from agent time and the survey, without a line, before).
func TestReadersLineLimit(t *testing.T) {
	for name, read := range map[string]func(io.Reader) error{
		"tickets":    func(r io.Reader) error { return ReadAll(r, func(*Ticket) error { return nil }) },
		"agent time": func(r io.Reader) error { return ReadAgentTime(r, func(AgentTime) error { return nil }) },
		"survey":     func(r io.Reader) error { return NewSurvey().Read(r) },
	} {
		t.Run(name, func(t *testing.T) {
			z := &endless{}
			err := read(io.MultiReader(strings.NewReader("\n"), z))
			type got struct {
				Line int
				Code string
			}
			l := diag.As(err)
			if len(l) != 1 || !errors.Is(err, jsonl.ErrTooLong) || !strings.Contains(err.Error(), "longer than 16 MiB") {
				t.Fatalf("err %v, want one line over the limit", err)
			}
			if d := cmp.Diff(got{2, diag.CodeLimit}, got{l[0].Line, l[0].Code}); d != "" {
				t.Errorf("problem (-want +got):\n%s", d)
			}
			if z.read > 2*MaxLineSize {
				t.Errorf("read %d bytes, past the limit", z.read)
			}
		})
	}
}

// endless is /dev/zero: no line break, no end.
type endless struct{ read int }

func (z *endless) Read(p []byte) (int, error) {
	clear(p)
	z.read += len(p)
	return len(p), nil
}
