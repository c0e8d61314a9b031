package korto

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestDiffSame(t *testing.T) {
	got := Diff(specMall(), specMall())
	if got == nil || len(got) != 0 {
		t.Fatalf("Diff of equal checklists = %#v, want an empty, non-nil list", got)
	}
	if !Comparable(got) {
		t.Error("Comparable(no changes) = false")
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, c *Checklist)
		want   []Change
	}{
		// Checklist settings.
		{"version and title", func(t *testing.T, c *Checklist) {
			c.Version = "2026.2"
			c.Title.Tr["de"] = "Einkaufszentrum"
		}, []Change{
			{Kind: "version", Old: `"2026.1"`, New: `"2026.2"`, Message: `checklist: version "2026.1" -> "2026.2"`},
			{Kind: "title", Old: `"Сервис в торговом центре" @en "Shopping-centre service"`,
				New:     `"Сервис в торговом центре" @de "Einkaufszentrum" @en "Shopping-centre service"`,
				Message: `checklist: title "Сервис в торговом центре" @en "Shopping-centre service" -> "Сервис в торговом центре" @de "Einkaufszentrum" @en "Shopping-centre service"`},
		}},
		{"model", func(t *testing.T, c *Checklist) { c.Model = ModelKotler }, []Change{
			{Kind: "model", Old: "korto", New: "kotler", Incomparable: true, Message: "checklist: model korto -> kotler"},
		}},
		{"default model written out is no change", func(t *testing.T, c *Checklist) { c.Model = "" }, nil},
		{"knockout", func(t *testing.T, c *Checklist) { c.Knockout = KnockoutAudit }, []Change{
			{Kind: "knockout", Old: "level", New: "audit", Incomparable: true, Message: "checklist: knockout level -> audit"},
		}},

		// Scales and choices.
		{"scale re-scaled", func(t *testing.T, c *Checklist) { c.Scales[0].Hi = 10 }, []Change{
			{Kind: "scale-bounds", ID: "stars", Old: "1..5", New: "1..10", Incomparable: true, Message: "scale stars: bounds 1..5 -> 1..10"},
		}},
		{"scale added", func(t *testing.T, c *Checklist) { c.Scales = append(c.Scales, &Scale{Name: "grade", Lo: 0, Hi: 10}) }, []Change{
			{Kind: "scale-added", ID: "grade", New: "0..10", Message: "scale grade added"},
		}},
		{"option value", func(t *testing.T, c *Checklist) { c.Choices[0].Options[1].Value = 0.6 }, []Change{
			{Kind: "option-value", ID: "lifts.most", Old: "0.5", New: "0.6", Incomparable: true, Message: "choice lifts, option most: value 0.5 -> 0.6"},
		}},
		{"option label only", func(t *testing.T, c *Checklist) { c.Choices[0].Options[1].Label = Text{Text: "Почти все"} }, []Change{
			{Kind: "option-label", ID: "lifts.most", Old: `"Большинство"`, New: `"Почти все"`, Message: `choice lifts, option most: label "Большинство" -> "Почти все"`},
		}},
		{"option added and removed", func(t *testing.T, c *Checklist) {
			ch := c.Choices[0]
			ch.Options = []*Option{ch.Options[0], {ID: "half", Value: 0.5}, ch.Options[2]}
		}, []Change{
			{Kind: "option-added", ID: "lifts.half", New: "0.5", Incomparable: true, Message: "choice lifts, option half added (= 0.5)"},
			{Kind: "option-removed", ID: "lifts.most", Old: "0.5", Incomparable: true, Message: "choice lifts, option most removed"},
		}},

		// Levels.
		{"pass mark", func(t *testing.T, c *Checklist) { c.Levels[0].Pass = new(0.9) }, []Change{
			{Kind: "level-pass", ID: "1", Old: "85%", New: "90%", Incomparable: true, Message: "level 1: pass 85% -> 90%"},
		}},
		{"default pass written out is no change", func(t *testing.T, c *Checklist) { c.Levels[1].Pass = new(0.75) }, nil},
		{"level weight", func(t *testing.T, c *Checklist) { c.Levels[1].Weight = new(float64(2)) }, []Change{
			{Kind: "level-weight", ID: "2", Old: "1", New: "2", Incomparable: true, Message: "level 2: weight 1 -> 2"},
		}},
		{"level title", func(t *testing.T, c *Checklist) { c.Levels[1].Title = Text{Text: "Функции"} }, []Change{
			{Kind: "level-title", ID: "2", Old: `"Функции и удобство" @en "Functions and convenience"`, New: `"Функции"`, Message: `level 2: title "Функции и удобство" @en "Functions and convenience" -> "Функции"`},
		}},
		{"level added", func(t *testing.T, c *Checklist) {
			c.Levels = append(c.Levels, &Level{Number: 3, Title: Text{Text: "Атмосфера"}, Items: []Item{{Question: &Question{ID: "music"}}}})
		}, []Change{
			{Kind: "level-added", ID: "3", New: `"Атмосфера"`, Incomparable: true, Message: "level 3 added"},
			{Kind: "question-added", ID: "music", New: "level 3", Incomparable: true, Message: "question music added in level 3"},
		}},

		// Sections.
		{"section weight", func(t *testing.T, c *Checklist) { c.Levels[0].Items[0].Section.Weight = nil }, []Change{
			{Kind: "section-weight", ID: "clean", Old: "2", New: "1", Incomparable: true, Message: "section clean: weight 2 -> 1"},
		}},
		{"section moved to another level", func(t *testing.T, c *Checklist) {
			pay := c.Levels[1].Items[1]
			c.Levels[1].Items = c.Levels[1].Items[:1]
			c.Levels[0].Items = append(c.Levels[0].Items, pay)
		}, []Change{
			{Kind: "section-moved", ID: "pay", Old: "level 2", New: "level 1", Incomparable: true, Message: "section pay: moved from level 2 to level 1"},
			{Kind: "question-moved", ID: "queue", Old: "level 2, section pay", New: "level 1, section pay", Incomparable: true,
				Message: "question queue: moved from level 2, section pay to level 1, section pay"},
			{Kind: "question-moved", ID: "speed", Old: "level 2, section pay", New: "level 1, section pay", Incomparable: true,
				Message: "question speed: moved from level 2, section pay to level 1, section pay"},
		}},
		{"empty section added", func(t *testing.T, c *Checklist) {
			c.Levels[0].Items = append(c.Levels[0].Items, Item{Section: &Section{ID: "lights"}})
		}, []Change{
			{Kind: "section-added", ID: "lights", New: "level 1", Message: "section lights added in level 1"},
		}},

		// Questions.
		{"text only", func(t *testing.T, c *Checklist) {
			valQ(t, c, "floors").Text = Text{Text: "Полы сухие, без луж"}
		}, []Change{
			{Kind: "question-text", ID: "floors", Old: `"Вопрос floors" @en "Question floors"`, New: `"Полы сухие, без луж"`, Message: `question floors: text "Вопрос floors" @en "Question floors" -> "Полы сухие, без луж"`},
		}},
		{"weight", func(t *testing.T, c *Checklist) { valQ(t, c, "entrance").Weight = new(float64(2)) }, []Change{
			{Kind: "question-weight", ID: "entrance", Old: "3", New: "2", Incomparable: true, Message: "question entrance: weight 3 -> 2"},
		}},
		{"critical, na, optional", func(t *testing.T, c *Checklist) {
			x := valQ(t, c, "floors")
			x.Critical, x.NA, x.Optional = true, false, true
		}, []Change{
			{Kind: "question-critical", ID: "floors", Old: "no", New: "yes", Incomparable: true, Message: "question floors: critical no -> yes"},
			{Kind: "question-na", ID: "floors", Old: "yes", New: "no", Incomparable: true, Message: "question floors: na yes -> no"},
			{Kind: "question-optional", ID: "floors", Old: "no", New: "yes", Message: "question floors: optional no -> yes"},
		}},
		{"when changed", func(t *testing.T, c *Checklist) {
			valQ(t, c, "speed").When = &Expr{Op: ExprAnd, Args: []*Expr{
				{Op: ExprOr, Args: []*Expr{{Op: ExprYes, Question: "has_parking"}, valOpt("lifts_ok", OpEq, "all")}},
				{Op: ExprNot, Args: []*Expr{valCmp("queue", OpGt, 10)}},
				{Op: ExprIn, Question: "lifts_ok", Options: []string{"all", "most"}},
			}}
		}, []Change{
			{Kind: "question-when", ID: "speed", New: "(has_parking or lifts_ok == all) and not queue > 10 and lifts_ok in (all, most)", Incomparable: true,
				Message: "question speed: when set to (has_parking or lifts_ok == all) and not queue > 10 and lifts_ok in (all, most)"},
		}},
		{"when removed", func(t *testing.T, c *Checklist) { valQ(t, c, "parking_signs").When = nil }, []Change{
			{Kind: "question-when", ID: "parking_signs", Old: "has_parking", Incomparable: true, Message: "question parking_signs: when has_parking removed"},
		}},
		{"kind changed", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind = Kind{Type: KindScale, Lo: 0, Hi: 10} }, []Change{
			{Kind: "question-kind", ID: "speed", Old: "stars", New: "scale 0..10", Incomparable: true, Message: "question speed: kind stars -> scale 0..10"},
		}},
		{"kind named differently, same meaning", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind = Kind{Type: KindScale, Lo: 1, Hi: 5} }, []Change{
			{Kind: "question-kind", ID: "speed", Old: "stars", New: "scale 1..5", Message: "question speed: kind stars -> scale 1..5"},
		}},
		{"measure target", func(t *testing.T, c *Checklist) { valQ(t, c, "queue").Kind.Target = 3 }, []Change{
			{Kind: "question-kind", ID: "queue", Old: `measure "мин" target <= 5`, New: `measure "мин" target <= 3`, Incomparable: true,
				Message: `question queue: kind measure "мин" target <= 5 -> measure "мин" target <= 3`},
		}},
		{"survey ces re-scaled", func(t *testing.T, c *Checklist) { c.Survey.Questions[2].Kind.Hi = 5 }, []Change{
			{Kind: "question-kind", ID: "effort", Old: "ces 1..7", New: "ces 1..5", Incomparable: true, Message: "question effort: kind ces 1..7 -> ces 1..5"},
		}},
		{"survey ces good end written as the preset", func(t *testing.T, c *Checklist) { c.Survey.Questions[2].Kind.Good = "high" }, []Change{
			{Kind: "question-kind", ID: "effort", Old: "ces 1..7", New: "ces 1..7 high", Message: "question effort: kind ces 1..7 -> ces 1..7 high"},
		}},
		{"survey ces good end turned", func(t *testing.T, c *Checklist) { c.Survey.Questions[2].Kind.Good = "low" }, []Change{
			{Kind: "question-kind", ID: "effort", Old: "ces 1..7", New: "ces 1..7 low", Incomparable: true, Message: "question effort: kind ces 1..7 -> ces 1..7 low"},
		}},
		{"survey question added and removed", func(t *testing.T, c *Checklist) {
			c.Survey.Questions = append(c.Survey.Questions[1:], &Question{ID: "csat", Text: Text{Text: "Довольны?"}, Kind: Kind{Type: KindCSAT, Lo: 1, Hi: 5}})
		}, []Change{
			{Kind: "question-added", ID: "csat", New: "survey", Message: "question csat added in survey"},
			{Kind: "question-removed", ID: "recommend", Old: "survey", Message: "question recommend removed from survey"},
		}},
		{"scored question removed", func(t *testing.T, c *Checklist) {
			s := c.Levels[0].Items[0].Section
			s.Items = s.Items[:2]
		}, []Change{
			{Kind: "question-removed", ID: "floors", Old: "level 1, section clean", Incomparable: true, Message: "question floors removed from level 1, section clean"},
		}},
		{"unscored question removed", func(t *testing.T, c *Checklist) {
			s := c.Levels[1].Items[0].Section
			s.Items = s.Items[1:]
			valQ(t, c, "parking_signs").When = nil
		}, []Change{
			{Kind: "question-when", ID: "parking_signs", Old: "has_parking", Incomparable: true, Message: "question parking_signs: when has_parking removed"},
			{Kind: "question-removed", ID: "has_parking", Old: "level 2, section nav", Message: "question has_parking removed from level 2, section nav"},
		}},
		{"unscored toggled", func(t *testing.T, c *Checklist) { valQ(t, c, "has_parking").Unscored = false }, []Change{
			{Kind: "question-unscored", ID: "has_parking", Old: "yes", New: "no", Incomparable: true, Message: "question has_parking: unscored yes -> no"},
		}},
		{"renamed keeps conditions", func(t *testing.T, c *Checklist) {
			valQ(t, c, "has_parking").ID = "parking"
			valQ(t, c, "parking_signs").When.Question = "parking"
		}, []Change{
			{Kind: "question-renamed", ID: "parking", Old: "has_parking", New: "parking", Message: "question has_parking renamed to parking",
				Note: "answer sheets must use the new ID parking; a sheet that still answers has_parking is refused"},
		}},
		{"hint and tags", func(t *testing.T, c *Checklist) {
			x := valQ(t, c, "toilets")
			x.Hint = Text{Text: "Все санузлы"}
			x.Tags = []string{"hygiene", "sla"}
		}, []Change{
			{Kind: "question-hint", ID: "toilets", New: `"Все санузлы"`, Message: `question toilets: hint set to "Все санузлы"`},
			{Kind: "question-tags", ID: "toilets", New: "hygiene, sla", Message: "question toilets: tags set to hygiene, sla"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			to := specMall()
			tt.change(t, to)
			got := Diff(specMall(), to)
			want := tt.want
			if want == nil {
				want = []Change{}
			}
			if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Change{}, "Pos")); diff != "" {
				t.Errorf("Diff() mismatch (-want +got):\n%s", diff)
			}
			if c := Comparable(got); c != !anyIncomparable(want) {
				t.Errorf("Comparable() = %v", c)
			}
		})
	}
}

