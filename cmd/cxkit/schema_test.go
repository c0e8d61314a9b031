package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cxkit/cxkit/dsl"
	"github.com/cxkit/cxkit/korto"
)

// runSchemaCmd runs "cxkit schema args..." in-process.
func runSchemaCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCmd(t, "", append([]string{"schema"}, args...)...)
}

func compileSchemaDoc(t *testing.T, doc []byte) *sjs.Schema {
	t.Helper()
	v, err := sjs.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := sjs.NewCompiler()
	if err := c.AddResource("mem:///schema.json", v); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("mem:///schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return s
}

func validateDoc(t *testing.T, s *sjs.Schema, doc []byte) error {
	t.Helper()
	v, err := sjs.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("document is not JSON: %v", err)
	}
	return s.Validate(v)
}

const mallKorto = "../../examples/mall/mall.korto"

// schemaQuestions returns the schemas of a checklist's questions in the
// schema document doc: those always asked are the answers' properties,
// those behind `when` are declared in the "then" of their blocks, in the
// document's allOf.
func schemaQuestions(t *testing.T, doc []byte) map[string]map[string]any {
	t.Helper()
	type props = map[string]map[string]any
	type answers struct {
		Answers struct {
			Properties props `json:"properties"`
		} `json:"answers"`
	}
	var s struct {
		Properties answers `json:"properties"`
		AllOf      []struct {
			Then struct {
				Properties answers `json:"properties"`
			} `json:"then"`
		} `json:"allOf"`
	}
	if err := json.Unmarshal(doc, &s); err != nil {
		t.Fatal(err)
	}
	out := props{}
	for id, q := range s.Properties.Answers.Properties {
		out[id] = q
	}
	for _, b := range s.AllOf {
		for id, q := range b.Then.Properties.Answers.Properties {
			if out[id] != nil {
				t.Errorf("question %q is declared twice", id)
			}
			out[id] = q
		}
	}
	return out
}

