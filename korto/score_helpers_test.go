package korto

import (
	"fmt"
	"strings"
	"testing"
)

// Builders for checklists written in Go in tests. They mirror the
// language: scQ("id", scKind, modifiers...), scSec("id", weight, items...).

type scMod func(*Question)

func scW(x float64) scMod    { return func(q *Question) { q.Weight = new(x) } }
func scCritical(q *Question) { q.Critical = true }
func scNA(q *Question)       { q.NA = true }
func scOptional(q *Question) { q.Optional = true }
func scUnscored(q *Question) { q.Unscored = true }
func scWhen(e *Expr) scMod   { return func(q *Question) { q.When = e } }
func scKind(k Kind) scMod    { return func(q *Question) { q.Kind = k } }
func scRef(t KindType, name string) scMod {
	return func(q *Question) { q.Kind = Kind{Type: t, Ref: name} }
}

func scQ(id string, mods ...scMod) Item {
	qq := &Question{ID: id, Text: Text{Text: "Вопрос " + id, Tr: map[string]string{"en": "Question " + id}}}
	for _, m := range mods {
		m(qq)
	}
	return Item{Question: qq}
}

func scSec(id string, weight *float64, items ...Item) Item {
	return Item{Section: &Section{ID: id, Title: Text{Text: "Раздел " + id, Tr: map[string]string{"en": "Section " + id}}, Weight: weight, Items: items}}
}

func scLvl(n int, pass *float64, items ...Item) *Level {
	return &Level{Number: n, Title: Text{Text: fmt.Sprintf("Уровень %d", n), Tr: map[string]string{"en": fmt.Sprintf("Level %d", n)}}, Pass: pass, Items: items}
}

func scChecklist(id string, levels ...*Level) *Checklist {
	return &Checklist{ID: id, Title: Text{Text: "Тест"}, Version: "1", Levels: levels}
}

// yes is a condition "x was answered yes".
func scYes(id string) *Expr { return &Expr{Op: ExprYes, Question: id} }

func scCompile(t testing.TB, c *Checklist) *Plan {
	t.Helper()
	p, err := Compile(c)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return p
}

// scSheet builds a sheet for scChecklist id from "key=value" pairs, where a
// value that parses as JSON number is a number and anything else a
// string.
func scSheet(id string, pairs ...string) *Sheet {
	s := &Sheet{Checklist: id, Answers: map[string]Answer{}}
	for _, p := range pairs {
		k, v, _ := strings.Cut(p, "=")
		var x float64
		if _, err := fmt.Sscanf(v, "%g", &x); err == nil && !strings.ContainsAny(v, "abcdfghijklmopqrstuvwxyz") {
			s.Answers[k] = Num(x)
		} else {
			s.Answers[k] = Str(v)
		}
	}
	return s
}

// specMall builds, in Go, the checklist of the language spec's "whole
// file" example: valid, with every kind of question. Each call returns a
// fresh copy that a test may change.
func specMall() *Checklist {
	return &Checklist{
		ID:      "mall_basic",
		Title:   Text{Text: "Сервис в торговом центре", Tr: map[string]string{"en": "Shopping-centre service"}},
		Version: "2026.1",
		Model:   ModelKORTO,
		Scales:  []*Scale{{Name: "stars", Lo: 1, Hi: 5}},
		Choices: []*Choice{{Name: "lifts", Options: []*Option{
			{ID: "all", Label: Text{Text: "Все работают"}, Value: 1},
			{ID: "most", Label: Text{Text: "Большинство"}, Value: 0.5},
			{ID: "none", Label: Text{Text: "Не работают"}, Value: 0},
		}}},
		Levels: []*Level{
			{Number: 1, Title: Text{Text: "Основа и стандарт", Tr: map[string]string{"en": "Foundation and standard"}}, Pass: new(0.85), Items: []Item{
				scSec("clean", new(float64(2)),
					scQ("entrance", scW(3), scCritical),
					scQ("toilets", scCritical),
					scQ("floors", scNA),
				),
			}},
			{Number: 2, Title: Text{Text: "Функции и удобство", Tr: map[string]string{"en": "Functions and convenience"}}, Pass: new(0.75), Items: []Item{
				scSec("nav", nil,
					scQ("has_parking", scUnscored),
					scQ("parking_signs", scWhen(scYes("has_parking"))),
					scQ("lifts_ok", scRef(KindChoice, "lifts"), scW(2)),
				),
				scSec("pay", nil,
					scQ("queue", scKind(Kind{Type: KindMeasure, Unit: "мин", Op: OpLe, Target: 5})),
					scQ("speed", scRef(KindScale, "stars")),
				),
			}},
		},
		Survey: &Survey{Questions: []*Question{
			{ID: "recommend", Text: Text{Text: "Порекомендуете ли вы ТЦ друзьям?"}, Kind: Kind{Type: KindNPS}},
			{ID: "mood", Text: Text{Text: "Эмоция после визита"}, Kind: Kind{Type: KindEmotion}},
			{ID: "effort", Text: Text{Text: "Насколько легко было решить вопрос?"}, Kind: Kind{Type: KindCES, Lo: 1, Hi: 7}},
			{ID: "comment", Text: Text{Text: "Комментарий"}, Kind: Kind{Type: KindText}, Optional: true},
		}},
	}
}

// scMallSheet is the answer sheet of the language spec's example.
const scMallSheet = `{
  "checklist": "mall_basic",
  "version": "2026.1",
  "audit": {"id": "v-0017", "location": "ТЦ Европа", "date": "2026-11-20", "auditor": "A. Petrova"},
  "answers": {
    "entrance": "yes", "toilets": "no", "floors": "na",
    "has_parking": "yes", "parking_signs": "yes",
    "lifts_ok": "most", "queue": 3.5, "speed": 4,
    "recommend": 9, "mood": "positive", "effort": 6, "comment": "..."
  }
}`
