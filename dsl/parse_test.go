package dsl

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cxkit/cxkit/diag"
	"github.com/cxkit/cxkit/korto"
)

// ignorePos compares models by content: positions are tested apart.
var ignorePos = cmpopts.IgnoreTypes(korto.Pos{})

func TestParseSpecExample(t *testing.T) {
	src, err := os.ReadFile("testdata/spec_example.korto")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("spec_example.korto", src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	got := c.Question("lifts_ok")
	want := &korto.Question{
		ID: "lifts_ok", Text: korto.Text{Text: "Работают лифты и эскалаторы"},
		Kind: korto.Kind{Type: korto.KindChoice, Ref: "lifts"}, Weight: new(float64(2)),
	}
	if diff := cmp.Diff(want, got, ignorePos); diff != "" {
		t.Errorf("lifts_ok (-want +got):\n%s", diff)
	}
	if n := len(c.Levels); n != 2 {
		t.Errorf("levels = %d, want 2", n)
	}
	if c.Survey == nil || len(c.Survey.Questions) != 4 {
		t.Errorf("survey = %+v, want 4 questions", c.Survey)
	}
}

// parseQuestions parses body as the content of a level, with a scale
// "stars" and a choice "lifts" declared, and returns its questions.
func parseQuestions(t *testing.T, body string) []*korto.Question {
	t.Helper()
	src := "checklist t \"T\" {\n  scale stars 1..5\n  choice lifts {\n    all \"A\" = 1\n    most \"M\" = 0.5\n    none \"N\" = 0 fail\n  }\n" +
		"  level 1 \"L\" {\n" + body + "\n  }\n}\n"
	c, diags := ParseWithDiagnostics("t.korto", []byte(src))
	if diags.HasErrors() {
		t.Fatalf("parse %q:\n%v", body, renderString(diags, []byte(src)))
	}
	var qs []*korto.Question
	for q := range c.Questions() {
		qs = append(qs, q)
	}
	return qs
}

func renderString(diags korto.Diagnostics, src []byte) string {
	var b strings.Builder
	_ = Render(&b, diags, src)
	return b.String()
}

func TestParseQuestions(t *testing.T) {
	yes := korto.Kind{Type: korto.KindYesNo}
	tests := []struct {
		name string
		body string
		want []*korto.Question
	}{{
		name: "defaults",
		body: `question q "Q"`,
		want: []*korto.Question{{ID: "q", Text: korto.Text{Text: "Q"}, Kind: yes}},
	}, {
		name: "all modifiers in any order",
		body: `question q "Q" tags a, b hint "H" @en "Hh" optional na critical weight 2.5`,
		want: []*korto.Question{{
			ID: "q", Text: korto.Text{Text: "Q"}, Kind: yes, Weight: new(2.5),
			Critical: true, NA: true, Optional: true,
			Hint: korto.Text{Text: "H", Tr: map[string]string{"en": "Hh"}}, Tags: []string{"a", "b"},
		}},
	}, {
		name: "kind after modifiers",
		body: `question q "Q" critical stars`,
		want: []*korto.Question{{ID: "q", Text: korto.Text{Text: "Q"}, Kind: korto.Kind{Type: korto.KindScale, Ref: "stars"}, Critical: true}},
	}, {
		name: "inline scale and explicit yesno",
		body: "question a \"A\" scale -2..2\nquestion b \"B\" yesno",
		want: []*korto.Question{
			{ID: "a", Text: korto.Text{Text: "A"}, Kind: korto.Kind{Type: korto.KindScale, Lo: -2, Hi: 2}},
			{ID: "b", Text: korto.Text{Text: "B"}, Kind: yes},
		},
	}, {
		name: "measure with and without unit",
		body: "question a \"A\" measure \"мин\" target <= 5\nquestion b \"B\" measure target > 0.5",
		want: []*korto.Question{
			{ID: "a", Text: korto.Text{Text: "A"}, Kind: korto.Kind{Type: korto.KindMeasure, Unit: "мин", Op: korto.OpLe, Target: 5}},
			{ID: "b", Text: korto.Text{Text: "B"}, Kind: korto.Kind{Type: korto.KindMeasure, Op: korto.OpGt, Target: 0.5}},
		},
	}, {
		name: "unicode identifiers and escapes",
		body: `question вход_1 "Вход \"главный\"\n\u0434"`,
		want: []*korto.Question{{ID: "вход_1", Text: korto.Text{Text: "Вход \"главный\"\nд"}, Kind: yes}},
	}, {
		// "й" written as и + U+0306 (Mn), and Hindi with vowel signs (Mc).
		name: "identifiers with combining marks",
		body: "question вои\u0306на \"A\"\nquestion सफ़ाई \"B\" when вои\u0306на",
		want: []*korto.Question{
			{ID: "вои\u0306на", Text: korto.Text{Text: "A"}, Kind: yes},
			{ID: "सफ़ाई", Text: korto.Text{Text: "B"}, Kind: yes, When: &korto.Expr{Op: korto.ExprYes, Question: "вои\u0306на"}},
		},
	}, {
		name: "translations",
		body: `question q "Чистота" @en "Cleanliness" @de "Sauberkeit" @pt-BR "Limpeza"`,
		want: []*korto.Question{{ID: "q", Kind: yes, Text: korto.Text{Text: "Чистота", Tr: map[string]string{"en": "Cleanliness", "de": "Sauberkeit", "pt-BR": "Limpeza"}}}},
	}, {
		name: "conditions",
		body: "question p \"P\" unscored\nquestion l \"L\" lifts\nquestion s \"S\" stars\n" +
			"question a \"A\" when p and not (l == all or s >= 4)\n" +
			"question b \"B\" when l in (all, most) or not p and s != 3",
		want: []*korto.Question{
			{ID: "p", Text: korto.Text{Text: "P"}, Kind: yes, Unscored: true},
			{ID: "l", Text: korto.Text{Text: "L"}, Kind: korto.Kind{Type: korto.KindChoice, Ref: "lifts"}},
			{ID: "s", Text: korto.Text{Text: "S"}, Kind: korto.Kind{Type: korto.KindScale, Ref: "stars"}},
			{ID: "a", Text: korto.Text{Text: "A"}, Kind: yes, When: &korto.Expr{Op: korto.ExprAnd, Args: []*korto.Expr{
				{Op: korto.ExprYes, Question: "p"},
				{Op: korto.ExprNot, Args: []*korto.Expr{{Op: korto.ExprOr, Args: []*korto.Expr{
					{Op: korto.ExprCmp, Question: "l", Cmp: korto.OpEq, Options: []string{"all"}},
					{Op: korto.ExprCmp, Question: "s", Cmp: korto.OpGe, Number: new(float64(4))},
				}}}},
			}}},
			{ID: "b", Text: korto.Text{Text: "B"}, Kind: yes, When: &korto.Expr{Op: korto.ExprOr, Args: []*korto.Expr{
				{Op: korto.ExprIn, Question: "l", Options: []string{"all", "most"}},
				{Op: korto.ExprAnd, Args: []*korto.Expr{
					{Op: korto.ExprNot, Args: []*korto.Expr{{Op: korto.ExprYes, Question: "p"}}},
					{Op: korto.ExprCmp, Question: "s", Cmp: korto.OpNe, Number: new(float64(3))},
				}},
			}}},
		},
	}, {
		name: "modifiers on continuation lines",
		body: "question p \"P\" unscored\nquestion q \"Q\" stars\n  hint \"H\"\n  weight 2 critical\n  when p\nquestion r \"R\"",
		want: []*korto.Question{
			{ID: "p", Text: korto.Text{Text: "P"}, Kind: yes, Unscored: true},
			{ID: "q", Text: korto.Text{Text: "Q"}, Kind: korto.Kind{Type: korto.KindScale, Ref: "stars"}, Hint: korto.Text{Text: "H"},
				Weight: new(float64(2)), Critical: true, When: &korto.Expr{Op: korto.ExprYes, Question: "p"}},
			{ID: "r", Text: korto.Text{Text: "R"}, Kind: yes},
		},
	}, {
		name: "sections nest",
		body: "section a \"A\" weight 2 {\n section b \"B\" {\n  question q \"Q\" # deep\n }\n}",
		want: []*korto.Question{{ID: "q", Text: korto.Text{Text: "Q"}, Kind: yes}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseQuestions(t, tt.body)
			if diff := cmp.Diff(tt.want, got, ignorePos); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseChecklist(t *testing.T) {
	src := "\uFEFF// header\nchecklist k \"К\" @en \"K\" {\n  version \"1\"\n  model kotler\n  description \"D\"\n  lang ru\n  knockout audit\n" +
		"  scale stars 1..5\n  choice c {\n    a \"A\" = 1\n    b \"B\" = 0 fail\n  }\n" +
		"  level 5 \"Five\" pass 92.5% weight 2 {\n    question q \"Q\" c\n  }\n  survey {\n    question n \"N\" nps\n  }\n}\n"
	got, err := Parse("k.korto", []byte(src))
	if err != nil {
		t.Fatal(renderString(korto.AsDiagnostics(err), []byte(src)))
	}
	want := &korto.Checklist{
		ID: "k", Title: korto.Text{Text: "К", Tr: map[string]string{"en": "K"}},
		Version: "1", Model: korto.ModelKotler, Description: korto.Text{Text: "D"}, Lang: "ru", Knockout: korto.KnockoutAudit,
		Scales: []*korto.Scale{{Name: "stars", Lo: 1, Hi: 5}},
		Choices: []*korto.Choice{{Name: "c", Options: []*korto.Option{
			{ID: "a", Label: korto.Text{Text: "A"}, Value: 1},
			{ID: "b", Label: korto.Text{Text: "B"}, Value: 0, Fail: true},
		}}},
		Levels: []*korto.Level{{Number: 5, Title: korto.Text{Text: "Five"}, Pass: new(0.925), Weight: new(float64(2)), Items: []korto.Item{
			{Question: &korto.Question{ID: "q", Text: korto.Text{Text: "Q"}, Kind: korto.Kind{Type: korto.KindChoice, Ref: "c"}}},
		}}},
		Survey: &korto.Survey{Questions: []*korto.Question{{ID: "n", Text: korto.Text{Text: "N"}, Kind: korto.Kind{Type: korto.KindNPS}}}},
	}
	if diff := cmp.Diff(want, got, ignorePos); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseLangTag checks that lang takes a language tag, like the tags
// of translations, and that a dash elsewhere is still no part of an ID.
func TestParseLangTag(t *testing.T) {
	src := "checklist k \"Limpeza\" @pt-PT \"Limpeza\" {\n  lang pt-BR\n  level 1 \"L\" {\n    question q \"Q\"\n  }\n}\n"
	c, err := Parse("k.korto", []byte(src))
	if err != nil {
		t.Fatal(renderString(korto.AsDiagnostics(err), []byte(src)))
	}
	if c.Lang != "pt-BR" {
		t.Errorf("Lang = %q, want pt-BR", c.Lang)
	}
	bad := strings.Replace(src, "question q", "question q-1", 1)
	if _, err := Parse("k.korto", []byte(bad)); err == nil {
		t.Errorf("question q-1 parsed; a dash is no part of an ID")
	}
	// A tag that spells a keyword is still a tag: or is Odia, in the
	// old code for Indonesian.
	for _, tag := range []string{"or", "in", "not"} {
		src := strings.Replace(src, "lang pt-BR", "lang "+tag, 1)
		c, err := Parse("k.korto", []byte(src))
		if err != nil || c.Lang != tag {
			t.Errorf("lang %s: %v", tag, err)
		}
	}
}

func TestParsePositions(t *testing.T) {
	src := "checklist t \"T\" {\n  level 1 \"L\" {\n\tsection s \"С\" {\n\t  question вопрос \"В\" when a\n\t}\n  }\n}\n"
	c, _ := ParseWithDiagnostics("p.korto", []byte(src))
	if c == nil {
		t.Fatal("no checklist")
	}
	s := c.Levels[0].Items[0].Section
	q := s.Items[0].Question
	tests := []struct {
		what string
		got  korto.Pos
		want korto.Pos
	}{
		{"checklist", c.Pos, korto.Pos{File: "p.korto", Line: 1, Column: 1, Offset: 0}},
		{"level", c.Levels[0].Pos, korto.Pos{File: "p.korto", Line: 2, Column: 3, Offset: 20}},
		{"section", s.Pos, korto.Pos{File: "p.korto", Line: 3, Column: 2, Offset: 35}},
		{"question", q.Pos, korto.Pos{File: "p.korto", Line: 4, Column: 4, Offset: 55}},
		// Columns count characters, offsets bytes: "вопрос" is 6 letters in 12 bytes.
		{"when", q.When.Pos, korto.Pos{File: "p.korto", Line: 4, Column: 29, Offset: 87}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s at %+v, want %+v", tt.what, tt.got, tt.want)
		}
	}
}

// TestParseSemanticErrorsAtOnce checks that a file with several static
// rule violations reports all of them, with positions.
func TestParseSemanticErrorsAtOnce(t *testing.T) {
	src := "checklist t \"T\" {\n  level 1 \"L\" {\n    question a \"A\" star\n    question a \"B\"\n    question c \"C\" when zz\n  }\n}\n"
	_, err := Parse("s.korto", []byte(src))
	diags := korto.AsDiagnostics(err)
	var lines []int
	for _, d := range diags {
		if d.Severity == korto.SeverityError {
			lines = append(lines, d.Pos.Line)
		}
	}
	if diff := cmp.Diff([]int{3, 4, 5}, lines); diff != "" {
		t.Errorf("error lines (-want +got):\n%s\n%s", diff, renderString(diags, []byte(src)))
	}
}

func TestParseWarningsAreNotErrors(t *testing.T) {
	src := "checklist t \"T\" {\n  level 1 \"L\" {\n    question a \"A\" unscored\n  }\n}\n"
	c, err := Parse("w.korto", []byte(src))
	if err != nil || c == nil {
		t.Fatalf("Parse = %v, %v; want a checklist and no error", c, err)
	}
	_, diags := ParseWithDiagnostics("w.korto", []byte(src))
	if len(diags) == 0 || diags.HasErrors() {
		t.Errorf("diagnostics = %v, want warnings only", diags)
	}
}

func TestParseReaderLimit(t *testing.T) {
	big := strings.NewReader(strings.Repeat(" ", MaxFileSize+10))
	_, err := ParseReader("big.korto", big)
	ds := korto.AsDiagnostics(err)
	if len(ds) != 1 || ds[0].Code != diag.CodeLimit {
		t.Errorf("ParseReader(too big) = %v, want one %q error", err, diag.CodeLimit)
	}
}

// TestParsePartPositions checks where a question's kind, the weights
// of questions, sections and levels and a level's pass mark are said to
// stand, in characters.
func TestParsePartPositions(t *testing.T) {
	src := "checklist t \"T\" {\n  scale звёзды 1..5\n  level 1 \"Уровень\" weight 3 pass 80% {\n    section s \"Раздел\" weight 2 {\n" +
		"      question вход \"Вход\" звёзды weight 0.5\n      question m \"М\" measure \"мин\" target <= 5\n    }\n  }\n}\n"
	c, err := Parse("p.korto", []byte(src))
	if err != nil {
		t.Fatal(renderString(korto.AsDiagnostics(err), []byte(src)))
	}
	l := c.Levels[0]
	s := l.Items[0].Section
	q, m := s.Items[0].Question, s.Items[1].Question
	at := func(line, col int) [2]int { return [2]int{line, col} }
	of := func(p korto.Pos) [2]int { return [2]int{p.Line, p.Column} }
	tests := []struct {
		what      string
		got, want [2]int
	}{
		{"level weight", of(l.WeightPos), at(3, 28)},
		{"level pass", of(l.PassPos), at(3, 35)},
		{"section weight", of(s.WeightPos), at(4, 31)},
		{"scale kind", of(q.Kind.Pos), at(5, 28)}, // "звёзды" is 6 letters in 12 bytes
		{"question weight", of(q.WeightPos), at(5, 42)},
		{"measure kind", of(m.Kind.Pos), at(6, 22)},
		{"no weight", of(m.WeightPos), at(0, 0)},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s at %d:%d, want %d:%d", tt.what, tt.got[0], tt.got[1], tt.want[0], tt.want[1])
		}
	}
}

// TestParseRulesAfterSyntaxErrors checks which static rules are still
// reported when the source has syntax errors: those the author broke,
// not those recovery could have made up (see validateRead).
func TestParseRulesAfterSyntaxErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // line:code of every diagnostic
	}{{
		name: "a fixed keyword cuts nothing",
		src: "checklist t \"T\" {\n  scale stars 1..5\n  level 1 \"L\" {\n    question a \"A\" stras\n    qestion b \"B\" when c\n" +
			"    question c \"C\" weight -1\n  }\n  level 7 \"L\" {\n    question d \"D\"\n  }\n}\n",
		want: []string{"4:unknown-scale", "5:unknown-keyword", "5:when-forward", "6:bad-weight", "8:level-range"},
	}, {
		name: "a cut declaration may have declared the name",
		src:  "checklist t \"T\" {\n  scale stars 1..\n  level 1 \"L\" {\n    question a \"A\" stars\n    question a \"B\" when zz\n  }\n}\n",
		want: []string{"2:syntax", "5:duplicate-id"},
	}, {
		name: "a stand-in header is no level",
		src:  "checklist t \"T\" {\n  level 1 \"L\" weight {\n    question a \"A\"\n  }\n  level 1 \"M\" {\n    question b \"B\"\n  }\n}\n",
		want: []string{"2:syntax"},
	}, {
		name: "an unknown model leaves level numbers open",
		src:  "checklist t \"T\" {\n  model kotlr\n  level 5 \"L\" {\n    question a \"A\" weight -1\n  }\n}\n",
		want: []string{"2:bad-value", "4:bad-weight"},
	}, {
		name: "a dropped word may have been the kind",
		src:  "checklist t \"T\" {\n  level 1 \"L\" {\n    question a \"A\" scael\n    question b \"B\" when a >= 3\n  }\n}\n",
		want: []string{"3:unknown-keyword"},
	}, {
		name: "a mistake the builder found is not reported twice",
		src:  "checklist t \"T\" {\n  choice c {\n    x \"X\" = 1\n  }\n  level 1 \"L\" {\n    question a \"A\" c\n    question b \"B\" when a < x\n  }\n}\n",
		want: []string{"7:syntax"},
	}, {
		// More misspelt keywords than maxSyntaxErrors: each is read as
		// meant, so all are reported, and the rules are still checked.
		name: "every misspelt keyword is reported",
		src:  "checklist t \"T\" {\n  level 1 \"L\" {\n" + strings.Repeat("    qestion q \"Q\"\n", maxSyntaxErrors+2) + "  }\n}\n",
		want: func() []string {
			var want []string
			for l := 3; l < 3+maxSyntaxErrors+2; l++ {
				want = append(want, fmt.Sprintf("%d:unknown-keyword", l))
				if l > 3 {
					want = append(want, fmt.Sprintf("%d:duplicate-id", l))
				}
			}
			return want
		}(),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseWithDiagnostics("r.korto", []byte(tt.src))
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%d:%s", d.Pos.Line, d.Code))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%s", diff, renderString(diags, []byte(tt.src)))
			}
		})
	}
}