func TestSchemaCommandMall(t *testing.T) {
	out, stderr, code := runSchemaCmd(t, mallKorto, "--draft", "07")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Schema     string `json:"$schema"`
		Properties struct {
			Answers struct {
				Properties map[string]struct {
					Title string `json:"title"`
					OneOf []struct {
						Enum  []any  `json:"enum"`
						Title string `json:"title"`
					} `json:"oneOf"`
				} `json:"properties"`
			} `json:"answers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != korto.Draft07.URI() {
		t.Errorf("$schema = %q, want draft-07", doc.Schema)
	}
	// A usable Russian form: Russian titles and labelled yes/no answers.
	p := doc.Properties.Answers.Properties["has_parking"]
	if p.Title != "Есть парковка" && !strings.ContainsAny(p.Title, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя") {
		t.Errorf("has_parking title = %q, want Russian text", p.Title)
	}
	if len(p.OneOf) < 2 || len(p.OneOf[0].Enum) != 1 || p.OneOf[0].Enum[0] != "yes" || p.OneOf[0].Title != "Да" || p.OneOf[1].Title != "Нет" {
		t.Errorf("has_parking oneOf = %+v, want yes/Да, no/Нет", p.OneOf)
	}

	s := compileSchemaDoc(t, []byte(out))
	visit, err := os.ReadFile("../../examples/mall/visit-01.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := validateDoc(t, s, visit); err != nil {
		t.Errorf("the example visit does not validate: %v", err)
	}

	ui, stderr, code := runSchemaCmd(t, mallKorto, "--draft", "07", "--ui")
	if code != exitOK {
		t.Fatalf("--ui: exit %d: %s", code, stderr)
	}
	var uiDoc struct {
		Answers map[string]json.RawMessage `json:"answers"`
	}
	if err := json.Unmarshal([]byte(ui), &uiDoc); err != nil {
		t.Fatal(err)
	}
	var order []string
	if err := json.Unmarshal(uiDoc.Answers["ui:order"], &order); err != nil {
		t.Fatal(err)
	}
	if n := len(schemaQuestions(t, []byte(out))); len(order) != n {
		t.Errorf("ui:order lists %d questions, the schema has %d", len(order), n)
	}
	if !strings.Contains(string(uiDoc.Answers["has_parking"]), `"radio"`) {
		t.Errorf("has_parking uiSchema = %s, want a radio widget", uiDoc.Answers["has_parking"])
	}
}

func TestSchemaCommandLang(t *testing.T) {
	out, _, code := runSchemaCmd(t, mallKorto, "--lang", "en")
	if code != exitOK || !strings.Contains(out, `"title": "Yes"`) || !strings.Contains(out, `"Kind of car park"`) {
		t.Errorf("--lang en: exit %d, want English titles and labels", code)
	}
}

func TestSchemaCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.korto")
	if err := os.WriteFile(bad, []byte("checklist x \"X\" {\n  level 1 \"A\" {\n    question q \"Q\" stars\n  }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, exitUsage, "want one checklist FILE"},
		{[]string{mallKorto, "--draft", "04"}, exitUsage, `unknown JSON Schema draft "04"`},
		{[]string{filepath.Join(dir, "missing.korto")}, exitInput, "missing.korto"},
		{[]string{bad}, exitInput, "bad.korto:3:"},
		{[]string{"--types", "nothing"}, exitUsage, `unknown document "nothing"`},
		{[]string{"--types", "--ui"}, exitUsage, "--types takes no --ui"},
	} {
		_, stderr, code := runSchemaCmd(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("schema %q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.msg)
		}
	}
}

// TestSchemaTypes checks the reflected schemas against what cxkit
// writes: every example checklist's JSON form, every example sheet and
// its scored result.
func TestSchemaTypes(t *testing.T) {
	for _, draft := range []string{"2020-12", "07"} {
		out, stderr, code := runSchemaCmd(t, "--types", "--draft", draft)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var docs map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &docs); err != nil {
			t.Fatal(err)
		}
		schemas := map[string]*sjs.Schema{}
		for _, name := range []string{"checklist", "answers", "result"} {
			if docs[name] == nil {
				t.Fatalf("--types has no %q", name)
			}
			schemas[name] = compileSchemaDoc(t, docs[name])
			one, _, code := runSchemaCmd(t, "--types", name, "--draft", draft)
			if code != exitOK || !json.Valid([]byte(one)) || compactJSON(t, one) != compactJSON(t, string(docs[name])) {
				t.Errorf("--types %s differs from its entry in --types", name)
			}
		}
		files, _ := filepath.Glob("../../examples/*/*.korto")
		if len(files) == 0 {
			t.Fatal("no example checklists")
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			c, err := dsl.Parse(f, src)
			if err != nil {
				t.Fatal(err)
			}
			form, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateDoc(t, schemas["checklist"], form); err != nil {
				t.Errorf("%s: %s: JSON form does not validate: %v", draft, f, err)
			}
			plan, err := korto.Compile(c)
			if err != nil {
				t.Fatal(err)
			}
			sheets, _ := filepath.Glob(filepath.Join(filepath.Dir(f), "*.json"))
			for _, sf := range sheets {
				doc, err := os.ReadFile(sf)
				if err != nil {
					t.Fatal(err)
				}
				if err := validateDoc(t, schemas["answers"], doc); err != nil {
					t.Errorf("%s: %s does not validate as an answer sheet: %v", draft, sf, err)
				}
				sheet, err := plan.ReadAnswers(bytes.NewReader(doc))
				if err != nil {
					t.Fatalf("%s: %v", sf, err)
				}
				res, err := plan.Score(sheet)
				if err != nil {
					t.Fatalf("%s: %v", sf, err)
				}
				rdoc, err := json.Marshal(res)
				if err != nil {
					t.Fatal(err)
				}
				if err := validateDoc(t, schemas["result"], rdoc); err != nil {
					t.Errorf("%s: result of %s does not validate: %v", draft, sf, err)
				}
			}
		}
	}
}

func compactJSON(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Whatever the answers reader accepts, the answers schema of --types
// accepts too: a "$schema" key (which the checklist's own schema offers
// form tools) and audit fields that are numbers or booleans.
func TestSchemaTypesAcceptWhatTheReaderAccepts(t *testing.T) {
	visit, err := os.ReadFile("../../examples/mall/visit-01.json")
	if err != nil {
		t.Fatal(err)
	}
	var sheet map[string]any
	if err := json.Unmarshal(visit, &sheet); err != nil {
		t.Fatal(err)
	}
	sheet["$schema"] = "mall.schema.json"
	audit := sheet["audit"].(map[string]any)
	audit["floor"] = 2
	audit["repeat"] = true
	doc, err := json.Marshal(sheet)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(mallKorto)
	if err != nil {
		t.Fatal(err)
	}
	c, err := dsl.Parse(mallKorto, src)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := korto.Compile(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.ReadAnswers(bytes.NewReader(doc)); err != nil {
		t.Fatalf("the reader rejects the sheet: %v", err)
	}
	for _, draft := range []string{"2020-12", "07"} {
		out, stderr, code := runSchemaCmd(t, "--types", "answers", "--draft", draft)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		s := compileSchemaDoc(t, []byte(out))
		if err := validateDoc(t, s, doc); err != nil {
			t.Errorf("%s: a sheet the reader accepts does not validate: %v", draft, err)
		}
		// And what it rejects for its shape, the schema rejects.
		null := []byte(`{"checklist": "mall_korto", "answers": null}`)
		if _, err := plan.ReadAnswers(bytes.NewReader(null)); err == nil {
			t.Fatal("the reader accepts answers null")
		}
		if err := validateDoc(t, s, null); err == nil {
			t.Errorf("%s: answers null validates, but the reader rejects it", draft)
		}
	}
}

// Schemas print comparison signs as they are ("<= 5", "x < 3"), like
// every other JSON cxkit writes, not as \u003c escapes: the extension
// keywords of the reflected schema library came out HTML-escaped.
func TestSchemaNoHTMLEscapes(t *testing.T) {
	src := "checklist e \"E & co\" {\n  level 1 \"L\" {\n    question q \"Queue <= 5 min\" measure \"min\" target <= 5\n    question r \"R\" when q < 3 optional\n  }\n}\n"
	f := filepath.Join(t.TempDir(), "e.korto")
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{f}, {f, "--draft", "07"}, {f, "--ui"}} {
		out, errs, code := runSchemaCmd(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if strings.Contains(out, `\u003c`) || strings.Contains(out, `\u003e`) || strings.Contains(out, `\u0026`) {
			t.Errorf("%v: output has HTML escapes:\n%s", args, out)
		}
		if !json.Valid([]byte(out)) {
			t.Errorf("%v: output is not JSON", args)
		}
	}
	out, _, _ := runSchemaCmd(t, f)
	for _, want := range []string{`"x-cxkit-target": "<= 5"`, `"x-cxkit-when": "q < 3"`, `"title": "E & co"`, `"title": "Queue <= 5 min"`} {
		if !strings.Contains(out, want) {
			t.Errorf("schema lacks %s", want)
		}
	}
}

// The document schemas carry the bounds the reader and the scorer keep:
// a pass mark in (0,1], weights of 0 or more, scores in [0,1] and a
// reached level of 0 or more, so a pipeline's validator refuses what
// check and score would. Each case edits a real document.
func TestSchemaTypesBounds(t *testing.T) {
	exported, errs, code := runCmd(t, "", "export", "../../examples/taxi/taxi.korto")
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	sheets, _ := filepath.Glob("../../examples/taxi/*.json")
	if len(sheets) == 0 {
		t.Fatal("no taxi sheet")
	}
	scored, errs, code := runCmd(t, "", "score", "../../examples/taxi/taxi.korto", sheets[0], "--json")
	if code != exitOK {
		t.Fatalf("score: exit %d: %s", code, errs)
	}
	edit := func(doc string, change func(map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal([]byte(doc), &m); err != nil {
			t.Fatal(err)
		}
		change(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	level := func(m map[string]any) map[string]any { return m["levels"].([]any)[0].(map[string]any) }
	cases := []struct {
		doc, name string
		change    func(map[string]any)
		want      bool
	}{
		{"checklist", "as exported", func(map[string]any) {}, true},
		{"checklist", "pass 85%", func(m map[string]any) { level(m)["pass"] = 0.85 }, true},
		{"checklist", "pass 5", func(m map[string]any) { level(m)["pass"] = 5 }, false},
		{"checklist", "pass 0", func(m map[string]any) { level(m)["pass"] = 0 }, false},
		{"checklist", "level weight -1", func(m map[string]any) { level(m)["weight"] = -1 }, false},
		{"result", "as scored", func(map[string]any) {}, true},
		{"result", "score 7", func(m map[string]any) { m["score"] = 7 }, false},
		{"result", "reached -3", func(m map[string]any) { m["reached"] = -3 }, false},
	}
	for _, draft := range []string{"2020-12", "07"} {
		out, stderr, code := runSchemaCmd(t, "--types", "--draft", draft)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var docs map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &docs); err != nil {
			t.Fatal(err)
		}
		for _, tt := range cases {
			base := exported
			if tt.doc == "result" {
				base = scored
			}
			err := validateDoc(t, compileSchemaDoc(t, docs[tt.doc]), edit(base, tt.change))
			if (err == nil) != tt.want {
				t.Errorf("%s: %s %s: valid %v, want %v (%v)", draft, tt.doc, tt.name, err == nil, tt.want, err)
			}
		}
	}
}