// Writing out the good end a ces or csat scale had by default keeps the
// metric's trend; turning it does not.
func TestDiffSurveyGoodEnd(t *testing.T) {
	tests := []struct {
		from, to     Kind
		incomparable bool
	}{
		{Kind{Type: KindCES, Lo: 1, Hi: 10}, Kind{Type: KindCES, Lo: 1, Hi: 10, Good: "low"}, false},
		{Kind{Type: KindCES, Lo: 1, Hi: 10}, Kind{Type: KindCES, Lo: 1, Hi: 10, Good: "high"}, true},
		{Kind{Type: KindCES, Lo: 1, Hi: 5, Good: "high"}, Kind{Type: KindCES, Lo: 1, Hi: 5}, false},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5}, Kind{Type: KindCSAT, Lo: 1, Hi: 5, Good: "high"}, false},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5}, Kind{Type: KindCSAT, Lo: 1, Hi: 5, Good: "low"}, true},
		{Kind{Type: KindCSAT, Lo: 1, Hi: 5, Good: "low"}, Kind{Type: KindCES, Lo: 1, Hi: 5, Good: "low"}, true},
	}
	for _, tt := range tests {
		from, to := specMall(), specMall()
		from.Survey.Questions[2].Kind = tt.from
		to.Survey.Questions[2].Kind = tt.to
		got := Diff(from, to)
		if len(got) != 1 || got[0].Kind != "question-kind" || got[0].Incomparable != tt.incomparable {
			t.Errorf("Diff(%s -> %s) = %+v, want one question-kind change, incomparable %v",
				tt.from.String(), tt.to.String(), got, tt.incomparable)
		}
	}
}