// The word after a ces or csat range names the good end of the scale.
// high and low are not keywords: they remain IDs, and a word on the next
// line is the next statement, not the direction.
func TestParseSurveyGood(t *testing.T) {
	tests := []struct {
		line string
		want korto.Kind
	}{
		{`question q "Q" ces 1..10 low`, korto.Kind{Type: korto.KindCES, Lo: 1, Hi: 10, Good: "low"}},
		{`question q "Q" ces 1..7 high optional`, korto.Kind{Type: korto.KindCES, Lo: 1, Hi: 7, Good: "high"}},
		{`question q "Q" optional csat 1..5 low`, korto.Kind{Type: korto.KindCSAT, Lo: 1, Hi: 5, Good: "low"}},
		{`question q "Q" ces 1..7`, korto.Kind{Type: korto.KindCES, Lo: 1, Hi: 7}},
		{"question q \"Q\" ces 1..7\n  optional", korto.Kind{Type: korto.KindCES, Lo: 1, Hi: 7}},
		{`question q "Q" ces 1..7 # high`, korto.Kind{Type: korto.KindCES, Lo: 1, Hi: 7}},
	}
	for _, tt := range tests {
		src := "checklist t \"T\" {\n  level 1 \"L\" {\n    question low \"Low?\"\n  }\n  survey {\n    " + tt.line + "\n  }\n}\n"
		c, diags := ParseWithDiagnostics("t.korto", []byte(src))
		if diags.HasErrors() {
			t.Errorf("%s:\n%s", tt.line, renderString(diags, []byte(src)))
			continue
		}
		if diff := cmp.Diff(tt.want, c.Survey.Questions[0].Kind, ignorePos); diff != "" {
			t.Errorf("%s: kind (-want +got):\n%s", tt.line, diff)
		}
		if q := c.Question("low"); q == nil {
			t.Errorf("%s: no question with the ID low", tt.line)
		}
	}
}

