package main

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/cxkit/cxkit/korto"
)

const (
	csiChecklist = "../../examples/csi/store.korto"
	csiVisits    = "../../examples/csi/visits.jsonl"
)

// TestReportCSIGolden: the satisfaction index of examples/csi in text,
// English text, JSON and HTML.
func TestReportCSIGolden(t *testing.T) {
	html := filepath.Join(t.TempDir(), "csi.html")
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"csi.txt", []string{csiChecklist, csiVisits, "--by", "location", "--html", html}},
		{"csi-en.txt", []string{csiChecklist, csiVisits, "--lang", "en"}},
		{"csi.json", []string{csiChecklist, csiVisits, "--by", "location", "--json"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			out, errs, code := runReportCmd(t, "", tt.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			reportGolden(t, tt.golden, []byte(out))
		})
	}
	got, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	reportGolden(t, "csi.html", got)
}

// TestReportCSIByHand recomputes the index of examples/csi from the
// sheets with the formula of metrics.md, 100 · Σ w(x̄ − lo) /
// ((hi − lo) Σ w), weights 3, 2 and 1 on 1..10, and compares it with
// the report's, overall and per store.
func TestReportCSIByHand(t *testing.T) {
	f, err := os.Open(csiVisits)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type sums struct{ sum, n [3]float64 }
	by := map[string]*sums{"": {}}
	attrs := []string{"sat_speed", "sat_staff", "sat_range"}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var s struct {
			Audit   map[string]string
			Answers map[string]any
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		for _, g := range []string{"", s.Audit["location"]} {
			if by[g] == nil {
				by[g] = &sums{}
			}
			for i, a := range attrs {
				if x, ok := s.Answers[a].(float64); ok {
					by[g].sum[i] += x
					by[g].n[i]++
				}
			}
		}
	}
	weights := [3]float64{3, 2, 1}
	want := map[string]float64{}
	for g, s := range by {
		var num, den float64
		for i := range attrs {
			num += weights[i] * (s.sum[i]/s.n[i] - 1)
			den += weights[i]
		}
		want[g] = 100 * num / (9 * den)
	}
	out, errs, code := runReportCmd(t, "", csiChecklist, csiVisits, "--by", "location", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep korto.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for _, g := range append([]korto.GroupSummary{rep.Overall}, rep.Groups...) {
		if g.CSI == nil || g.CSI.CSI == nil {
			t.Fatalf("group %q: no index", g.Group)
		}
		if w, ok := want[g.Group]; !ok || math.Abs(*g.CSI.CSI-w) > 1e-9 {
			t.Errorf("group %q: CSI %v, by hand %v", g.Group, *g.CSI.CSI, w)
		}
	}
	if len(want) != 3 || len(rep.Groups) != 2 {
		t.Errorf("groups: report %d, sheets %d", len(rep.Groups), len(want)-1)
	}
}
