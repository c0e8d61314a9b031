package report

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

const luxuryDir = "../examples/luxury"

func luxuryPlan(t testing.TB) *korto.Plan {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(luxuryDir, "boutique.korto"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse("boutique.korto", src)
	if err != nil {
		t.Fatal(err)
	}
	p, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// luxuryLines writes the example's sheets as JSON Lines in the order
// given, each with what edit does to it, and returns the file.
func luxuryLines(t *testing.T, names []string, edit func(name string, sheet map[string]any)) string {
	t.Helper()
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(luxuryDir, n))
		if err != nil {
			t.Fatal(err)
		}
		var sheet map[string]any
		if err := json.Unmarshal(data, &sheet); err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			edit(n, sheet)
		}
		line, _ := json.Marshal(sheet)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "sheets.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var asOf = time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)

// The follow-up fills the outcome of lx-0002 wherever it stands in the
// input, with any number of workers; lx-0003 stays open past its due
// day, lx-0001 answered its outcome in the visit itself.
func TestRunPromises(t *testing.T) {
	plan := luxuryPlan(t)
	orders := [][]string{
		{"visit-01.json", "visit-02.json", "visit-03.json", "followups/lx-0002.json"},
		{"followups/lx-0002.json", "visit-03.json", "visit-02.json", "visit-01.json"},
	}
	var want []byte
	for _, order := range orders {
		for _, workers := range []int{1, 3} {
			file := luxuryLines(t, order, nil)
			res, err := Run(context.Background(), plan, mustSources(t, file), Options{By: "location", AsOf: asOf, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if res.Kept != 3 {
				t.Errorf("order %v: %d audits, want 3 (the follow-up is no audit of its own)", order, res.Kept)
			}
			o := res.Overall.Promises
			if d := cmp.Diff(&korto.PromiseSummary{Made: 3, Kept: 1, Broken: 1, Open: 1, Overdue: 1, KeptRate: new(0.5)}, o); d != "" {
				t.Errorf("order %v, %d workers: promises (-want +got):\n%s", order, workers, d)
			}
			wantOpen := []korto.OpenPromise{{Group: "Бутик на Столешниковом", Audit: "lx-0003", Date: "2026-11-27", Due: "2026-12-04",
				Question: "callback_kept", Promise: "offered_callback", Title: "Предложили сообщить, когда модель поступит"}}
			if d := cmp.Diff(wantOpen, res.OpenPromises); d != "" {
				t.Errorf("open promises (-want +got):\n%s", d)
			}
			got, _ := json.Marshal(res)
			if want == nil {
				want = got
			} else if string(got) != string(want) {
				t.Errorf("order %v, %d workers: the report differs", order, workers)
			}
		}
	}

	// As of the due day itself the promise is not late yet.
	res, err := Run(context.Background(), plan, mustSources(t, luxuryLines(t, orders[0], nil)), Options{AsOf: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Overall.Promises.Overdue != 0 || len(res.OpenPromises) != 0 {
		t.Errorf("as of the due day: %d overdue, %v listed; want none", res.Overall.Promises.Overdue, res.OpenPromises)
	}
}

// A follow-up that contradicts its visit, or has no visit, is an invalid
// sheet at its own line; the visit is counted as it was.
func TestRunPromiseFollowUpErrors(t *testing.T) {
	plan := luxuryPlan(t)
	tests := []struct {
		name  string
		names []string
		edit  func(string, map[string]any)
		code  string
		line  int
	}{
		{"conflict", []string{"visit-01.json", "followups/lx-0002.json"}, func(n string, s map[string]any) {
			if n == "followups/lx-0002.json" {
				s["audit"].(map[string]any)["id"] = "lx-0001" // lx-0001 has "no" already
			}
		}, diag.CodeFollowUpConflict, 2},
		{"no visit", []string{"visit-01.json", "followups/lx-0002.json"}, nil, diag.CodeFollowUpAlone, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := luxuryLines(t, tt.names, tt.edit)
			res, err := Run(context.Background(), plan, mustSources(t, file), Options{AsOf: asOf, Workers: 2})
			var inv *InvalidError
			if !errors.As(err, &inv) || res == nil || len(res.Invalid) != 1 {
				t.Fatalf("err %v, want one invalid sheet", err)
			}
			p := res.Invalid[0]
			aes := diag.As(p.Err)
			if p.Line != tt.line || len(aes) != 1 || aes[0].Code != tt.code {
				t.Errorf("problem at line %d: %v; want line %d, code %s", p.Line, p.Err, tt.line, tt.code)
			}
			if res.Sheets != 1 {
				t.Errorf("%d sheets counted, want the visit alone", res.Sheets)
			}
		})
	}
}
