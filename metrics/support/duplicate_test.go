package support_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/metrics/support"
)

// A repeated id is a bad line naming both lines, reported with the other
// bad lines; the first ticket with the id is the one counted, and a bad
// line does not claim its id.
func TestReadDuplicateIDs(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "A", "channel": "chat", "created": "2026-11-02T10:00:00Z"}`,
		`{"id": "B", "channel": "chat", "created": "2026-11-02T10:00:00Z"}`,
		`{"id": "C", "channel": "chat"}`,
		`{"id": "A", "channel": "email", "created": "2026-11-02T11:00:00Z"}`,
		`{"id": "C", "channel": "chat", "created": "2026-11-02T10:00:00Z"}`,
		``,
		`{"id": "A", "channel": "phone", "created": "2026-11-02T12:00:00Z"}`,
	}, "\n")
	var got []string
	err := support.ReadAll(strings.NewReader(in), func(x *support.Ticket) error {
		got = append(got, x.ID+" "+x.Channel)
		return nil
	})
	if d := cmp.Diff([]string{"A chat", "B chat", "C chat"}, got); d != "" {
		t.Errorf("tickets counted (-want +got):\n%s", d)
	}
	var errs support.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want Errors", err)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	want := []string{
		`3: ticket "C": missing "created" time`,
		`4: ticket "A": duplicate id: line 1 has the same id (a ticket must appear once; the first is kept)`,
		`7: ticket "A": duplicate id: line 1 has the same id (a ticket must appear once; the first is kept)`,
	}
	if d := cmp.Diff(want, msgs); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	var de *support.DuplicateIDError
	if !errors.Is(err, support.ErrDuplicateID) || !errors.As(err, &de) || de.First != 1 {
		t.Errorf("errors.Is/As on %v: want ErrDuplicateID with First 1, got %+v", err, de)
	}
}

// Every reader keeps its own ids: two inputs may share them.
func TestReadDuplicateIDsPerReader(t *testing.T) {
	line := `{"id": "A", "channel": "chat", "created": "2026-11-02T10:00:00Z"}`
	for range 2 {
		if err := support.ReadAll(strings.NewReader(line), func(*support.Ticket) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
}

// KeepDuplicates leaves the id check to the caller: every good line is
// a ticket, and bad lines are still errors.
func TestReaderKeepDuplicates(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "A", "channel": "chat", "created": "2026-11-02T10:00:00Z"}`,
		`{"id": "A", "channel": "email"}`,
		`{"id": "A", "channel": "phone", "created": "2026-11-02T12:00:00Z"}`,
	}, "\n")
	r := support.NewReader(strings.NewReader(in))
	r.KeepDuplicates()
	var got []string
	for {
		tk, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, err.Error())
			continue
		}
		got = append(got, tk.ID+" "+tk.Channel)
	}
	want := []string{"A chat", `2: ticket "A": missing "created" time`, "A phone"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Next (-want +got):\n%s", d)
	}
}

// A repeat of a ticket of another file names that file.
func TestDuplicateIDErrorOtherFile(t *testing.T) {
	got := (&support.DuplicateIDError{First: 3, FirstFile: "a.jsonl"}).Error()
	want := "duplicate id: a.jsonl:3 has the same id (a ticket must appear once; the first is kept)"
	if got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
