package render_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
)

// reports.md, "Filters": the report says how many audits --where kept,
// in the HTML page as in the text.
func TestWhereKeptTextAndHTML(t *testing.T) {
	plan := compile(t, "../../examples/mall/mall.korto")
	sources, err := report.Sources(nil, "../../examples/mall/visits")
	if err != nil {
		t.Fatal(err)
	}
	f, err := report.ParseFilter("location=ТЦ Европа")
	if err != nil {
		t.Fatal(err)
	}
	res, err := report.Run(context.Background(), plan, sources, report.Options{Where: []report.Filter{f}})
	if err != nil {
		t.Fatal(err)
	}
	const want = "kept 24 of 72 audits where location=ТЦ Европа"
	for name, write := range map[string]func(*strings.Builder) error{
		"text": func(b *strings.Builder) error {
			return render.Text(b, plan.Checklist(), res, render.Options{Lang: "en"})
		},
		"HTML": func(b *strings.Builder) error {
			return render.HTML(b, plan.Checklist(), res, render.Options{Lang: "en"})
		},
	} {
		var b strings.Builder
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s report does not say %q", name, want)
		}
	}
	// Without a filter there is nothing to say.
	res, err = report.Run(context.Background(), plan, sources, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := render.HTML(&b, plan.Checklist(), res, render.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "kept ") {
		t.Error("HTML report without --where mentions kept audits")
	}
}