func TestParseSurveyGoodErrors(t *testing.T) {
	tests := []struct {
		line string
		want string // code, column and message of the one diagnostic
	}{
		{`question q "Q" ces 1..10 lwo`, `bad-value 26: unknown direction "lwo" after ces 1..10; did you mean "low"?`},
		{`question q "Q" csat 1..5 easy`, `bad-value 26: unknown direction "easy" after csat 1..5; expected high or low`},
		{`question q "Q" ces 1..5 optinal`, `unknown-keyword 25: unknown keyword "optinal"; did you mean "optional"?`},
		{`question q "Q" scale 1..5 low`, `bad-value 27: scale 1..5 cannot say "low" is good`},
		{`question q "Q" scale 1..5 foo`, `repeated 27: unexpected "foo" after scale 1..5: a question has one kind`},
		{`question q "Q" ces 0..4`, `ces-direction 16: ces 0..4 does not say which end is good; it is taken as high (higher is easier)`},
	}
	for _, tt := range tests {
		src := "checklist t \"T\" {\n  level 1 \"L\" {\n    question x \"X\"\n  }\n  survey {\n" + tt.line + "\n  }\n}\n"
		_, diags := ParseWithDiagnostics("t.korto", []byte(src))
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%s %d: %s", d.Code, d.Pos.Column, d.Message))
		}
		if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.line, diff)
		}
	}
}

