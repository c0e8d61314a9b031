package render_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/cxkit/cxkit/report"
	"github.com/cxkit/cxkit/report/render"
)

// The sales-floor checklist calls its level 2 "Продажа" ("The sale"),
// where the KORTO model says "Функции и удобство". Every place of the
// report that names the level (the levels table, the level reached, the
// pyramid) uses the checklist's name, in text and HTML alike, and the
// model's name only for what the checklist lacks (level 0, the levels
// above 2 the pyramid outlines).
func TestLevelNamedOneWay(t *testing.T) {
	plan := compile(t, "../../examples/salesfloor/salesfloor.korto")
	sources, err := report.Sources(nil, "../../examples/salesfloor/visit-01.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang, own, model, below, absent string
	}{
		{"", "Продажа", "Функции и удобство", "ниже основы", "Атмосфера и эмоции"},
		{"en", "The sale", "Functions and convenience", "below foundation", "Atmosphere and emotions"},
	} {
		res, err := report.Run(context.Background(), plan, sources, report.Options{Lang: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		var text, page bytes.Buffer
		if err := render.Text(&text, plan.Checklist(), res, render.Options{Lang: tt.lang}); err != nil {
			t.Fatal(err)
		}
		if err := render.HTML(&page, plan.Checklist(), res, render.Options{Lang: tt.lang}); err != nil {
			t.Fatal(err)
		}
		for name, out := range map[string]string{"text": text.String(), "html": page.String()} {
			// The levels table and the level-reached table: twice at
			// least, plus the pyramid's label in HTML.
			if n := strings.Count(out, "2  "+tt.own) + strings.Count(out, "2. "+tt.own) + strings.Count(out, "2 "+tt.own); n < 2 {
				t.Errorf("lang %q, %s: level 2 named %q %d times, want the levels and the reached tables:\n%s", tt.lang, name, tt.own, n, out)
			}
			if strings.Contains(out, tt.model) {
				t.Errorf("lang %q, %s: the model's name %q for a level the checklist names %q", tt.lang, name, tt.model, tt.own)
			}
			if !strings.Contains(out, tt.below) {
				t.Errorf("lang %q, %s: level 0 is not named %q", tt.lang, name, tt.below)
			}
		}
		if !strings.Contains(page.String(), tt.absent) {
			t.Errorf("lang %q: the pyramid does not outline level 3 as %q", tt.lang, tt.absent)
		}
	}
}
