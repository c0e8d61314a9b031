package korto_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	sjs "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/internal/golden"
	"github.com/cxkit/cxkit/korto"
)

// schemaSpecChecklist is the whole-file example of language.md, built in
// Go code.
func schemaSpecChecklist() *korto.Checklist {
	q := func(id, text string, mods ...func(*korto.Question)) korto.Item {
		qq := &korto.Question{ID: id, Text: korto.Text{Text: text}}
		for _, m := range mods {
			m(qq)
		}
		return korto.Item{Question: qq}
	}
	weight := func(w float64) func(*korto.Question) { return func(q *korto.Question) { q.Weight = new(w) } }
	critical := func(q *korto.Question) { q.Critical = true }
	na := func(q *korto.Question) { q.NA = true }
	kind := func(k korto.Kind) func(*korto.Question) { return func(q *korto.Question) { q.Kind = k } }
	hint := func(h string) func(*korto.Question) { return func(q *korto.Question) { q.Hint = korto.Text{Text: h} } }
	return &korto.Checklist{
		ID:          "mall_basic",
		Title:       korto.Text{Text: "Сервис в торговом центре", Tr: map[string]string{"en": "Shopping-centre service"}},
		Version:     "2026.1",
		Model:       korto.ModelKORTO,
		Description: korto.Text{Text: "Чек-лист первых двух ступеней модели KORTO"},
		Scales:      []*korto.Scale{{Name: "stars", Lo: 1, Hi: 5}},
		Choices: []*korto.Choice{{Name: "lifts", Options: []*korto.Option{
			{ID: "all", Label: korto.Text{Text: "Все работают"}, Value: 1},
			{ID: "most", Label: korto.Text{Text: "Большинство"}, Value: 0.5},
			{ID: "none", Label: korto.Text{Text: "Не работают"}, Value: 0},
		}}},
		Levels: []*korto.Level{
			{Number: 1, Title: korto.Text{Text: "Основа и стандарт"}, Pass: new(0.85), Items: []korto.Item{
				{Section: &korto.Section{ID: "clean", Title: korto.Text{Text: "Чистота"}, Weight: new(float64(2)), Items: []korto.Item{
					q("entrance", "Входная группа чистая, без мусора", weight(3), critical),
					q("toilets", "В туалетах нет постороннего запаха", critical, hint("Проверить все санузлы на этаже")),
					q("floors", "Полы сухие, нет луж", na),
				}}},
			}},
			{Number: 2, Title: korto.Text{Text: "Функции и удобство"}, Pass: new(0.75), Items: []korto.Item{
				{Section: &korto.Section{ID: "nav", Title: korto.Text{Text: "Навигация"}, Items: []korto.Item{
					q("has_parking", "Есть парковка", func(q *korto.Question) { q.Unscored = true }),
					q("parking_signs", "Указатели на парковке понятны", func(q *korto.Question) {
						q.When = &korto.Expr{Op: korto.ExprYes, Question: "has_parking"}
					}),
					q("lifts_ok", "Работают лифты и эскалаторы", kind(korto.Kind{Type: korto.KindChoice, Ref: "lifts"}), weight(2)),
				}}},
				{Section: &korto.Section{ID: "pay", Title: korto.Text{Text: "Расчёты"}, Items: []korto.Item{
					q("queue", "Время ожидания на кассе", kind(korto.Kind{Type: korto.KindMeasure, Unit: "мин", Op: korto.OpLe, Target: 5})),
					q("speed", "Скорость обслуживания", kind(korto.Kind{Type: korto.KindScale, Ref: "stars"})),
				}}},
			}},
		},
		Survey: &korto.Survey{Questions: []*korto.Question{
			q("recommend", "Порекомендуете ли вы ТЦ друзьям?", kind(korto.Kind{Type: korto.KindNPS})).Question,
			q("mood", "Эмоция после визита", kind(korto.Kind{Type: korto.KindEmotion})).Question,
			q("effort", "Насколько легко было решить вопрос?", kind(korto.Kind{Type: korto.KindCES, Lo: 1, Hi: 7})).Question,
			q("comment", "Комментарий", kind(korto.Kind{Type: korto.KindText}), func(q *korto.Question) { q.Optional = true }).Question,
		}},
	}
}