// language.md, lexical rules: "a question's kind and modifiers stand on
// its line; a following line continues it only when it starts with a
// modifier keyword ..., and a when condition ends with its line". An
// operator, a text or a modifier's argument at the start of the next
// line used to be read as part of the question.
func TestParseQuestionLines(t *testing.T) {
	tests := []struct {
		lines string
		want  []string // line:column and message of each diagnostic
	}{
		{"question c \"C\" when a\n      and a", []string{`6:7: keyword "and" cannot start a line: a condition ends with its line`}},
		{"question c \"C\" when a\n      or not a", []string{`6:7: keyword "or" cannot start a line: a condition ends with its line`}},
		{"question c \"C\" when s\n      > 3", []string{`6:7: ">" cannot start a line: a condition ends with its line`}},
		{"question c \"C\" when s >\n      3", []string{`6:7: number 3 cannot start a line: a condition ends with its line`}},
		{"question c \"C\" when a and s > 3 or not a\n      weight 2 hint \"h\"", nil},
		{"question c \"C\" when a // a comment\n      when a", []string{`6:7: when is given twice for question c`}},
		{"question c\n      \"C\"", []string{`6:7: text "C" cannot start a line: a question goes on to a new line only with a modifier`}},
		{"question c \"C\"\n      @en \"C\"", []string{`6:7: "@en" cannot start a line: a question goes on to a new line only with a modifier`}},
		{"question c \"C\" hint\n      \"h\"", []string{`6:7: text "h" cannot start a line: a question goes on to a new line only with a modifier`}},
		{"question c \"C\" tags x,\n      y", []string{`6:7: "y" cannot start a line: a question goes on to a new line only with a modifier`}},
		{"question c \"C\" measure \"min\" target <=\n      5", []string{`6:7: number 5 cannot start a line: a question goes on to a new line only with a modifier`}},
		{"question c \"C\" critical\n      hint \"h\" @en \"h\" weight 2\n      tags x, y", nil},
	}
	for _, tt := range tests {
		src := "checklist t \"T\" {\n  level 1 \"L\" {\n    question a \"A\"\n    question s \"S\" scale 1..5\n    " + tt.lines + "\n  }\n}\n"
		_, diags := ParseWithDiagnostics("t.korto", []byte(src))
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%d:%d: %s", d.Pos.Line, d.Pos.Column, d.Message))
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q: (-want +got):\n%s", tt.lines, diff)
		}
	}
}

// When the parser stops guessing, the last diagnostic says so, after the
// errors it counts: "10 errors" must not read as the whole file.
func TestSyntaxErrorLimitSaid(t *testing.T) {
	src := "checklist t \"T\" {\n  level 1 \"L\" {\n" + strings.Repeat("    question q \"Q\" weight x\n", maxSyntaxErrors+4) + "  }\n}\n"
	_, ds := ParseWithDiagnostics("many.korto", []byte(src))
	errs := 0
	for _, d := range ds {
		if d.Severity == korto.SeverityError {
			errs++
		}
	}
	last := ds[len(ds)-1]
	if errs != maxSyntaxErrors || last.Severity != korto.SeverityWarning || last.Code != diag.CodeLimit ||
		last.Message != "stopped after 10 syntax errors: the rest of the file was not checked" || last.Pos.Line != 2+maxSyntaxErrors {
		t.Errorf("%d errors, last %+v", errs, last)
	}
}
