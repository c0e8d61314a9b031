package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/internal/binstate"
)

// randomAudits makes n audits' fields from a seed: five auditors (one
// of them unnamed), visits of 3 to 90 minutes to the second, some
// untimed or with an end before the start, a few without an id.
func randomAudits(seed uint64, n int) []map[string]string {
	rng := rand.New(rand.NewPCG(seed, 1))
	names := []string{"А. Петрова", "Orlov", "Ким", "", "Zed"}
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.FixedZone("", 3*3600))
	out := make([]map[string]string, n)
	for i := range out {
		a := map[string]string{"auditor": names[rng.IntN(len(names))]}
		if rng.IntN(10) > 0 {
			a["id"] = fmt.Sprintf("v-%04d", i)
		}
		s := start.Add(time.Duration(rng.IntN(60*24*3600)) * time.Second)
		d := time.Duration(180+rng.IntN(87*60)) * time.Second
		switch rng.IntN(8) {
		case 0: // untimed
		case 1: // ends before it starts: not timed
			a["started"], a["ended"] = s.Format(time.RFC3339), s.Add(-d).Format(time.RFC3339)
		case 2: // a form that writes minutes without a zone
			a["started"], a["ended"] = s.Format("2006-01-02 15:04"), s.Add(d).Format("2006-01-02 15:04")
		default:
			a["started"], a["ended"] = s.Format(time.RFC3339), s.Add(d).Format(time.RFC3339)
		}
		out[i] = a
	}
	return out
}

func logOf(minDuration time.Duration, audits []map[string]string) *AuditorLog {
	l := NewAuditorLog(minDuration)
	for _, a := range audits {
		l.Add(a)
	}
	return l
}