// schemaCondChecklist exercises every kind of condition: choice options,
// numbers, and/or/not, a `when` on a number question, nested sections and
// an optional question behind `when`.
func schemaCondChecklist() *korto.Checklist {
	n := korto.Float
	yes := func(id string) *korto.Expr { return &korto.Expr{Op: korto.ExprYes, Question: id} }
	return &korto.Checklist{
		ID:    "conditions",
		Title: korto.Text{Text: "Conditions", Tr: map[string]string{"ru": "Условия"}},
		Choices: []*korto.Choice{{Name: "size", Options: []*korto.Option{
			{ID: "small", Label: korto.Text{Text: "Small", Tr: map[string]string{"ru": "Маленький"}}, Value: 1},
			{ID: "large", Label: korto.Text{Text: "Large", Tr: map[string]string{"ru": "Большой"}}, Value: 0, Fail: true},
		}}},
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "Basics"}, Items: []korto.Item{
			{Question: &korto.Question{ID: "open", Text: korto.Text{Text: "Open", Tr: map[string]string{"ru": "Открыто"}}, Unscored: true}},
			{Section: &korto.Section{ID: "outer", Title: korto.Text{Text: "Outer"}, Items: []korto.Item{
				{Question: &korto.Question{ID: "size", Text: korto.Text{Text: "Size"}, Kind: korto.Kind{Type: korto.KindChoice, Ref: "size"}, NA: true, When: yes("open")}},
				{Section: &korto.Section{ID: "inner", Title: korto.Text{Text: "Inner"}, Items: []korto.Item{
					{Question: &korto.Question{ID: "rating", Text: korto.Text{Text: "Rating"}, Kind: korto.Kind{Type: korto.KindScale, Lo: 0, Hi: 10}}},
					{Question: &korto.Question{ID: "wait", Text: korto.Text{Text: "Wait"}, Kind: korto.Kind{Type: korto.KindMeasure, Unit: "s", Op: korto.OpLt, Target: 30}, When: &korto.Expr{
						Op: korto.ExprAnd, Args: []*korto.Expr{
							yes("open"),
							{Op: korto.ExprOr, Args: []*korto.Expr{
								{Op: korto.ExprCmp, Question: "size", Cmp: korto.OpNe, Options: []string{"small"}},
								{Op: korto.ExprCmp, Question: "rating", Cmp: korto.OpGe, Number: n(7)},
							}},
						},
					}}},
					{Question: &korto.Question{ID: "low", Text: korto.Text{Text: "Low"}, Optional: true, When: &korto.Expr{
						Op: korto.ExprNot, Args: []*korto.Expr{{Op: korto.ExprCmp, Question: "rating", Cmp: korto.OpGt, Number: n(3)}},
					}}},
					{Question: &korto.Question{ID: "exact", Text: korto.Text{Text: "Exact"}, Critical: true, When: &korto.Expr{
						Op: korto.ExprOr, Args: []*korto.Expr{
							{Op: korto.ExprCmp, Question: "rating", Cmp: korto.OpEq, Number: n(5)},
							{Op: korto.ExprCmp, Question: "rating", Cmp: korto.OpNe, Number: n(6)},
							{Op: korto.ExprCmp, Question: "rating", Cmp: korto.OpLt, Number: n(1)},
							{Op: korto.ExprCmp, Question: "rating", Cmp: korto.OpLe, Number: n(2.5)},
							{Op: korto.ExprIn, Question: "size", Options: []string{"small", "large"}},
							{Op: korto.ExprCmp, Question: "size", Cmp: korto.OpEq, Options: []string{"large"}},
						},
					}}},
				}}},
			}}},
		}}},
		Survey: &korto.Survey{Questions: []*korto.Question{
			{ID: "sat", Text: korto.Text{Text: "Satisfied?"}, Kind: korto.Kind{Type: korto.KindCSAT, Lo: 1, Hi: 5}, NA: true},
		}},
	}
}

