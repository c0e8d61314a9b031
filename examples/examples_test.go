// Package examples_test keeps the example checklists and answer sheets
// honest: each checklist parses without a single diagnostic, is in
// canonical form, is translated into English throughout, and each answer
// sheet beside it is valid and scores.
package examples_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// examples maps each example checklist to its hand-written answer sheets.
var examples = map[string][]string{
	"mall/mall.korto":       {"mall/visit-01.json"},
	"grocery/cashier.korto": {"grocery/visit-01.json", "grocery/visit-02.json"},
	"taxi/taxi.korto":       {"taxi/ride-01.json"},
	// The templates of issue 17.
	"salesfloor/salesfloor.korto": {"salesfloor/visit-01.json"},
	"diy/diy.korto":               nil, // 160 generated visits: examples/diy/gen checks them
	"luxury/boutique.korto":       {"luxury/visit-01.json", "luxury/visit-02.json", "luxury/visit-03.json"},
	"calling/calling.korto":       {"calling/call-01.json"},
	"mallupper/atmosphere.korto":  {"mallupper/visit-01.json"},
	"csi/store.korto":             nil, // 16 visits in visits.jsonl: cmd/cxkit's report test reads them
}

func TestChecklistsAreClean(t *testing.T) {
	for path := range examples {
		t.Run(path, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c, diags := dsl.ParseWithDiagnostics(path, src)
			for _, d := range diags {
				t.Errorf("%v", d) // warnings too: an example shows no bad habits
			}
			if c == nil {
				return
			}
			for _, missing := range untranslated(c, "en") {
				t.Errorf("no English translation: %s", missing)
			}
		})
	}
}

func TestChecklistsAreCanonical(t *testing.T) {
	for path := range examples {
		t.Run(path, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out, err := dsl.Format(src)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, src) {
				t.Errorf("not in canonical form; run: go run ./cmd/cxkit fmt -w examples/%s", path)
			}
		})
	}
}

func TestSheetsScore(t *testing.T) {
	for path, sheets := range examples {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, err := dsl.Parse(path, src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		p, err := korto.Compile(c)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, sheet := range sheets {
			t.Run(sheet, func(t *testing.T) {
				f, err := os.Open(sheet)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				s, err := p.ReadAnswers(f)
				if err != nil {
					for _, e := range diag.As(err) {
						t.Error(e)
					}
					t.FailNow()
				}
				for _, w := range s.Warnings {
					t.Errorf("warning: %v", w)
				}
				if _, err := p.Score(s); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// Every example sheet is listed above, so none goes unchecked.
func TestEverySheetIsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, sheets := range examples {
		for _, s := range sheets {
			listed[s] = true
		}
	}
	for dir := range examples {
		found, err := filepath.Glob(filepath.Join(filepath.Dir(dir), "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			if !listed[filepath.ToSlash(f)] {
				t.Errorf("%s is not checked by this test; add it to examples", f)
			}
		}
	}
}

// untranslated lists the user-facing texts of c that lack a translation
// into lang.
func untranslated(c *korto.Checklist, lang string) []string {
	var missing []string
	check := func(what string, t korto.Text) {
		if t.IsZero() {
			return
		}
		if _, ok := t.Tr[lang]; !ok {
			missing = append(missing, what+" "+`"`+t.Text+`"`)
		}
	}
	check("title", c.Title)
	check("description", c.Description)
	for _, ch := range c.Choices {
		for _, o := range ch.Options {
			check("option "+ch.Name+"."+o.ID, o.Label)
		}
	}
	var items func([]korto.Item)
	items = func(its []korto.Item) {
		for _, it := range its {
			if s := it.Section; s != nil {
				check("section "+s.ID, s.Title)
				items(s.Items)
			}
		}
	}
	for _, l := range c.Levels {
		check("level title", l.Title)
		items(l.Items)
	}
	for q := range c.Questions() {
		check("question "+q.ID, q.Text)
		check("hint of "+q.ID, q.Hint)
	}
	return missing
}

// The luxury boutique's follow-up sheet fills the outcome of the promise
// made in visit lx-0002: merged, the visit scores the call as kept.
func TestLuxuryFollowUp(t *testing.T) {
	src, err := os.ReadFile("luxury/boutique.korto")
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
	read := func(name string) *korto.Sheet {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		s, err := korto.ReadAnswers(f)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	visit, follow := read("luxury/visit-02.json"), read("luxury/followups/lx-0002.json")
	if !c.IsFollowUp(follow) || c.IsFollowUp(visit) {
		t.Fatal("the follow-up is not told from the visit")
	}
	before, err := p.Score(visit)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Promises) != 1 || before.Promises[0].Status != korto.PromiseOpen || before.Promises[0].Due != "2026-12-02" {
		t.Fatalf("before the follow-up: %+v, want one open promise due 2026-12-02", before.Promises)
	}
	if err := c.MergeFollowUp(visit, follow); err != nil {
		t.Fatal(err)
	}
	after, err := p.Score(visit)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Promises) != 1 || after.Promises[0].Status != korto.PromiseKept {
		t.Errorf("after the follow-up: %+v, want the promise kept", after.Promises)
	}
}
