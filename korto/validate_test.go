package korto

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// valQ returns the question of c with the given ID; tests use it to change
// one question of valMall.
func valQ(t *testing.T, c *Checklist, id string) *Question {
	t.Helper()
	x := c.Question(id)
	if x == nil {
		t.Fatalf("no question %q", id)
	}
	return x
}

func valAddQuestion(c *Checklist, level int, x *Question) {
	l := c.Levels[level]
	l.Items = append(l.Items, Item{Question: x})
}

func valAddSurvey(c *Checklist, x *Question) { c.Survey.Questions = append(c.Survey.Questions, x) }

func valCmp(id string, op CmpOp, n float64) *Expr {
	return &Expr{Op: ExprCmp, Question: id, Cmp: op, Number: new(n)}
}

func valOpt(id string, op CmpOp, opt string) *Expr {
	return &Expr{Op: ExprCmp, Question: id, Cmp: op, Options: []string{opt}}
}

type valLine struct {
	Severity string
	Code     string
	Message  string
}

func valLines(ds Diagnostics) []valLine {
	var out []valLine
	for _, d := range ds {
		out = append(out, valLine{d.Severity.String(), d.Code, d.Message})
	}
	return out
}

func TestValidateValid(t *testing.T) {
	if ds := specMall().Validate(); len(ds) != 0 {
		t.Fatalf("valid checklist: %v", valLines(ds))
	}
}