// marshalSchema renders a schema or uiSchema as the command prints it.
func marshalSchema(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkGolden compares got with testdata/schema/name; go test ./korto
// -run Schema -update rewrites it.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "schema", name), got)
}

func TestAnswerSchemaGolden(t *testing.T) {
	for _, tc := range []struct {
		name, ui string // golden files; the uiSchema does not depend on the draft
		c        *korto.Checklist
		opts     korto.SchemaOptions
	}{
		{"mall_basic.2020-12", "mall_basic.ui", schemaSpecChecklist(), korto.SchemaOptions{}},
		{"mall_basic.07", "mall_basic.ui", schemaSpecChecklist(), korto.SchemaOptions{Draft: korto.Draft07}},
		{"conditions.2020-12", "conditions.ui", schemaCondChecklist(), korto.SchemaOptions{ID: "https://example.com/conditions.json"}},
		{"conditions.ru.07", "conditions.ru.ui", schemaCondChecklist(), korto.SchemaOptions{Draft: korto.Draft07, Lang: "ru"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := korto.AnswerSchema(tc.c, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := marshalSchema(t, s)
			checkGolden(t, tc.name+".json", got)
			compileSchema(t, got) // every golden is a valid schema of its draft
			ui, err := korto.NewUISchema(tc.c, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.ui+".json", marshalSchema(t, ui))
		})
	}
}

// TestAnswerSchemaExamplesGolden keeps the draft-07 schema and the
// uiSchema of every example checklist, the documents a form renders.
func TestAnswerSchemaExamplesGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "*", "*.korto"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example checklists: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".korto")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			c, err := dsl.Parse(f, src)
			if err != nil {
				t.Fatal(err)
			}
			opts := korto.SchemaOptions{Draft: korto.Draft07}
			s, err := korto.AnswerSchema(c, opts)
			if err != nil {
				t.Fatal(err)
			}
			doc := marshalSchema(t, s)
			compileSchema(t, doc)
			checkGolden(t, filepath.Join("examples", name+".07.json"), doc)
			// The schema for JSON Forms (cxkit schema --choices const).
			jf, err := korto.AnswerSchema(c, korto.SchemaOptions{Draft: korto.Draft07, ConstChoices: true})
			if err != nil {
				t.Fatal(err)
			}
			jfDoc := marshalSchema(t, jf)
			compileSchema(t, jfDoc)
			checkGolden(t, filepath.Join("examples", name+".07.const.json"), jfDoc)
			ui, err := korto.NewUISchema(c, opts)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("examples", name+".ui.json"), marshalSchema(t, ui))
		})
	}
}