func marshalLog(t testing.TB, l *AuditorLog) []byte {
	t.Helper()
	b, err := l.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Logs of parts of the audits, saved, restored and merged in any order,
// give the auditors and the bytes of one log of all of them.
func TestAuditorLogStateMerges(t *testing.T) {
	for _, minDuration := range []time.Duration{0, 20 * time.Minute} {
		for seed := range uint64(5) {
			audits := randomAudits(seed, 400)
			whole := logOf(minDuration, audits)
			want := marshalLog(t, whole)
			rng := rand.New(rand.NewPCG(seed, 2))
			cut1 := rng.IntN(len(audits))
			cut2 := cut1 + rng.IntN(len(audits)-cut1)
			parts := [][]map[string]string{audits[:cut1], audits[cut1:cut2], audits[cut2:]}
			rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
			merged := NewAuditorLog(minDuration)
			for _, p := range parts {
				restored := NewAuditorLog(minDuration)
				if err := restored.UnmarshalBinary(marshalLog(t, logOf(minDuration, p))); err != nil {
					t.Fatal(err)
				}
				if err := merged.Merge(restored); err != nil {
					t.Fatal(err)
				}
			}
			if diff := cmp.Diff(whole.Auditors(), merged.Auditors()); diff != "" {
				t.Fatalf("min %v seed %d: merged auditors (-whole +merged):\n%s", minDuration, seed, diff)
			}
			if got := marshalLog(t, merged); !bytes.Equal(got, want) {
				t.Fatalf("min %v seed %d: the merged log saves to other bytes than the whole", minDuration, seed)
			}
			if minDuration > 0 && !strings.Contains(mustJSON(t, merged.Auditors()), `"short"`) {
				t.Fatal("no short visit: the test checks nothing of them")
			}
		}
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Visits timed to the second take about a byte or two each in the
// state, as the README of beam/ says.
func TestAuditorLogStateSize(t *testing.T) {
	audits := randomAudits(7, 10000)
	l := logOf(0, audits)
	timed := 0
	for _, a := range l.Auditors() {
		timed += a.Timed
	}
	size := len(marshalLog(t, l))
	if perVisit := float64(size) / float64(timed); perVisit > 2 {
		t.Errorf("%d bytes for %d timed visits: %.2f a visit", size, timed, perVisit)
	}
}

// stateOf writes a state by hand, for the states no log saves.
func stateOf(magic string, f func(w *binstate.Writer)) []byte {
	w := &binstate.Writer{B: []byte(magic)}
	f(w)
	return w.B
}

// Bytes that are not a state, a state of another version, and states
// no visits could have made are refused with ErrAuditorState and a
// message that says why; the log keeps what it had.
func TestAuditorLogStateRefused(t *testing.T) {
	const magic = "cxkit-auditors-1\n"
	// auditor writes one auditor named "a" of the given visits, lengths
	// (in unit) and short visits (id and length in unit).
	auditor := func(min int64, visits uint64, unit uint64, lengths []uint64, short ...uint64) []byte {
		return stateOf(magic, func(w *binstate.Writer) {
			w.Int(min)
			w.Uint(1)
			w.Str("a")
			w.Uint(visits)
			w.Uint(uint64(len(lengths)))
			if len(lengths) > 0 {
				w.Uint(unit)
			}
			prev := uint64(0)
			for _, d := range lengths {
				w.Uint(d - prev)
				prev = d
			}
			w.Uint(uint64(len(short)))
			for _, d := range short {
				w.Str("v")
				w.Uint(d)
			}
		})
	}
	sec := uint64(time.Second)
	minute := int64(time.Minute)
	for _, tc := range []struct {
		name  string
		state []byte
		msg   string
	}{
		{"empty", nil, "no cxkit auditor log header"},
		{"aggregate", []byte("cxkit-aggregate-2\n"), "no cxkit auditor log header"},
		{"older", []byte("cxkit-auditors-0\n\x00\x00"), `another version of cxkit (version "0"; this one reads version 1)`},
		{"newer", []byte("cxkit-auditors-2\nxyz"), `version "2"`},
		{"trailing", append(auditor(0, 1, sec, nil), 0), "bytes after the state"},
		{"other minimum", stateOf(magic, func(w *binstate.Writer) { w.Int(int64(time.Hour)); w.Uint(0) }), "shorter than 1h0m0s, not 1m0s"},
		{"no visits", auditor(0, 0, sec, nil), "no visits"},
		{"more timed than visits", auditor(0, 1, sec, []uint64{60, 120}), "2 timed visits of 1"},
		{"unit zero", auditor(0, 1, 0, []uint64{60}), "unit of length"},
		{"unit not the divisor", auditor(0, 2, sec, []uint64{60, 120}), "greatest common divisor"},
		{"unit of zeros", auditor(0, 2, sec, []uint64{0, 0}), "greatest common divisor"},
		{"length overflows", auditor(0, 2, sec, []uint64{1, 1 << 62}), "out of range"},
		{"short without minimum", auditor(0, 2, 60*sec, []uint64{1, 2}, 1), "not the timed visits under"},
		{"short not among lengths", auditor(5*minute, 2, 60*sec, []uint64{1, 2}, 3), "not the timed visits under"},
		{"short missing", auditor(5*minute, 2, 60*sec, []uint64{1, 2}, 1), "not the timed visits under"},
		{"more short than timed", auditor(5*minute, 3, 60*sec, []uint64{1}, 1, 1), "2 short visits of 1"},
		{"auditors out of order", stateOf(magic, func(w *binstate.Writer) {
			w.Int(0)
			w.Uint(2)
			for _, name := range []string{"b", "a"} {
				w.Str(name)
				w.Uint(1)
				w.Uint(0)
				w.Uint(0)
			}
		}), "auditors out of order"},
		{"count beyond the state", stateOf(magic, func(w *binstate.Writer) { w.Int(0); w.Uint(1 << 40) }), "longer than the state"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := logOf(minimumOf(tc.state), randomAudits(1, 20))
			if tc.name == "other minimum" {
				l = logOf(time.Minute, randomAudits(1, 20))
			}
			before := marshalLog(t, l)
			err := l.UnmarshalBinary(tc.state)
			if !errors.Is(err, ErrAuditorState) {
				t.Fatalf("error %v, want one wrapping ErrAuditorState", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
			if !bytes.Equal(marshalLog(t, l), before) {
				t.Error("a refused state changed the log")
			}
		})
	}
	// The hand-written states are right but for what each case breaks.
	ok := NewAuditorLog(5 * time.Minute)
	if err := ok.UnmarshalBinary(auditor(5*minute, 3, 60*sec, []uint64{1, 2, 7}, 1, 2)); err != nil {
		t.Fatalf("a good hand-written state: %v", err)
	}
	if err := NewAuditorLog(time.Minute).Merge(NewAuditorLog(time.Hour)); err == nil {
		t.Error("logs of different minimum durations merged")
	}
}

// Every strict prefix of a state is refused; a changed byte is refused
// or restores a log that saves and restores again to the same bytes.
func TestAuditorLogStateDamaged(t *testing.T) {
	state := marshalLog(t, logOf(20*time.Minute, randomAudits(3, 60)))
	for n := range len(state) {
		if err := NewAuditorLog(20 * time.Minute).UnmarshalBinary(state[:n]); !errors.Is(err, ErrAuditorState) {
			t.Fatalf("a state cut at %d of %d bytes: %v", n, len(state), err)
		}
	}
	for i := range state {
		b := bytes.Clone(state)
		b[i] ^= 0x41
		checkStateRoundTrip(t, b)
	}
}

// minimumOf reads the minimum duration a state says it was saved with,
// so that a log made with it takes the rest of the state; 0 when the
// state does not say.
func minimumOf(b []byte) time.Duration {
	r := &binstate.Reader{B: b}
	if !r.Magic(auditorStateMagic) {
		return 0
	}
	return max(time.Duration(r.Int()), 0)
}

// checkStateRoundTrip checks that b is refused with ErrAuditorState or
// restores a log whose own state restores to the same auditors and
// bytes.
func checkStateRoundTrip(t *testing.T, b []byte) {
	t.Helper()
	x := NewAuditorLog(minimumOf(b))
	if err := x.UnmarshalBinary(b); err != nil {
		if !errors.Is(err, ErrAuditorState) {
			t.Fatalf("error %v does not wrap ErrAuditorState", err)
		}
		return
	}
	rep := mustJSON(t, x.Auditors())
	saved := marshalLog(t, x)
	y := NewAuditorLog(x.MinDuration())
	if err := y.UnmarshalBinary(saved); err != nil {
		t.Fatalf("a restored state saves to bytes that do not restore: %v", err)
	}
	if mustJSON(t, y.Auditors()) != rep || !bytes.Equal(marshalLog(t, y), saved) {
		t.Fatal("saved again, the log reports otherwise")
	}
}

// FuzzAuditorLogState: any bytes are refused with ErrAuditorState or
// restore a log that lists its auditors and saves to bytes that restore
// to the same list.
func FuzzAuditorLogState(f *testing.F) {
	f.Add(marshalLog(f, logOf(20*time.Minute, randomAudits(5, 30))))
	f.Add(marshalLog(f, NewAuditorLog(0)))
	f.Fuzz(checkStateRoundTrip)
}