func TestValidate(t *testing.T) {
	const E, W = "error", "warning"
	tests := []struct {
		name   string
		change func(t *testing.T, c *Checklist)
		want   []valLine
	}{
		// IDs.
		{"empty checklist ID", func(t *testing.T, c *Checklist) { c.ID = "" },
			[]valLine{{E, "bad-id", "checklist has no ID"}}},
		{"ID not an identifier", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").ID = "2floors" },
			[]valLine{{E, "bad-id", `question ID "2floors" is not an identifier`}}},
		{"unicode ID is fine", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").ID = "полы_2" },
			nil},
		{"combining marks in an ID are fine", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").ID = "вои\u0306на_सफ़ाई" },
			nil},
		{"an ID does not start with a mark", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").ID = "\u0306a" },
			[]valLine{{E, "bad-id", "question ID \"\u0306a\" is not an identifier"}}},
		{"bad tag", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").Tags = []string{"ok", "not ok"} },
			[]valLine{{E, "bad-id", `question "floors": tag "not ok" is not an identifier`}}},
		{"duplicate question ID", func(t *testing.T, c *Checklist) { valQ(t, c, "toilets").ID = "entrance" },
			[]valLine{{E, "duplicate-id", `duplicate question ID "entrance"`}}},
		{"question ID taken by a section", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").ID = "nav" },
			[]valLine{{E, "duplicate-id", `duplicate ID "nav": a section already has it`}}},
		{"duplicate section ID", func(t *testing.T, c *Checklist) { c.Levels[1].Items[1].Section.ID = "clean" },
			[]valLine{{E, "duplicate-id", `duplicate section ID "clean"`}}},
		{"survey question duplicates a level question", func(t *testing.T, c *Checklist) { c.Survey.Questions[0].ID = "speed" },
			[]valLine{{E, "duplicate-id", `duplicate question ID "speed"`}}},

		// Checklist metadata.
		{"bad model", func(t *testing.T, c *Checklist) { c.Model = "kotlr" },
			[]valLine{{E, "bad-model", `checklist "mall_basic": unknown model "kotlr"; did you mean "kotler"?`}}},
		{"bad knockout", func(t *testing.T, c *Checklist) { c.Knockout = "all" },
			[]valLine{{E, "bad-knockout", `checklist "mall_basic": unknown knockout "all"`}}},
		{"no levels", func(t *testing.T, c *Checklist) { c.Levels = nil },
			[]valLine{{E, "no-levels", `checklist "mall_basic" has no levels`}}},

		// Score bands.
		{"ascending bands are fine", func(t *testing.T, c *Checklist) {
			c.Bands = []*Band{{From: 0.6, Name: Text{Text: "средний"}}, {From: 0.8, Name: Text{Text: "очень хороший"}}, {From: 0.9, Name: Text{Text: "отличный"}}}
		}, nil},
		{"empty bands", func(t *testing.T, c *Checklist) { c.Bands = []*Band{} },
			[]valLine{{E, "bad-band", `checklist "mall_basic": the list of bands is empty`}}},
		{"band out of range, with the share it likely meant", func(t *testing.T, c *Checklist) {
			c.Bands = []*Band{{From: 80, Name: Text{Text: "a"}}, {From: -0.1, Name: Text{Text: "b"}}, {From: math.NaN(), Name: Text{Text: "c"}}}
		},
			[]valLine{
				{E, "bad-band", `band 1: band threshold 8000% is outside 0%..100%`},
				{E, "bad-band", `band 2: band threshold -10% is outside 0%..100%`},
				{E, "bad-band", `band 3: band threshold NaN% is outside 0%..100%`},
			}},
		{"bands not ascending, a threshold twice, a name twice, a band without a name", func(t *testing.T, c *Checklist) {
			c.Bands = []*Band{{From: 0.8, Name: Text{Text: "a"}}, {From: 0.6, Name: Text{Text: "b"}}, {From: 0.8, Name: Text{Text: "c"}}, {From: 0.9, Name: Text{Text: "a"}}, {From: 0.95}}
		},
			[]valLine{
				{E, "band-order", `band 2: band threshold 60% is below the band before it (80%)`},
				{E, "duplicate-band", `band 3: band threshold 80% is given twice`},
				{E, "duplicate-band", `band 4: band "a" is named twice`},
				{E, "bad-band", `band 5: band 95% has no name`},
			}},

		// Scales and choices.
		{"scale lo >= hi", func(t *testing.T, c *Checklist) { c.Scales[0].Lo, c.Scales[0].Hi = 5, 1 },
			[]valLine{{E, "bad-scale", `scale "stars": scale 5..1 is empty: the lower bound must be less than the upper`}}},
		{"scale bound infinite", func(t *testing.T, c *Checklist) { c.Scales[0].Hi = math.Inf(1) },
			[]valLine{{E, "bad-scale", `scale "stars": scale 1..+Inf has a bound that is not a finite number`}}},
		{"inline ces lo == hi", func(t *testing.T, c *Checklist) { c.Survey.Questions[2].Kind.Hi = 1 },
			[]valLine{{E, "bad-scale", `question "effort": ces 1..1 is empty: the lower bound must be less than the upper`}}},
		{"fractional scale bound", func(t *testing.T, c *Checklist) { c.Scales[0].Lo, c.Scales[0].Hi = 0.5, 4.5 },
			[]valLine{{W, "fractional-scale", `scale "stars": scale 0.5..4.5 has a fractional bound`}}},
		{"fractional csat bound", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "sat", Kind: Kind{Type: KindCSAT, Lo: 1, Hi: 5.5}})
		},
			[]valLine{{E, "fractional-scale", `question "sat": csat 1..5.5 has a fractional bound`}}},
		{"csat of 101 points is fine", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "sat", Kind: Kind{Type: KindCSAT, Lo: 0, Hi: 100}})
		}, nil},
		{"csat of more points than the metrics take", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "sat", Kind: Kind{Type: KindCSAT, Lo: 0, Hi: 200}})
		},
			[]valLine{{E, "bad-scale", `question "sat": csat 0..200 has 201 points, more than the survey metrics take`}}},
		{"ces of more points than the metrics take", func(t *testing.T, c *Checklist) {
			valQ(t, c, "effort").Kind = Kind{Type: KindCES, Lo: 1, Hi: 102, Good: "low"}
		},
			[]valLine{{E, "bad-scale", `question "effort": ces 1..102 has 102 points, more than the survey metrics take`}}},
		{"a wide ces without a direction reports the points only", func(t *testing.T, c *Checklist) {
			valQ(t, c, "effort").Kind.Hi = 1000
		},
			[]valLine{{E, "bad-scale", `question "effort": ces 1..1000 has 1000 points, more than the survey metrics take`}}},
		{"a plain scale has no point limit", func(t *testing.T, c *Checklist) { c.Scales[0].Hi = 1000 }, nil},

		// The good end of ces and csat scales.
		{"ces presets need no direction", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "effort10", Kind: Kind{Type: KindCES, Lo: 1, Hi: 10}})
		}, nil},
		{"ces off the presets without a direction", func(t *testing.T, c *Checklist) {
			valQ(t, c, "effort").Kind.Hi = 5
		},
			[]valLine{{W, "ces-direction", `question "effort": ces 1..5 does not say which end is good; it is taken as high (higher is easier)`}}},
		{"ces off the presets with a direction", func(t *testing.T, c *Checklist) {
			valQ(t, c, "effort").Kind = Kind{Type: KindCES, Lo: 0, Hi: 10, Good: "low"}
			valAddSurvey(c, &Question{ID: "easy", Kind: Kind{Type: KindCES, Lo: 1, Hi: 5, Good: "high"}})
			valAddSurvey(c, &Question{ID: "sat", Kind: Kind{Type: KindCSAT, Lo: 1, Hi: 5, Good: "low"}})
		}, nil},
		{"empty ces scale: no direction warning on top", func(t *testing.T, c *Checklist) {
			valQ(t, c, "effort").Kind.Hi = 0
		},
			[]valLine{{E, "bad-scale", `question "effort": ces 1..0 is empty: the lower bound must be less than the upper`}}},
		{"unknown direction", func(t *testing.T, c *Checklist) { valQ(t, c, "effort").Kind.Good = "hihg" },
			[]valLine{{E, "bad-direction", `question "effort": unknown direction "hihg"; did you mean "high"?`}}},
		{"unknown direction far from both", func(t *testing.T, c *Checklist) { valQ(t, c, "effort").Kind.Good = "easy" },
			[]valLine{{E, "bad-direction", `question "effort": unknown direction "easy"; expected high or low`}}},
		{"direction on a scale question", func(t *testing.T, c *Checklist) {
			valQ(t, c, "speed").Kind = Kind{Type: KindScale, Lo: 1, Hi: 5, Good: "low"}
		},
			[]valLine{{E, "bad-direction", `question "speed": scale question "speed" cannot say "low" is good`}}},
		{"direction on an nps question", func(t *testing.T, c *Checklist) { valQ(t, c, "recommend").Kind.Good = "high" },
			[]valLine{{E, "bad-direction", `question "recommend": nps question "recommend" cannot say "high" is good`}}},
		{"inline scale NaN", func(t *testing.T, c *Checklist) {
			valQ(t, c, "speed").Kind = Kind{Type: KindScale, Lo: math.NaN(), Hi: 5}
		},
			[]valLine{{E, "bad-scale", `question "speed": scale NaN..5 has a bound that is not a finite number`}}},
		{"duplicate scale", func(t *testing.T, c *Checklist) { c.Scales = append(c.Scales, &Scale{Name: "stars", Lo: 0, Hi: 10}) },
			[]valLine{{E, "duplicate-name", `scale "stars" is declared twice`}}},
		{"choice named like a scale", func(t *testing.T, c *Checklist) {
			c.Choices[0].Name = "stars"
			valQ(t, c, "lifts_ok").Kind.Ref = "stars"
		},
			[]valLine{{E, "duplicate-name", `choice "stars" is already declared as a scale`}}},
		{"choice value above 1", func(t *testing.T, c *Checklist) { c.Choices[0].Options[0].Value = 1.5 },
			[]valLine{{E, "bad-choice-value", `choice "lifts": value 1.5 of option "all" must be from 0 to 1`}}},
		{"choice value NaN", func(t *testing.T, c *Checklist) { c.Choices[0].Options[2].Value = math.NaN() },
			[]valLine{{E, "bad-choice-value", `choice "lifts": value NaN of option "none" must be from 0 to 1`}}},
		{"choice value negative", func(t *testing.T, c *Checklist) { c.Choices[0].Options[2].Value = -0.5 },
			[]valLine{{E, "bad-choice-value", `choice "lifts": value -0.5 of option "none" must be from 0 to 1`}}},
		{"duplicate option", func(t *testing.T, c *Checklist) { c.Choices[0].Options[1].ID = "all" },
			[]valLine{{E, "duplicate-option", `duplicate option "all" in choice "lifts"`}}},
		{"empty choice", func(t *testing.T, c *Checklist) { c.Choices[0].Options = nil },
			[]valLine{{E, "empty-choice", `choice "lifts" has no options`}}},
		{"bad option ID", func(t *testing.T, c *Checklist) { c.Choices[0].Options[1].ID = "" },
			[]valLine{{E, "bad-id", `option of choice "lifts" has no ID`}}},

		// Levels.
		{"korto level 5", func(t *testing.T, c *Checklist) { c.Levels[1].Number = 5 },
			[]valLine{{E, "level-range", "level 5 is outside 1..4 of model korto"}}},
		{"kotler level 5 is fine", func(t *testing.T, c *Checklist) { c.Model = ModelKotler; c.Levels[1].Number = 5 },
			nil},
		{"kotler level 0", func(t *testing.T, c *Checklist) { c.Model = ModelKotler; c.Levels[0].Number = 0 },
			[]valLine{{E, "level-range", "level 0 is outside 1..5 of model kotler"}}},
		{"level twice", func(t *testing.T, c *Checklist) { c.Levels[1].Number = 1 },
			[]valLine{{E, "level-twice", "level 1 is declared twice"}}},
		{"subset of levels is fine", func(t *testing.T, c *Checklist) { c.Levels[0].Number = 3; c.Levels[1].Number = 4 },
			nil},
		{"pass zero", func(t *testing.T, c *Checklist) { c.Levels[0].Pass = new(float64(0)) },
			[]valLine{{E, "bad-pass", "level 1: pass mark 0% must be above 0% and at most 100%"}}},
		{"pass above 100%", func(t *testing.T, c *Checklist) { c.Levels[0].Pass = new(float64(85)) },
			[]valLine{{E, "bad-pass", "level 1: pass mark 8500% must be above 0% and at most 100%"}}},
		{"pass 100% is fine", func(t *testing.T, c *Checklist) { c.Levels[0].Pass = new(float64(1)) },
			nil},
		{"pass NaN", func(t *testing.T, c *Checklist) { c.Levels[0].Pass = new(math.NaN()) },
			[]valLine{{E, "bad-pass", "level 1: pass mark NaN% must be above 0% and at most 100%"}}},
		{"empty level", func(t *testing.T, c *Checklist) {
			c.Levels = append(c.Levels, &Level{Number: 3, Title: Text{Text: "Атмосфера"}})
		}, []valLine{{W, "empty-level", "level 3 has no scored question"}}},
		{"level of unscored questions only", func(t *testing.T, c *Checklist) {
			c.Levels = append(c.Levels, &Level{Number: 3, Items: []Item{{Question: &Question{ID: "music", Unscored: true}}}})
		}, []valLine{{W, "empty-level", "level 3 has no scored question"}}},

		// Weights.
		{"negative question weight", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").Weight = new(float64(-1)) },
			[]valLine{{E, "bad-weight", `question "floors": weight -1 must be 0 or more`}}},
		{"NaN section weight", func(t *testing.T, c *Checklist) { c.Levels[0].Items[0].Section.Weight = new(math.NaN()) },
			[]valLine{{E, "bad-weight", `section "clean": weight NaN must be a finite number, 0 or more`}}},
		{"infinite level weight", func(t *testing.T, c *Checklist) { c.Levels[0].Weight = new(math.Inf(1)) },
			[]valLine{{E, "bad-weight", "level 1: weight +Inf must be a finite number, 0 or more"}}},
		{"zero weight is fine", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").Weight = new(float64(0)) },
			nil},

		// Sections.
		{"empty section", func(t *testing.T, c *Checklist) {
			c.Levels[0].Items = append(c.Levels[0].Items, Item{Section: &Section{ID: "lights"}})
		}, []valLine{{W, "empty-section", `section "lights" has no scored question`}}},
		{"nested sections count", func(t *testing.T, c *Checklist) {
			inner := &Section{ID: "inner", Items: []Item{{Question: &Question{ID: "lamp"}}}}
			c.Levels[0].Items = append(c.Levels[0].Items, Item{Section: &Section{ID: "outer", Items: []Item{{Section: inner}}}})
		}, nil},

		// Kinds.
		{"unknown scale", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind.Ref = "stras" },
			[]valLine{{E, "unknown-scale", `question "speed": unknown scale "stras"; did you mean "stars"?`}}},
		{"scale type near a choice", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind.Ref = "lifs" },
			[]valLine{{E, "unknown-choice", `question "speed": unknown choice "lifs"; did you mean "lifts"?`}}},
		{"choice type never suggests a scale", func(t *testing.T, c *Checklist) { valQ(t, c, "lifts_ok").Kind.Ref = "star" },
			[]valLine{{E, "unknown-choice", `question "lifts_ok": unknown choice "star"`}}},
		{"unknown choice", func(t *testing.T, c *Checklist) { valQ(t, c, "lifts_ok").Kind.Ref = "lifs" },
			[]valLine{{E, "unknown-choice", `question "lifts_ok": unknown choice "lifs"; did you mean "lifts"?`}}},
		{"unresolved ref near a scale", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind = Kind{Ref: "star"} },
			[]valLine{{E, "unknown-scale", `question "speed": unknown scale "star"; did you mean "stars"?`}}},
		{"unresolved ref near a choice", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind = Kind{Ref: "lift"} },
			[]valLine{{E, "unknown-choice", `question "speed": unknown choice "lift"; did you mean "lifts"?`}}},
		{"unresolved ref near a keyword", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind = Kind{Ref: "yesnoo"} },
			[]valLine{{E, "unknown-kind", `question "speed": unknown kind "yesnoo"; did you mean "yesno"?`}}},
		{"unresolved ref near nothing", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind = Kind{Ref: "zzz"} },
			[]valLine{{E, "unknown-scale", `question "speed": unknown scale or choice "zzz"`}}},
		{"condition on a question of unknown kind: no second error", func(t *testing.T, c *Checklist) {
			// As package dsl leaves it: a name nobody declared, no type.
			valQ(t, c, "lifts_ok").Kind = Kind{Ref: "lift"}
			valAddQuestion(c, 1, &Question{ID: "lift_signs", When: valOpt("lifts_ok", OpEq, "all")})
			valAddQuestion(c, 1, &Question{ID: "lift_fast", When: &Expr{Op: ExprIn, Question: "lifts_ok", Options: []string{"most", "all"}}})
			valAddQuestion(c, 1, &Question{ID: "lift_rating", When: valCmp("lifts_ok", OpGe, 3)})
		},
			[]valLine{{E, "unknown-choice", `question "lifts_ok": unknown choice "lift"; did you mean "lifts"?`}}},
		{"ref without type", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind = Kind{Ref: "stars"} },
			[]valLine{{E, "bad-kind", `question "speed": kind refers to "stars" but has no type`}}},
		{"scale type naming a choice", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").Kind.Ref = "lifts" },
			[]valLine{{E, "bad-kind", `question "speed": "lifts" is a choice, not a scale`}}},
		{"ref on a yes/no kind", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").Kind = Kind{Type: KindYesNo, Ref: "stars"} },
			[]valLine{{E, "bad-kind", `yes/no question "floors" cannot refer to "stars"`}}},
		{"unknown kind type", func(t *testing.T, c *Checklist) { valQ(t, c, "floors").Kind = Kind{Type: "yes-no"} },
			[]valLine{{E, "bad-kind", `question "floors": unknown answer kind "yes-no"; did you mean "yesno"?`}}},
		{"choice without ref", func(t *testing.T, c *Checklist) { valQ(t, c, "lifts_ok").Kind.Ref = "" },
			[]valLine{{E, "bad-kind", `choice question "lifts_ok" names no choice`}}},
		{"measure with != target", func(t *testing.T, c *Checklist) { valQ(t, c, "queue").Kind.Op = OpNe },
			[]valLine{{E, "bad-measure", `question "queue": measure target has operator "!="`}}},
		{"measure without operator", func(t *testing.T, c *Checklist) { valQ(t, c, "queue").Kind.Op = "" },
			[]valLine{{E, "bad-measure", `question "queue": measure target has operator ""`}}},
		{"measure target NaN", func(t *testing.T, c *Checklist) { valQ(t, c, "queue").Kind.Target = math.NaN() },
			[]valLine{{E, "bad-measure", `question "queue": measure target NaN is not a finite number`}}},

		// Survey.
		{"nps in a level", func(t *testing.T, c *Checklist) {
			valAddQuestion(c, 1, &Question{ID: "nps2", Kind: Kind{Type: KindNPS}})
		}, []valLine{{E, "survey-only-kind", `nps question "nps2" belongs in the survey`}}},
		{"text in a section", func(t *testing.T, c *Checklist) {
			s := c.Levels[0].Items[0].Section
			s.Items = append(s.Items, Item{Question: &Question{ID: "note", Kind: Kind{Type: KindText}}})
		}, []valLine{{E, "survey-only-kind", `text question "note" belongs in the survey`}}},
		{"survey weight", func(t *testing.T, c *Checklist) { c.Survey.Questions[0].Weight = new(float64(2)) },
			[]valLine{{E, "survey-weight", `survey question "recommend" takes no weight`}}},
		{"survey critical", func(t *testing.T, c *Checklist) { c.Survey.Questions[1].Critical = true },
			[]valLine{{E, "survey-critical", `survey question "mood" cannot be critical`}}},
		{"survey unscored is harmless", func(t *testing.T, c *Checklist) { c.Survey.Questions[1].Unscored = true },
			nil},
		{"survey yes/no question is fine", func(t *testing.T, c *Checklist) { valAddSurvey(c, &Question{ID: "first_visit"}) },
			nil},

		// Unscored.
		{"unscored critical", func(t *testing.T, c *Checklist) { valQ(t, c, "has_parking").Critical = true },
			[]valLine{{E, "unscored-critical", `unscored question "has_parking" cannot be critical`}}},
		{"unscored weight", func(t *testing.T, c *Checklist) { valQ(t, c, "has_parking").Weight = new(float64(2)) },
			[]valLine{{W, "unscored-weight", `weight of unscored question "has_parking" is ignored`}}},

		// Conditions: references.
		{"when unknown question", func(t *testing.T, c *Checklist) { valQ(t, c, "parking_signs").When.Question = "has_parkng" },
			[]valLine{{E, "when-unknown", `question "parking_signs": unknown question "has_parkng" in when; did you mean "has_parking"?`}}},
		{"when unknown, nothing near", func(t *testing.T, c *Checklist) { valQ(t, c, "parking_signs").When.Question = "zzz" },
			[]valLine{{E, "when-unknown", `question "parking_signs": unknown question "zzz" in when`}}},
		{"when forward", func(t *testing.T, c *Checklist) {
			valQ(t, c, "entrance").When = &Expr{Op: ExprYes, Question: "toilets"}
		},
			[]valLine{{E, "when-forward", `question "entrance": when refers to "toilets", which is declared later`}}},
		{"when self", func(t *testing.T, c *Checklist) { valQ(t, c, "toilets").When = &Expr{Op: ExprYes, Question: "toilets"} },
			[]valLine{{E, "when-forward", `question "toilets" refers to itself in when`}}},
		{"when on a section", func(t *testing.T, c *Checklist) { valQ(t, c, "parking_signs").When.Question = "clean" },
			[]valLine{{E, "when-kind", `question "parking_signs": "clean" is a section; when can only test a question`}}},
		{"when on a text question", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "follow_up", When: &Expr{Op: ExprYes, Question: "comment"}})
		}, []valLine{{E, "when-kind", `question "follow_up": text question "comment" cannot be tested in when`}}},
		{"survey may test level questions", func(t *testing.T, c *Checklist) {
			c.Survey.Questions[0].When = &Expr{Op: ExprAnd, Args: []*Expr{
				{Op: ExprYes, Question: "entrance"},
				{Op: ExprNot, Args: []*Expr{valOpt("lifts_ok", OpEq, "none")}},
				valCmp("speed", OpGe, 3),
			}}
		}, nil},

		// Conditions: kinds.
		{"bare ID on a choice", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = &Expr{Op: ExprYes, Question: "lifts_ok"} },
			[]valLine{{E, "when-kind", `question "speed": a bare ID tests a yes/no question; "lifts_ok" is a choice question`}}},
		{"bare ID on an emotion", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "why", When: &Expr{Op: ExprYes, Question: "mood"}})
		}, []valLine{{E, "when-kind", `question "why": a bare ID tests a yes/no question; "mood" is an emotion question`}}},
		{"bare ID on an nps", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "why", When: &Expr{Op: ExprYes, Question: "recommend"}})
		}, []valLine{{E, "when-kind", `question "why": a bare ID tests a yes/no question; "recommend" is an nps question`}}},
		{"choice option", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valOpt("lifts_ok", OpNe, "none") },
			nil},
		{"choice option misspelt", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valOpt("lifts_ok", OpEq, "mots") },
			[]valLine{{E, "unknown-option", `question "speed": choice "lifts" has no option "mots"; did you mean "most"?`}}},
		{"choice in list", func(t *testing.T, c *Checklist) {
			valQ(t, c, "speed").When = &Expr{Op: ExprIn, Question: "lifts_ok", Options: []string{"all", "mots", "zzz"}}
		}, []valLine{
			{E, "unknown-option", `question "speed": choice "lifts" has no option "mots"; did you mean "most"?`},
			{E, "unknown-option", `question "speed": choice "lifts" has no option "zzz"`},
		}},
		{"yes/no against yes and no", func(t *testing.T, c *Checklist) {
			valQ(t, c, "speed").When = &Expr{Op: ExprOr, Args: []*Expr{valOpt("floors", OpEq, "no"), &Expr{Op: ExprIn, Question: "toilets", Options: []string{"yes"}}}}
		}, nil},
		{"yes/no against an unknown answer", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valOpt("floors", OpEq, "yse") },
			[]valLine{{E, "unknown-option", `question "speed": yes/no question "floors" has no option "yse"; did you mean "yes"?`}}},
		{"emotion labels", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "why", When: &Expr{Op: ExprIn, Question: "mood", Options: []string{"negative", "nuetral"}}})
		}, []valLine{{E, "unknown-option", `question "why": emotion question "mood" has no option "nuetral"; did you mean "neutral"?`}}},
		{"option against a scale", func(t *testing.T, c *Checklist) {
			valAddQuestion(c, 1, &Question{ID: "x", When: valOpt("speed", OpEq, "good")})
		},
			[]valLine{{E, "when-kind", `question "x": an answer is compared with an option; "speed" is a scale question`}}},
		{"number against a yes/no", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valCmp("floors", OpEq, 1) },
			[]valLine{{E, "when-kind", `question "speed": a number is compared with a scale, measure, nps, ces or csat answer; "floors" is a yes/no question`}}},
		{"number against a choice", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valCmp("lifts_ok", OpGe, 0.5) },
			[]valLine{{E, "when-kind", `question "speed": a number is compared with a scale, measure, nps, ces or csat answer; "lifts_ok" is a choice question`}}},
		{"numbers on every numeric kind", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "why", When: &Expr{Op: ExprAnd, Args: []*Expr{
				valCmp("queue", OpGt, 30), valCmp("speed", OpLe, 2), valCmp("recommend", OpLt, 7), valCmp("effort", OpGe, 5),
			}}})
		}, nil},
		{"ordering an option", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valOpt("lifts_ok", OpLt, "most") },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: "<" compares numbers; an answer is tested with == or !=`}}},

		// Conditions: ranges.
		{"scale number above range", func(t *testing.T, c *Checklist) {
			valAddQuestion(c, 1, &Question{ID: "x", When: valCmp("speed", OpGe, 6)})
		},
			[]valLine{{W, "when-range", `question "x": condition "speed >= 6" never holds: "speed" is answered 1..5`}}},
		{"scale number at the bottom", func(t *testing.T, c *Checklist) {
			valAddQuestion(c, 1, &Question{ID: "x", When: valCmp("speed", OpGe, 1)})
		},
			[]valLine{{W, "when-range", `question "x": condition "speed >= 1" always holds: "speed" is answered 1..5`}}},
		{"scale number not whole", func(t *testing.T, c *Checklist) {
			valAddQuestion(c, 1, &Question{ID: "x", When: valCmp("speed", OpEq, 2.5)})
		},
			[]valLine{{W, "when-range", `question "x": condition "speed == 2.5" never holds: "speed" is answered 1..5`}}},
		{"nps below range", func(t *testing.T, c *Checklist) {
			valAddSurvey(c, &Question{ID: "x", When: valCmp("recommend", OpNe, -1)})
		},
			[]valLine{{W, "when-range", `question "x": condition "recommend != -1" always holds: "recommend" is answered 0..10`}}},
		{"ces above range", func(t *testing.T, c *Checklist) { valAddSurvey(c, &Question{ID: "x", When: valCmp("effort", OpGt, 7)}) },
			[]valLine{{W, "when-range", `question "x": condition "effort > 7" never holds: "effort" is answered 1..7`}}},
		{"measure has no range", func(t *testing.T, c *Checklist) {
			valAddQuestion(c, 1, &Question{ID: "x", When: valCmp("queue", OpGt, 1000)})
		},
			nil},

		// Conditions: malformed trees (Go-built).
		{"unknown operator", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = &Expr{Op: "xor"} },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: unknown operator "xor"`}}},
		{"empty and", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = &Expr{Op: ExprAnd} },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: "and" has no operands`}}},
		{"not with two", func(t *testing.T, c *Checklist) {
			valQ(t, c, "speed").When = &Expr{Op: ExprNot, Args: []*Expr{{Op: ExprYes, Question: "floors"}, {Op: ExprYes, Question: "entrance"}}}
		}, []valLine{{E, "bad-when", `question "speed": malformed condition: not takes one operand, got 2`}}},
		{"nil operand", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = &Expr{Op: ExprOr, Args: []*Expr{nil}} },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: or has a nil operand`}}},
		{"yes without question", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = &Expr{Op: ExprYes} },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: yes names no question`}}},
		{"cmp with number and option", func(t *testing.T, c *Checklist) {
			valQ(t, c, "speed").When = &Expr{Op: ExprCmp, Question: "queue", Cmp: OpEq, Number: new(float64(1)), Options: []string{"a"}}
		}, []valLine{{E, "bad-when", `question "speed": malformed condition: a comparison takes one number or one option`}}},
		{"cmp with bad operator", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valCmp("queue", "=<", 1) },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: unknown comparison "=<"`}}},
		{"cmp with NaN", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = valCmp("queue", OpLt, math.NaN()) },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: NaN is not a finite number`}}},
		{"empty in", func(t *testing.T, c *Checklist) { valQ(t, c, "speed").When = &Expr{Op: ExprIn, Question: "lifts_ok"} },
			[]valLine{{E, "bad-when", `question "speed": malformed condition: in takes a list of one or more options`}}},

		// Nil and ambiguous nodes (Go-built).
		{"nil level", func(t *testing.T, c *Checklist) { c.Levels = append(c.Levels, nil) },
			[]valLine{{E, "bad-item", "checklist holds a nil level"}}},
		{"empty item", func(t *testing.T, c *Checklist) { c.Levels[0].Items = append(c.Levels[0].Items, Item{}) },
			[]valLine{{E, "bad-item", "level 1: item holds neither a section nor a question"}}},
		{"item with both", func(t *testing.T, c *Checklist) {
			c.Levels[0].Items = append(c.Levels[0].Items, Item{Section: &Section{ID: "s", Items: []Item{{Question: &Question{ID: "a"}}}}, Question: &Question{ID: "b"}})
		}, []valLine{{E, "bad-item", `level 1: item holds both section "s" and question "b"`}}},
		{"nil survey question", func(t *testing.T, c *Checklist) { valAddSurvey(c, nil) },
			[]valLine{{E, "bad-item", "survey: survey holds a nil question"}}},
		{"nil scale, choice and option", func(t *testing.T, c *Checklist) {
			c.Scales = append(c.Scales, nil)
			c.Choices = append(c.Choices, nil)
			c.Choices[0].Options = append(c.Choices[0].Options, nil)
		}, []valLine{
			{E, "bad-item", "checklist holds a nil scale"},
			{E, "bad-item", `choice "lifts" holds a nil option`},
			{E, "bad-item", "checklist holds a nil choice"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := specMall()
			tt.change(t, c)
			got := valLines(c.Validate())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateNil(t *testing.T) {
	var c *Checklist
	got := valLines(c.Validate())
	want := []valLine{{"error", "bad-item", "checklist is nil"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Positions from the parser flow into the diagnostics: messages then
// leave out the node (the caret shows it), duplicates say where the first
// one stood, and the list comes out sorted by position.
func TestValidatePositions(t *testing.T) {
	at := func(line, col int) Pos { return Pos{File: "mall.korto", Line: line, Column: col} }
	c := specMall()
	c.Pos = at(2, 1)
	c.Levels[0].Pos = at(13, 3)
	c.Levels[1].Pos = at(21, 3)
	valQ(t, c, "entrance").Pos = at(15, 7)
	valQ(t, c, "toilets").Pos = at(16, 7)
	valQ(t, c, "toilets").ID = "entrance"
	valQ(t, c, "speed").Pos = at(30, 7)
	valQ(t, c, "speed").Kind.Ref = "stras"
	valQ(t, c, "parking_signs").Pos = at(24, 7)
	valQ(t, c, "parking_signs").When = &Expr{Op: ExprYes, Question: "speed", Pos: at(24, 61)}
	c.Levels[1].Number = 1

	type line struct {
		Pos     string
		Code    string
		Message string
		Hint    string
	}
	var got []line
	for _, d := range c.Validate() {
		got = append(got, line{d.Error(), d.Code, d.Message, d.Hint})
	}
	want := []line{
		{`mall.korto:16:7: duplicate question ID "entrance"; first declared at line 15`, "duplicate-id", `duplicate question ID "entrance"; first declared at line 15`,
			"IDs of questions and sections are unique in the whole checklist; rename one"},
		{`mall.korto:21:3: level 1 is declared twice; first declared at line 13`, "level-twice", "level 1 is declared twice; first declared at line 13",
			"merge the two levels, or renumber one of them"},
		{`mall.korto:24:61: when refers to "speed", which is declared later (line 30)`, "when-forward", `when refers to "speed", which is declared later (line 30)`,
			`move question "speed" above "parking_signs", or test a question declared earlier`},
		{`mall.korto:30:7: unknown scale "stras"; did you mean "stars"?`, "unknown-scale", `unknown scale "stras"; did you mean "stars"?`,
			`write stars, or declare "stras"`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Every diagnostic carries a hint: the user is told how to fix it.
func TestValidateHints(t *testing.T) {
	c := specMall()
	c.Model = "x"
	c.Knockout = "x"
	c.Scales[0].Hi = 0
	c.Choices[0].Options[0].Value = 2
	c.Levels[0].Pass = new(float64(2))
	valQ(t, c, "speed").When = valCmp("lifts_ok", OpEq, 1)
	valQ(t, c, "queue").Kind.Op = ""
	for _, d := range c.Validate() {
		if d.Hint == "" {
			t.Errorf("%s (%s): no hint", d.Message, d.Code)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	c := valBigChecklist(100)
	b.ReportAllocs()
	for b.Loop() {
		if ds := c.Validate(); len(ds) != 0 {
			b.Fatal(ds)
		}
	}
}

// BenchmarkValidateBaseline does the least any validation must: walk the
// checklist once and find duplicate question IDs with a map sized up
// front. Validate's cost is measured against it.
func BenchmarkValidateBaseline(b *testing.B) {
	c := valBigChecklist(100)
	b.ReportAllocs()
	for b.Loop() {
		seen := make(map[string]bool, 400)
		for q := range c.Questions() {
			if seen[q.ID] {
				b.Fatal("duplicate")
			}
			seen[q.ID] = true
		}
	}
}

// valBigChecklist builds a checklist with n questions in each of four
// levels, every second one conditional on the one before it.
func valBigChecklist(n int) *Checklist {
	c := &Checklist{ID: "big", Scales: []*Scale{{Name: "stars", Lo: 1, Hi: 5}}}
	for l := 1; l <= 4; l++ {
		sec := &Section{ID: "s" + valItoa(l)}
		for i := range n {
			id := "q" + valItoa(l) + "_" + valItoa(i)
			x := &Question{ID: id}
			if i%2 == 1 && (i-1)%5 != 0 {
				x.When = &Expr{Op: ExprYes, Question: "q" + valItoa(l) + "_" + valItoa(i-1)}
			}
			if i%5 == 0 {
				x.Kind = Kind{Type: KindScale, Ref: "stars"}
			}
			sec.Items = append(sec.Items, Item{Question: x})
		}
		c.Levels = append(c.Levels, &Level{Number: l, Items: []Item{{Section: sec}}})
	}
	return c
}

func valItoa(i int) string { return FormatNumber(float64(i)) }

// FuzzValidate feeds checklists in their JSON form, as a tool might send
// them, to Validate and Diff: neither may panic, and a checklist never
// differs from itself.
func FuzzValidate(f *testing.F) {
	data, err := json.Marshal(specMall())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"id":"x","levels":[{"number":1,"items":[{"question":{"id":"a","when":{"op":"not","args":[null]}}},{}]}]}`))
	f.Add([]byte(`{"id":"x","choices":[{"name":"c","options":[null,{"id":"a","value":2}]}],"levels":[null,{"number":9,"pass":0}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Checklist
		if json.Unmarshal(data, &c) != nil {
			return
		}
		ds := c.Validate()
		for _, d := range ds {
			if d.Code == "" || d.Message == "" || d.Hint == "" {
				t.Errorf("diagnostic without code, message or hint: %+v", d)
			}
		}
		if changes := Diff(&c, &c); len(changes) != 0 {
			t.Errorf("Diff(c, c) = %v", changes)
		}
		Diff(nil, &c)
		Diff(&c, nil)
	})
}

// A ces or csat scale that Validate passes must aggregate: the point
// limit is reported where the kind stands, with a hint, so that
// `cxkit check` catches what NewAggregator would refuse.
func TestValidateSurveyPointsAtKind(t *testing.T) {
	c := specMall()
	kpos := Pos{File: "mall.korto", Line: 40, Column: 21}
	c.Survey.Questions[2].Pos = Pos{File: "mall.korto", Line: 40, Column: 5}
	c.Survey.Questions[2].Kind = Kind{Type: KindCSAT, Lo: 0, Hi: 200, Pos: kpos}
	ds := c.Validate()
	if len(ds) != 1 {
		t.Fatalf("got %v, want one diagnostic", valLines(ds))
	}
	if ds[0].Pos != kpos || ds[0].Hint == "" {
		t.Errorf("diagnostic at %v with hint %q, want at %v with a hint", ds[0].Pos, ds[0].Hint, kpos)
	}
	if _, err := NewAggregator(c, AggregateOptions{}); err == nil {
		t.Errorf("NewAggregator took csat 0..200; the test no longer shows what Validate guards")
	}
	c.Survey.Questions[2].Kind.Hi = 100
	if err := c.Validate().Err(); err != nil {
		t.Fatalf("csat 0..100: %v", err)
	}
	if _, err := NewAggregator(c, AggregateOptions{}); err != nil {
		t.Errorf("csat 0..100 validates but does not aggregate: %v", err)
	}
}

// An option given twice is named in the duplicate's hint, and a
// condition's list of the options to use names it once.
func TestValidateDuplicateOptionHints(t *testing.T) {
	c := specMall()
	lifts := c.Choices[0]
	lifts.Options = append(lifts.Options, &Option{ID: "all", Label: Text{Text: "Все"}, Value: 1})
	valQ(t, c, "speed").When = &Expr{Op: ExprCmp, Question: "lifts_ok", Cmp: OpEq, Options: []string{"some"}}
	var got []string
	for _, d := range c.Validate() {
		got = append(got, d.Code+": "+d.Hint)
	}
	want := []string{
		"duplicate-option: option IDs are unique within their choice, and all is taken; rename one of the two all options, or remove one",
		"unknown-option: use one of: all, most, none",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