// compileSchema compiles a schema with a validator that passes the
// official JSON-Schema-Test-Suite, which also checks it against its
// draft's meta-schema.
func compileSchema(t testing.TB, doc []byte) *sjs.Schema {
	t.Helper()
	v, err := sjs.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := sjs.NewCompiler()
	if err := c.AddResource("mem:///answers.json", v); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("mem:///answers.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

func schemaFor(t testing.TB, c *korto.Checklist, opts korto.SchemaOptions) *sjs.Schema {
	t.Helper()
	s, err := korto.AnswerSchema(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	return compileSchema(t, marshalSchema(t, s))
}

func schemaAccepts(t testing.TB, s *sjs.Schema, sheet string) (bool, error) {
	t.Helper()
	v, err := sjs.UnmarshalJSON(strings.NewReader(sheet))
	if err != nil {
		t.Fatalf("bad test sheet %s: %v", sheet, err)
	}
	err = s.Validate(v)
	return err == nil, err
}

// TestAnswerSchemaSpecSheets checks the schema of the spec's example
// against the answer-sheet rules of language.md, one rule per row, in
// both drafts.
func TestAnswerSchemaSpecSheets(t *testing.T) {
	const valid = `"entrance": "yes", "toilets": "no", "floors": "na",
		"has_parking": "yes", "parking_signs": "yes",
		"lifts_ok": "most", "queue": 3.5, "speed": 4,
		"recommend": 9, "mood": "positive", "effort": 6, "comment": "..."`
	sheet := func(answers string) string {
		return `{"checklist": "mall_basic", "version": "2026.1",
			"audit": {"id": "v-0017", "location": "ТЦ Европа", "date": "2026-11-20", "auditor": "A. Petrova"},
			"answers": {` + answers + `}}`
	}
	edit := func(from, to string) string {
		if !strings.Contains(valid, from) {
			panic("no " + from)
		}
		return sheet(strings.Replace(valid, from, to, 1))
	}
	tests := []struct {
		name  string
		sheet string
		ok    bool
	}{
		{"the spec's sheet", sheet(valid), true},
		{"whole numbers may be written with a fraction", edit(`"speed": 4`, `"speed": 4.0`), true},
		{"optional answer missing", edit(`, "comment": "..."`, ``), true},
		{"when false, answer absent", edit(`"has_parking": "yes", "parking_signs": "yes"`, `"has_parking": "no"`), true},
		{"when false, still answered", edit(`"has_parking": "yes"`, `"has_parking": "no"`), false},
		{"when false, na", edit(`"has_parking": "yes", "parking_signs": "yes"`, `"has_parking": "no", "parking_signs": "na"`), true},
		{"when false, answered", edit(`"has_parking": "yes", "parking_signs": "yes"`, `"has_parking": "no", "parking_signs": "no"`), false},
		{"when true, missing", edit(`, "parking_signs": "yes"`, ``), false},
		{"when true, na not allowed", edit(`"parking_signs": "yes"`, `"parking_signs": "na"`), false},
		{"na not allowed", edit(`"toilets": "no"`, `"toilets": "na"`), false},
		{"required answer missing", edit(`"entrance": "yes", `, ``), false},
		{"unknown answer key", edit(`"speed": 4`, `"speed": 4, "sped": 4`), false},
		{"unknown option", edit(`"most"`, `"some"`), false},
		{"yesno as a boolean", edit(`"entrance": "yes"`, `"entrance": true`), false},
		{"scale out of range", edit(`"speed": 4`, `"speed": 6`), false},
		{"scale fractional", edit(`"speed": 4`, `"speed": 4.5`), false},
		{"nps out of range", edit(`"recommend": 9`, `"recommend": 11`), false},
		{"nps negative", edit(`"recommend": 9`, `"recommend": -1`), false},
		{"ces below range", edit(`"effort": 6`, `"effort": 0`), false},
		{"measure as a string", edit(`3.5`, `"3.5"`), false},
		{"measure may be any number", edit(`3.5`, `0`), true},
		{"unknown emotion", edit(`"positive"`, `"happy"`), false},
		{"text as a number", edit(`"..."`, `5`), false},
		{"null answer", edit(`"speed": 4`, `"speed": null`), false},
		{"wrong checklist", strings.Replace(sheet(valid), `"mall_basic"`, `"mall"`, 1), false},
		{"no answers", `{"checklist": "mall_basic"}`, false},
		{"unknown top-level key", strings.Replace(sheet(valid), `"version"`, `"extra": 1, "version"`, 1), false},
		{"audit values of the sheet's own are labels", strings.Replace(sheet(valid), `"id": "v-0017"`, `"id": "v-0017", "visit": 17, "night": true`, 1), true},
		{"the common audit fields are text", strings.Replace(sheet(valid), `"v-0017"`, `17`, 1), false},
		{"audit values are not null", strings.Replace(sheet(valid), `"v-0017"`, `null`, 1), false},
		{"a $schema is allowed", strings.Replace(sheet(valid), `"version"`, `"$schema": "answers.json", "version"`, 1), true},
		{"text takes na as text", edit(`"..."`, `"na"`), true},
		{"audit takes other fields", strings.Replace(sheet(valid), `"id": "v-0017"`, `"id": "v-0017", "shift": "evening"`, 1), true},
	}
	for _, draft := range []korto.Draft{korto.Draft2020, korto.Draft07} {
		s := schemaFor(t, schemaSpecChecklist(), korto.SchemaOptions{Draft: draft})
		for _, tc := range tests {
			if ok, err := schemaAccepts(t, s, tc.sheet); ok != tc.ok {
				t.Errorf("%s: %s: accepted = %v, want %v (%v)", draft, tc.name, ok, tc.ok, err)
			}
		}
	}
}

// TestAnswerSchemaConditions checks how each kind of `when` condition
// reads: a condition on an unanswered or "na" question is false.
func TestAnswerSchemaConditions(t *testing.T) {
	s := schemaFor(t, schemaCondChecklist(), korto.SchemaOptions{})
	tests := []struct {
		answers string
		ok      bool
	}{
		// Closed: everything behind "open" is off. rating 5 asks "exact".
		{`"open": "no", "rating": 5, "exact": "yes", "sat": 3`, true},
		{`"open": "no", "rating": 5, "sat": 3`, false},                  // exact missing
		{`"open": "no", "rating": 6, "sat": 3`, true},                   // exact off: 6 fails every clause
		{`"open": "no", "rating": 6, "size": "small", "sat": 3`, false}, // size is off
		{`"open": "no", "rating": 6, "size": "na", "exact": "na", "sat": 3`, true},
		{`"open": "no", "rating": 6, "wait": 3, "sat": 3`, false}, // wait is off
		{`"open": "no", "rating": 6, "sat": "na"}`, true},
		// rating <= 3: "low" is on but optional.
		{`"open": "no", "rating": 6, "low": "yes", "sat": 3`, false},
		{`"open": "no", "rating": 2, "exact": "no", "sat": 3`, true},
		{`"open": "no", "rating": 2, "exact": "no", "low": "na", "sat": 3`, false}, // low takes no na when on
		{`"open": "no", "rating": 2, "exact": "no", "low": "yes", "sat": 3`, true},
		// Open: size asked (na allowed); wait asked when size != small or rating >= 7.
		{`"open": "yes", "size": "small", "rating": 6, "sat": 3`, false}, // exact: size in (small, large)
		{`"open": "yes", "size": "small", "rating": 6, "exact": "yes", "sat": 3`, true},
		{`"open": "yes", "size": "large", "rating": 6, "exact": "yes", "sat": 3`, false}, // wait missing
		{`"open": "yes", "size": "large", "rating": 6, "exact": "yes", "wait": 12.5, "sat": 3`, true},
		{`"open": "yes", "size": "na", "rating": 6, "sat": 3`, true},                 // na is not "!= small"
		{`"open": "yes", "size": "na", "rating": 7, "exact": "no", "sat": 3`, false}, // wait missing
		{`"open": "yes", "size": "na", "rating": 7, "exact": "no", "wait": "na", "sat": 3`, false},
		{`"open": "yes", "size": "na", "rating": 7, "exact": "no", "wait": 1, "sat": 3`, true},
		{`"open": "yes", "rating": 6, "sat": 3`, false}, // size missing
	}
	for _, tc := range tests {
		sheet := `{"checklist": "conditions", "answers": {` + strings.TrimSuffix(tc.answers, "}") + `}}`
		if ok, err := schemaAccepts(t, s, sheet); ok != tc.ok {
			t.Errorf("%s: accepted = %v, want %v (%v)", tc.answers, ok, tc.ok, err)
		}
	}
}

func TestAnswerSchemaErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*korto.Checklist)
		opts korto.SchemaOptions
		want string
	}{
		{"unknown draft", func(*korto.Checklist) {}, korto.SchemaOptions{Draft: "04"}, `unknown JSON Schema draft "04"`},
		{"unknown scale", func(c *korto.Checklist) { c.Scales = nil }, korto.SchemaOptions{}, `question "speed": unknown scale "stars"`},
		{"unknown choice", func(c *korto.Checklist) { c.Choices = nil }, korto.SchemaOptions{}, `question "lifts_ok": unknown choice "lifts"`},
		{"unknown question in when", func(c *korto.Checklist) {
			c.Question("parking_signs").When.Question = "parking"
		}, korto.SchemaOptions{}, `question "parking_signs": condition names unknown question "parking"`},
		{"duplicate question", func(c *korto.Checklist) {
			c.Survey.Questions = append(c.Survey.Questions, &korto.Question{ID: "mood", Kind: korto.Kind{Type: korto.KindText}})
		}, korto.SchemaOptions{}, `question "mood" is declared twice`},
	}
	for _, tc := range tests {
		c := schemaSpecChecklist()
		tc.edit(c)
		_, err := korto.AnswerSchema(c, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := korto.AnswerSchema(nil, korto.SchemaOptions{}); err == nil {
		t.Error("AnswerSchema(nil) did not fail")
	}
}

func TestParseDraft(t *testing.T) {
	for in, want := range map[string]korto.Draft{
		"": korto.Draft2020, "2020-12": korto.Draft2020, "draft-07": korto.Draft07, "07": korto.Draft07, "7": korto.Draft07,
	} {
		if got, err := korto.ParseDraft(in); err != nil || got != want {
			t.Errorf("ParseDraft(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := korto.ParseDraft("04"); err == nil {
		t.Error(`ParseDraft("04") did not fail`)
	}
}

func ExampleAnswerSchema() {
	c := &korto.Checklist{
		ID:    "kiosk",
		Title: korto.Text{Text: "Kiosk", Tr: map[string]string{"ru": "Киоск"}},
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "Basics"}, Items: []korto.Item{
			{Question: &korto.Question{ID: "clean", Text: korto.Text{Text: "The counter is clean", Tr: map[string]string{"ru": "Прилавок чистый"}}, Critical: true}},
		}}},
	}
	s, err := korto.AnswerSchema(c, korto.SchemaOptions{Draft: korto.Draft07, Lang: "ru"})
	if err != nil {
		panic(err)
	}
	answers, _ := s.Properties.Get("answers")
	clean, _ := answers.Properties.Get("clean")
	out, _ := json.Marshal(clean)
	fmt.Println(s.Version)
	fmt.Println(string(out))
	// Output:
	// http://json-schema.org/draft-07/schema#
	// {"oneOf":[{"enum":["yes"],"title":"Да"},{"enum":["no"],"title":"Нет"}],"type":"string","enum":["yes","no"],"title":"Прилавок чистый","propertyOrder":1,"x-cxkit-critical":true,"x-cxkit-kind":"yesno","x-cxkit-level":1,"x-cxkit-weight":1}
}

// The schema is built once per form, so its cost matters little; the
// benchmark keeps it in proportion to encoding the same checklist's JSON
// form, measured in the same run.
func benchMall(b *testing.B) *korto.Checklist {
	b.Helper()
	f := filepath.Join("..", "examples", "mall", "mall.korto")
	src, err := os.ReadFile(f)
	if err != nil {
		b.Fatal(err)
	}
	c, err := dsl.Parse(f, src)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func BenchmarkAnswerSchema(b *testing.B) {
	c := benchMall(b)
	b.ReportAllocs()
	for b.Loop() {
		s, err := korto.AnswerSchema(c, korto.SchemaOptions{Draft: korto.Draft07})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnswerSchemaBaseline encodes the checklist's JSON form with
// encoding/json: the floor for writing a document of this size.
func BenchmarkAnswerSchemaBaseline(b *testing.B) {
	c := benchMall(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(c); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleNewUISchema() {
	c := &korto.Checklist{
		ID:    "kiosk",
		Title: korto.Text{Text: "Киоск"},
		Levels: []*korto.Level{{Number: 1, Title: korto.Text{Text: "Основа"}, Items: []korto.Item{
			{Question: &korto.Question{ID: "clean", Text: korto.Text{Text: "Прилавок чистый"}, Hint: korto.Text{Text: "Смотреть и под кассой"}}},
			{Question: &korto.Question{ID: "wait", Text: korto.Text{Text: "Ожидание"}, Kind: korto.Kind{Type: korto.KindMeasure, Unit: "мин", Op: korto.OpLe, Target: 3}}},
		}}},
	}
	ui, err := korto.NewUISchema(c, korto.SchemaOptions{})
	if err != nil {
		panic(err)
	}
	out, _ := json.Marshal(ui["answers"])
	fmt.Println(string(out))
	// Output:
	// {"clean":{"ui:enumNames":["Да","Нет"],"ui:options":{"inline":true},"ui:widget":"radio"},"ui:order":["clean","wait"],"wait":{"ui:help":"мин; цель ≤ 3"}}
}

// The level and section weights go into x-cxkit-levels and
// x-cxkit-sections beside the question weights (cli spec: "weights and
// levels as x-cxkit-* keywords"), so that a form can score as cxkit does.
func TestAnswerSchemaStructureWeights(t *testing.T) {
	src := `checklist w "W" {
  level 2 "Второй" pass 75% weight 2 {
    section outer "Внешний" weight 3 {
      section inner "Внутренний" weight 0 {
        question a "A"
      }
    }
  }
  level 1 "Первый" {
    section plain "Простой" {
      question b "B"
    }
  }
}
`
	c, err := dsl.Parse("w.korto", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s, err := korto.AnswerSchema(c, korto.SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties struct {
			Answers struct {
				Levels   []korto.SchemaLevel   `json:"x-cxkit-levels"`
				Sections []korto.SchemaSection `json:"x-cxkit-sections"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(marshalSchema(t, s), &doc); err != nil {
		t.Fatal(err)
	}
	wantLevels := []korto.SchemaLevel{
		{Number: 2, Title: "Второй", Pass: 0.75, Weight: 2},
		{Number: 1, Title: "Первый", Pass: 0.8, Weight: 1},
	}
	wantSections := []korto.SchemaSection{
		{ID: "outer", Title: "Внешний", Level: 2, Weight: 3},
		{ID: "inner", Title: "Внутренний", Level: 2, Parent: "outer", Weight: 0},
		{ID: "plain", Title: "Простой", Level: 1, Weight: 1},
	}
	if d := cmp.Diff(wantLevels, doc.Properties.Answers.Levels); d != "" {
		t.Errorf("x-cxkit-levels (-want +got):\n%s", d)
	}
	if d := cmp.Diff(wantSections, doc.Properties.Answers.Sections); d != "" {
		t.Errorf("x-cxkit-sections (-want +got):\n%s", d)
	}
}

// A choice option marked fail says so (x-cxkit-fail), since choosing it
// fails the question, critical ones included, whatever its value.
func TestAnswerSchemaFailOption(t *testing.T) {
	src := `checklist f "F" {
  choice lifts {
    all "All" = 1
    some "Some" = 0.5 fail
  }
  level 1 "L" {
    question q "Q" lifts critical
  }
}
`
	c, err := dsl.Parse("f.korto", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s, err := korto.AnswerSchema(c, korto.SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties struct {
			Answers struct {
				Properties map[string]struct {
					OneOf []map[string]any `json:"oneOf"`
				} `json:"properties"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(marshalSchema(t, s), &doc); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"enum": []any{"all"}, "title": "All", "x-cxkit-value": 1.0},
		{"enum": []any{"some"}, "title": "Some", "x-cxkit-value": 0.5, "x-cxkit-fail": true},
	}
	if d := cmp.Diff(want, doc.Properties.Answers.Properties["q"].OneOf); d != "" {
		t.Errorf("options of q (-want +got):\n%s", d)
	}
}
