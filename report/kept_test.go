package report

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/korto"
)

// Kept sees every counted audit once, at its line, with the key the
// duplicate check uses: a visit merged with its follow-up is one audit
// at the visit's line, and the follow-up none. WaitsForFollowUps names
// the sheets that wait for the end of the input: the follow-up and
// every visit that made a promise, even one it answered itself.
func TestRunKept(t *testing.T) {
	plan := luxuryPlan(t)
	file := luxuryLines(t, []string{"followups/lx-0002.json", "visit-01.json", "visit-02.json", "visit-03.json", "visit-01.json"}, nil)
	type kept struct {
		Line int
		ID   string
		Key  uint64
	}
	var got []kept
	res, err := Run(context.Background(), plan, mustSources(t, file), Options{AsOf: asOf, Workers: 1, AllowDuplicates: true,
		Kept: func(src, line int, s *korto.Sheet) { got = append(got, kept{line, s.Audit["id"], AuditKey(s)}) }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept != 4 {
		t.Fatalf("%d audits kept, want 4", res.Kept)
	}
	byLine := map[int]kept{}
	for _, k := range got {
		if _, twice := byLine[k.Line]; twice {
			t.Errorf("line %d kept twice", k.Line)
		}
		byLine[k.Line] = k
	}
	lines := map[int]string{}
	for l, k := range byLine {
		lines[l] = k.ID
	}
	if d := cmp.Diff(map[int]string{2: "lx-0001", 3: "lx-0002", 4: "lx-0003", 5: "lx-0001"}, lines); d != "" {
		t.Errorf("kept audits by line (-want +got):\n%s", d)
	}
	if byLine[2].Key != byLine[5].Key || byLine[2].Key == byLine[3].Key {
		t.Errorf("keys: the same audit twice must share one, others not: %+v", byLine)
	}

	waits := map[string]bool{}
	for _, n := range []string{"followups/lx-0002.json", "visit-01.json", "visit-02.json", "visit-03.json"} {
		f, err := os.Open(filepath.Join(luxuryDir, n))
		if err != nil {
			t.Fatal(err)
		}
		res, err := korto.ReadAnswers(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		waits[n] = WaitsForFollowUps(plan, res)
	}
	want := map[string]bool{"followups/lx-0002.json": true, "visit-01.json": true, "visit-02.json": true, "visit-03.json": true}
	if d := cmp.Diff(want, waits); d != "" {
		t.Errorf("WaitsForFollowUps (-want +got):\n%s", d)
	}
}

// The workers read each sheet into the one before it when nothing keeps
// sheets; a sheet handed to Kept is the caller's, and still holds its own
// audit and answers when the run is over.
func TestRunKeptSheetsStay(t *testing.T) {
	plan := mallPlan(t)
	lines := mallSheetLines(t)
	for _, workers := range []int{1, 2} {
		kept := map[int]*korto.Sheet{}
		var mu sync.Mutex
		_, err := Run(context.Background(), plan, mustSources(t, mallLines), Options{Workers: workers,
			Kept: func(src, line int, s *korto.Sheet) { mu.Lock(); kept[line] = s; mu.Unlock() }})
		if err != nil {
			t.Fatal(err)
		}
		if len(kept) != len(lines) {
			t.Fatalf("workers=%d: %d sheets kept, want %d", workers, len(kept), len(lines))
		}
		for i, l := range lines {
			want, err := korto.ParseAnswers(l)
			if err != nil {
				t.Fatal(err)
			}
			got := kept[i+1]
			if diff := cmp.Diff(want.Answers, got.Answers); diff != "" || !maps.Equal(want.Audit, got.Audit) {
				t.Fatalf("workers=%d: the sheet of line %d changed after Kept had it (-read +kept):\n%s%v", workers, i+1, diff, got.Audit)
			}
		}
	}
}
