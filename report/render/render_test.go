package render_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
)

// cmdGolden is where the command's tests keep what it prints; the
// library must print the same bytes, so an application embedding it
// shows what `cxkit report` and `cxkit score` show.
const cmdGolden = "../../cmd/cxkit/testdata"

func compile(t *testing.T, path string) *korto.Plan {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse(filepath.Base(path), src)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func sameAsCommand(t *testing.T, golden string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(filepath.Join(cmdGolden, golden))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("differs from the command's %s (-command +library):\n%s", golden, d)
	}
}

func TestReportSameAsCommand(t *testing.T) {
	for _, tt := range []struct {
		text, html string
		lang       string
	}{
		// cxkit report examples/mall/mall.korto examples/mall/visits/ --by location --period month [--lang en] --html ...
		{"report/mall.txt", "report/mall.html", ""},
		{"report/mall-en.txt", "report/mall-en.html", "en"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			plan := compile(t, "../../examples/mall/mall.korto")
			sources, err := report.Sources(nil, "../../examples/mall/visits/")
			if err != nil {
				t.Fatal(err)
			}
			res, err := report.Run(context.Background(), plan, sources,
				report.Options{By: "location", Period: korto.PeriodMonth, Lang: tt.lang})
			if err != nil {
				t.Fatal(err)
			}
			opt := render.Options{Lang: tt.lang}
			var text, page bytes.Buffer
			if err := render.Text(&text, plan.Checklist(), res, opt); err != nil {
				t.Fatal(err)
			}
			sameAsCommand(t, tt.text, text.Bytes())
			if err := render.HTML(&page, plan.Checklist(), res, opt); err != nil {
				t.Fatal(err)
			}
			sameAsCommand(t, tt.html, page.Bytes())
		})
	}
}

func TestScoreSameAsCommand(t *testing.T) {
	// cxkit score testdata/score/shop.korto testdata/score/visit.json --html ...
	plan := compile(t, filepath.Join(cmdGolden, "score/shop.korto"))
	f, err := os.Open(filepath.Join(cmdGolden, "score/visit.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := plan.ReadAnswers(f)
	if err != nil {
		t.Fatal(err)
	}
	r, err := plan.ScoreWith(sheet, korto.ScoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var text, page bytes.Buffer
	if err := render.ScoreText(&text, plan, sheet, &r, render.Options{}); err != nil {
		t.Fatal(err)
	}
	sameAsCommand(t, "score/visit.txt", text.Bytes())
	if err := render.ScoreHTML(&page, plan, sheet, &r, render.Options{}); err != nil {
		t.Fatal(err)
	}
	sameAsCommand(t, "score/visit.html", page.Bytes())
}