func anyIncomparable(cs []Change) bool {
	for _, c := range cs {
		if c.Incomparable {
			return true
		}
	}
	return false
}

// Diff must not panic on nil or half-built checklists.
func TestDiffNil(t *testing.T) {
	got := Diff(nil, &Checklist{ID: "x", Levels: []*Level{nil, {Number: 1, Items: []Item{{}}}}})
	want := []Change{
		{Kind: "checklist-id", New: "x", Message: "checklist: ID set to x"},
		{Kind: "level-added", ID: "1", Incomparable: true, Message: "level 1 added"},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Change{}, "Pos")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestDiffPositions(t *testing.T) {
	from, to := specMall(), specMall()
	valQ(t, from, "floors").Pos = Pos{Line: 7}
	s := to.Levels[0].Items[0].Section
	s.Items = s.Items[:2]
	valQ(t, to, "entrance").Pos = Pos{Line: 5}
	valQ(t, to, "entrance").Weight = new(float64(1))
	got := Diff(from, to)
	if len(got) != 2 || got[0].Pos.Line != 5 || got[1].Pos.Line != 7 {
		t.Errorf("positions: %+v", got)
	}
}

// BenchmarkDiff compares two versions of a 400-question checklist in
// which every question got a new weight: 400 changes to write.
func BenchmarkDiff(b *testing.B) {
	from, to := valBigChecklist(100), valBigChecklist(100)
	w := 2.0
	for q := range to.Questions() {
		q.Weight = &w
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(Diff(from, to)) != 400 {
			b.Fatal("want 400 changes")
		}
	}
}

// BenchmarkDiffSame compares two equal versions: the common case of a
// checklist whose wording changed in a few places, minus the few.
func BenchmarkDiffSame(b *testing.B) {
	from, to := valBigChecklist(100), valBigChecklist(100)
	b.ReportAllocs()
	for b.Loop() {
		if len(Diff(from, to)) != 0 {
			b.Fatal("want no changes")
		}
	}
}

// BenchmarkDiffBaseline compares the same two equal checklists with
// reflect.DeepEqual, which walks everything but only says whether they
// differ: the floor for a comparison that also says what changed.
func BenchmarkDiffBaseline(b *testing.B) {
	from, to := valBigChecklist(100), valBigChecklist(100)
	b.ReportAllocs()
	for b.Loop() {
		if !reflect.DeepEqual(from, to) {
			b.Fatal("want equal")
		}
	}
}

// Diff tells a reworded question from a re-weighted one: only the second
// makes this quarter's scores incomparable with the last.
func ExampleDiff() {
	v1 := &Checklist{ID: "shop", Version: "2026.1", Levels: []*Level{{Number: 1, Items: []Item{
		{Question: &Question{ID: "greet", Text: Text{Text: "Поздоровались"}}},
		{Question: &Question{ID: "smile", Text: Text{Text: "Улыбнулись"}}},
	}}}}
	v2 := &Checklist{ID: "shop", Version: "2026.2", Levels: []*Level{{Number: 1, Items: []Item{
		{Question: &Question{ID: "greet", Text: Text{Text: "Поздоровались первыми"}}},
		{Question: &Question{ID: "smile", Text: Text{Text: "Улыбнулись"}, Weight: new(float64(2))}},
	}}}}
	changes := Diff(v1, v2)
	for _, c := range changes {
		mark := " "
		if c.Incomparable {
			mark = "!"
		}
		fmt.Println(mark, c.Message)
	}
	fmt.Println("comparable:", Comparable(changes))
	// Output:
	//   checklist: version "2026.1" -> "2026.2"
	//   question greet: text "Поздоровались" -> "Поздоровались первыми"
	// ! question smile: weight 1 -> 2
	// comparable: false
}

func TestDiffWarnings(t *testing.T) {
	edition := func(id, version string, weight float64) *Checklist {
		return &Checklist{ID: id, Version: version, Levels: []*Level{{Number: 1, Items: []Item{
			{Question: &Question{ID: "greet", Text: Text{Text: "Поздоровались"}, Weight: new(weight)}},
		}}}}
	}
	for _, tt := range []struct {
		name     string
		from, to *Checklist
		want     []DiffWarning
	}{
		{"same", edition("shop", "2026.1", 1), edition("shop", "2026.1", 1), nil},
		{"comparable, version kept", edition("shop", "2026.1", 1), func() *Checklist {
			c := edition("shop", "2026.1", 1)
			c.Levels[0].Items[0].Question.Text.Text = "Поздоровались первыми"
			return c
		}(), nil},
		{"incomparable, version bumped", edition("shop", "2026.1", 1), edition("shop", "2026.2", 2), nil},
		{"incomparable, version kept", edition("shop", "2026.1", 1), edition("shop", "2026.1", 2), []DiffWarning{{Kind: "version-kept",
			Message: `the version is still "2026.1": give the new edition a new version so sheets and reports can tell them apart`}}},
		{"incomparable, no version", edition("shop", "", 1), edition("shop", "", 2), []DiffWarning{{Kind: "version-kept",
			Message: `neither edition has a version: give the new one a version (version "2026.2") so sheets and reports can tell them apart`}}},
		{"different checklists", edition("apteka", "2026.1", 1), edition("kassa", "2026.1", 2), []DiffWarning{{Kind: "different-checklists",
			Message: "these are different checklists (apteka, kassa): diff compares two editions of one checklist"}}},
		{"nil", nil, edition("shop", "2026.1", 1), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := DiffWarnings(tt.from, tt.to, Diff(tt.from, tt.to))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("DiffWarnings() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// An edition that changes how scores are computed but keeps its version
// gets a warning: answer sheets and reports name the version, and two
// editions under one name cannot be told apart.
func ExampleDiffWarnings() {
	v1 := &Checklist{ID: "shop", Version: "2026.1", Levels: []*Level{{Number: 1, Items: []Item{
		{Question: &Question{ID: "greet", Text: Text{Text: "Поздоровались"}}},
	}}}}
	v2 := &Checklist{ID: "shop", Version: "2026.1", Levels: []*Level{{Number: 1, Items: []Item{
		{Question: &Question{ID: "greet", Text: Text{Text: "Поздоровались"}, Weight: new(float64(2))}},
	}}}}
	for _, w := range DiffWarnings(v1, v2, Diff(v1, v2)) {
		fmt.Println(w.Kind+":", w.Message)
	}
	// Output:
	// version-kept: the version is still "2026.1": give the new edition a new version so sheets and reports can tell them apart
}
